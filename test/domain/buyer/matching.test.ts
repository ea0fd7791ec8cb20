import { describe, expect, it } from 'vitest';
import { loadListings } from '../../../src/adapters/listings/load-listings.ts';
import type { Listing } from '../../../src/domain/buyer/listing.ts';
import {
  type BuyerNeeds,
  describeMatchShort,
  formatMatchNote,
  type Match,
  matchListings,
} from '../../../src/domain/buyer/matching.ts';

const shipped = loadListings();

let seq = 0;
function listing(over: Partial<Listing> = {}): Listing {
  seq += 1;
  const hoa = over.hoa ?? 0;
  return {
    id: `T-${seq}`,
    address: `${1000 + seq} Test St`,
    city: 'Rancho Cucamonga',
    zip: '91739',
    neighborhood: 'Etiwanda',
    price: 600_000,
    beds: 3,
    baths: 2,
    sqft: 1600,
    lotSqft: 5000,
    yearBuilt: 2000,
    propertyType: 'single_family',
    hoa,
    features: hoa === 0 ? ['no_hoa', 'garage'] : ['garage'],
    status: 'active',
    listedDate: '2026-10-01',
    headline: '3 bed home',
    ...over,
  };
}

const ids = (matches: Match[]) => matches.map((m) => m.listing.id);

describe('matchListings on the shipped listings', () => {
  it('600k, 3 beds, Etiwanda → a few Etiwanda homes with 3+ beds near 600k, best first', () => {
    const { matches, total } = matchListings(shipped, { budgetMax: 600_000, beds: 3, areas: ['Etiwanda'] });
    expect(total).toBeGreaterThanOrEqual(1);
    expect(matches).toHaveLength(total);
    for (const m of matches) {
      expect(m.listing.neighborhood).toMatch(/Etiwanda/);
      expect(m.listing.price).toBeLessThanOrEqual(630_000);
      expect(m.listing.beds).toBeGreaterThanOrEqual(3);
    }
    const scores = matches.map((m) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // A home under the max beats one that stretches the budget.
    expect(matches[0]!.listing.price).toBeLessThanOrEqual(600_000);
  });

  it.each<[string, BuyerNeeds]>([
    ['pool, no HOA under 800k', { budgetMax: 800_000, mustHaves: ['pool', 'no_hoa'] }],
    [
      'pool and view in Alta Loma up to 1.3m',
      { budgetMax: 1_300_000, areas: ['alta loma'], mustHaves: ['pool', 'view'] },
    ],
    ['single story, 3 beds, up to 800k', { budgetMax: 800_000, beds: 3, mustHaves: ['single_story'] }],
  ])('%s → every match has every must-have', (_, needs) => {
    const { matches, total } = matchListings(shipped, needs);
    expect(total).toBeGreaterThan(0);
    for (const m of matches) {
      for (const tag of needs.mustHaves ?? []) {
        if (tag === 'no_hoa') expect(m.listing.hoa).toBe(0);
        else expect(m.listing.features).toContain(tag);
      }
      expect(m.listing.price).toBeLessThanOrEqual(needs.budgetMax! * 1.05);
    }
  });

  it.each<[string, BuyerNeeds]>([
    ['under 300k with 6 beds', { budgetMax: 300_000, beds: 6 }],
    ['under 400k', { budgetMax: 400_000 }],
    ['a 6 bed in Terra Vista', { beds: 6, areas: ['Terra Vista'] }],
    ['somewhere the file does not cover', { areas: ['Redlands'] }],
  ])('%s → nothing fits', (_, needs) => {
    expect(matchListings(shipped, needs)).toEqual({ matches: [], total: 0 });
  });

  it('"Rancho Cucamonga" as an area covers every neighbourhood in the city and nothing outside it', () => {
    const { matches } = matchListings(shipped, { areas: ['Rancho Cucamonga'] });
    const inCity = shipped.filter((l) => l.city === 'Rancho Cucamonga');
    expect(matches).toHaveLength(inCity.length);
    expect(new Set(matches.map((m) => m.listing.neighborhood)).size).toBeGreaterThanOrEqual(8);
  });

  it('gives the same answer every time and limits matches but not the total', () => {
    const needs: BuyerNeeds = { budgetMin: 700_000, budgetMax: 1_000_000, beds: 4 };
    const all = matchListings(shipped, needs);
    const top = matchListings(shipped, needs, { limit: 3 });
    expect(all.total).toBeGreaterThan(3);
    expect(top.total).toBe(all.total);
    expect(ids(top.matches)).toEqual(ids(all.matches).slice(0, 3));
    expect(ids(matchListings([...shipped].reverse(), needs).matches)).toEqual(ids(all.matches));
  });
});

describe('matchListings rules', () => {
  it.each<[string, number, boolean]>([
    ['5% over the max still shows', 630_000, true],
    ['more than 5% over the max is out', 631_000, false],
    ['at the max shows', 600_000, true],
  ])('%s', (_, price, shown) => {
    expect(matchListings([listing({ price })], { budgetMax: 600_000 }).total).toBe(shown ? 1 : 0);
  });

  it('drops homes well under the minimum but keeps ones just under it', () => {
    const cheap = listing({ price: 440_000 });
    const near = listing({ price: 455_000 });
    expect(ids(matchListings([cheap, near], { budgetMin: 500_000 }).matches)).toEqual([near.id]);
  });

  it('ranks a home under the max above an equal one that stretches the budget', () => {
    const over = listing({ price: 620_000 });
    const under = listing({ price: 590_000 });
    expect(ids(matchListings([over, under], { budgetMax: 600_000 }).matches)).toEqual([under.id, over.id]);
  });

  it('never shows fewer bedrooms than asked for', () => {
    const two = listing({ beds: 2 });
    const four = listing({ beds: 4 });
    expect(ids(matchListings([two, four], { beds: 3 }).matches)).toEqual([four.id]);
  });

  it('matches areas regardless of case and accents, by neighbourhood or city', () => {
    const upland = listing({ city: 'Upland', neighborhood: 'North Upland' });
    const north = listing({ neighborhood: 'North Etiwanda' });
    const alta = listing({ neighborhood: 'Alta Loma' });
    expect(ids(matchListings([upland, north, alta], { areas: ['ETIWANDA'] }).matches)).toEqual([north.id]);
    expect(ids(matchListings([upland, north, alta], { areas: ['upland'] }).matches)).toEqual([upland.id]);
    expect(ids(matchListings([upland, north, alta], { areas: ['Altá Lomá'] }).matches)).toEqual([alta.id]);
  });

  it('shows only active listings', () => {
    const pending = listing({ status: 'pending' });
    expect(matchListings([pending], {}).total).toBe(0);
  });

  it('reads "no HOA" from the dues, whatever the tags say', () => {
    const dues = listing({ hoa: 150, features: ['no_hoa', 'pool'] });
    const none = listing({ hoa: 0, features: ['pool'] });
    const { matches } = matchListings([dues, none], { mustHaves: ['no_hoa'] });
    expect(ids(matches)).toEqual([none.id]);
  });

  it('when no home has every must-have, shows the closest ones and says what they lack', () => {
    const pool = listing({ features: ['no_hoa', 'pool'] });
    const bare = listing({ features: ['no_hoa'] });
    const { matches, total } = matchListings([pool, bare], { mustHaves: ['pool', 'view'] });
    expect(total).toBe(1);
    expect(ids(matches)).toEqual([pool.id]);
    expect(matches[0]!.reasons.join(' ')).toMatch(/missing view/);
  });

  it('ignores must-haves the listing data cannot answer', () => {
    const home = listing();
    expect(matchListings([home], { mustHaves: ['gated'] }).total).toBe(1);
  });

  it('keeps every score between 0 and 100', () => {
    const homes = [listing({ price: 629_000, beds: 6, baths: 1, listedDate: '2020-01-01' }), listing()];
    for (const m of matchListings(homes, { budgetMax: 600_000, beds: 1, baths: 4, mustHaves: ['pool'] })
      .matches) {
      expect(m.score).toBeGreaterThanOrEqual(0);
      expect(m.score).toBeLessThanOrEqual(100);
    }
  });
});

describe('describeMatchShort', () => {
  const match = (over: Partial<Listing>): Match => ({ listing: listing(over), score: 90, reasons: [] });

  it.each<[Partial<Listing>, 'en' | 'es', string]>([
    [{ beds: 3, price: 589_000 }, 'en', 'a 3 bed in Etiwanda at $589k'],
    [{ beds: 3, price: 589_000 }, 'es', 'una casa de 3 recámaras en Etiwanda por $589k'],
    [
      { beds: 2, price: 499_000, propertyType: 'condo', neighborhood: 'Victoria' },
      'en',
      'a 2 bed condo in Victoria at $499k',
    ],
    [
      { beds: 1, price: 429_000, propertyType: 'condo', neighborhood: 'Cucamonga' },
      'es',
      'un condominio de 1 recámara en Cucamonga por $429k',
    ],
    [{ beds: 5, price: 1_295_000, neighborhood: 'Alta Loma' }, 'en', 'a 5 bed in Alta Loma at $1.3M'],
  ])('%j in %s → %j', (over, lang, text) => {
    expect(describeMatchShort(match(over), lang)).toBe(text);
  });

  it('stays within 60 characters for every shipped listing in both languages', () => {
    for (const l of shipped) {
      for (const lang of ['en', 'es'] as const) {
        expect(describeMatchShort({ listing: l, score: 0, reasons: [] }, lang).length).toBeLessThanOrEqual(
          60,
        );
      }
    }
    const long = match({
      propertyType: 'townhome',
      neighborhood: 'A Very Long Neighborhood Name Here',
      price: 1_450_000,
    });
    expect(describeMatchShort(long, 'es').length).toBeLessThanOrEqual(60);
  });
});

describe('formatMatchNote', () => {
  it('lists every match with its address, price, rooms, size, neighbourhood and why it fits', () => {
    const needs: BuyerNeeds = { budgetMax: 800_000, mustHaves: ['pool', 'no_hoa'] };
    const { matches } = matchListings(shipped, needs);
    const note = formatMatchNote(matches, needs);
    expect(matches.length).toBeGreaterThan(1);
    for (const m of matches) {
      const l = m.listing;
      const line = note.split('\n').find((row) => row.includes(l.address));
      expect(line).toBeDefined();
      expect(line).toContain(`$${l.price.toLocaleString('en-US')}`);
      expect(line).toContain(`${l.beds} bd / ${l.baths} ba`);
      expect(line).toContain(`${l.sqft.toLocaleString('en-US')} sqft`);
      expect(line).toContain(l.neighborhood);
    }
    expect(note.match(/Why: .*has pool, no HOA/g)).toHaveLength(matches.length);
    expect(note).toContain('up to $800k');
  });

  it('says how many more fit when only the best are listed', () => {
    const needs: BuyerNeeds = { budgetMax: 900_000 };
    const { matches, total } = matchListings(shipped, needs, { limit: 3 });
    const note = formatMatchNote(matches, needs, { total });
    expect(note).toContain(`${total} homes, best 3 shown`);
    expect(note.split('\n').filter((row) => /^\d+\. /.test(row))).toHaveLength(3);
  });

  it('says plainly when nothing fits', () => {
    expect(formatMatchNote([], { budgetMax: 300_000, beds: 6 })).toMatch(/none found.*\$300k.*6\+ beds/);
  });
});
