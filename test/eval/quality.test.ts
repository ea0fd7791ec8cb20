import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readUtterance } from '../../src/domain/understand/read-utterance.ts';
import { loadConversations, loadUtterances, SPLITS, type Split } from '../../eval/lib/corpus.ts';
import {
  type ConversationResult,
  type ConversationRunner,
  startConversationRunner,
} from '../../eval/lib/conversation-eval.ts';
import { headline } from '../../eval/lib/report.ts';
import { evaluateUtterances } from '../../eval/lib/utterance-eval.ts';

// The conversation-quality evaluation (npm run eval) as part of the suite: a change that makes
// the bots understand leads worse fails here. On the train split (where the readers were
// developed) and the dev split compliance is absolute: no STOP/HELP/START misread, no opt-out
// ignored, no soliciting after a no. The held-out test split is only measured, never tuned on; its floors are
// the values measured when they were written (docs/CONVERSATION_QUALITY.md, with the targets the
// test split does not meet yet), so they catch a regression and nothing else. No question is ever
// asked more than twice, on either split.

interface Floors {
  slots: number;
  questions: number;
  objections: number;
  conversations: number;
  keywordMisses: number;
  conversationComplianceMisses: number;
}

const FLOORS: Record<Split, Floors> = {
  train: {
    slots: 0.99,
    questions: 0.99,
    objections: 0.99,
    conversations: 0.97,
    keywordMisses: 0,
    conversationComplianceMisses: 0,
  },
  // Development split (written after train/test, weighted toward the hard classes): tuned on
  // like train, so its floors sit just under the measured values.
  dev: {
    slots: 0.97,
    questions: 0.99,
    objections: 0.97,
    conversations: 0.96,
    keywordMisses: 0,
    conversationComplianceMisses: 0,
  },
  // Second development split, written fresh after the readers were built (ids v…): its first
  // measurement was 90.3 % slots, 79.9 % questions, 64.7 % objections, 51/67 conversations, much
  // like the held-out split. Tuned on from then, so its floors follow the measured values (97.7 %,
  // 95.3 %, 93.8 %, 64/67). Its 2 keyword errors and 1 compliance miss are labels that call "why do
  // you keep texting me" no opt-out, where train's labels (and the corpus rules) call it STOP.
  dev2: {
    slots: 0.97,
    questions: 0.95,
    objections: 0.93,
    conversations: 0.94,
    keywordMisses: 2,
    conversationComplianceMisses: 1,
  },
  // Third development split, written from the lead's side after dev2 was tuned on (ids w…). First
  // measurement, before any change for it: 91.2 % slots, 85.6 % questions, 70.0 % objections, 10
  // keyword errors, 62/78 conversations, 1 compliance miss. Tuned on from then (94.3 %, 95.2 %,
  // 90.0 %, 2, 64/78, 0).
  dev3: {
    slots: 0.94,
    questions: 0.95,
    objections: 0.89,
    conversations: 0.82,
    keywordMisses: 2,
    conversationComplianceMisses: 0,
  },
  // Fourth development split, written from the lead's side after dev3 was tuned on (ids x…).
  // First measurement, before any change for it: 95.0 % slots, 80.3 % questions, 82.7 %
  // objections, 5 keyword errors, 51/61 conversations, 2 compliance misses. Its keyword and
  // compliance misses are fixed in the rules (95.0 %, 80.3 %, 82.7 %, 0, 54/61, 0). The act
  // classifier is not trained on it: trained with it, the model called "tell me a joke" hostile
  // and missed "mostly curious, no actual plans" (act-classifier.test.ts), so dev4 stays a split
  // the model has not seen.
  dev4: {
    slots: 0.94,
    questions: 0.8,
    objections: 0.82,
    conversations: 0.88,
    keywordMisses: 0,
    conversationComplianceMisses: 0,
  },
  // Fifth development split, written from the lead's side after dev4 was tuned on (ids y…). First
  // measurement, before any change for it: 88.8 % slots, 71.4 % questions, 63.9 % objections, 13
  // keyword errors, 57/72 conversations, 2 compliance misses. Tuned on from then (88.8 %, 75.9 %,
  // 77.0 %, 1, 62/72, 0).
  dev5: {
    slots: 0.88,
    questions: 0.75,
    objections: 0.76,
    conversations: 0.86,
    keywordMisses: 1,
    conversationComplianceMisses: 0,
  },
  // Sixth development split, written from the lead's side after dev5 was tuned on (ids z…). First
  // measurement, before any change for it: 89.5 % slots, 80.5 % questions, 74.5 % objections, 10
  // keyword errors, 52/75 conversations, 3 compliance misses. Tuned on from then (89.5 %, 84.1 %,
  // 79.6 %, 0, 61/75, 0).
  dev6: {
    slots: 0.89,
    questions: 0.84,
    objections: 0.79,
    conversations: 0.81,
    keywordMisses: 0,
    conversationComplianceMisses: 0,
  },
  // Seventh development split, written from the lead's side after dev6 was tuned on (ids k…). First
  // measurement, before any change for it: 87.1 % slots, 77.2 % questions, 70.7 % objections, 17
  // keyword errors, 68/77 conversations, 0 compliance misses. Tuned on from then (90.4 %, 97.4 %,
  // 94.0 %, 0, 71/77, 0).
  dev7: {
    slots: 0.9,
    questions: 0.97,
    objections: 0.93,
    conversations: 0.9,
    keywordMisses: 0,
    conversationComplianceMisses: 0,
  },
  // Eighth development split, written from the lead's side after dev7 was tuned on (ids m…). First
  // measurement, before any change for it (7f91f7a): 82.1 % slots, 81.1 % questions, 64.4 %
  // objections, 15 keyword errors, 52/80 conversations, 4 compliance misses. Tuned on from then
  // (92.3 %, 96.1 %, 95.6 %, 0, 77/80, 0).
  dev8: {
    slots: 0.92,
    questions: 0.96,
    objections: 0.95,
    conversations: 0.96,
    keywordMisses: 0,
    conversationComplianceMisses: 0,
  },
  // Ninth development split, written from the lead's side after dev8 was tuned on (ids p…). First
  // measurement, before any change for it (81d552b): 90.8 % slots, 76.5 % questions, 78.9 %
  // objections, 9 keyword errors, 61/79 conversations, 1 compliance miss (at fee1811, before the
  // dev8 work: 90.5 %, 76.5 %, 77.2 %, 10, 59/79, 2). Tuned on from then (95.9 %, 88.2 %, 93.0 %,
  // 0, 69/79, 0).
  dev9: {
    slots: 0.95,
    questions: 0.88,
    objections: 0.92,
    conversations: 0.87,
    keywordMisses: 0,
    conversationComplianceMisses: 0,
  },
  // Tenth development split, written from the lead's side after dev9 was tuned on (ids q…). First
  // measurement, before any change for it (078dfa8): 89.8 % slots, 81.3 % questions, 75.4 %
  // objections, 4 keyword errors, 49/83 conversations, 1 compliance miss. Tuned on from then
  // (91.2 %, 90.1 %, 97.5 %, 0, 70/83, 0).
  dev10: {
    slots: 0.91,
    questions: 0.9,
    objections: 0.97,
    conversations: 0.84,
    keywordMisses: 0,
    conversationComplianceMisses: 0,
  },
  // Eleventh development split, written from the lead's side after dev10 was tuned on (ids r…),
  // with what matters said in passing. First measurement, before any change for it (66cac6f):
  // 86.3 % slots, 69.9 % questions, 61.1 % objections, 8 keyword errors, 49/65 conversations, 0
  // compliance misses. Tuned on from then (86.3 %, 85.5 %, 93.8 %, 0, 56/65, 0).
  dev11: {
    slots: 0.86,
    questions: 0.85,
    objections: 0.93,
    conversations: 0.86,
    keywordMisses: 0,
    conversationComplianceMisses: 0,
  },
  // Twelfth development split, written from the lead's side after dev11 was tuned on (ids s…), as
  // people type in a hurry (voice-to-text, half-digit amounts, terse and run-on replies). First
  // measurement, before any change for it (d14819f): 89.5 % slots, 85.4 % questions, 75.9 %
  // objections, 7 keyword errors, 55/67 conversations, 1 compliance miss. Tuned on from then
  // (92.5 %, 94.3 %, 94.4 %, 1, 62/67, 0).
  dev12: {
    slots: 0.92,
    questions: 0.94,
    objections: 0.94,
    conversations: 0.92,
    keywordMisses: 1,
    conversationComplianceMisses: 0,
  },
  // Thirteenth development split, written from the lead's side after dev12 was tuned on (ids n…),
  // leads replying in the middle of their day and days later. First measurement, before any change
  // for it (a7f132b): 88.1 % slots, 89.8 % questions, 79.0 % objections, 1 keyword error, 55/70
  // conversations, 0 compliance misses. Tuned on from then (92.6 %, 96.1 %, 93.8 %, 0, 64/70, 0).
  dev13: {
    slots: 0.92,
    questions: 0.96,
    objections: 0.93,
    conversations: 0.9,
    keywordMisses: 0,
    conversationComplianceMisses: 0,
  },
  // Fourteenth development split, written from the lead's side after dev13 was tuned on (ids g…),
  // leads coming back after weeks of silence and leads from every source (Zillow, an open house, an
  // ad, a referral, an expired listing, a home-value form). First measurement, before any change
  // for it (b9df943): 86.8 % slots, 72.3 % questions, 68.5 % objections, 11 keyword errors, 52/72
  // conversations, 2 compliance misses. Tuned on from then (91.6 %, 93.8 %, 97.3 %, 1, 65/72, 0).
  dev14: {
    slots: 0.91,
    questions: 0.93,
    objections: 0.97,
    conversations: 0.9,
    keywordMisses: 1,
    conversationComplianceMisses: 0,
  },
  // Fifteenth development split, written from the lead's side after dev14 was tuned on (ids h…),
  // leads in the holiday season and leads burned by a past agent or deal. First measurement, before
  // any change for it (c1a03b8): 87.9 % slots, 84.3 % questions, 72.6 % objections, 3 keyword
  // errors, 49/71 conversations, 2 compliance misses. Tuned on from then (90.3 %, 94.0 %, 91.9 %,
  // 0, 55/71, 0).
  dev15: {
    slots: 0.9,
    questions: 0.93,
    objections: 0.91,
    conversations: 0.77,
    keywordMisses: 0,
    conversationComplianceMisses: 0,
  },
  // Sixteenth development split, written from the lead's side after dev15 was tuned on (ids j…),
  // ordinary weekday leads of every kind, short and long texters. First measurement, before any
  // change for it (d9d608d): 86.6 % slots, 74.2 % questions, 76.1 % objections, 6 keyword errors,
  // 45/70 conversations, 5 compliance misses. Tuned on from then.
  dev16: {
    slots: 0.86,
    questions: 0.75,
    objections: 0.82,
    conversations: 0.71,
    keywordMisses: 0,
    conversationComplianceMisses: 0,
  },
  // Seventeenth development split, written from the lead's side after dev16 was tuned on (ids f…),
  // leads around New Year and leads who text in unusual ways (voice-to-text, very terse, replies
  // hours later). First measurement, before any change for it (the rules of 1b21f7d): 91.5 % slots, 86.7 %
  // questions, 87.7 % objections, 2 keyword errors, 56/71 conversations, 1 compliance miss. Tuned
  // on from then (93.3 %, 87.8 %, 91.2 %, 0, 62/71, 0).
  dev17: {
    slots: 0.93,
    questions: 0.87,
    objections: 0.91,
    conversations: 0.87,
    keywordMisses: 0,
    conversationComplianceMisses: 0,
  },
  // Eighteenth development split, written from the lead's side after dev17 was tuned on (ids t…),
  // leads texting from their working and family life (shift workers, teachers, small-business
  // owners, veterans, people rebuilding credit, grandparents helping a grandchild). First
  // measurement, before any change for it (the rules of 372bb2c): 85.3 % slots, 75.8 % questions,
  // 80.4 % objections, 2 keyword errors, 54/72 conversations, 0 compliance misses. Tuned on from
  // then (89.8 %, 79.8 %, 94.6 %, 0, 62/72, 0).
  dev18: {
    slots: 0.89,
    questions: 0.79,
    objections: 0.94,
    conversations: 0.86,
    keywordMisses: 0,
    conversationComplianceMisses: 0,
  },
  // Nineteenth development split, written from the lead's side after dev18 was tuned on (ids b…),
  // leads in December and leads who change their minds or mix things (a no then a yes, corrections,
  // selling and buying at once, numbers in every shape). First measurement, before any change for
  // it (the rules of 22ca1fd): 77.7 % slots, 79.1 % questions, 74.2 % objections, 6 keyword errors,
  // 44/74 conversations, 0 compliance misses. Tuned on from then (82.9 %, 86.6 %, 87.9 %, 0,
  // 61/74, 0).
  dev19: {
    slots: 0.82,
    questions: 0.86,
    objections: 0.87,
    conversations: 0.82,
    keywordMisses: 0,
    conversationComplianceMisses: 0,
  },
  // Twentieth development split, written from the lead's side after dev19 was tuned on (ids e…),
  // leads who write by email as well as by text, open-house and referral leads, past clients, school
  // and family moves, divorces, landlords with tenants, leads burned by other agents. First
  // measurement, before any change for it (the rules of 767a45c): 81.2 % slots, 80.0 % questions,
  // 62.4 % objections, 5 keyword errors, 48/72 conversations, 2 compliance misses. After
  // the readings for it (4fea46f): 83.8 %, 92.5 %, 80.0 %, 0 keyword errors, 58/72, 1 compliance miss.
  dev20: {
    slots: 0.83,
    questions: 0.92,
    objections: 0.8,
    conversations: 0.8,
    keywordMisses: 0,
    conversationComplianceMisses: 0,
  },
  dev21: {
    slots: 0.85,
    questions: 0.72,
    objections: 0.86,
    conversations: 0.78,
    keywordMisses: 1,
    conversationComplianceMisses: 0,
  },
  // Twenty-second development split, written from the lead's side after dev21 was tuned on (ids
  // o…), ad and open-house leads, military moves, first-time buyers, divorces, landlords, heirs who
  // co-own, voice-to-text. First measurement, before any change for it (the rules of f8e2dd7):
  // 79.6 % slots, 72.3 % questions, 66.0 % objections, 11 keyword errors, 47/76 conversations,
  // 1 compliance miss. Tuned on from then (79.6 %, 74.8 %, 76.7 %, 0, 51/76, 0).
  dev22: {
    slots: 0.79,
    questions: 0.74,
    objections: 0.76,
    conversations: 0.67,
    keywordMisses: 0,
    conversationComplianceMisses: 0,
  },
  // Twenty-third development split, written from the lead's side after dev22 was tuned on (ids
  // a…), tight money (foreclosure notices, short sales, bank-statement loans, credit rebuilding),
  // HOA and manufactured homes, rent-or-sell, one spouse for both, one-word replies. First
  // measurement, before any change for it (the rules and classifier of 35ef86d): 81.8 % slots,
  // 65.7 % questions, 64.6 % objections, 2 keyword errors, 46/75 conversations, 0 compliance misses.
  // Tuned on from then, and the act classifier trained on it (81.8 %, 81.8 %, 80.0 %, 2, 51/75, 0).
  dev23: {
    slots: 0.81,
    questions: 0.81,
    objections: 0.8,
    conversations: 0.68,
    keywordMisses: 2,
    conversationComplianceMisses: 0,
  },
  // Held out: measured, never tuned on. 90.6 % slots, 80.8 % questions, 80.5 % objections, 85/107
  // conversations at 5b12bae (questions and objections were 78.8 % and 76.6 % before the trained
  // act classifier). After the dev3 work: 90.8 %, 79.8 %, 79.2 % (one question and one objection
  // fewer), 85/107. After the dev6 work: objections 80.5 %, the rest unchanged. After the dev7
  // work: questions 80.8 %, 87/107 conversations, the rest unchanged. After the dev8 and dev9 work:
  // unchanged (86/107 at one point between, 87/107 at the end). After the dev10 work: slots
  // 91.1 %, 88/107 conversations, the rest unchanged. After the dev11 work: objections 81.8 %,
  // the rest unchanged. After the dev12 work: slots 91.4 %, the rest unchanged. After the dev13
  // work: slots 91.6 %, objections 83.1 %, the rest unchanged. After the dev14 work: slots 91.9 %,
  // questions 82.7 %, objections 84.4 %, the rest unchanged. After the dev15 work: objections
  // 87.0 %, the rest unchanged. After the dev16 and dev17 work: unchanged. After the dev18 work:
  // unchanged. After the dev19 work: unchanged. With the act classifier trained on every
  // development split (chosen on dev23 while it was unseen, not on this split): questions 81.7 %,
  // objections 85.7 % (one item fewer each), the rest unchanged.
  test: {
    slots: 0.91,
    questions: 0.81,
    objections: 0.85,
    conversations: 0.82,
    keywordMisses: 5,
    conversationComplianceMisses: 1,
  },
};

// The offline reading is the same whichever FEATURE_* flags are set, so the second CI pass (all
// flags on) does not run it again.
const flagsOn = Object.entries(process.env).some(([k, v]) => k.startsWith('FEATURE_') && v && v !== 'false');

const rate = (t: { hit: number; total: number }) => (t.total === 0 ? 1 : t.hit / t.total);

/** What failed, for a failing floor; the held-out split's messages are never shown, only counted. */
const shown = (split: string, items: readonly unknown[]): string =>
  split === 'test' ? `${items.length} held-out item(s); not shown` : JSON.stringify(items);

(flagsOn ? describe.skip : describe).each(SPLITS)('conversation quality, %s split', (split) => {
  let runner: ConversationRunner;
  const conversations: ConversationResult[] = [];
  beforeAll(async () => {
    runner = await startConversationRunner();
    for (const c of loadConversations(split)) conversations.push(await runner.run(c));
  }, 600_000);
  afterAll(async () => {
    await runner?.close();
  });

  it('reads STOP, HELP and START, slots, questions and objections at least as well as measured', () => {
    const r = evaluateUtterances(loadUtterances(split), readUtterance);
    const floor = FLOORS[split];
    expect(r.complianceMisses.length, shown(split, r.complianceMisses)).toBeLessThanOrEqual(
      floor.keywordMisses,
    );
    const h = headline({ split, utterances: r, conversations });
    expect(rate(h.slotValues)).toBeGreaterThanOrEqual(floor.slots);
    expect(rate(h.questions)).toBeGreaterThanOrEqual(floor.questions);
    expect(rate(h.objections)).toBeGreaterThanOrEqual(floor.objections);
  });

  it('honours opt-outs and does not solicit after a no, at least as well as measured', () => {
    const misses = conversations
      .filter((c) => c.complianceMiss)
      .map((c) => `${c.id}: ${c.problems.join(' | ')}`);
    expect(misses.length, shown(split, misses)).toBeLessThanOrEqual(
      FLOORS[split].conversationComplianceMisses,
    );
  });

  it('never asks the same question more than twice', () => {
    const loops = conversations
      .filter((c) => c.maxRepeats > 2)
      .map((c) => `${c.id}: ${c.problems.join(' | ')}`);
    expect(loops.length, shown(split, loops)).toBe(0);
  });

  it('passes at least the measured share of whole conversations', () => {
    const passed = conversations.filter((c) => Object.values(c.checks).every(Boolean)).length;
    expect(passed / conversations.length).toBeGreaterThanOrEqual(FLOORS[split].conversations);
  });
});
