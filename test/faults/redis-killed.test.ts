import { afterEach, describe, expect, it } from 'vitest';
import {
  redisServerAvailable,
  startThrowawayRedis,
  type ThrowawayRedis,
} from '../adapters/rate-budget/throwaway-redis.ts';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { type FakeGhl, startFakeGhl } from '../support/fakes/ghl-server.ts';
import { eventually, ghlEnv, startTestService, type TestService } from '../support/service.ts';
import { failedWork, LEAD_TEXTS, leadTexts, openWork, repliesPerContact, seedLeads } from './support.ts';

// The service's shared GHL budget lives in Redis. Here Redis is killed while leads are texting and
// started again (empty, as a Redis without persistence comes back). GHL's budget is scaled down to
// 40 requests per second, with the service configured to match, so the outage spans many windows
// in a few seconds; the budget's rules do not depend on the scale.

const GHL_MAX = 40;
const INTERVAL_MS = 1_000;

if (!redisServerAvailable()) console.warn('[skip] Redis fault test: /usr/bin/redis-server is missing');

describe.skipIf(!redisServerAvailable())('Redis killed while leads are texting', () => {
  let redis: ThrowawayRedis | undefined;
  let ghl: FakeGhl | undefined;
  let tdb: TestDb | undefined;
  let svc: TestService | undefined;
  afterEach(async () => {
    await svc?.stop();
    await tdb?.close();
    await ghl?.close();
    await redis?.stop();
  });

  it('stays within GHL budget, keeps answering, and answers every text exactly once after Redis returns', async () => {
    redis = await startThrowawayRedis();
    ghl = await startFakeGhl({ rateLimit: { max: GHL_MAX, intervalMs: INTERVAL_MS } });
    tdb = await pgliteBackend.open();
    svc = await startTestService(tdb, {
      ...ghlEnv(ghl),
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: 'faults-redis',
      GHL_RATE_LIMIT_MAX: String(GHL_MAX),
      GHL_RATE_LIMIT_INTERVAL_MS: String(INTERVAL_MS),
      // A request can take this long between its slot and GHL on a busy machine (see redis-outage.test.ts).
      GHL_RATE_LIMIT_GUARD_MS: '250',
    });
    const contacts = seedLeads(ghl, 'redisKill', 24);
    const text = async (from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const res = await leadTexts(svc!.url, ghl!, contacts[i]!, LEAD_TEXTS[i % LEAD_TEXTS.length]!);
        expect(res.status).toBe(200);
      }
    };

    await text(0, 8);
    await redis.kill();
    // Texts keep arriving and being answered while Redis is gone.
    await text(8, 16);
    await eventually(
      () => ghl!.messages.some((m) => m.direction === 'outbound' && contacts.indexOf(m.contactId) >= 8),
      15_000,
      'a reply sent while Redis is down',
    );
    await redis.start();
    await text(16, 24);
    await eventually(async () => (await openWork(tdb!)) === 0, 30_000, 'every text answered');

    expect(repliesPerContact(ghl, contacts)).toEqual(Object.fromEntries(contacts.map((id) => [id, 1])));
    expect(await failedWork(tdb)).toEqual({ inbox: 0, outbox: 0 });
    // Never more requests in any one-second window than GHL allows, during the outage included.
    expect(ghl.maxRequestsInAnyWindow()).toBeLessThanOrEqual(GHL_MAX);
    expect(ghl.requests.filter((r) => r.status === 429)).toHaveLength(0);
    // Nothing crashed: the service still answers its probes.
    expect((await fetch(`${svc.url}/healthz`)).status).toBe(200);
    expect(svc.logs.some((l) => /Redis unreachable/.test(l))).toBe(true);
  }, 60_000);
});
