import type { Facts } from '../state.ts';
import type { Listing } from './listing.ts';

export interface BuyerNeeds {
  budgetMin?: number;
  budgetMax?: number;
  beds?: number;
  baths?: number;
  areas?: string[];
  mustHaves?: string[];
}

/** What a buyer said they need, as the listings are matched against it. */
export function buyerNeeds(f: Facts): BuyerNeeds {
  return {
    ...(f.budgetMin !== undefined ? { budgetMin: f.budgetMin } : {}),
    ...(f.budgetMax !== undefined ? { budgetMax: f.budgetMax } : {}),
    ...(f.beds !== undefined ? { beds: f.beds } : {}),
    ...(f.baths !== undefined ? { baths: f.baths } : {}),
    ...(f.areas ? { areas: f.areas } : {}),
    ...(f.mustHaves ? { mustHaves: f.mustHaves } : {}),
  };
}

export interface Match {
  listing: Listing;
  /** 0-100; higher is a better fit. */
  score: number;
  /** Short English phrases for the agent: why this home fits, and what it lacks. */
  reasons: string[];
}
