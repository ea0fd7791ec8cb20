import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { type FakeGhl, startFakeGhl } from '../support/fakes/ghl-server.ts';
import { eventually, ghlEnv, startTestService, type TestService } from '../support/service.ts';
import { leadTexts, openWork, repliesPerContact, seedLeads } from '../faults/support.ts';

/** count and sum of jorge_reply_latency_seconds, from a Prometheus text exposition. */
function replyLatency(metrics: string): { count: number; sum: number } {
  const count = /^jorge_reply_latency_seconds_count (\S+)$/m.exec(metrics)?.[1];
  const sum = /^jorge_reply_latency_seconds_sum (\S+)$/m.exec(metrics)?.[1];
  return { count: Number(count ?? Number.NaN), sum: Number(sum ?? Number.NaN) };
}

// An operator watches the time from a lead's text to our reply reaching GHL: every reply to a
// lead's message is one observation, read back when the reply is marked sent.
describe('reply latency in /metrics', () => {
  let ghl: FakeGhl;
  let tdb: TestDb;
  let svc: TestService;
  beforeAll(async () => {
    ghl = await startFakeGhl();
    tdb = await pgliteBackend.open();
    svc = await startTestService(tdb, ghlEnv(ghl));
  });
  afterAll(async () => {
    await svc.stop();
    await tdb.close();
    await ghl.close();
  });

  it('counts one observation per reply to a lead, timed from the webhook', async () => {
    const before = replyLatency(await (await fetch(`${svc.url}/metrics`)).text());
    expect(before.count).toBe(0);
    const contacts = seedLeads(ghl, 'replyLatency', 3);
    for (const id of contacts)
      expect((await leadTexts(svc.url, ghl, id, 'hi, thinking of selling my house in upland')).status).toBe(
        200,
      );
    await eventually(
      async () =>
        (await openWork(tdb)) === 0 && Object.values(repliesPerContact(ghl, contacts)).every((c) => c >= 1),
      20_000,
      'every lead answered',
    );
    const replies = Object.values(repliesPerContact(ghl, contacts)).reduce((a, b) => a + b, 0);
    const after = replyLatency(await (await fetch(`${svc.url}/metrics`)).text());
    expect(after.count).toBe(replies);
    // Each took more than nothing and less than the test's own wait.
    expect(after.sum).toBeGreaterThan(0);
    expect(after.sum / after.count).toBeLessThan(20);
  });
});
