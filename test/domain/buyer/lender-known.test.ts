import { describe, expect, it } from 'vitest';
import { converse } from '../../support/converse.ts';

// A buyer who already works with a lender is not offered one.

const buyer = (answer: string) => converse(['looking to buy in upland', 'around 700k', answer], []).at(-1);

describe('a buyer names the lender they work with', () => {
  it('"working w rocket": not pre-approved yet, the lender is kept, and none is offered', () => {
    const d = buyer('working w rocket');
    expect(d?.reply).toBe(
      "Good, you're already working with Rocket on the financing. When are you hoping to move?",
    );
    expect(d?.state.facts.lender).toBe('Rocket');
    expect(d?.reply).not.toMatch(/connect you with a local lender/);
  });

  it('a buyer with no lender is still offered one', () => {
    const d = buyer('no not yet');
    expect(d?.reply).toMatch(/^No problem, Jorge can connect you with a local lender when you are ready\./);
  });

  it('"working with rocket, we are preapproved" is pre-approved', () => {
    const d = buyer('working with rocket, we are preapproved');
    expect(d?.reply).toBe('Thanks for sharing. When are you hoping to move?');
  });
});
