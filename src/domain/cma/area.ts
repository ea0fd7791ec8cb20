import { DAYS_PER_MONTH, dayNumber, haversineMiles, pointOf } from './stats.ts';
import type { SoldComp, SubjectLocation } from './types.ts';

export type AreaLevel = 'local' | 'nearby' | 'market';

/** Radius of "local" around a known point, and of "nearby" around the point or area centre. */
export const LOCAL_MILES = 1;
export const NEARBY_MILES = 2.5;

export function distanceMiles(location: SubjectLocation, comp: SoldComp): number | null {
  const p = pointOf(comp);
  return location.point && p ? haversineMiles(location.point, p) : null;
}

function isLocal(location: SubjectLocation, comp: SoldComp, miles: number | null): boolean {
  switch (location.basis) {
    case 'coordinates':
    case 'street':
      return (
        (miles !== null && miles <= LOCAL_MILES) ||
        (location.neighborhood !== undefined && comp.neighborhood === location.neighborhood)
      );
    case 'neighborhood':
      return comp.neighborhood === location.neighborhood;
    case 'zip':
      return comp.zip === location.zip;
    case 'city':
      return comp.city === location.city;
    case 'market':
      return true;
  }
}

export function inArea(location: SubjectLocation, comp: SoldComp, level: AreaLevel): boolean {
  if (level === 'market') return true;
  const miles = distanceMiles(location, comp);
  if (isLocal(location, comp, miles)) return true;
  if (level === 'local') return false;
  if (miles !== null) return miles <= NEARBY_MILES;
  // Without coordinates, "nearby" falls back to the same ZIP code or city.
  return comp.zip === location.zip || (location.city !== undefined && comp.city === location.city);
}

/** Sold within `months` before `today` (never after it: a future-dated row is a data error). */
export function soldWithin(comp: SoldComp, today: string, months: number): boolean {
  const age = dayNumber(today) - dayNumber(comp.soldDate);
  return age >= 0 && age <= months * DAYS_PER_MONTH;
}
