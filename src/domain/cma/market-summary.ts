import { DAYS_PER_MONTH, dayNumber, median } from './stats.ts';
import type { MarketSummary, SoldComp } from './types.ts';

const round1 = (n: number) => Math.round(n * 10) / 10;

function salesBetween(comps: readonly SoldComp[], today: string, fromMonths: number, toMonths: number) {
  const now = dayNumber(today);
  return comps.filter((c) => {
    const age = now - dayNumber(c.soldDate);
    return age >= fromMonths * DAYS_PER_MONTH && age <= toMonths * DAYS_PER_MONTH && age >= 0;
  });
}

/**
 * Headline facts about recent sales in an area (a neighbourhood, or the whole dataset when `area`
 * is null): count, median price, median $/sqft and days on market over the last `months`, and how
 * $/sqft moved against the period before.
 */
export function marketSummary(
  comps: readonly SoldComp[],
  today: string,
  area: string | null,
  months = 6,
): MarketSummary {
  const inArea = area === null ? comps : comps.filter((c) => c.neighborhood === area);
  const recent = salesBetween(inArea, today, 0, months);
  const before = inArea.filter((c) => {
    const age = dayNumber(today) - dayNumber(c.soldDate);
    return age > months * DAYS_PER_MONTH && age <= 2 * months * DAYS_PER_MONTH;
  });
  const ppsf = (list: readonly SoldComp[]) => median(list.map((c) => c.soldPrice / c.sqft));
  const now = ppsf(recent);
  const then = ppsf(before);
  const price = median(recent.map((c) => c.soldPrice));
  const dom = median(recent.flatMap((c) => (c.daysOnMarket === undefined ? [] : [c.daysOnMarket])));
  return {
    area,
    months,
    sales: recent.length,
    medianPrice: price === null ? null : Math.round(price / 1000) * 1000,
    medianPricePerSqft: now === null ? null : Math.round(now),
    medianDaysOnMarket: dom === null ? null : Math.round(dom),
    pricePerSqftChangePct:
      now !== null && then !== null && before.length >= 3 ? round1((now / then - 1) * 100) : null,
  };
}
