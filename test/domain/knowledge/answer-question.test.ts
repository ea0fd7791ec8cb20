import { describe, expect, it } from 'vitest';
import { checkOutbound } from '../../../src/domain/compliance/outbound.ts';
import {
  type AnswerData,
  answerQuestion,
  checkTopicAnswer,
  defaultKnowledgeBase as kb,
  KNOWLEDGE_TOPICS,
  type KnowledgeFacts,
} from '../../../src/domain/knowledge/index.ts';
import type { QuestionTopic } from '../../../src/domain/understand/types.ts';

const bare: KnowledgeFacts = { agentName: 'Jorge', market: 'Rancho Cucamonga, CA' };
const full: KnowledgeFacts = {
  ...bare,
  assistantName: 'Sam',
  brokerage: 'Foothill Realty',
  licenseNumber: 'DRE 01234567',
};
const LANGS = ['en', 'es'] as const;
const STATIC = KNOWLEDGE_TOPICS.filter(
  (t) => !['home_value', 'listing_status', 'area_info', 'market'].includes(t),
);

const textOf = (a: ReturnType<typeof answerQuestion>): string => {
  if ('unknown' in a) throw new Error('expected an answer');
  return a.text;
};

describe('answers from the shipped knowledge base', () => {
  for (const lang of LANGS)
    for (const facts of [bare, full])
      it(`every configured topic gets one short, sendable statement (${lang}, ${facts.brokerage ? 'full' : 'bare'} persona)`, () => {
        for (const topic of STATIC) {
          const a = answerQuestion(topic, kb, lang, facts);
          const text = textOf(a);
          expect([...text].length, topic).toBeLessThanOrEqual(160);
          expect(text, topic).not.toMatch(/[?¿]/);
          expect(checkOutbound(text, { maxLength: 160, agentName: 'Jorge' }).violations, topic).toEqual([]);
          expect(a).toMatchObject({ source: `kb:${topic}` });
        }
      });

  it('states no figure the realtor did not configure', () => {
    for (const lang of LANGS)
      for (const topic of STATIC)
        expect(textOf(answerQuestion(topic, kb, lang, bare)), topic).not.toMatch(/\d|%|\$/);
    // The only digits with a full persona are the configured license number.
    for (const lang of LANGS)
      for (const topic of STATIC) {
        const rest = textOf(answerQuestion(topic, kb, lang, full)).replace('DRE 01234567', '');
        expect(rest, topic).not.toMatch(/\d|%|\$/);
      }
  });

  it('introduces an assistant, never the agent in person, in both languages', () => {
    expect(textOf(answerQuestion('identity', kb, 'en', full))).toMatch(
      /^I'm Sam, Jorge's assistant at Foothill Realty\./,
    );
    expect(textOf(answerQuestion('identity', kb, 'es', full))).toMatch(
      /^Soy Sam, asistente de Jorge en Foothill Realty\./,
    );
    expect(textOf(answerQuestion('identity', kb, 'en', bare))).toMatch(/^I'm Jorge's assistant\./);
    expect(textOf(answerQuestion('identity', kb, 'es', bare))).toMatch(/^Soy asistente de Jorge\./);
    for (const lang of LANGS)
      for (const facts of [bare, full])
        expect(textOf(answerQuestion('identity', kb, lang, facts))).not.toMatch(/^(?:I'm|Soy) Jorge[.,]/);
  });

  it('gives the license and brokerage when configured, else offers the agent', () => {
    expect(textOf(answerQuestion('licensed', kb, 'en', full))).toContain(
      'Foothill Realty, license DRE 01234567',
    );
    expect(textOf(answerQuestion('scam', kb, 'es', full))).toContain('licencia DRE 01234567');
    const plain = textOf(answerQuestion('licensed', kb, 'en', bare));
    expect(plain).toMatch(/licensed real estate agent/);
    expect(plain).toMatch(/directly/);
    expect(textOf(answerQuestion('scam', kb, 'en', bare))).toMatch(/speak with you directly/);
  });

  it('offers the agent for fees, closing costs, process and pre-approval', () => {
    for (const topic of ['fees_commission', 'closing_costs', 'process', 'preapproval_needed'] as const)
      for (const lang of LANGS) expect(textOf(answerQuestion(topic, kb, lang, bare))).toContain('Jorge');
  });

  it('says how the number was found and how to stop', () => {
    expect(textOf(answerQuestion('how_got_number', kb, 'en', bare))).toMatch(/inquiry.*reply STOP/);
    expect(textOf(answerQuestion('how_got_number', kb, 'es', bare))).toMatch(/consulta.*responda STOP/);
  });

  it('confirms the email it knows, or asks for one', () => {
    const known = { ...bare, leadEmail: 'dana.p@example.com' };
    expect(textOf(answerQuestion('switch_to_email', kb, 'en', known))).toContain('dana.p@example.com');
    expect(textOf(answerQuestion('switch_to_email', kb, 'es', known))).toContain('dana.p@example.com');
    expect(textOf(answerQuestion('switch_to_email', kb, 'en', bare))).toMatch(/reply with your email/);
    expect(
      checkOutbound(textOf(answerQuestion('switch_to_email', kb, 'en', known)), {
        maxLength: 160,
        agentName: 'Jorge',
      }).ok,
    ).toBe(true);
  });

  it('acknowledges a reschedule or a cancellation', () => {
    expect(textOf(answerQuestion('reschedule', kb, 'en', bare))).toMatch(/another time/);
    expect(textOf(answerQuestion('cancel', kb, 'es', bare))).toMatch(/Jorge que cancele su cita/);
  });

  it('falls back to a shorter wording when a long persona would overflow one text', () => {
    const long: KnowledgeFacts = {
      agentName: 'Maria Guadalupe Fernandez',
      market: 'Rancho Cucamonga and the Inland Empire, California',
      assistantName: 'Alexandra Catalina',
      brokerage: 'Keller Williams Realty Rancho Cucamonga Etiwanda',
      licenseNumber: 'DRE 01234567',
    };
    for (const lang of LANGS)
      for (const topic of STATIC) {
        const a = answerQuestion(topic, kb, lang, long);
        if ('unknown' in a) continue;
        expect([...a.text].length, topic).toBeLessThanOrEqual(160);
      }
    expect(textOf(answerQuestion('identity', kb, 'en', long))).toBe(
      "I'm Alexandra Catalina, Maria Guadalupe Fernandez's assistant at Keller Williams Realty Rancho Cucamonga Etiwanda.",
    );
  });
});

describe('questions nobody configured', () => {
  it('are unknown, so the agent answers them', () => {
    for (const lang of LANGS) expect(answerQuestion('other', kb, lang, full)).toEqual({ unknown: true });
    const off = { topics: { ...kb.topics, fees_commission: null } };
    expect(answerQuestion('fees_commission', off, 'en', full)).toEqual({ unknown: true });
  });

  it('uses the realtor’s own figures when they configure them', () => {
    const mine = {
      topics: {
        ...kb.topics,
        fees_commission: { en: ['My listing fee is 2.5%, and {agent} explains what it covers.'], es: ['x'] },
      },
    };
    expect(answerQuestion('fees_commission', mine, 'en', bare)).toEqual({
      text: 'My listing fee is 2.5%, and Jorge explains what it covers.',
      source: 'kb:fees_commission',
    });
  });
});

describe('data-backed answers', () => {
  const value: AnswerData = { kind: 'value', low: 640_000, high: 695_000, address: '8127 Banyan St' };
  const listing: AnswerData = {
    kind: 'listing',
    address: '77 Haven Ave',
    price: 729_000,
    beds: 4,
    status: 'active',
  };
  const area: AnswerData = { kind: 'area', area: 'Etiwanda', median: 815_000, months: 6, days: 24 };

  it('are unknown without data, or with data of another kind', () => {
    const topics: QuestionTopic[] = ['home_value', 'listing_status', 'area_info', 'market'];
    for (const topic of topics)
      for (const lang of LANGS)
        expect(answerQuestion(topic, kb, lang, full), topic).toEqual({ unknown: true });
    expect(answerQuestion('home_value', kb, 'en', full, listing)).toEqual({ unknown: true });
    expect(answerQuestion('listing_status', kb, 'en', full, value)).toEqual({ unknown: true });
    expect(answerQuestion('market', kb, 'en', full, value)).toEqual({ unknown: true });
    expect(
      answerQuestion('home_value', kb, 'en', full, { kind: 'value', low: 700_000, high: 600_000 }),
    ).toEqual({ unknown: true });
  });

  it('phrase a home value from the CMA range and nothing else', () => {
    const a = answerQuestion('home_value', kb, 'en', full, value);
    expect(a).toEqual({
      text: 'Based on recent nearby sales, 8127 Banyan St is likely worth about $640,000 to $695,000. Jorge can prepare a full report.',
      source: 'data:cma',
    });
    const es = textOf(
      answerQuestion('home_value', kb, 'es', full, { kind: 'value', low: 640_000, high: 695_000 }),
    );
    expect(es).toContain('su casa probablemente vale entre $640,000 y $695,000');
  });

  it('phrase a listing from its price, bedrooms and status', () => {
    expect(answerQuestion('listing_status', kb, 'en', full, listing)).toEqual({
      text: 'The home at 77 Haven Ave is still available, listed at $729,000 with 4 bedrooms.',
      source: 'data:listings',
    });
    expect(textOf(answerQuestion('listing_status', kb, 'es', full, { ...listing, status: 'sold' }))).toBe(
      'La casa en 77 Haven Ave está vendida, con precio de $729,000 y 4 recámaras.',
    );
  });

  it('phrase an area and its market from the comps summary', () => {
    expect(answerQuestion('area_info', kb, 'en', full, area)).toEqual({
      text: 'Homes in Etiwanda sold for a median of $815,000 over the last 6 months.',
      source: 'data:comps',
    });
    expect(textOf(answerQuestion('market', kb, 'en', full, area))).toBe(
      'In Etiwanda, homes sold over the last 6 months went for a median of $815,000, in about 24 days on the market.',
    );
    // Without days on market the sentence leaves them out instead of guessing.
    expect(
      textOf(answerQuestion('market', kb, 'es', full, { kind: 'area', area: 'Upland', median: 700_000 })),
    ).toBe('En Upland, las ventas recientes tuvieron un precio mediano de $700,000.');
  });

  it('carry no figure that is not in the data, and fit one text', () => {
    const cases: [QuestionTopic, AnswerData, string[]][] = [
      ['home_value', value, ['8127', '$640,000', '$695,000']],
      ['listing_status', listing, ['77', '$729,000', '4']],
      ['area_info', area, ['$815,000', '6']],
      ['market', area, ['$815,000', '6', '24']],
    ];
    for (const [topic, data, figures] of cases)
      for (const lang of LANGS) {
        const text = textOf(answerQuestion(topic, kb, lang, full, data));
        expect([...text].length).toBeLessThanOrEqual(160);
        expect(checkOutbound(text, { maxLength: 160, agentName: 'Jorge', placeNames: ['Etiwanda'] }).ok).toBe(
          true,
        );
        const rest = figures.reduce((t, f) => t.replace(f, ''), text);
        expect(rest, `${topic} ${lang}: ${text}`).not.toMatch(/\d/);
      }
  });
});

describe('the shipped wording', () => {
  it('passes the same checks a realtor’s file must pass', () => {
    for (const topic of KNOWLEDGE_TOPICS)
      for (const facts of [bare, full]) {
        const entry = kb.topics[topic];
        expect(entry, topic).not.toBeNull();
        if (entry) expect(checkTopicAnswer(topic, entry, facts), topic).toEqual([]);
      }
  });
});
