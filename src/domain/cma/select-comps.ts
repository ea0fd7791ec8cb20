import { type AreaLevel, distanceMiles, inArea, soldWithin } from './area.ts';
import { monthsBetween } from './stats.ts';
import type { CompSearch, ResolvedSubject, SoldComp } from './types.ts';

export const MIN_COMPS = 5;
export const MAX_COMPS = 8;

const STEPS: { area: AreaLevel; months: number }[] = [
  { area: 'local', months: 6 },
  { area: 'local', months: 12 },
  { area: 'local', months: 18 },
  { area: 'nearby', months: 18 },
  { area: 'market', months: 18 },
];
const SIZE = { strict: { share: 0.25, beds: 1 }, relaxed: { share: 0.4, beds: 2 } };

export interface ScoredComp {
  comp: SoldComp;
  distanceMiles: number | null;
  monthsAgo: number;
  /** Lower is a closer match. */
  score: number;
}

/** Penalty points: a mile ≈ 6, 10% of size ≈ 4, a bedroom 4, a month 1, a decade of age 1.5. */
function scoreComp(subject: ResolvedSubject, comp: SoldComp, today: string): ScoredComp {
  const loc = subject.location;
  const miles = distanceMiles(loc, comp);
  const monthsAgo = Math.max(0, monthsBetween(comp.soldDate, today));
  let score = monthsAgo;
  if (miles !== null) score += miles * 6;
  else if (loc.zip !== undefined && comp.zip !== loc.zip) score += 6;
  if (loc.neighborhood !== undefined && comp.neighborhood !== loc.neighborhood) score += 4;
  score += (Math.abs(comp.sqft - subject.sqft) / subject.sqft) * 40;
  score += Math.abs(comp.beds - subject.beds) * 4;
  score += Math.abs(comp.baths - subject.baths) * 2;
  if (subject.yearBuilt !== null && comp.yearBuilt !== undefined) {
    score += Math.abs(comp.yearBuilt - subject.yearBuilt) * 0.15;
  }
  if (subject.propertyType !== null && comp.propertyType !== subject.propertyType) score += 8;
  return { comp, distanceMiles: miles, monthsAgo, score };
}

function sizeFits(subject: ResolvedSubject, comp: SoldComp, limits: { share: number; beds: number }) {
  return (
    Math.abs(comp.sqft - subject.sqft) <= subject.sqft * limits.share &&
    Math.abs(comp.beds - subject.beds) <= limits.beds
  );
}

/**
 * The closest matches: first recent sales in the subject's own area of similar size and bedrooms,
 * going back 12 then 18 months, then nearby areas, then the whole dataset, and only then loosening
 * size limits, until at least five sales qualify. Of those, the best five to eight are kept.
 */
export function selectComps(
  subject: ResolvedSubject,
  comps: readonly SoldComp[],
  today: string,
): { picked: ScoredComp[]; search: CompSearch } {
  let found: SoldComp[] = [];
  let search: CompSearch = { area: 'market', months: 18, relaxedSize: true, widened: true };
  outer: for (const relaxed of [false, true]) {
    for (const [i, step] of STEPS.entries()) {
      const limits = relaxed ? SIZE.relaxed : SIZE.strict;
      const hits = comps.filter(
        (c) =>
          soldWithin(c, today, step.months) &&
          inArea(subject.location, c, step.area) &&
          sizeFits(subject, c, limits),
      );
      if (hits.length >= MIN_COMPS || (relaxed && i === STEPS.length - 1)) {
        found = hits;
        search = { area: step.area, months: step.months, relaxedSize: relaxed, widened: relaxed || i > 0 };
        break outer;
      }
    }
  }
  const ranked = found
    .map((c) => scoreComp(subject, c, today))
    .sort((a, b) => a.score - b.score || a.comp.id.localeCompare(b.comp.id));
  // Beyond the fifth, take a sale only if it is nearly as good a match as the fifth.
  const bar = (ranked[MIN_COMPS - 1]?.score ?? 0) * 1.5 + 2;
  const picked = ranked.filter((s, i) => i < MIN_COMPS || (i < MAX_COMPS && s.score <= bar));
  return { picked, search };
}
