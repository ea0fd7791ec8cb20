import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LISTINGS_FILE, loadListings } from '../../../src/adapters/listings/load-listings.ts';
import { LISTING_FEATURES } from '../../../src/domain/buyer/listing.ts';

const dir = mkdtempSync(join(tmpdir(), 'listings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function fileWith(content: unknown): string {
  n += 1;
  const file = join(dir, `listings-${n}.json`);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function row(i: number, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: `X-${i}`,
    address: `${100 + i} Banyan St`,
    city: 'Rancho Cucamonga',
    zip: '91737',
    neighborhood: 'Alta Loma',
    price: 750_000,
    beds: 3,
    baths: 2,
    sqft: 1500,
    lotSqft: 7000,
    yearBuilt: 1980,
    propertyType: 'single_family',
    hoa: 0,
    features: ['no_hoa', 'pool'],
    status: 'active',
    listedDate: '2026-09-01',
    headline: '3 bed pool home',
    ...over,
  };
}

const rows = (bad: number, over: Record<string, unknown>) =>
  [0, 1, 2, 3, 4].map((i) => (i === bad ? row(i, over) : row(i)));

describe('loadListings', () => {
  it('reads a valid file', () => {
    const listings = loadListings(fileWith([row(0), row(1, { hoa: 120, features: ['garage'] })]));
    expect(listings.map((l) => l.id)).toEqual(['X-0', 'X-1']);
    expect(listings[1]!.hoa).toBe(120);
  });

  it.each<[string, () => string, RegExp[]]>([
    ['a missing file', () => join(dir, 'nope.json'), [/nope\.json/, /not found/]],
    ['broken JSON', () => fileWith('[{"id": "X-1",'), [/not valid JSON/]],
    ['an object instead of a list', () => fileWith({ listings: [] }), [/JSON array/]],
    ['an empty list', () => fileWith([]), [/no listings/]],
    [
      'a price written as text',
      () => fileWith(rows(3, { price: '750000' })),
      [/\[3\]\.price: expected number/],
    ],
    ['a missing field', () => fileWith(rows(2, { beds: undefined })), [/\[2\]\.beds: expected number/]],
    ['an unknown feature', () => fileWith(rows(1, { features: ['pool', 'moat'] })), [/\[1\]\.features\[1\]/]],
    [
      'an unknown property type',
      () => fileWith(rows(4, { propertyType: 'castle' })),
      [/\[4\]\.propertyType/],
    ],
    [
      'a date that is not a date',
      () => fileWith(rows(0, { listedDate: '2026-13-45' })),
      [/\[0\]\.listedDate/],
    ],
    ['no_hoa with HOA dues', () => fileWith(rows(3, { hoa: 200 })), [/\[3\]\.features: .*no_hoa.*200/]],
    ['no HOA dues but no no_hoa tag', () => fileWith(rows(1, { features: ['pool'] })), [/\[1\]\.features/]],
    ['a repeated id', () => fileWith(rows(4, { id: 'X-1' })), [/\[4\]\.id: "X-1" repeats row \[1\]/]],
    [
      'a headline over 60 characters',
      () => fileWith(rows(2, { headline: 'x'.repeat(61) })),
      [/\[2\]\.headline/],
    ],
  ])('rejects %s with a message naming the file and the problem', (_, makeFile, patterns) => {
    const file = makeFile();
    let message = '';
    try {
      loadListings(file);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain(file);
    for (const pattern of patterns) expect(message).toMatch(pattern);
  });

  it('reports several problems at once so a file is fixed in one pass', () => {
    const file = fileWith([row(0, { price: 'a lot' }), row(1), row(2, { zip: '9173' })]);
    expect(() => loadListings(file)).toThrow(/\[0\]\.price[\s\S]*\[2\]\.zip/);
  });
});

describe('the shipped sample listings', () => {
  const listings = loadListings();

  it('load by default from data-samples', () => {
    expect(DEFAULT_LISTINGS_FILE).toMatch(/data-samples[\\/]listings\.json$/);
    expect(loadListings(DEFAULT_LISTINGS_FILE)).toEqual(listings);
  });

  it('hold at least 40 active listings with unique ids', () => {
    expect(listings.length).toBeGreaterThanOrEqual(40);
    expect(new Set(listings.map((l) => l.id)).size).toBe(listings.length);
    expect(listings.every((l) => l.status === 'active')).toBe(true);
  });

  it('cover the neighbourhoods of the default market and its neighbours', () => {
    const hoods = new Set(listings.map((l) => l.neighborhood));
    for (const hood of [
      'Alta Loma',
      'Etiwanda',
      'Victoria',
      'Terra Vista',
      'Caryn',
      'Day Creek',
      'Central Park',
      'Haven View Estates',
      'Red Hill',
      'Cucamonga',
    ]) {
      expect(hoods, hood).toContain(hood);
    }
    const cities = new Set(listings.map((l) => l.city));
    for (const city of ['Rancho Cucamonga', 'Upland', 'Fontana', 'Ontario']) expect(cities).toContain(city);
  });

  it('use real ZIP codes of the area and plausible prices', () => {
    const zips = new Set(['91701', '91730', '91737', '91739', '91784', '91786', '92336', '91761', '91762']);
    for (const l of listings) {
      expect(zips, l.id).toContain(l.zip);
      expect(l.price, l.id).toBeGreaterThanOrEqual(400_000);
      expect(l.price, l.id).toBeLessThanOrEqual(1_700_000);
      expect(l.listedDate >= '2026-08-01' && l.listedDate <= '2026-11-30', l.id).toBe(true);
    }
    const beds = new Set(listings.map((l) => l.beds));
    for (const b of [1, 2, 3, 4, 5, 6]) expect(beds).toContain(b);
  });

  it('tag features only from the canonical list, with no_hoa exactly when there are no dues', () => {
    for (const l of listings) {
      for (const f of l.features) expect(LISTING_FEATURES).toContain(f);
      expect(l.features.includes('no_hoa'), l.id).toBe(l.hoa === 0);
    }
  });

  it('have short neutral headlines without steering words', () => {
    const steering = /\b(?:safe|safest|family|families|exclusive|crime|kids|church|ethnic|quiet)\b/i;
    for (const l of listings) {
      expect(l.headline.length, l.id).toBeLessThanOrEqual(60);
      expect(l.headline, l.id).not.toMatch(steering);
    }
  });
});
