import type { Temperature } from '../conversation.ts';
import type { Facts } from '../state.ts';

export const SELLER_QUESTIONS = ['motivation', 'timeline', 'condition', 'price'] as const;
export type SellerQuestion = (typeof SELLER_QUESTIONS)[number];

export function sellerAnswered(f: Facts): Record<SellerQuestion, boolean> {
  return {
    motivation: f.motivation !== undefined,
    timeline: f.timelineAcceptable !== undefined || f.months !== undefined,
    condition: f.condition !== undefined,
    price: f.priceExpectation !== undefined || f.priceMin !== undefined || f.priceMax !== undefined,
  };
}

export function questionsAnswered(f: Facts): number {
  return Object.values(sellerAnswered(f)).filter(Boolean).length;
}

/** The answer to "would selling within 30 to 45 days work?": said outright, or a date within it. */
export function sellerTimelineAcceptable(f: Facts): boolean | undefined {
  if (f.timelineAcceptable !== undefined) return f.timelineAcceptable;
  return f.months === undefined ? undefined : f.months <= 1;
}

/** Selling within three months (or 30 to 45 days accepted): soon enough for a listing appointment. */
export function sellingSoon(f: Facts): boolean {
  if (f.months !== undefined) return f.months <= 3;
  return f.timelineAcceptable === true;
}

/**
 * HOT: selling within three months (or 30-45 days accepted) with three or more of the four
 * questions answered. COLD: more than a year out, or just looking. WARM: three or more answered,
 * or a timeline within the year. COLD otherwise.
 */
export function sellerTemperature(f: Facts): Temperature {
  const n = questionsAnswered(f);
  if (f.horizon === 'just_looking' || (f.months !== undefined && f.months > 12)) return 'cold';
  if (n >= 3 && sellingSoon(f)) return 'hot';
  if (n >= 3 || (f.months !== undefined && f.months <= 12)) return 'warm';
  return 'cold';
}
