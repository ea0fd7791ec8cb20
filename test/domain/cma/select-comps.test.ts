import { describe, expect, it } from 'vitest';
import { buildCma } from '../../../src/domain/cma/build-cma.ts';
import { locateSubject } from '../../../src/domain/cma/locate-subject.ts';
import type { Cma, CmaSubject, SoldComp } from '../../../src/domain/cma/types.ts';

const TODAY = '2026-11-24';
let seq = 0;

/** A sale in a made-up market: "Hilltop" sits around 34.150 N, "Flats" about 2 miles south. */
function sale(over: Partial<SoldComp> & { monthsAgo?: number } = {}): SoldComp {
  seq += 1;
  const { monthsAgo = 2, ...rest } = over;
  const sold = new Date(Date.UTC(2026, 10, 24) - Math.round(monthsAgo * 30.44) * 86_400_000);
  const sqft = rest.sqft ?? 2000;
  return {
    id: `T-${String(seq).padStart(4, '0')}`,
    address: `${1000 + seq} Test St`,
    city: 'Testville',
    zip: '91739',
    neighborhood: 'Hilltop',
    lat: 34.15 + (seq % 5) * 0.001,
    lng: -117.55,
    beds: 4,
    baths: 2.5,
    sqft,
    yearBuilt: 2000,
    propertyType: 'single_family',
    soldPrice: sqft * 450,
    soldDate: sold.toISOString().slice(0, 10),
    daysOnMarket: 20,
    ...rest,
  };
}

const flats = (n: number, over: Partial<SoldComp> & { monthsAgo?: number } = {}) =>
  Array.from({ length: n }, () =>
    sale({ neighborhood: 'Flats', zip: '91730', lat: 34.12, lng: -117.55, ...over }),
  );

function cmaOf(subject: CmaSubject, data: readonly SoldComp[]): Cma {
  const outcome = buildCma(subject, data, TODAY);
  if (!outcome.ok) throw new Error(outcome.problems.join('; '));
  return outcome.cma;
}

const subject: CmaSubject = { address: '1 Main St', neighborhood: 'Hilltop', beds: 4, sqft: 2000 };

describe('comp selection', () => {
  it('stays local and recent when five sales qualify', () => {
    const data = [...Array.from({ length: 6 }, () => sale({ monthsAgo: 3 })), ...flats(10)];
    const cma = cmaOf(subject, data);
    expect(cma.search).toEqual({ area: 'local', months: 6, relaxedSize: false, widened: false });
    expect(cma.comps.every((u) => u.comp.neighborhood === 'Hilltop')).toBe(true);
  });

  it('goes back 12 months when fewer than five local sales are recent', () => {
    const data = [
      ...Array.from({ length: 3 }, () => sale({ monthsAgo: 2 })),
      ...Array.from({ length: 3 }, () => sale({ monthsAgo: 9 })),
      ...flats(10),
    ];
    const cma = cmaOf(subject, data);
    expect(cma.search).toMatchObject({ area: 'local', months: 12, widened: true });
    expect(cma.comps).toHaveLength(6);
    expect(cma.comps.every((u) => u.comp.neighborhood === 'Hilltop')).toBe(true);
  });

  it('takes nearby areas when the neighbourhood has too few sales in 18 months', () => {
    const data = [sale({ monthsAgo: 1 }), sale({ monthsAgo: 4 }), ...flats(6)];
    const cma = cmaOf(subject, data);
    expect(cma.search).toMatchObject({ area: 'nearby', widened: true });
    expect(cma.comps.length).toBeGreaterThanOrEqual(5);
    // The two local sales are the closest match, so they rank first.
    expect(cma.comps.slice(0, 2).every((u) => u.comp.neighborhood === 'Hilltop')).toBe(true);
    expect(cma.confidence).not.toBe('high');
  });

  it('loosens size limits only as a last resort and then says so', () => {
    const data = Array.from({ length: 6 }, () => sale({ sqft: 2700 }));
    const cma = cmaOf(subject, data);
    expect(cma.search.relaxedSize).toBe(true);
    expect(cma.confidence).toBe('low');
  });

  it('ignores sales dated after today and answers no_comparable_sales when nothing fits', () => {
    const future = Array.from({ length: 6 }, () => sale({ monthsAgo: -2 }));
    const outcome = buildCma(subject, future, TODAY);
    expect(outcome).toMatchObject({ ok: false, reason: 'no_comparable_sales' });
  });

  it('brings an older sale up to today and adjusts for bedrooms', () => {
    const recent = sale({ monthsAgo: 0, beds: 4 });
    const older = sale({ monthsAgo: 12, beds: 4 });
    const fewerBeds = sale({ monthsAgo: 0, beds: 3 });
    const data = [recent, older, fewerBeds, ...Array.from({ length: 2 }, () => sale({ monthsAgo: 1 }))];
    const cma = cmaOf({ ...subject, baths: 2.5, yearBuilt: 2000, condition: 'move_in_ready' }, data);
    const used = (c: SoldComp) => cma.comps.find((u) => u.comp.id === c.id)!;
    expect(used(recent).adjustedPrice).toBe(recent.soldPrice);
    expect(used(older).adjustedPrice).toBeGreaterThan(older.soldPrice);
    expect(used(older).adjustedPrice).toBeLessThan(older.soldPrice * 1.05);
    expect(used(fewerBeds).adjustedPrice).toBeCloseTo(fewerBeds.soldPrice * 1.03, -2);
  });
});

describe('locateSubject', () => {
  const data = [
    sale({ address: '100 Ridge Rd', neighborhood: 'Hilltop', city: 'Testville' }),
    sale({ address: '200 Ridge Rd', neighborhood: 'Hilltop', city: 'Testville' }),
    sale({ address: '300 Low Ave', neighborhood: 'Flats', city: 'Testville', zip: '91730' }),
    sale({ address: '5 Other St', neighborhood: 'Elsewhere', city: 'Elsewhere', zip: '92000' }),
  ];

  it('prefers coordinates, then a named neighbourhood, then the street, then the ZIP, then the city', () => {
    expect(locateSubject({ address: '9 Q St', lat: 34.15, lng: -117.55 }, data)).toMatchObject({
      basis: 'coordinates',
      neighborhood: 'Hilltop',
    });
    expect(locateSubject({ address: '9 Q St, Flats, CA 91730' }, data)).toMatchObject({
      basis: 'neighborhood',
      neighborhood: 'Flats',
    });
    expect(locateSubject({ address: '9 Q St', neighborhood: 'flats' }, data).neighborhood).toBe('Flats');
    expect(locateSubject({ address: '150 Ridge Road, Testville' }, data)).toMatchObject({
      basis: 'street',
      neighborhood: 'Hilltop',
    });
    expect(locateSubject({ address: '9 Q St, CA 91730' }, data)).toMatchObject({
      basis: 'zip',
      zip: '91730',
    });
    expect(locateSubject({ address: '9 Q St, Testville' }, data)).toMatchObject({
      basis: 'city',
      city: 'Testville',
    });
    expect(locateSubject({ address: 'somewhere' }, data).basis).toBe('market');
  });
});
