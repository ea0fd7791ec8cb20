import { checkableMustHaves, hasFeature, type Listing } from './listing.ts';
import {
  describeMatchBare,
  describeMatchShort,
  featureLabel,
  formatMatchNote,
  shortPrice,
} from './match-text.ts';
import { type BuyerNeeds, buyerNeeds, type Match } from './match-types.ts';

export { describeMatchBare, describeMatchShort, formatMatchNote };

export type { BuyerNeeds, Match };
export { buyerNeeds };

export interface MatchOptions {
  /** Most matches to return; all of them when omitted. `total` is never limited. */
  limit?: number;
  /** ISO date that recency is measured from; defaults to the newest listing's date. */
  today?: string;
}

/** A small stretch over the stated maximum still gets shown; buyers often have some room. */
export const BUDGET_STRETCH = 1.05;
const BUDGET_FLOOR = 0.9;

// Points per part; they add up to 100.
const BUDGET_POINTS = 35;
const BED_POINTS = 12;
const BATH_POINTS = 8;
const MUST_HAVE_POINTS = 35;
const RECENCY_POINTS = 10;
const DAY_MS = 86_400_000;

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The requested area this listing is in, if any. "Etiwanda" also covers "North Etiwanda". */
function matchedArea(listing: Listing, areas: readonly string[]): string | undefined {
  const hood = ` ${fold(listing.neighborhood)} `;
  const city = fold(listing.city);
  return areas.find((area) => {
    const a = fold(area);
    return a !== '' && (a === city || hood.includes(` ${a} `));
  });
}

function passesFilters(listing: Listing, needs: BuyerNeeds): boolean {
  if (listing.status !== 'active') return false;
  if (needs.budgetMax !== undefined && listing.price > needs.budgetMax * BUDGET_STRETCH) return false;
  if (needs.budgetMin !== undefined && listing.price < needs.budgetMin * BUDGET_FLOOR) return false;
  if (needs.beds !== undefined && listing.beds < needs.beds) return false;
  if (needs.areas && needs.areas.length > 0 && matchedArea(listing, needs.areas) === undefined) return false;
  return true;
}

function budgetPart(price: number, needs: BuyerNeeds): { points: number; reason?: string } {
  const { budgetMin, budgetMax } = needs;
  if (budgetMax === undefined) {
    if (budgetMin === undefined) return { points: BUDGET_POINTS * 0.6 };
    return {
      points: BUDGET_POINTS * 0.8,
      reason: `${shortPrice(price)}, fits your ${shortPrice(budgetMin)}+ budget`,
    };
  }
  const gap = (budgetMax - price) / budgetMax;
  if (gap >= 0) {
    // Close under the max uses the budget well; far under it is likely smaller than wanted.
    const points = Math.max(BUDGET_POINTS * 0.3, BUDGET_POINTS - gap * 50);
    return { points, reason: `${shortPrice(price)}, under your ${shortPrice(budgetMax)} max` };
  }
  const over = -gap;
  const pct = Math.max(1, Math.round(over * 100));
  return {
    points: Math.max(0, BUDGET_POINTS - over * 400),
    reason: `${shortPrice(price)}, ${pct}% over your ${shortPrice(budgetMax)} max`,
  };
}

function roomsPart(listing: Listing, needs: BuyerNeeds, reasons: string[]): number {
  let points = 0;
  if (needs.beds === undefined) {
    points += BED_POINTS * 0.8;
  } else {
    // Exactly what was asked is best; every extra bedroom costs money the buyer did not plan on.
    const extra = listing.beds - needs.beds;
    points += BED_POINTS * (extra === 0 ? 1 : extra === 1 ? 0.8 : 0.6);
    reasons.push(`${listing.beds} beds (wanted ${needs.beds}+)`);
  }
  if (needs.baths === undefined) {
    points += BATH_POINTS * 0.8;
  } else if (listing.baths >= needs.baths) {
    points += BATH_POINTS;
    reasons.push(`${listing.baths} baths (wanted ${needs.baths}+)`);
  } else {
    points += Math.max(0, BATH_POINTS - (needs.baths - listing.baths) * 4);
    reasons.push(`only ${listing.baths} baths (wanted ${needs.baths})`);
  }
  return points;
}

function missingCount(listing: Listing, checkable: readonly string[]): number {
  return checkable.filter((tag) => !hasFeature(listing, tag)).length;
}

function mustHavePart(listing: Listing, checkable: readonly string[], reasons: string[]): number {
  if (checkable.length === 0) return MUST_HAVE_POINTS;
  const has = checkable.filter((tag) => hasFeature(listing, tag));
  const missing = checkable.filter((tag) => !hasFeature(listing, tag));
  if (has.length > 0) reasons.push(`has ${has.map(featureLabel).join(', ')}`);
  if (missing.length > 0) reasons.push(`missing ${missing.map(featureLabel).join(', ')}`);
  return (MUST_HAVE_POINTS * has.length) / checkable.length;
}

function daysBetween(fromIso: string, toIso: string): number {
  const from = Date.parse(`${fromIso}T00:00:00Z`);
  const to = Date.parse(`${toIso}T00:00:00Z`);
  return Number.isNaN(from) || Number.isNaN(to) ? 0 : Math.round((to - from) / DAY_MS);
}

function recencyPart(listing: Listing, today: string, reasons: string[]): number {
  const days = Math.max(0, daysBetween(listing.listedDate, today));
  if (days <= 7) reasons.push('new listing');
  return Math.max(0, RECENCY_POINTS - days / 9);
}

function newestListedDate(listings: readonly Listing[]): string {
  let newest = '';
  for (const l of listings) if (l.listedDate > newest) newest = l.listedDate;
  return newest;
}

function scoreListing(listing: Listing, needs: BuyerNeeds, checkable: string[], today: string): Match {
  const reasons: string[] = [];
  const budget = budgetPart(listing.price, needs);
  if (budget.reason) reasons.push(budget.reason);
  const rooms = roomsPart(listing, needs, reasons);
  if (needs.areas && needs.areas.length > 0) {
    reasons.push(`in ${listing.neighborhood}`);
  }
  const mustHaves = mustHavePart(listing, checkable, reasons);
  const recency = recencyPart(listing, today, reasons);
  const score = Math.round(Math.min(100, Math.max(0, budget.points + rooms + mustHaves + recency)));
  return { listing, score, reasons };
}

/**
 * The active listings that fit a buyer, best first. Budget (with a 5% stretch over the max), beds
 * and areas filter. Must-haves filter too, softly: only the homes missing the fewest of them are
 * kept, so when some home has them all every match has them all, and when none does the buyer
 * still sees the closest ones. Budget fit, rooms, must-haves and recency rank; ties go to the lower
 * price, then the id, so the same needs always give the same answer.
 */
export function matchListings(
  listings: readonly Listing[],
  needs: BuyerNeeds,
  opts: MatchOptions = {},
): { matches: Match[]; total: number } {
  const today = opts.today ?? newestListedDate(listings);
  const checkable = checkableMustHaves(needs.mustHaves);
  const candidates = listings.filter((listing) => passesFilters(listing, needs));
  const fewestMissing = Math.min(...candidates.map((listing) => missingCount(listing, checkable)));
  const matches = candidates
    .filter((listing) => missingCount(listing, checkable) === fewestMissing)
    .map((listing) => scoreListing(listing, needs, checkable, today))
    .sort(
      (a, b) =>
        b.score - a.score ||
        a.listing.price - b.listing.price ||
        (a.listing.id < b.listing.id ? -1 : a.listing.id > b.listing.id ? 1 : 0),
    );
  const limit = opts.limit === undefined ? matches.length : Math.max(0, Math.floor(opts.limit));
  return { matches: matches.slice(0, limit), total: matches.length };
}
