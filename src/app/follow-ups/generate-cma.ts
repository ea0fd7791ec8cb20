import { buildCma } from '../../domain/cma/build-cma.ts';
import type { Cma, CmaSubject, SoldComp } from '../../domain/cma/types.ts';
import type { CountLookup } from '../../observability/cache-metrics.ts';
import type { Clock } from '../../ports.ts';

/** A CMA is reused for a week: comps that old still describe the market, and the PDF is stable. */
export const CMA_CACHE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const DEFAULT_MAX_ENTRIES = 500;

export interface CmaData {
  comps: readonly SoldComp[];
  /** Changes whenever the comps file changes, so a new file never serves an old report. */
  dataVersion: string;
}

interface Rendered {
  cma: Cma;
  pdf: Buffer;
}

interface Entry {
  createdAtMs: number;
  value: Promise<Rendered>;
}

/**
 * Finished reports keyed by normalised address + data version + subject facts, least recently used
 * evicted first. The cache lives in this process only: each replica keeps its own, and a miss
 * costs one render (milliseconds), so nothing depends on a hit.
 */
export interface CmaCache {
  readonly ttlMs: number;
  get(key: string, nowMs: number): Promise<Rendered> | undefined;
  set(key: string, value: Promise<Rendered>, nowMs: number): void;
  delete(key: string): void;
  readonly size: number;
}

export function createCmaCache(
  opts: { ttlMs?: number; maxEntries?: number; onLookup?: CountLookup } = {},
): CmaCache {
  const ttlMs = opts.ttlMs ?? CMA_CACHE_TTL_MS;
  const maxEntries = opts.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const entries = new Map<string, Entry>();
  return {
    ttlMs,
    get(key, nowMs) {
      const entry = entries.get(key);
      if (entry) entries.delete(key);
      if (!entry || nowMs - entry.createdAtMs >= ttlMs) {
        opts.onLookup?.('miss');
        return undefined;
      }
      entries.set(key, entry); // most recently used goes last
      opts.onLookup?.('hit');
      return entry.value;
    },
    set(key, value, nowMs) {
      entries.delete(key);
      entries.set(key, { createdAtMs: nowMs, value });
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
    delete(key) {
      entries.delete(key);
    },
    get size() {
      return entries.size;
    },
  };
}

export interface GenerateCmaDeps {
  data: CmaData;
  /** Turns an analysis into PDF bytes (the pdfkit renderer, bound to the agent's branding). */
  render: (cma: Cma) => Promise<Buffer>;
  clock: Clock;
  /** IANA zone that decides which calendar day "today" is for the analysis. */
  timezone: string;
  cache: CmaCache;
}

/** The analysis succeeded but its PDF could not be made; `cma` still carries the figures. */
export class CmaPdfError extends Error {
  constructor(
    readonly cma: Cma,
    cause: unknown,
  ) {
    super(`CMA PDF could not be rendered: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.name = 'CmaPdfError';
  }
}

export type GenerateCmaResult =
  | { ok: true; cma: Cma; pdf: Buffer; dataVersion: string; cached: boolean }
  | { ok: false; reason: 'invalid_subject' | 'no_comparable_sales'; problems: string[] };

const SUFFIXES: Record<string, string> = {
  street: 'st',
  avenue: 'ave',
  road: 'rd',
  drive: 'dr',
  lane: 'ln',
  court: 'ct',
  boulevard: 'blvd',
  place: 'pl',
  circle: 'cir',
  parkway: 'pkwy',
  route: 'rte',
  terrace: 'ter',
  trail: 'trl',
  north: 'n',
  south: 's',
  east: 'e',
  west: 'w',
  california: 'ca',
  apartment: 'apt',
  suite: 'ste',
};

/** "6842 Etiwanda Avenue,  Rancho Cucamonga" and "6842 etiwanda ave rancho cucamonga" are one key. */
export function normalizeAddress(address: string): string {
  return address
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9#]+/g, ' ')
    .trim()
    .split(' ')
    .map((w) => SUFFIXES[w] ?? w)
    .join(' ');
}

function cacheKey(subject: CmaSubject, dataVersion: string): string {
  const facts = [
    subject.neighborhood?.trim().toLowerCase(),
    subject.zip,
    subject.lat,
    subject.lng,
    subject.beds,
    subject.baths,
    subject.sqft,
    subject.yearBuilt,
    subject.propertyType,
    subject.condition,
    subject.sellerPrice,
  ];
  return `${normalizeAddress(subject.address)}|${dataVersion}|${JSON.stringify(facts)}`;
}

/** The calendar day of `now` in `timezone`, as YYYY-MM-DD. */
export function localDay(now: Date, timezone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/**
 * The CMA and its PDF for a subject home. A report made in the last 7 days for the same address,
 * facts and comps file is returned as it was (`cached: true`), so a contact who asks twice gets the
 * same figures; a new comps file or different facts make a new one. A failed render is not kept and
 * rejects with `CmaPdfError`, which still carries the figures (for a message without attachment).
 */
export async function generateCma(deps: GenerateCmaDeps, subject: CmaSubject): Promise<GenerateCmaResult> {
  const { data, cache } = deps;
  const key = cacheKey(subject, data.dataVersion);
  const now = deps.clock.now();
  const hit = cache.get(key, now.getTime());
  if (hit) {
    const { cma, pdf } = await hit;
    return { ok: true, cma, pdf, dataVersion: data.dataVersion, cached: true };
  }

  const outcome = buildCma(subject, data.comps, localDay(now, deps.timezone));
  if (!outcome.ok) return outcome;
  const cma = outcome.cma;
  const pending = deps.render(cma).then(
    (pdf) => ({ cma, pdf }),
    (err: unknown) => {
      throw new CmaPdfError(cma, err);
    },
  );
  cache.set(key, pending, now.getTime());
  try {
    const { pdf } = await pending;
    return { ok: true, cma, pdf, dataVersion: data.dataVersion, cached: false };
  } catch (err) {
    cache.delete(key);
    throw err;
  }
}
