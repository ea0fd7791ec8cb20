import type { Condition, Horizon } from '../language/index.ts';
import type { Facts } from '../state.ts';
import type { ConditionSlot, Slots } from './types.ts';

/** The CMA engine adjusts for three grades of condition. */
const CMA_CONDITION: Record<ConditionSlot, Condition> = {
  excellent: 'move_in_ready',
  good: 'move_in_ready',
  fair: 'needs_minor_work',
  needs_work: 'needs_major_work',
  poor: 'needs_major_work',
};

/** The rough horizon of a timeline in months. */
export function horizonOf(months: number): Horizon {
  if (months <= 1) return 'within_30';
  if (months <= 3) return 'within_90';
  if (months <= 12) return 'within_year';
  return 'over_year';
}

/** Slot values (the corpus vocabulary) as the facts the bots keep. Pure. */
export function factsFromSlots(s: Slots): Facts {
  const f: Facts = {};
  if (s.intent) f.intent = s.intent;
  if (s.motivation) f.motivation = s.motivation;
  if (s.condition) {
    f.conditionGrade = s.condition;
    f.condition = CMA_CONDITION[s.condition];
  }
  if (s.price !== undefined) f.priceExpectation = s.price;
  if (s.price_min !== undefined) f.priceMin = s.price_min;
  if (s.price_max !== undefined) f.priceMax = s.price_max;
  if (s.budget_min !== undefined) f.budgetMin = s.budget_min;
  if (s.budget_max !== undefined) f.budgetMax = s.budget_max;
  if (s.timeline_months !== undefined) {
    f.months = s.timeline_months;
    f.horizon = horizonOf(s.timeline_months);
  }
  if (s.preapproved !== undefined) f.financing = s.preapproved ? 'pre_approved' : 'not_yet';
  if (s.lender) f.lender = s.lender;
  if (s.bedrooms !== undefined) f.beds = s.bedrooms;
  if (s.bathrooms !== undefined) f.baths = s.bathrooms;
  if (s.area) f.areas = [s.area];
  if (s.address) f.address = s.address;
  if (s.email) f.email = s.email;
  if (s.phone) f.phone = s.phone;
  return f;
}
