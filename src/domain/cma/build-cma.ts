import { adjustComp } from './adjust-comp.ts';
import { estimateSubject } from './estimate-subject.ts';
import { locateSubject } from './locate-subject.ts';
import { marketSummary } from './market-summary.ts';
import { MIN_COMPS, type ScoredComp, selectComps } from './select-comps.ts';
import { dayNumber, median, weightedQuantile } from './stats.ts';
import { subjectProblems } from './subject-problems.ts';
import type {
  Cma,
  CmaOutcome,
  CmaSubject,
  CompSearch,
  ResolvedSubject,
  SellerPriceComparison,
  SoldComp,
  UsedComp,
  ValueRange,
} from './types.ts';

/** The range is never narrower than this either side of the likely value. */
export const MIN_SPREAD = 0.03;
const STEP = 1000;

const round1 = (n: number) => Math.round(n * 10) / 10;

function reasonsFor(s: ScoredComp, subject: ResolvedSubject): string[] {
  const loc = subject.location;
  const reasons: string[] = [];
  if (loc.neighborhood !== undefined && s.comp.neighborhood === loc.neighborhood)
    reasons.push(`in ${loc.neighborhood}`);
  if (s.distanceMiles !== null) reasons.push(`${s.distanceMiles.toFixed(1)} mi away`);
  else if (loc.zip !== undefined && s.comp.zip === loc.zip) reasons.push(`same ZIP ${loc.zip}`);
  const months = Math.round(s.monthsAgo);
  reasons.push(
    months === 0 ? 'sold within the last month' : `sold ${months} month${months === 1 ? '' : 's'} ago`,
  );
  const sizePct = Math.round((s.comp.sqft / subject.sqft - 1) * 100);
  reasons.push(
    Math.abs(sizePct) <= 5 ? 'similar size' : `${Math.abs(sizePct)}% ${sizePct > 0 ? 'larger' : 'smaller'}`,
  );
  reasons.push(s.comp.beds === subject.beds ? 'same bedrooms' : `${s.comp.beds} beds`);
  return reasons;
}

function valueRange(used: readonly UsedComp[]): ValueRange {
  const items = used.map((u) => ({ value: u.adjustedPrice, weight: u.weight }));
  const likely = Math.round(weightedQuantile(items, 0.5) / STEP) * STEP;
  const low = Math.floor(Math.min(weightedQuantile(items, 0.25), likely * (1 - MIN_SPREAD)) / STEP) * STEP;
  const high = Math.ceil(Math.max(weightedQuantile(items, 0.75), likely * (1 + MIN_SPREAD)) / STEP) * STEP;
  return { low, likely, high };
}

function compareSellerPrice(sellerPrice: number, range: ValueRange): SellerPriceComparison {
  const verdict = sellerPrice > range.high ? 'above' : sellerPrice < range.low ? 'below' : 'within';
  return { sellerPrice, differencePct: round1((sellerPrice / range.likely - 1) * 100), verdict };
}

function confidenceOf(
  used: number,
  search: CompSearch,
  range: ValueRange,
  sqftEstimated: boolean,
): Cma['confidence'] {
  if (used < MIN_COMPS || search.area === 'market' || search.relaxedSize) return 'low';
  const spread = (range.high - range.low) / range.likely;
  // High needs a tight local search: recent sales, not a bare minimum of them, and a known size.
  const enough = used > MIN_COMPS || !search.widened;
  if (search.area === 'local' && search.months <= 12 && enough && !sqftEstimated && spread <= 0.12)
    return 'high';
  return 'medium';
}

/**
 * A comparative market analysis of `subject` from closed sales: picks the closest comps, adjusts
 * each to the subject, and turns their weighted median into a low / likely / high range.
 * Pure and deterministic: the same subject, comps and `today` (YYYY-MM-DD) give the same result.
 */
export function buildCma(subject: CmaSubject, comps: readonly SoldComp[], today: string): CmaOutcome {
  const problems = subjectProblems(subject);
  if (Number.isNaN(dayNumber(today))) problems.push('today: expected a YYYY-MM-DD date');
  if (problems.length > 0) return { ok: false, reason: 'invalid_subject', problems };

  const location = locateSubject(subject, comps);
  const { subject: resolved, estimated } = estimateSubject(subject, location, comps, today);
  const { picked, search } = selectComps(resolved, comps, today);
  if (picked.length === 0) {
    return {
      ok: false,
      reason: 'no_comparable_sales',
      problems: ['no sale in the data resembles this home'],
    };
  }

  // Closer matches count more; a perfect match weighs twice one that scores 10 points worse.
  const raw = picked.map((p) => 1 / (1 + p.score / 10));
  const total = raw.reduce((s, w) => s + w, 0);
  const used: UsedComp[] = picked.map((p, i) => ({
    comp: p.comp,
    distanceMiles: p.distanceMiles === null ? null : Math.round(p.distanceMiles * 100) / 100,
    monthsAgo: round1(p.monthsAgo),
    pricePerSqft: Math.round(p.comp.soldPrice / p.comp.sqft),
    ...adjustComp(p.comp, resolved, p.monthsAgo),
    weight: raw[i]! / total,
    reasons: reasonsFor(p, resolved),
  }));
  const range = valueRange(used);
  const perSqft = used.map((u) => u.pricePerSqft);

  const ownArea = location.neighborhood ?? null;
  const local = ownArea === null ? null : marketSummary(comps, today, ownArea);
  const market = local !== null && local.sales >= 3 ? local : marketSummary(comps, today, null);

  return {
    ok: true,
    cma: {
      asOf: today,
      subject: resolved,
      estimated,
      range,
      confidence: confidenceOf(used.length, search, range, estimated.includes('sqft')),
      comps: used,
      pricePerSqft: {
        low: Math.min(...perSqft),
        median: Math.round(median(perSqft) ?? 0),
        high: Math.max(...perSqft),
        subject: Math.round(range.likely / resolved.sqft),
      },
      search,
      market,
      ...(subject.sellerPrice !== undefined
        ? { sellerPrice: compareSellerPrice(subject.sellerPrice, range) }
        : {}),
    },
  };
}
