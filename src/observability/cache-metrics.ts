import { Counter, type Registry } from 'prom-client';

export type CacheResult = 'hit' | 'miss';

/** Counts one lookup of a cache: served from it (hit) or fetched or computed again (miss). */
export type CountLookup = (result: CacheResult) => void;

/** The service's in-process caches, each a `cache` label of jorge_cache_requests_total. */
export const CACHES = [
  'cma',
  'skills_selection',
  'dnd',
  'custom_field_ids',
  'location_settings',
  'scripts',
] as const;
export type CacheName = (typeof CACHES)[number];

export function createCacheMetrics(registry: Registry) {
  const requests = new Counter({
    name: 'jorge_cache_requests_total',
    help: 'Lookups of an in-process cache by cache (cma, skills_selection, dnd, custom_field_ids, location_settings, scripts) and result (hit, miss). Hit rate: hit / (hit + miss); each replica keeps its own caches.',
    labelNames: ['cache', 'result'] as const,
    registers: [registry],
  });
  // Every series exists from the start (at 0), so a rate over it is defined before the first lookup.
  for (const cache of CACHES)
    for (const result of ['hit', 'miss'] as const) requests.inc({ cache, result }, 0);
  return {
    requests,
    /** The counting function a cache is built with. */
    lookup:
      (cache: CacheName): CountLookup =>
      (result) =>
        requests.inc({ cache, result }),
  };
}
