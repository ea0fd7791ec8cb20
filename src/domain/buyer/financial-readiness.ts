import type { Facts } from '../state.ts';

export interface Assessment {
  source: 'service' | 'heuristic' | 'default';
  preApproved: boolean;
  requiresReview: boolean;
  /** 0..1 */
  confidence: number;
  maxAmount?: number;
  lender?: string;
}

/** When the pre-qualification service cannot answer and the conversation says nothing either. */
export const CONSERVATIVE_ASSESSMENT: Assessment = {
  source: 'default',
  preApproved: false,
  requiresReview: true,
  confidence: 0.6,
};

/**
 * The fallback read of a buyer's financing from what they said: a stated pre-approval (with or
 * without the lender), cash, "working on it", "not yet", or only a budget. Null when nothing was said.
 */
export function heuristicAssessment(f: Facts): Assessment | null {
  const lender = f.lender ? { lender: f.lender } : {};
  const amount = f.budgetMax !== undefined ? { maxAmount: f.budgetMax } : {};
  switch (f.financing) {
    case 'pre_approved':
      return {
        source: 'heuristic',
        preApproved: true,
        requiresReview: !f.lender,
        confidence: f.lender ? 0.8 : 0.7,
        ...lender,
        ...amount,
      };
    case 'cash':
      return { source: 'heuristic', preApproved: true, requiresReview: true, confidence: 0.75, ...amount };
    case 'in_process':
      return {
        source: 'heuristic',
        preApproved: false,
        requiresReview: true,
        confidence: 0.7,
        ...lender,
        ...amount,
      };
    case 'not_yet':
      return { source: 'heuristic', preApproved: false, requiresReview: false, confidence: 0.8, ...amount };
  }
  if (f.budgetMax !== undefined || f.budgetMin !== undefined) {
    return { source: 'heuristic', preApproved: false, requiresReview: true, confidence: 0.5, ...amount };
  }
  return null;
}

/** A buyer's financing or budget changed in a turn: time to (re)assess their readiness. */
export function financingChanged(before: Record<string, unknown>, after: Record<string, unknown>): boolean {
  const pick = (st: Record<string, unknown>) => {
    const f = (st.facts ?? {}) as Record<string, unknown>;
    return JSON.stringify([f.financing ?? null, f.lender ?? null, f.budgetMax ?? null]);
  };
  if (before.owner !== 'buyer') return true;
  return pick(before) !== pick(after);
}
