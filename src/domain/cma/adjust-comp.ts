import type { Adjustment, Condition, ResolvedSubject, SoldComp } from './types.ts';

/**
 * How a comp's sold price is moved to stand for the subject. Rates are typical of this market's
 * recent sales and deliberately small; they are applied in this order, condition last.
 */
export const ADJUSTMENT_RATES = {
  /** Prices rose about 3% a year, so an older sale is brought up to today. */
  appreciationPerMonth: 0.0025,
  /** Extra square feet are worth a bit less than the average foot: larger homes sell for less per foot. */
  sizeShare: 0.85,
  perBed: 0.03,
  perBath: 0.015,
  perYearNewer: 0.002,
  maxAge: 0.05,
  condition: { move_in_ready: 0, needs_minor_work: -0.04, needs_major_work: -0.1 } satisfies Record<
    Condition,
    number
  >,
} as const;

export function adjustComp(
  comp: SoldComp,
  subject: ResolvedSubject,
  monthsAgo: number,
): { adjustments: Adjustment[]; adjustedPrice: number } {
  const r = ADJUSTMENT_RATES;
  const adjustments: Adjustment[] = [];
  const add = (kind: Adjustment['kind'], amount: number) => {
    const rounded = Math.round(amount);
    if (rounded !== 0) adjustments.push({ kind, amount: rounded });
  };

  add('time', comp.soldPrice * r.appreciationPerMonth * Math.max(0, monthsAgo));
  const today = comp.soldPrice + adjustments.reduce((s, a) => s + a.amount, 0);
  const perSqft = today / comp.sqft;
  add('size', (subject.sqft - comp.sqft) * perSqft * r.sizeShare);
  add('beds', today * r.perBed * (subject.beds - comp.beds));
  add('baths', today * r.perBath * (subject.baths - comp.baths));
  if (subject.yearBuilt !== null && comp.yearBuilt !== undefined) {
    const share = Math.max(
      -r.maxAge,
      Math.min(r.maxAge, (subject.yearBuilt - comp.yearBuilt) * r.perYearNewer),
    );
    add('age', today * share);
  }
  const beforeCondition = comp.soldPrice + adjustments.reduce((s, a) => s + a.amount, 0);
  // Sales in the dataset are taken as move-in ready; a subject needing work is worth less than them.
  add('condition', beforeCondition * r.condition[subject.condition]);
  return { adjustments, adjustedPrice: comp.soldPrice + adjustments.reduce((s, a) => s + a.amount, 0) };
}
