/**
 * A home for sale, as the buyer bot sees it. `features` uses the same tags the language extractor
 * emits for a buyer's must-haves, so a must-have is satisfied by a plain tag lookup.
 */

export const LISTING_FEATURES = [
  'pool',
  'no_hoa',
  'garage',
  'single_story',
  'yard',
  'view',
  'updated_kitchen',
  'home_office',
  'adu',
  'rv_parking',
  'good_schools',
  'new_construction',
  'solar',
  'fireplace',
  'cul_de_sac',
] as const;

export type ListingFeature = (typeof LISTING_FEATURES)[number];

export const PROPERTY_TYPES = ['single_family', 'condo', 'townhome'] as const;
export type PropertyType = (typeof PROPERTY_TYPES)[number];

export const LISTING_STATUSES = ['active', 'pending', 'sold'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

export interface Listing {
  id: string;
  address: string;
  city: string;
  zip: string;
  neighborhood: string;
  /** Asking price in whole US dollars. */
  price: number;
  beds: number;
  /** Half baths count as .5. */
  baths: number;
  sqft: number;
  /** 0 for condos without their own lot. */
  lotSqft: number;
  yearBuilt: number;
  propertyType: PropertyType;
  /** Monthly HOA dues in dollars; 0 when there is no HOA. */
  hoa: number;
  features: ListingFeature[];
  status: ListingStatus;
  /** ISO calendar date, YYYY-MM-DD. */
  listedDate: string;
  headline: string;
}

export const HEADLINE_MAX = 60;

const featureSet = new Set<string>(LISTING_FEATURES);

export function isListingFeature(tag: string): tag is ListingFeature {
  return featureSet.has(tag);
}

/**
 * Whether the listing offers a must-have. "no_hoa" is read from the dues themselves, so a file that
 * forgets the tag (or keeps it after dues were added) cannot mislead a buyer.
 */
export function hasFeature(listing: Listing, tag: string): boolean {
  if (tag === 'no_hoa') return listing.hoa === 0;
  return isListingFeature(tag) && listing.features.includes(tag);
}

/** The must-haves the listing data can answer; others (e.g. "gated") neither help nor hurt. */
export function checkableMustHaves(mustHaves: readonly string[] = []): string[] {
  return [...new Set(mustHaves)].filter((tag) => tag === 'no_hoa' || isListingFeature(tag));
}

/**
 * Problems a well-typed listing can still have, each as `field: message`. Checked when a listings
 * file is loaded so that contradictions are fixed in the file rather than shown to buyers.
 */
export function listingProblems(listing: Listing): string[] {
  const problems: string[] = [];
  const noHoaTagged = listing.features.includes('no_hoa');
  if (noHoaTagged && listing.hoa !== 0) {
    problems.push(`features: lists no_hoa but hoa is ${listing.hoa}`);
  }
  if (!noHoaTagged && listing.hoa === 0) {
    problems.push('features: hoa is 0 so no_hoa must be listed');
  }
  if (new Set(listing.features).size !== listing.features.length) {
    problems.push('features: a feature is listed twice');
  }
  if (!Number.isInteger(listing.baths * 2)) {
    problems.push(`baths: expected whole or half baths, got ${listing.baths}`);
  }
  if (listing.headline.length > HEADLINE_MAX) {
    problems.push(`headline: longer than ${HEADLINE_MAX} characters`);
  }
  return problems;
}
