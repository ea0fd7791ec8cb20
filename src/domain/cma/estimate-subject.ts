import { type AreaLevel, inArea, soldWithin } from './area.ts';
import { median } from './stats.ts';
import type { CmaSubject, EstimableFact, ResolvedSubject, SoldComp, SubjectLocation } from './types.ts';

const POOL_MONTHS = 18;
const MIN_POOL = 3;

/** Recent sales around the subject that stand for "a typical home here". */
function typicalPool(
  subject: CmaSubject,
  location: SubjectLocation,
  comps: readonly SoldComp[],
  today: string,
) {
  const recent = comps.filter((c) => soldWithin(c, today, POOL_MONTHS));
  let pool: readonly SoldComp[] = recent.length > 0 ? recent : comps;
  for (const level of ['local', 'nearby'] as AreaLevel[]) {
    const inLevel = pool.filter((c) => inArea(location, c, level));
    if (inLevel.length >= MIN_POOL) {
      pool = inLevel;
      break;
    }
  }
  const sameType = subject.propertyType ? pool.filter((c) => c.propertyType === subject.propertyType) : [];
  return sameType.length >= MIN_POOL ? sameType : pool;
}

function within(value: number, target: number, share: number): boolean {
  return Math.abs(value - target) <= target * share;
}

/**
 * Fills in the facts the seller has not given from the median of comparable recent sales nearby,
 * using the facts that are known to narrow the pool (a 4-bed home's size comes from 4-bed sales).
 */
export function estimateSubject(
  subject: CmaSubject,
  location: SubjectLocation,
  comps: readonly SoldComp[],
  today: string,
): { subject: ResolvedSubject; estimated: EstimableFact[] } {
  const pool = typicalPool(subject, location, comps, today);
  const estimated: EstimableFact[] = [];
  const narrowed = (filter: (c: SoldComp) => boolean) => {
    const hits = pool.filter(filter);
    return hits.length >= MIN_POOL ? hits : pool;
  };

  let sqft = subject.sqft;
  if (sqft === undefined) {
    const beds = subject.beds;
    const similar = narrowed((c) => beds === undefined || c.beds === beds);
    sqft = Math.round((median(similar.map((c) => c.sqft)) ?? 1800) / 10) * 10;
    estimated.push('sqft');
  }
  const size = sqft;
  const sameSize = narrowed((c) => within(c.sqft, size, 0.2));

  let beds = subject.beds;
  if (beds === undefined) {
    beds = Math.round(median(sameSize.map((c) => c.beds)) ?? 3);
    estimated.push('beds');
  }
  let baths = subject.baths;
  if (baths === undefined) {
    baths = Math.round((median(sameSize.map((c) => c.baths)) ?? 2) * 2) / 2;
    estimated.push('baths');
  }
  let yearBuilt: number | null = subject.yearBuilt ?? null;
  if (yearBuilt === null) {
    const years = pool.flatMap((c) => (c.yearBuilt === undefined ? [] : [c.yearBuilt]));
    const m = median(years);
    if (m !== null) {
      yearBuilt = Math.round(m);
      estimated.push('yearBuilt');
    }
  }
  const condition = subject.condition ?? 'move_in_ready';
  if (subject.condition === undefined) estimated.push('condition');

  return {
    subject: {
      address: subject.address.trim(),
      beds,
      baths,
      sqft,
      yearBuilt,
      propertyType: subject.propertyType ?? null,
      condition,
      location,
    },
    estimated,
  };
}
