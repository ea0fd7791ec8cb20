import type { PropertyType } from '../buyer/listing.ts';

export const CONDITIONS = ['move_in_ready', 'needs_minor_work', 'needs_major_work'] as const;
export type Condition = (typeof CONDITIONS)[number];

/** One closed sale from the comparable-sales dataset. */
export interface SoldComp {
  id: string;
  address: string;
  city: string;
  zip: string;
  neighborhood: string;
  /** Coordinates are optional; without them the comp is placed by neighbourhood and ZIP. */
  lat?: number;
  lng?: number;
  beds: number;
  /** Half baths count as .5. */
  baths: number;
  sqft: number;
  lotSqft?: number;
  yearBuilt?: number;
  propertyType: PropertyType;
  /** Closing price in whole US dollars. */
  soldPrice: number;
  /** ISO calendar date, YYYY-MM-DD. */
  soldDate: string;
  daysOnMarket?: number;
}

/** What we know about the home being valued; anything missing is estimated from the comps. */
export interface CmaSubject {
  address: string;
  neighborhood?: string;
  zip?: string;
  lat?: number;
  lng?: number;
  beds?: number;
  baths?: number;
  sqft?: number;
  yearBuilt?: number;
  propertyType?: PropertyType;
  condition?: Condition;
  /** The price the seller has in mind, in dollars. */
  sellerPrice?: number;
}

export const ESTIMABLE_FACTS = ['beds', 'baths', 'sqft', 'yearBuilt', 'condition'] as const;
export type EstimableFact = (typeof ESTIMABLE_FACTS)[number];

export type LocationBasis = 'coordinates' | 'neighborhood' | 'zip' | 'street' | 'city' | 'market';

export interface Point {
  lat: number;
  lng: number;
}

export interface SubjectLocation {
  basis: LocationBasis;
  /** Human wording: "Etiwanda", "ZIP 91739", "near other sales on Etiwanda Ave". */
  label: string;
  point?: Point;
  neighborhood?: string;
  zip?: string;
  city?: string;
}

/** The subject with every fact filled in (given or estimated). */
export interface ResolvedSubject {
  address: string;
  beds: number;
  baths: number;
  sqft: number;
  yearBuilt: number | null;
  propertyType: PropertyType | null;
  condition: Condition;
  location: SubjectLocation;
}

export type AdjustmentKind = 'time' | 'size' | 'beds' | 'baths' | 'age' | 'condition';

export interface Adjustment {
  kind: AdjustmentKind;
  /** Dollars added to (or, negative, taken from) the comp's sold price. */
  amount: number;
}

export interface UsedComp {
  comp: SoldComp;
  distanceMiles: number | null;
  monthsAgo: number;
  pricePerSqft: number;
  adjustments: Adjustment[];
  /** What the comp suggests the subject is worth, in whole dollars. */
  adjustedPrice: number;
  /** Share of the comp in the weighted median (closer matches count more); sums to 1. */
  weight: number;
  /** Why this sale was picked, in plain words. */
  reasons: string[];
}

export interface ValueRange {
  low: number;
  likely: number;
  high: number;
}

export type SellerVerdict = 'within' | 'above' | 'below';

export interface SellerPriceComparison {
  sellerPrice: number;
  /** Seller's price against the likely value, in percent with one decimal (+12.5 = above). */
  differencePct: number;
  verdict: SellerVerdict;
}

export interface MarketSummary {
  /** Neighbourhood the figures describe; null = every sale in the dataset. */
  area: string | null;
  months: number;
  sales: number;
  medianPrice: number | null;
  medianPricePerSqft: number | null;
  medianDaysOnMarket: number | null;
  /** Median $/sqft against the six months before, in percent with one decimal. */
  pricePerSqftChangePct: number | null;
}

export interface CompSearch {
  /** How far the search had to go: the subject's own area, nearby areas, or the whole dataset. */
  area: 'local' | 'nearby' | 'market';
  months: number;
  /** Size and bedroom limits were relaxed because too few sales matched. */
  relaxedSize: boolean;
  /** Any step beyond "local, last 6 months, ±25% size". */
  widened: boolean;
}

export interface Cma {
  asOf: string;
  subject: ResolvedSubject;
  /** Facts that were not given and were estimated from nearby sales. */
  estimated: EstimableFact[];
  range: ValueRange;
  confidence: 'high' | 'medium' | 'low';
  comps: UsedComp[];
  pricePerSqft: { low: number; median: number; high: number; subject: number };
  search: CompSearch;
  market: MarketSummary;
  sellerPrice?: SellerPriceComparison;
}

export type CmaOutcome =
  | { ok: true; cma: Cma }
  | { ok: false; reason: 'invalid_subject' | 'no_comparable_sales'; problems: string[] };
