import type { Cma } from '../../domain/cma/types.ts';
import { formatUsd } from '../../domain/follow-up/format.ts';
import { type Skill, skillText } from '../../domain/skills/skill.ts';
import type { BuiltPrompt } from './prompt.ts';

export interface NarrativeInput {
  lang: 'en' | 'es';
  address: string;
  cma: Cma;
}

export interface NarrativePrompt {
  build(input: NarrativeInput): BuiltPrompt;
  /** The CMA's figures as given to the model: the only ones its paragraph may repeat. */
  facts(input: NarrativeInput): string;
}

/** The figures of a CMA, one per line, in the form the email shows them. */
function factLines(input: NarrativeInput): string[] {
  const { cma } = input;
  const lines = [
    `Property: ${input.address}`,
    `Value range: ${formatUsd(cma.range.low)} to ${formatUsd(cma.range.high)}, most likely ${formatUsd(cma.range.likely)}`,
    `Comparable sales used: ${cma.comps.length}, sold within the last ${cma.search.months} months`,
    `Median price per square foot of those sales: ${formatUsd(cma.pricePerSqft.median)}`,
    `Confidence: ${cma.confidence}`,
  ];
  if (cma.estimated.length > 0) lines.push(`Estimated (not given by the owner): ${cma.estimated.join(', ')}`);
  if (cma.sellerPrice) {
    lines.push(
      `The owner's price: ${formatUsd(cma.sellerPrice.sellerPrice)} (${cma.sellerPrice.verdict.replaceAll('_', ' ')} the range)`,
    );
  }
  return lines;
}

/**
 * The CMA narrative (task `cma_narrative`): two or three sentences for the day-14 email that say
 * what the range means, built only from the CMA's own figures. Checked like a reply before use;
 * without it the email simply has no such paragraph.
 */
export function createNarrativePrompt(
  skills: readonly Skill[],
  persona: { agentName: string; market: string },
): NarrativePrompt {
  const body = (name: string) => {
    const skill = skills.find((s) => s.name === name);
    return skill ? skillText(skill, persona) : '';
  };
  const base = [body('persona-and-tone'), body('market-facts')].filter(Boolean).join('\n\n');
  const spanish = body('spanish-style');
  return {
    facts: (input) => factLines(input).join('\n'),
    build(input) {
      const system = [
        { text: base, cache: true },
        ...(input.lang === 'es' && spanish ? [{ text: spanish }] : []),
      ];
      const content = [
        'Task: CMA narrative. Write two or three sentences for the market analysis email that explain',
        'what the value range means for this home, in plain words, as the agent.',
        `Language: ${input.lang === 'es' ? 'Spanish' : 'English'}.`,
        '',
        'The analysis (the only figures you may use, copied exactly as written):',
        '<cma>',
        ...factLines(input),
        '</cma>',
        '',
        'No other numbers, no prices or trends that are not above, no promises, no questions, no URLs,',
        'no emoji, nothing about neighbourhood character or who lives there. Answer with the sentences only.',
      ].join('\n');
      return {
        system,
        messages: [{ role: 'user', content }],
        mode: 'narrative',
        loaded: ['persona-and-tone', 'market-facts'],
      };
    },
  };
}
