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
  if (f.horizon === 'within_30') return true;
  if (f.horizon === 'within_90') return f.months === undefined || f.months * 30 <= hotDays;
  return false;
}

/**
 * When a buyer is HOT: financing ready (pre-approved or cash) + a budget + moving within 90 days.
 * WARM: two of those. COLD: fewer, or "just looking" / "next year" / a year or more out.
 */
export function buyerTemperature(f: Facts, hotDays: number, serviceConfirmedReady = false): Temperature {
  // "Next year" is as far off as "over a year": neither buys within the season.
  if (f.horizon === 'just_looking' || f.horizon === 'over_year' || (f.months ?? 0) >= 12) return 'cold';
  const n = [financingReady(f) || serviceConfirmedReady, hasBudget(f), movingSoon(f, hotDays)].filter(
    Boolean,
  ).length;
  return n === 3 ? 'hot' : n === 2 ? 'warm' : 'cold';
}
