import type { Slots } from '../../src/domain/understand/types.ts';

// What the conversation state holds, in the corpus vocabulary, so a conversation's collected facts
// can be compared with what a realtor expects. Older value names map to the corpus ones.

const CONDITION: Record<string, Slots['condition']> = {
  excellent: 'excellent',
  good: 'good',
  fair: 'fair',
  needs_work: 'needs_work',
  poor: 'poor',
  move_in_ready: 'good',
  needs_minor_work: 'fair',
  needs_major_work: 'needs_work',
};

const MOTIVATION: Record<string, string> = { financial_distress: 'financial', upgrading: 'upsizing' };

const FINANCING: Record<string, boolean | undefined> = {
  pre_approved: true,
  not_yet: false,
  in_process: false,
};

export function slotsFromFacts(f: Record<string, unknown>): Slots {
  const s: Record<string, unknown> = {};
  const put = (k: keyof Slots, v: unknown) => {
    if (v !== undefined && v !== null) s[k] = v;
  };
  put('intent', f.intent);
  put('price', f.priceExpectation);
  put('price_min', f.priceMin);
  put('price_max', f.priceMax);
  put('budget_min', f.budgetMin);
  put('budget_max', f.budgetMax);
  put('timeline_months', f.months);
  if (typeof f.conditionGrade === 'string') put('condition', f.conditionGrade);
  else if (typeof f.condition === 'string') put('condition', CONDITION[f.condition]);
  if (typeof f.motivation === 'string') put('motivation', MOTIVATION[f.motivation] ?? f.motivation);
  if (typeof f.financing === 'string') put('preapproved', FINANCING[f.financing]);
  put('lender', f.lender);
  put('bedrooms', f.beds);
  put('bathrooms', f.baths);
  if (Array.isArray(f.areas)) put('area', f.areas[0]);
  put('address', f.address);
  put('email', f.email);
  put('phone', f.phone);
  put('language_switch', f.language);
  return s as Slots;
}
