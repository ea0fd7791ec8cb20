import { afterEach, describe, expect, it } from 'vitest';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { type FakeGhl, startFakeGhl } from '../support/fakes/ghl-server.ts';
import { eventually, ghlEnv, startTestService, type TestService } from '../support/service.ts';
import {
  failedWork,
  ghlCircuitOpenings,
  ghlCircuits,
  LEAD_TEXTS,
  leadTexts,
  openWork,
  repliesPerContact,
  seedLeads,
} from './support.ts';

// GHL misbehaving the ways it does in production, one after the other: sends refused with 429 and
// Retry-After, then every endpoint answering 500 and 503, then no answer at all (requests hang past
// our timeout), one of them after GHL already stored the SMS. Timeouts, backoff and the breaker are
// shortened by configuration so the whole outage passes in seconds.

const SEND = { method: 'POST', path: '/conversations/messages' } as const;

describe('GHL answering 429, then 5xx, then hanging', () => {
  let ghl: FakeGhl | undefined;
  let tdb: TestDb | undefined;
  let svc: TestService | undefined;
  afterEach(async () => {
    await svc?.stop();
    await tdb?.close();
    await ghl?.close();
  });

  it('delivers every reply exactly once afterwards, stays within the budget, and the breaker opens then closes', async () => {
    ghl = await startFakeGhl({ retryAfterSeconds: 1 });
    tdb = await pgliteBackend.open();
    svc = await startTestService(tdb, {
      ...ghlEnv(ghl),
      GHL_REQUEST_TIMEOUT_MS: '400',
      OUTBOX_RETRY_BASE_MS: '100',
      BREAKER_FAILURE_THRESHOLD: '2',
      BREAKER_HALF_OPEN_MS: '500',
    });
    const contacts = seedLeads(ghl, 'ghlOutage', 5);
    const answered = (status: number) => ghl!.requests.filter((r) => r.status === status).length;
    // 1. Sends are refused with 429 and Retry-After while the leads' texts arrive.
    ghl.failNext({ ...SEND, times: 2, status: 429 });
    for (const [i, id] of contacts.entries()) {
      const res = await leadTexts(svc.url, ghl, id, LEAD_TEXTS[i]!);
      expect(res.status).toBe(200);
    }
    await eventually(() => answered(429) === 2, 15_000, 'the 429s');
    // 2. Then every endpoint fails with 500 and 503 for a while; sending fails twice in a row,
    // which opens its breaker (threshold 2)...
    ghl.failNext({ times: 2, status: 500 });
    ghl.failNext({ ...SEND, times: 2, status: 503 });
    await eventually(() => answered(500) + answered(503) === 4, 15_000, 'the 5xx');
    // 3. ...and then answers nothing at all; one SMS is stored before GHL goes silent, so a
    // retry must find it in the conversation instead of sending it again.
    ghl.failNext({ ...SEND, times: 1, mode: 'record-then-hang' });
    ghl.failNext({ times: 2, mode: 'hang' });
    await eventually(async () => (await openWork(tdb!)) === 0, 25_000, 'every reply delivered');

    expect(repliesPerContact(ghl, contacts)).toEqual(Object.fromEntries(contacts.map((id) => [id, 1])));
    expect(await failedWork(tdb)).toEqual({ inbox: 0, outbox: 0 });
    // The outage really happened: three requests never got an answer.
    expect(answered(0)).toBe(3);
    // Never over GHL's budget of 100 requests in any 10 s, retries included.
    expect(ghl.maxRequestsInAnyWindow()).toBeLessThanOrEqual(100);
    // A breaker (one per GHL endpoint family) opened during the 5xx and timeouts, however briefly
    // (each change of state is counted); all are closed now.
    const after = await (await fetch(`${svc.url}/metrics`)).text();
    expect(Object.values(ghlCircuitOpenings(after)).some((n) => n > 0)).toBe(true);
    const circuits = Object.values(ghlCircuits(after));
    expect(circuits.length).toBeGreaterThan(0);
    expect(circuits.every((v) => v === 0)).toBe(true);
    // No lead was sent an error, a stack or an empty text.
    for (const m of ghl.messages.filter((x) => x.direction === 'outbound'))
      expect(m.body).not.toMatch(/error|exception|undefined|null|\bstatus\b|^\s*$/i);
  }, 60_000);
});
