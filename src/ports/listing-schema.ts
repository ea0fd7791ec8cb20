import { z } from 'zod';
import { LISTING_FEATURES, LISTING_STATUSES, type Listing, PROPERTY_TYPES } from '../domain/buyer/listing.ts';

// The shape of one listing as it arrives from outside: the listings file (adapters/listings/) and
// an external listings search (app/turn/external-listings.ts) check each row against it.

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a YYYY-MM-DD date')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'expected a real calendar date');

export const listingSchema: z.ZodType<Listing> = z.object({
  id: z.string().trim().min(1),
  address: z.string().trim().min(1),
  city: z.string().trim().min(1),
  zip: z.string().regex(/^\d{5}$/, 'expected a 5-digit ZIP code'),
  neighborhood: z.string().trim().min(1),
  price: z.number().int().positive(),
  beds: z.number().int().min(0).max(20),
  baths: z.number().min(0).max(20),
  sqft: z.number().int().positive(),
  lotSqft: z.number().int().min(0),
  yearBuilt: z.number().int().min(1800).max(2100),
  propertyType: z.enum(PROPERTY_TYPES),
  hoa: z.number().min(0),
  features: z.array(z.enum(LISTING_FEATURES)),
  status: z.enum(LISTING_STATUSES),
  listedDate: isoDate,
  headline: z.string().trim().min(1),
});
