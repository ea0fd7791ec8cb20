import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_COMPS_FILE, loadComps } from '../../../src/adapters/comps/load-comps.ts';
import { csvCell } from '../../../src/adapters/comps/parse-csv.ts';
import { defaultNeighborhoods } from '../../../src/domain/language/areas.ts';

const dir = mkdtempSync(join(tmpdir(), 'comps-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function file(ext: 'json' | 'csv' | 'txt', content: string): string {
  n += 1;
  const path = join(dir, `comps-${n}.${ext}`);
  writeFileSync(path, content);
  return path;
}

const FIELDS = [
  'id',
  'address',
  'city',
  'zip',
  'neighborhood',
  'lat',
  'lng',
  'beds',
  'baths',
  'sqft',
  'lotSqft',
  'yearBuilt',
  'propertyType',
  'soldPrice',
  'soldDate',
  'daysOnMarket',
] as const;

function toCsv(rows: Record<string, unknown>[]): string {
  return [FIELDS.join(','), ...rows.map((r) => FIELDS.map((f) => csvCell(r[f])).join(','))].join('\r\n');
}

function row(i: number, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: `X-${i}`,
    address: `${100 + i} Banyan St`,
    city: 'Rancho Cucamonga',
    zip: '91737',
    neighborhood: 'Alta Loma',
    lat: 34.14,
    lng: -117.6,
    beds: 3,
    baths: 2,
    sqft: 1600,
    lotSqft: 7000,
    yearBuilt: 1980,
    propertyType: 'single_family',
    soldPrice: 690_000,
    soldDate: '2026-09-01',
    daysOnMarket: 18,
    ...over,
  };
}

describe('loadComps', () => {
  it('ships a realistic sample of sold homes for the default market', () => {
    const { comps, dataVersion, file: path } = loadComps();
    expect(path).toBe(DEFAULT_COMPS_FILE);
    expect(comps.length).toBeGreaterThanOrEqual(220);
    expect(dataVersion).toMatch(/^[0-9a-f]{12}$/);
    const rc = comps.filter((c) => c.city === 'Rancho Cucamonga');
    expect(rc.length).toBeGreaterThan(200);
    for (const c of comps) {
      expect(defaultNeighborhoods).toContain(c.neighborhood);
      expect(c.soldDate >= '2025-06-01' && c.soldDate <= '2026-11-30').toBe(true);
      const perSqft = c.soldPrice / c.sqft;
      expect(perSqft).toBeGreaterThan(360);
      expect(perSqft).toBeLessThan(540);
    }
    for (const c of rc) {
      expect(c.lat).toBeGreaterThanOrEqual(34.09);
      expect(c.lat).toBeLessThanOrEqual(34.17);
      expect(c.lng).toBeGreaterThanOrEqual(-117.62);
      expect(c.lng).toBeLessThanOrEqual(-117.49);
      expect(['91701', '91730', '91737', '91739']).toContain(c.zip);
    }
  });

  it('reads the same comps from JSON and from CSV', () => {
    const rows = JSON.parse(readFileSync(DEFAULT_COMPS_FILE, 'utf8')) as Record<string, unknown>[];
    rows[0] = { ...rows[0], address: '123 Main St, Unit "B"' };
    const fromJson = loadComps(file('json', JSON.stringify(rows)));
    const fromCsv = loadComps(file('csv', toCsv(rows)));
    expect(fromCsv.comps).toEqual(fromJson.comps);
    expect(fromCsv.comps[0]?.address).toBe('123 Main St, Unit "B"');
  });

  it('accepts spreadsheet-style CSV: dollar signs, thousands separators, blank optional cells', () => {
    const csv = `${FIELDS.join(',')}\n${toCsv([row(1)]).split('\r\n')[1]}\nX-2,9 Elm Ave,Rancho Cucamonga,91730,Terra Vista,,,3,2,"1,500",,,condo,"$600,000",2026-10-01,`;
    const { comps } = loadComps(file('csv', csv));
    expect(comps[1]).toEqual({
      id: 'X-2',
      address: '9 Elm Ave',
      city: 'Rancho Cucamonga',
      zip: '91730',
      neighborhood: 'Terra Vista',
      beds: 3,
      baths: 2,
      sqft: 1500,
      propertyType: 'condo',
      soldPrice: 600_000,
      soldDate: '2026-10-01',
    });
  });

  it('names the file, row and field of a bad JSON row', () => {
    const path = file('json', JSON.stringify([row(1), row(2), row(3, { soldPrice: 'lots' })]));
    expect(() => loadComps(path)).toThrow(path);
    expect(() => loadComps(path)).toThrow(/row 3, soldPrice: expected number/);
  });

  it('names the row, line and field of a bad CSV row', () => {
    const path = file('csv', toCsv([row(1), row(2, { soldDate: '2026-13-45' })]));
    expect(() => loadComps(path)).toThrow(/row 2 \(line 3\), soldDate: expected a real calendar date/);
    const beds = file('csv', toCsv([row(1, { beds: 'three' })]));
    expect(() => loadComps(beds)).toThrow(/row 1 \(line 2\), beds: expected number/);
  });

  it('reports a missing CSV column, a repeated id and half a coordinate', () => {
    expect(() => loadComps(file('csv', 'id,address\nX,1 A St'))).toThrow(/header: missing column city/);
    expect(() => loadComps(file('json', JSON.stringify([row(1), row(1)])))).toThrow(
      /row 2, id: "X-1" repeats row 1/,
    );
    expect(() => loadComps(file('json', JSON.stringify([row(1, { lng: undefined })])))).toThrow(
      /row 1, lng: lat and lng go together/,
    );
  });

  it('changes dataVersion when the bytes change, and only then', () => {
    const text = JSON.stringify([row(1), row(2)]);
    const a = loadComps(file('json', text));
    const same = loadComps(file('json', text));
    const edited = loadComps(file('json', text.replace('690000', '691000')));
    expect(same.dataVersion).toBe(a.dataVersion);
    expect(edited.dataVersion).not.toBe(a.dataVersion);
  });

  it('refuses other file types, missing files and empty data', () => {
    expect(() => loadComps(file('txt', '[]'))).toThrow(/expected a \.json or \.csv file/);
    expect(() => loadComps(join(dir, 'nope.json'))).toThrow(/file not found/);
    expect(() => loadComps(file('json', '[]'))).toThrow(/contains no sold homes/);
    expect(() => loadComps(file('json', '{"a":'))).toThrow(/not valid JSON/);
  });
});
