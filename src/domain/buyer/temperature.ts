import type { Temperature } from '../conversation.ts';
import type { Facts } from '../state.ts';

export function financingReady(f: Facts): boolean {
  return f.financing === 'pre_approved' || f.financing === 'cash';
}

export function hasBudget(f: Facts): boolean {
  return f.budgetMax !== undefined || f.budgetMin !== undefined;
}

/** Moving within `hotDays`: "asap", "next month", "in 2 months" (not "next year", not "just looking"). */
export function movingSoon(f: Facts, hotDays: number): boolean {
  if (f.months !== undefined) return f.months * 30 <= hotDays;
  if (f.horizon === 'within_30') return true;
  if (f.horizon === 'within_90') return f.months === undefined || f.months * 30 <= hotDays;
  return false;
}

/**
 * When a buyer is HOT: financing ready (pre-approved or cash) and moving within `hotDays`.
 * COLD: "just looking", or more than a year out. WARM: engaged otherwise (a timeline within the
 * year, a budget, or financing in progress). COLD when nothing is known yet.
 */
export function buyerTemperature(f: Facts, hotDays: number, serviceConfirmedReady = false): Temperature {
  if (f.horizon === 'just_looking' || (f.months !== undefined && f.months > 12)) return 'cold';
  if (f.months === undefined && f.horizon === 'over_year') return 'cold';
  const ready = financingReady(f) || serviceConfirmedReady;
  if (ready && movingSoon(f, hotDays)) return 'hot';
  if (f.months !== undefined || f.horizon !== undefined || hasBudget(f) || f.financing !== undefined)
    return 'warm';
  return 'cold';
}

/** Ready for a showing: pre-approved (or cash), a budget, an area and moving soon. */
export function readyForShowing(f: Facts, hotDays: number, serviceConfirmedReady = false): boolean {
  const ready = financingReady(f) || serviceConfirmedReady;
  return ready && hasBudget(f) && (f.areas?.length ?? 0) > 0 && movingSoon(f, hotDays);
}
