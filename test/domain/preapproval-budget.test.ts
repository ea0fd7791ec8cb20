import { describe, expect, it } from 'vitest';
import type { Facts } from '../../src/domain/state.ts';
import { converse } from '../support/converse.ts';

// A pre-approval amount is what the lender allows, not what the buyer wants to spend: it is kept
// as the pre-approval, and it is the budget only when the buyer states no other.

function factsAfter(texts: string[]): Facts {
  return converse(texts, ['Buyer-Lead']).at(-1)?.state.facts ?? {};
}

describe('a pre-approval amount next to the budget', () => {
  it('keeps the budget the buyer gave when the approval comes later', () => {
    const f = factsAfter(['ok well we can do about 700', 'approved for 750 with guild']);
    expect(f.budgetMax).toBe(700_000);
    expect(f.preApprovalAmount).toBe(750_000);
    expect(f.financing).toBe('pre_approved');
  });

  it('caps a budget above the approval at the approval', () => {
    const f = factsAfter(['we can do 800', 'approved for 750']);
    expect(f.budgetMax).toBe(750_000);
  });

  it('takes the approval as the budget when nothing else says budget, in English and Spanish', () => {
    expect(factsAfter(['hi', 'pre approved for 450k'])).toMatchObject({
      budgetMax: 450_000,
      preApprovalAmount: 450_000,
      financing: 'pre_approved',
    });
    expect(factsAfter(['hola', 'aprobado por 400 mil'])).toMatchObject({
      budgetMax: 400_000,
      preApprovalAmount: 400_000,
      financing: 'pre_approved',
    });
  });

  it('lets a budget stated after the approval replace it', () => {
    const f = factsAfter(['pre approved for 450k', 'but we want to stay around 400']);
    expect(f.budgetMax).toBe(400_000);
    expect(f.preApprovalAmount).toBe(450_000);
  });
});
