import { describe, expect, it } from 'vitest';
import { loadComps } from '../../../src/adapters/comps/load-comps.ts';
import { buildCma } from '../../../src/domain/cma/build-cma.ts';
import type { Cma, CmaSubject, SoldComp } from '../../../src/domain/cma/types.ts';

const { comps } = loadComps();
const TODAY = '2026-11-24';

function cmaOf(subject: CmaSubject, data: readonly SoldComp[] = comps, today = TODAY): Cma {
  const outcome = buildCma(subject, data, today);
  if (!outcome.ok) throw new Error(`expected a CMA, got ${outcome.reason}: ${outcome.problems.join('; ')}`);
  return outcome.cma;
}

describe('buildCma on the shipped sample', () => {
  it.each([3, 4])('values a %i-bed Etiwanda home from Etiwanda sales', (beds) => {
    const cma = cmaOf({ address: '12850 Heritage Cir, Etiwanda', beds, sqft: beds === 3 ? 1700 : 2300 });
    expect(cma.subject.location.neighborhood).toBe('Etiwanda');
    expect(cma.comps.length).toBeGreaterThanOrEqual(5);
    expect(cma.comps.length).toBeLessThanOrEqual(8);
    for (const used of cma.comps) {
      expect(used.comp.neighborhood).toBe('Etiwanda');
      expect(Math.abs(used.comp.beds - beds)).toBeLessThanOrEqual(1);
    }
    // Etiwanda sells around $440–$500 a foot in the sample; the estimate should sit in that band.
    expect(cma.pricePerSqft.subject).toBeGreaterThan(400);
    expect(cma.pricePerSqft.subject).toBeLessThan(540);
  });

  it('reads the neighbourhood from the street when the address names only the city', () => {
    const cma = cmaOf({ address: '6842 Etiwanda Ave, Rancho Cucamonga', beds: 4, sqft: 2100 });
    expect(cma.subject.location.basis).toBe('street');
    expect(cma.subject.location.neighborhood).toBe('Etiwanda');
    expect(cma.comps.every((u) => u.distanceMiles !== null && u.distanceMiles < 2.5)).toBe(true);
  });

  it('gives ranges that contain the likely value and are at least ±3% wide', () => {
    const subjects: CmaSubject[] = [
      { address: '1 A St, Alta Loma', sqft: 1500 },
      { address: '2 B St', neighborhood: 'Victoria', beds: 3, sqft: 1400, baths: 2 },
      { address: '3 C St, Rancho Cucamonga, CA 91737', beds: 5, sqft: 3200 },
      { address: '4 D St', lat: 34.16, lng: -117.58, sqft: 2800 },
      { address: '5 E St, Terra Vista', propertyType: 'condo', sqft: 1100, beds: 2 },
      { address: 'nowhere in particular' },
    ];
    for (const subject of subjects) {
      const { range } = cmaOf(subject);
      expect(range.low).toBeLessThan(range.likely);
      expect(range.high).toBeGreaterThan(range.likely);
      expect(range.low).toBeLessThanOrEqual(range.likely * 0.97);
      expect(range.high).toBeGreaterThanOrEqual(range.likely * 1.03);
      expect(range.likely % 1000).toBe(0);
    }
  });

  it('values a bigger home higher', () => {
    const small = cmaOf({ address: '10 Amethyst St, Alta Loma', beds: 4, sqft: 1800 });
    const big = cmaOf({ address: '10 Amethyst St, Alta Loma', beds: 4, sqft: 2600 });
    expect(big.range.likely).toBeGreaterThan(small.range.likely * 1.2);
  });

  it('values a home that needs work lower', () => {
    const base = { address: '10 Summit Ave, Etiwanda', beds: 4, sqft: 2200, baths: 3, yearBuilt: 2005 };
    const ready = cmaOf({ ...base, condition: 'move_in_ready' });
    const minor = cmaOf({ ...base, condition: 'needs_minor_work' });
    const major = cmaOf({ ...base, condition: 'needs_major_work' });
    expect(minor.range.likely).toBeLessThan(ready.range.likely);
    expect(major.range.likely).toBeLessThan(minor.range.likely);
    expect(major.range.likely / ready.range.likely).toBeCloseTo(0.9, 1);
  });

  it('lists the facts it had to estimate and fills them from nearby sales', () => {
    const bare = cmaOf({ address: '77 Golden Prairie Dr, Etiwanda' });
    expect(bare.estimated).toEqual(['sqft', 'beds', 'baths', 'yearBuilt', 'condition']);
    expect(bare.subject.sqft).toBeGreaterThan(1000);
    expect(bare.subject.sqft).toBeLessThan(4000);
    expect(bare.subject.beds).toBeGreaterThanOrEqual(2);

    const given = cmaOf({
      address: '77 Golden Prairie Dr, Etiwanda',
      beds: 4,
      sqft: 2100,
      baths: 3,
      yearBuilt: 2004,
      condition: 'move_in_ready',
    });
    expect(given.estimated).toEqual([]);
    expect(given.subject).toMatchObject({ beds: 4, sqft: 2100, baths: 3, yearBuilt: 2004 });
  });

  it('estimates the size of a 5-bed home larger than that of a 3-bed one', () => {
    const three = cmaOf({ address: '1 X St, Alta Loma', beds: 3 });
    const five = cmaOf({ address: '1 X St, Alta Loma', beds: 5 });
    expect(three.estimated).toContain('sqft');
    expect(five.subject.sqft).toBeGreaterThan(three.subject.sqft);
  });

  it('compares the seller price with the range', () => {
    const base = { address: '8 Vintage Dr, Etiwanda', beds: 4, sqft: 2200 };
    const { range } = cmaOf(base);
    const above = cmaOf({ ...base, sellerPrice: Math.round(range.high * 1.2) });
    expect(above.sellerPrice?.verdict).toBe('above');
    expect(above.sellerPrice?.differencePct).toBeGreaterThan(15);
    const below = cmaOf({ ...base, sellerPrice: Math.round(range.low * 0.8) });
    expect(below.sellerPrice?.verdict).toBe('below');
    expect(below.sellerPrice?.differencePct).toBeLessThan(0);
    const within = cmaOf({ ...base, sellerPrice: range.likely });
    expect(within.sellerPrice).toEqual({ sellerPrice: range.likely, differencePct: 0, verdict: 'within' });
    expect(cmaOf(base).sellerPrice).toBeUndefined();
  });

  it('summarises the last 6 months of sales in the subject neighbourhood', () => {
    const cma = cmaOf({ address: '1 A St, Alta Loma', beds: 3, sqft: 1600 });
    const recent = comps.filter((c) => c.neighborhood === 'Alta Loma' && c.soldDate > '2026-05-24');
    expect(cma.market.area).toBe('Alta Loma');
    expect(cma.market.sales).toBe(recent.length);
    expect(cma.market.medianPrice).toBeGreaterThan(400_000);
    expect(cma.market.medianPricePerSqft).toBeGreaterThan(350);
    expect(cma.market.medianDaysOnMarket).toBeGreaterThan(0);
  });

  it('is deterministic, whatever the order of the comps', () => {
    const subject = {
      address: '6842 Etiwanda Ave, Rancho Cucamonga',
      beds: 4,
      sqft: 2100,
      sellerPrice: 1_000_000,
    };
    const first = cmaOf(subject);
    expect(cmaOf(subject)).toEqual(first);
    expect(cmaOf(subject, [...comps].reverse())).toEqual(first);
  });

  it('rejects impossible facts, naming the field', () => {
    const outcome = buildCma(
      { address: '1 A St', beds: -2, sqft: 50, condition: 'haunted' as never },
      comps,
      TODAY,
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.reason).toBe('invalid_subject');
    expect(outcome.problems.join(' ')).toMatch(/beds:.*sqft:.*condition:/);
  });
});
