import type { Condition } from './language/index.ts';
import { horizonOf, type Reading } from './read-message.ts';
import type { Facts } from './state.ts';
import { crossCheck } from './understand/cross-check.ts';
import type { ConditionSlot, Slots, Understanding } from './understand/types.ts';

const CMA_CONDITION: Record<ConditionSlot, Condition> = {
  excellent: 'move_in_ready',
  good: 'move_in_ready',
  fair: 'needs_minor_work',
  needs_work: 'needs_major_work',
  poor: 'needs_major_work',
};

/** The facts of slot values the rules did not read, named as the bots keep them. */
function factsOf(s: Slots): Facts {
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

/**
 * The turn's reading with a language model's reading of the same message, cross-checked
 * (`crossCheck`): the acts and slots the message backs are added, the rules' own values and facts
 * stay as they were, and a model-read intent counts only when the rules found none. Pure.
 */
export function withModelReading(
  reading: Reading,
  model: Understanding,
  text: string,
  neighborhoods: readonly string[],
): Reading {
  const merged = crossCheck({ acts: reading.acts, slots: reading.slots }, model, text, { neighborhoods });
  const added: Slots = {};
  for (const key of Object.keys(merged.slots) as (keyof Slots)[]) {
    if (reading.slots[key] === undefined) Object.assign(added, { [key]: merged.slots[key] });
  }
  const out: Reading = {
    ...reading,
    acts: merged.acts,
    slots: merged.slots,
    facts: { ...factsOf(added), ...reading.facts },
  };
  if (added.intent && reading.intent.intent === 'other')
    out.intent = { intent: added.intent, confidence: 0.6 };
  return out;
}
