import { describe, expect, it } from 'vitest';
import { checkModelReply, type ModelReplyContext } from '../../src/domain/model-reply.ts';

// A model may reword what the bot decided, never add to it: no figure, name or date that the
// decided reply (and, outside knowledge-base answers, the lead's message) did not already hold.

const ANSWER =
  'Closing costs depend on the price, the loan and the escrow and title fees. Jorge can walk you through an estimate.';
const ctx = (over: Partial<ModelReplyContext> = {}): ModelReplyContext => ({
  offline: ANSWER,
  leadMessage: 'what would closing costs be on a 650k sale?',
  lang: 'en',
  maxLength: 320,
  agentName: 'Jorge',
  placeNames: ['Upland', 'Etiwanda', 'Rancho Cucamonga'],
  ...over,
});
const violations = (candidate: string, over: Partial<ModelReplyContext> = {}) =>
  checkModelReply(candidate, ctx(over)).violations;

describe('checkModelReply: nothing added to the decided reply', () => {
  it('passes a faithful rewording', () => {
    expect(
      violations(
        'Closing costs vary with the price, your loan and the escrow and title fees, and Jorge can walk you through an estimate.',
      ),
    ).toEqual([]);
  });

  it('rejects a number, a price or a percentage the decided reply does not hold', () => {
    expect(violations(`${ANSWER} Most sellers pay about 2%.`)).toContain('invented_figure');
    expect(violations(`${ANSWER} Figure on roughly $12,000.`)).toContain('invented_figure');
    expect(violations(`${ANSWER} It is usually two to three percent.`)).toContain('invented_figure');
    expect(violations(`${ANSWER} Sellers often pay a few thousand dollars.`)).toContain('invented_figure');
  });

  it('rejects a name or a place the decided reply does not hold', () => {
    expect(violations(`${ANSWER} His partner Linda can help too.`)).toContain('invented_name');
    expect(violations(`${ANSWER} Homes near Upland close fast.`)).toContain('invented_name');
    // A place name opening a sentence is still a place.
    expect(violations(`${ANSWER} Etiwanda homes close fast.`)).toContain('invented_name');
    // Words that only open a sentence, "I" and the agent's own name are no new names.
    expect(
      violations(
        'Great question! I can tell you closing costs depend on the price, the loan and the fees. Jorge can walk you through an estimate.',
      ),
    ).toEqual([]);
  });

  it('rejects a day or a date the decided reply does not hold', () => {
    expect(violations(`${ANSWER.replace('.', '')} tomorrow.`)).toContain('invented_date');
    expect(violations(`${ANSWER} He is free on Friday.`)).toContain('invented_date');
    expect(violations('¿Le parece bien el lunes?', { offline: '¿Le parece bien?', lang: 'es' })).toContain(
      'invented_date',
    );
  });

  it('lets a reply repeat the lead’s own figure, but not an answer from the knowledge base', () => {
    const echo =
      'On a 650k sale, closing costs depend on the price, the loan and the fees. Jorge can walk you through an estimate.';
    expect(violations(echo)).toEqual([]);
    expect(violations(echo, { factsOnlyFromOffline: true })).toContain('invented_figure');
  });
});
