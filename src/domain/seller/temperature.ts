import type { Temperature } from '../conversation.ts';
import type { Facts } from '../state.ts';

export const SELLER_QUESTIONS = ['motivation', 'timeline', 'condition', 'price'] as const;
export type SellerQuestion = (typeof SELLER_QUESTIONS)[number];

export function sellerAnswered(f: Facts): Record<SellerQuestion, boolean> {
  return {
    motivation: f.motivation !== undefined,
    timeline: f.timelineAcceptable !== undefined,
    condition: f.condition !== undefined,
    price: f.priceExpectation !== undefined,
  };
}

export function questionsAnswered(f: Facts): number {
  return Object.values(sellerAnswered(f)).filter(Boolean).length;
}

/**
 * When a seller is HOT: all four questions answered and selling within 30-45 days accepted.
 * WARM: three or more answered (or all four with the timeline declined). COLD otherwise.
 */
export function sellerTemperature(f: Facts): Temperature {
  const n = questionsAnswered(f);
  if (n === 4 && f.timelineAcceptable === true) return 'hot';
  if (n >= 3) return 'warm';
  return 'cold';
}
