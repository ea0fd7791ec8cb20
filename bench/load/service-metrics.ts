import { type PromSample, parsePromText, promDelta, sumOf } from '../lib/prom-text.ts';

/** The caches the load report asks about, with the words their metric names would carry. */
export const CACHES = [
  { cache: 'CMA', words: ['cma'] },
  { cache: 'skills selection', words: ['skill'] },
  { cache: 'free slots', words: ['slot'] },
  { cache: 'custom-field ids', words: ['custom_field', 'field_id'] },
  { cache: 'DND reads', words: ['dnd'] },
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
  /** null: the service exports no hit/miss metric for it. */
  hitRate: number | null;
  hits: number;
  misses: number;
  metric: string | null;
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
  const caches: CacheRate[] = CACHES.map(({ cache, words }) => {
    // A cache metric: a counter whose name mentions the cache and "cache", split by a hit/miss label.
    const samples = d.filter(
      (s) =>
        /cache/.test(s.name) && !/^jorge_model_tokens/.test(s.name) && words.some((w) => s.name.includes(w)),
    );
    if (samples.length === 0) return { cache, hitRate: null, hits: 0, misses: 0, metric: null };
    const hits = samples
      .filter((s) => /hit/.test(JSON.stringify(s.labels) + s.name))
      .reduce((n, s) => n + s.value, 0);
    const misses = samples
      .filter((s) => /miss/.test(JSON.stringify(s.labels) + s.name))
      .reduce((n, s) => n + s.value, 0);
    return {
      cache,
      hitRate: hits + misses > 0 ? hits / (hits + misses) : null,
      hits,
      misses,
      metric: samples[0]?.name ?? null,
    };
  });
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
