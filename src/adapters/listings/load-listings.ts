import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { type Listing, listingProblems } from '../../domain/buyer/listing.ts';
import { listingSchema } from '../../ports/listing-schema.ts';

/** The sample listings shipped for the default market, used when `LISTINGS_FILE` is not set. */
export const DEFAULT_LISTINGS_FILE = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../data-samples/listings.json',
);

const MAX_REPORTED = 5;

function where(path: readonly PropertyKey[]): string {
  return path
    .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
    .join('')
    .replace(/^\./, '');
}

function fail(file: string, problems: string[]): never {
  const shown = problems.slice(0, MAX_REPORTED);
  const more = problems.length > MAX_REPORTED ? `\n  … and ${problems.length - MAX_REPORTED} more` : '';
  throw new Error(`Listings file ${file} is invalid:\n  ${shown.join('\n  ')}${more}`);
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? String(err)})`;
    throw new Error(`Listings file ${file}: ${reason}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new Error(`Listings file ${file} is not valid JSON: ${(err as Error).message}`);
  }
}

/**
 * Reads and checks a JSON array of listings. Any problem stops with an error naming the file, the
 * row and the field (`[3].price: expected number, received string`), so a bad file is caught at
 * start-up instead of producing wrong matches for buyers.
 */
export function loadListings(path?: string): Listing[] {
  const file = resolve(path ?? DEFAULT_LISTINGS_FILE);
  const raw = readJson(file);
  if (!Array.isArray(raw)) fail(file, ['expected a JSON array of listings']);
  if (raw.length === 0) fail(file, ['contains no listings']);

  const parsed = z.array(listingSchema).safeParse(raw);
  if (!parsed.success) {
    fail(
      file,
      parsed.error.issues.map(
        (issue) =>
          `${where(issue.path) || '(root)'}: ${issue.message.replace(/^Invalid (?:input|option): /, '')}`,
      ),
    );
  }

  const problems: string[] = [];
  const firstRowById = new Map<string, number>();
  parsed.data.forEach((listing, row) => {
    const earlier = firstRowById.get(listing.id);
    if (earlier === undefined) firstRowById.set(listing.id, row);
    else problems.push(`[${row}].id: "${listing.id}" repeats row [${earlier}]`);
    for (const problem of listingProblems(listing)) problems.push(`[${row}].${problem}`);
  });
  if (problems.length > 0) fail(file, problems);
  return parsed.data;
}
