import { checkOutbound } from '../compliance/outbound.ts';
import { ANSWER_MAX_LENGTH } from './answer-question.ts';
import {
  DATA_TOPICS,
  FACT_PLACEHOLDERS,
  fillWording,
  isDataTopic,
  paramsFor,
  placeholdersOf,
} from './render.ts';
import type { KnowledgeFacts, KnowledgeTopic, Lang, TopicAnswer } from './types.ts';

export interface WordingProblem {
  /** Where in the file: ["topics", "fees_commission", "en", 0]. */
  path: (string | number)[];
  message: string;
}

// Typical values for facts and data the file may use but this start-up cannot know yet, so a
// wording is measured the way it will be sent.
const SAMPLE: Record<string, string> = {
  assistant: 'Alex',
  brokerage: 'Sample Realty Group',
  license: 'DRE 01234567',
  email: 'name@example.com',
  low: '$1,250,000',
  high: '$1,350,000',
  price: '$1,250,000',
  median: '$1,250,000',
  address: '12345 Sample Canyon Rd',
  beds: '4',
  status: 'still available',
  area: 'Rancho Cucamonga',
  months: '12',
  days: '30',
};

const OUTBOUND_REASON: Record<string, string> = {
  too_long: `is longer than one text (${ANSWER_MAX_LENGTH} characters) once filled in`,
  url: 'contains a link; texts to leads carry no links',
  emoji: 'contains an emoji; texts to leads carry none',
  multiple_questions: 'must be a statement without a question mark (the bot asks its own next question)',
  ai_mention: 'mentions AI or automation, which is only said when a lead sincerely asks',
  steering: 'describes neighbourhoods or people in a way fair housing law forbids',
  dash_clutter: 'uses dashes as punctuation; write commas or full stops',
  empty: 'is empty',
};

/** Every problem in a topic's wordings, for the realtor to fix before the service starts. */
export function checkTopicAnswer(
  topic: KnowledgeTopic,
  answer: Partial<TopicAnswer>,
  facts: KnowledgeFacts,
  placeNames: readonly string[] = [],
): WordingProblem[] {
  const problems: WordingProblem[] = [];
  const dataNames: readonly string[] = isDataTopic(topic) ? DATA_TOPICS[topic].placeholders : [];
  const allowed = [...FACT_PLACEHOLDERS, ...dataNames];
  for (const lang of ['en', 'es'] as const satisfies Lang[]) {
    (answer[lang] ?? []).forEach((wording, i) => {
      const path = ['topics', topic, lang, i];
      const add = (message: string) => problems.push({ path, message });
      const used = placeholdersOf(wording);
      for (const name of used.filter((n) => !allowed.includes(n)))
        add(`{${name}} is not a placeholder this topic knows; use ${allowed.map((n) => `{${n}}`).join(' ')}`);
      if (dataNames.length > 0 && !used.some((n) => dataNames.includes(n)))
        add(
          `must use the looked-up data (${dataNames.map((n) => `{${n}}`).join(' ')}); this topic is never answered from memory`,
        );
      if (/[?¿]/.test(wording)) add(OUTBOUND_REASON.multiple_questions ?? '');
      const filled = fillWording(wording, { ...SAMPLE, ...paramsFor(facts, lang) });
      if (filled === null) return;
      const check = checkOutbound(filled, {
        maxLength: ANSWER_MAX_LENGTH,
        agentName: facts.agentName,
        placeNames,
      });
      for (const v of check.violations.filter((x) => x !== 'multiple_questions'))
        add(`${OUTBOUND_REASON[v] ?? v}: "${filled}"`);
    });
  }
  return problems;
}
