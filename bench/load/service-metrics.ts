import { type PromSample, parsePromText, promDelta, sumOf } from '../lib/prom-text.ts';

/** The service's cache counter (docs/MONITORING.md): one series per `cache` and `result` (hit, miss). */
export const CACHE_METRIC = 'jorge_cache_requests_total';

/** Report names of the `cache` labels the service exports; a label not listed here is shown as is. */
const CACHE_NAMES: Record<string, string> = {
  cma: 'CMA',
  skills_selection: 'skills selection',
  dnd: 'DND reads',
  custom_field_ids: 'custom-field ids',
  location_settings: 'location settings',
  scripts: 'scripts',
};

/**
 * Caches the load issue asks about that the service may not have: reported as such rather than left
 * out. The service keeps no cache of free calendar slots (every offer reads GHL's calendar).
 */
const ASKED_FOR = [
  { label: 'cma', exists: true },
  { label: 'skills_selection', exists: true },
  { label: 'free_slots', exists: false, name: 'free slots' },
  { label: 'custom_field_ids', exists: true },
  { label: 'dnd', exists: true },
] as const;

export async function scrape(urls: readonly string[]): Promise<PromSample[][]> {
  return Promise.all(
    urls.map(async (u) => {
      try {
        return parsePromText(
          await (await fetch(`${u}/metrics`, { signal: AbortSignal.timeout(5000) })).text(),
        );
      } catch {
        return [];
      }
    }),
  );
}

export interface CacheRate {
  cache: string;
  /** null: no lookups in the window, or no such cache (see `exported`). */
  hitRate: number | null;
  hits: number;
  misses: number;
  /** The `cache` label of jorge_cache_requests_total; null when the service has no such cache. */
  label: string | null;
  /** False: the service exports no series for this cache (it has none, or a different build). */
  exported: boolean;
}

/**
 * Hit rate per cache from `jorge_cache_requests_total{cache,result}` over the window: every cache
 * label the service exports (all replicas), then each cache the issue asks about that it lacks.
 */
export function cacheRates(window: readonly PromSample[], labelsSeen: ReadonlySet<string>): CacheRate[] {
  const count = (label: string, result: string) => sumOf(window, CACHE_METRIC, { cache: label, result });
  const rates: CacheRate[] = [...labelsSeen].sort().map((label) => {
    const hits = count(label, 'hit');
    const misses = count(label, 'miss');
    return {
      cache: CACHE_NAMES[label] ?? label,
      hitRate: hits + misses > 0 ? hits / (hits + misses) : null,
      hits,
      misses,
      label,
      exported: true,
    };
  });
  for (const asked of ASKED_FOR) {
    if (labelsSeen.has(asked.label)) continue;
    rates.push({
      cache: 'name' in asked ? asked.name : (CACHE_NAMES[asked.label] ?? asked.label),
      hitRate: null,
      hits: 0,
      misses: 0,
      label: asked.exists ? asked.label : null,
      exported: false,
    });
  }
  return rates;
}

export interface ServiceCounters {
  crmCalls: number;
  crmCallsByStatus: Record<string, number>;
  rateLimitWaits: number;
  rateLimitWaitS: number;
  crmRetries: number;
  modelCalls: Record<string, number>;
  webhooksByResult: Record<string, number>;
  caches: CacheRate[];
}

/** Counters over the window between two scrapes, summed over the replicas. */
export function countersBetween(before: PromSample[][], after: PromSample[][]): ServiceCounters {
  const d = after.flatMap((a, i) => promDelta(before[i] ?? [], a));
  const by = (name: string, label: string) => {
    const out: Record<string, number> = {};
    for (const s of d)
      if (s.name === name && s.value !== 0)
        out[s.labels[label] ?? ''] = (out[s.labels[label] ?? ''] ?? 0) + s.value;
    return out;
  };
  const modelCalls: Record<string, number> = {};
  for (const s of d)
    if (s.name === 'jorge_model_calls_total' && s.value !== 0) {
      const k = `${s.labels.task ?? '?'}:${s.labels.outcome ?? '?'}`;
      modelCalls[k] = (modelCalls[k] ?? 0) + s.value;
    }
  // A cache is exported when its series exist at the end of the window, even with no lookups in it.
  const labelsSeen = new Set(
    after.flatMap((a) =>
      a.filter((s) => s.name === CACHE_METRIC && s.labels.cache).map((s) => s.labels.cache!),
    ),
  );
  const caches = cacheRates(d, labelsSeen);
  return {
    crmCalls: sumOf(d, 'jorge_crm_calls_total'),
    crmCallsByStatus: by('jorge_crm_calls_total', 'status'),
    rateLimitWaits: sumOf(d, 'jorge_rate_limit_waits_total'),
    rateLimitWaitS: sumOf(d, 'jorge_rate_limit_wait_seconds_total'),
    crmRetries: sumOf(d, 'jorge_crm_retries_total'),
    modelCalls,
    webhooksByResult: by('jorge_webhooks_total', 'outcome'),
    caches,
  };
}
