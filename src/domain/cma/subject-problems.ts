import { PROPERTY_TYPES } from '../buyer/listing.ts';
import { CONDITIONS, type CmaSubject } from './types.ts';

function check(problems: string[], ok: boolean, message: string): void {
  if (!ok) problems.push(message);
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** What is wrong with the subject facts, each as `field: message`; empty when they can be valued. */
export function subjectProblems(s: CmaSubject): string[] {
  const p: string[] = [];
  check(p, typeof s.address === 'string' && s.address.trim().length >= 3, 'address: required');
  check(p, typeof s.address !== 'string' || s.address.length <= 200, 'address: longer than 200 characters');
  if (s.beds !== undefined)
    check(
      p,
      Number.isInteger(s.beds) && s.beds >= 0 && s.beds <= 20,
      'beds: expected a whole number from 0 to 20',
    );
  if (s.baths !== undefined)
    check(
      p,
      isNum(s.baths) && s.baths >= 0 && s.baths <= 20 && Number.isInteger(s.baths * 2),
      'baths: expected whole or half baths up to 20',
    );
  if (s.sqft !== undefined)
    check(p, isNum(s.sqft) && s.sqft >= 200 && s.sqft <= 30_000, 'sqft: expected 200 to 30,000 square feet');
  if (s.yearBuilt !== undefined)
    check(
      p,
      Number.isInteger(s.yearBuilt) && s.yearBuilt >= 1800 && s.yearBuilt <= 2100,
      'yearBuilt: expected a year from 1800 to 2100',
    );
  if (s.lat !== undefined || s.lng !== undefined) {
    check(p, isNum(s.lat) && Math.abs(s.lat) <= 90, 'lat: expected a latitude with lng');
    check(p, isNum(s.lng) && Math.abs(s.lng) <= 180, 'lng: expected a longitude with lat');
  }
  if (s.zip !== undefined) check(p, /^\d{5}$/.test(s.zip), 'zip: expected a 5-digit ZIP code');
  if (s.condition !== undefined)
    check(p, CONDITIONS.includes(s.condition), `condition: expected one of ${CONDITIONS.join(', ')}`);
  if (s.propertyType !== undefined)
    check(
      p,
      PROPERTY_TYPES.includes(s.propertyType),
      `propertyType: expected one of ${PROPERTY_TYPES.join(', ')}`,
    );
  if (s.sellerPrice !== undefined)
    check(
      p,
      isNum(s.sellerPrice) && s.sellerPrice >= 10_000 && s.sellerPrice <= 100_000_000,
      'sellerPrice: expected $10,000 to $100,000,000',
    );
  return p;
}
