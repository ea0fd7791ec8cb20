import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeGhl, startFakeGhl } from '../support/fakes/ghl-server.ts';
import { emitWebhook, inboundMessagePayload } from '../support/fakes/webhook-signer.ts';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { eventually, startTestService, type TestService, ghlEnv } from '../support/service.ts';

const budgets = process.env.REDIS_URL ? (['memory', 'redis'] as const) : (['memory'] as const);
if (!process.env.REDIS_URL)
  console.warn('[skip] Redis-backed rate budget leg: REDIS_URL is not set (CI sets it).');

describe.each(budgets)('outbox against a GHL that throttles and fails for a while (%s budget)', (budget) => {
  let ghl: FakeGhl;
  let tdb: TestDb;
  let svc: TestService;
  afterEach(async () => {
    await svc?.stop();
    await tdb?.close();
    await ghl?.close();
  });

  it('delays and retries sends: none lost, none duplicated, budget never exceeded', async () => {
    ghl = await startFakeGhl({ rateLimit: { max: 20, intervalMs: 2000 }, retryAfterSeconds: 1 });
    tdb = await pgliteBackend.open();
    svc = await startTestService(tdb, {
      ...ghlEnv(ghl),
      GHL_RATE_LIMIT_MAX: '20',
      GHL_RATE_LIMIT_INTERVAL_MS: '2000',
      ...(budget === 'redis'
        ? { REDIS_URL: process.env.REDIS_URL!, REDIS_KEY_PREFIX: `test-${randomBytes(4).toString('hex')}` }
        : {}),
    });
    ghl.failNext({ method: 'POST', path: '/conversations/messages', status: 503, times: 4 });
    ghl.failNext({
      method: 'POST',
      path: '/conversations/messages',
      status: 429,
      times: 2,
      headers: { 'retry-after': '1' },
    });
    const contacts = Array.from(
      { length: 6 },
      (_, i) => `pr${randomBytes(4).toString('hex')}${String(i).padStart(10, '0')}`,
    );
    for (const id of contacts) ghl.seedContact({ id, phone: '+19095550140' });
    for (let round = 0; round < 2; round++) {
      for (const id of contacts) {
        const r = await emitWebhook(
          `${svc.url}/webhooks/ghl`,
          inboundMessagePayload({ locationId: ghl.locationId, contactId: id, body: `question ${round}` }),
        );
        expect(r.status).toBe(200);
      }
    }
    await eventually(() => ghl.messages.length >= 12, 60_000, 'all 12 replies');
    await new Promise((r) => setTimeout(r, 1500));
    expect(ghl.messages).toHaveLength(12);
    for (const id of contacts) expect(ghl.messages.filter((m) => m.contactId === id)).toHaveLength(2);
    expect(ghl.maxRequestsInAnyWindow()).toBeLessThanOrEqual(20);
    const statuses = ghl.requests.filter((r) => r.path === '/conversations/messages').map((r) => r.status);
    expect(statuses).toContain(503);
    expect(statuses).toContain(429);
    const metrics = await (await fetch(`${svc.url}/metrics`)).text();
    expect(metrics).toMatch(/jorge_crm_calls_total\{operation="[^"]+",status="503"\}/);
  }, 90_000);
});
