import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCmaCache } from '../../src/app/follow-ups/generate-cma.ts';
import { CACHES, type CacheResult } from '../../src/observability/cache-metrics.ts';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { type FakeAnthropic, startFakeAnthropic } from '../support/fakes/anthropic-server.ts';
import { type FakeGhl, startFakeGhl } from '../support/fakes/ghl-server.ts';
import { eventually, ghlEnv, startTestService, type TestService } from '../support/service.ts';
import { leadTexts, openWork, repliesPerContact, seedLeads } from '../faults/support.ts';

const KEY = 'sk-ant-test-key-cache-metrics';

/** jorge_cache_requests_total by cache and result, from a Prometheus text exposition. */
function cacheCounts(metrics: string): Record<string, { hit: number; miss: number }> {
  const out: Record<string, { hit: number; miss: number }> = {};
  for (const m of metrics.matchAll(
    /^jorge_cache_requests_total\{cache="(\w+)",result="(hit|miss)"\} (\d+)$/gm,
  )) {
    out[m[1]!] ??= { hit: 0, miss: 0 };
    out[m[1]!]![m[2] as 'hit' | 'miss'] = Number(m[3]);
  }
  return out;
}

// Two leads write the same first text and then a second one, through GHL with the model on: the
// caches are asked for the same things again and /metrics counts what they served.
describe('cache hits and misses in /metrics', () => {
  let ghl: FakeGhl;
  let claude: FakeAnthropic;
  let tdb: TestDb;
  let svc: TestService;
  beforeAll(async () => {
    ghl = await startFakeGhl();
    claude = await startFakeAnthropic({ apiKey: KEY });
    tdb = await pgliteBackend.open();
    svc = await startTestService(tdb, {
      ...ghlEnv(ghl),
      ANTHROPIC_API_KEY: KEY,
      ANTHROPIC_BASE_URL: claude.url,
      FEATURE_PROGRESSIVE_SKILLS: 'true',
    });
  });
  afterAll(async () => {
    await svc.stop();
    await tdb.close();
    await ghl.close();
    await claude.close();
  });

  it('every cache has both series from the start, and real use counts hits and misses', async () => {
    const before = cacheCounts(await (await fetch(`${svc.url}/metrics`)).text());
    expect(Object.keys(before).sort()).toEqual([...CACHES].sort());

    const contacts = seedLeads(ghl, 'cacheMetrics', 2);
    const texts = [
      'hi, thinking about selling my place in alta loma, whats it worth these days?',
      'its a 3 bed 2 bath, about 1600 sqft',
    ];
    for (const [n, text] of texts.entries()) {
      for (const id of contacts) expect((await leadTexts(svc.url, ghl, id, text)).status).toBe(200);
      await eventually(
        async () =>
          (await openWork(tdb)) === 0 &&
          Object.values(repliesPerContact(ghl, contacts)).every((c) => c >= n + 1),
        20_000,
        `round ${n + 1} answered`,
      );
    }

    const after = cacheCounts(await (await fetch(`${svc.url}/metrics`)).text());
    // Asked once, then served from memory: the location's settings and published scripts, the
    // location's custom field ids, each lead's DND (read before their first reply, reused for the
    // second), and the skills for a turn of the same kind (both leads' first texts).
    for (const cache of ['location_settings', 'scripts', 'custom_field_ids', 'dnd', 'skills_selection']) {
      expect(after[cache]!.miss, `${cache} misses`).toBeGreaterThanOrEqual(1);
      expect(after[cache]!.hit, `${cache} hits`).toBeGreaterThanOrEqual(1);
    }
    // The DND of a contact is read from GHL once per miss, never on a hit.
    const dndReads = ghl.requests.filter(
      (r) => r.method === 'GET' && /^\/contacts\/cacheMetrics/.test(r.path),
    );
    expect(dndReads.length).toBeLessThanOrEqual(after.dnd!.miss);
  }, 60_000);

  it('a finished CMA report is a hit while fresh and a miss once it has expired', async () => {
    const counted: CacheResult[] = [];
    const cache = createCmaCache({ ttlMs: 1_000, onLookup: (r) => counted.push(r) });
    const rendered = Promise.resolve({ cma: {} as never, pdf: Buffer.from('%PDF') });
    expect(cache.get('6842 etiwanda ave', 0)).toBeUndefined();
    cache.set('6842 etiwanda ave', rendered, 0);
    expect(cache.get('6842 etiwanda ave', 999)).toBe(rendered);
    expect(cache.get('6842 etiwanda ave', 1_000)).toBeUndefined();
    expect(counted).toEqual(['miss', 'hit', 'miss']);
  });
});
