import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { PROPERTY_TYPES } from '../../domain/buyer/listing.ts';
import { clean } from '../../domain/clean.ts';
import type { SoldComp } from '../../domain/cma/types.ts';
import { parseCsv } from './parse-csv.ts';

/** The sample of closed sales shipped for the default market, used when `COMPS_FILE` is not set. */
export const DEFAULT_COMPS_FILE = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../data-samples/comps.json',
);

export interface LoadedComps {
  comps: SoldComp[];
  /** First 12 hex characters of the file's SHA-256: any edit to the file gives a new version. */
  dataVersion: string;
  file: string;
}

const MAX_REPORTED = 5;
const NUMERIC = ['lat', 'lng', 'beds', 'baths', 'sqft', 'lotSqft', 'yearBuilt', 'soldPrice', 'daysOnMarket'];
const REQUIRED = [
  'id',
  'address',
  'city',
  'zip',
  'neighborhood',
  'beds',
  'baths',
  'sqft',
  'soldPrice',
  'soldDate',
];

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a YYYY-MM-DD date')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'expected a real calendar date');

const compSchema = z
  .object({
    id: z.string().trim().min(1),
    address: z.string().trim().min(1),
    city: z.string().trim().min(1),
    zip: z.string().regex(/^\d{5}$/, 'expected a 5-digit ZIP code'),
    neighborhood: z.string().trim().min(1),
    lat: z.number().min(-90).max(90).optional(),
    lng: z.number().min(-180).max(180).optional(),
    beds: z.number().int('expected a whole number').min(0).max(20),
    baths: z
      .number()
      .min(0)
      .max(20)
      .refine((b) => Number.isInteger(b * 2), 'expected whole or half baths'),
    sqft: z.number().int('expected a whole number').min(100).max(50_000),
    lotSqft: z.number().int('expected a whole number').min(0).optional(),
    yearBuilt: z.number().int('expected a whole number').min(1800).max(2100).optional(),
    propertyType: z.enum(PROPERTY_TYPES).default('single_family'),
    soldPrice: z.number().int('expected a whole number').positive(),
    soldDate: isoDate,
    daysOnMarket: z.number().int('expected a whole number').min(0).optional(),
  })
  .refine((c) => (c.lat === undefined) === (c.lng === undefined), {
    path: ['lng'],
    message: 'lat and lng go together: give both or neither',
  })
  .refine((c) => c.soldPrice / c.sqft >= 30 && c.soldPrice / c.sqft <= 5000, {
    path: ['soldPrice'],
    message: 'implausible price per square foot; check soldPrice and sqft',
  });

function fail(file: string, problems: string[]): never {
  const shown = problems.slice(0, MAX_REPORTED);
  const more = problems.length > MAX_REPORTED ? `\n  … and ${problems.length - MAX_REPORTED} more` : '';
  throw new Error(`Comps file ${file} is invalid:\n  ${shown.join('\n  ')}${more}`);
}

function readBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? String(err)})`;
    throw new Error(`Comps file ${file}: ${reason}`);
  }
}

interface RawRows {
  rows: unknown[];
  /** How to name row i in a message: "row 3" for JSON, "row 3 (line 4)" for CSV. */
  label: (i: number) => string;
}

function fromJson(file: string, text: string): RawRows {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new Error(`Comps file ${file} is not valid JSON: ${(err as Error).message}`);
  }
  if (!Array.isArray(raw)) fail(file, ['expected a JSON array of sold homes']);
  return { rows: raw, label: (i) => `row ${i + 1}` };
}

// Spreadsheet exports write "$1,234,000": strip the dressing, keep anything else for zod to reject.
function csvValue(field: string, cell: string): unknown {
  const v = cell.trim();
  if (v === '') return undefined;
  if (!NUMERIC.includes(field)) return v;
  const plain = v.replace(/^\$/, '').replace(/,/g, '');
  return /^-?\d+(?:\.\d+)?$/.test(plain) ? Number(plain) : v;
}

function fromCsv(file: string, text: string): RawRows {
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(text);
  } catch (err) {
    throw new Error(`Comps file ${file} is not valid CSV: ${(err as Error).message}`);
  }
  const [header, ...body] = records;
  if (!header) fail(file, ['is empty: expected a header row and sold homes']);
  const names = header.cells.map((h) => h.trim());
  const missing = REQUIRED.filter((f) => !names.includes(f));
  if (missing.length > 0) fail(file, [`header: missing column ${missing.join(', ')}`]);
  const rows = body.map((r) => {
    const row: Record<string, unknown> = {};
    names.forEach((name, i) => {
      const value = csvValue(name, r.cells[i] ?? '');
      if (value !== undefined) row[name] = value;
    });
    return row;
  });
  return { rows, label: (i) => `row ${i + 1} (line ${body[i]?.line ?? '?'})` };
}

/**
 * Reads the comparable-sales file (`.json`: an array of objects; `.csv`: a header row with the same
 * field names) and checks every row. Any problem stops with an error naming the file, the row and
 * the field, so a bad file is caught at start-up rather than producing a wrong valuation.
 */
export function loadComps(path?: string): LoadedComps {
  const file = resolve(path ?? DEFAULT_COMPS_FILE);
  const ext = extname(file).toLowerCase();
  if (ext !== '.json' && ext !== '.csv') {
    throw new Error(`Comps file ${file}: expected a .json or .csv file`);
  }
  const bytes = readBytes(file);
  const text = bytes.toString('utf8');
  const { rows, label } = ext === '.csv' ? fromCsv(file, text) : fromJson(file, text);
  if (rows.length === 0) fail(file, ['contains no sold homes']);

  const problems: string[] = [];
  const comps: SoldComp[] = [];
  const firstRowById = new Map<string, number>();
  rows.forEach((row, i) => {
    const parsed = compSchema.safeParse(row);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.map(String).join('.') || '(row)';
        problems.push(`${label(i)}, ${field}: ${issue.message.replace(/^Invalid (?:input|option): /, '')}`);
      }
      return;
    }
    const earlier = firstRowById.get(parsed.data.id);
    if (earlier === undefined) firstRowById.set(parsed.data.id, i);
    else problems.push(`${label(i)}, id: "${parsed.data.id}" repeats ${label(earlier)}`);
    comps.push(clean(parsed.data) as SoldComp);
  });
  if (problems.length > 0) fail(file, problems);
  return { comps, dataVersion: createHash('sha256').update(bytes).digest('hex').slice(0, 12), file };
}
