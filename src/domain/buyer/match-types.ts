import type { Listing } from './listing.ts';

export interface BuyerNeeds {
  budgetMin?: number;
  budgetMax?: number;
  beds?: number;
  baths?: number;
  areas?: string[];
  mustHaves?: string[];
}

export interface Match {
  listing: Listing;
  /** 0-100; higher is a better fit. */
  score: number;
  /** Short English phrases for the agent: why this home fits, and what it lacks. */
  reasons: string[];
}
