import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, pgliteBackend, type TestDb } from '../support/db.ts';
import { contactTagUpdatePayload } from '../support/fakes/ghl/webhook-payloads.ts';
import { emitWebhook } from '../support/fakes/webhook-signer.ts';
import { eventually, postJson, startTestService, type TestService } from '../support/service.ts';
import { manualClock, SELLER_MESSAGE } from '../follow-ups/helpers.ts';

const START = '2026-11-23T18:00:00Z';
const DAY = 86_400;

/** The value of one series in a Prometheus text exposition (labels in the order given), or null. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | null {
  const want = Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .join(',');
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const sp = line.lastIndexOf(' ');
    const series = line.slice(0, sp);
    const bare = series.split('{')[0];
    if (bare !== name) continue;
    const inner = series.includes('{') ? series.slice(series.indexOf('{') + 1, -1) : '';
    if (want === '' ? inner === '' : inner.split(',').sort().join(',') === want.split(',').sort().join(','))
      return Number(line.slice(sp + 1));
  }
  return null;
}

describe.each(backends())('alerting metrics move with what they measure ($name)', (backend) => {
  let tdb: TestDb;
  let svc: TestService;
  const clock = manualClock(START);
  const scrape = async () => (await fetch(`${svc.url}/metrics`)).text();
  const say = async (contactId: string, message: string, tags?: string[]) => {
    const r = await postJson(`${svc.url}/api/v1/sandbox/messages`, {
      contactId,
      message,
      ...(tags ? { tags } : {}),
    });
    expect(r.status).toBe(200);
  };

  beforeAll(async () => {
    tdb = await backend.open();
    svc = await startTestService(tdb, {}, { clock, workers: false });
  });
  afterAll(async () => {
    await svc?.stop();
    await tdb?.close();
  });

  it('follow-ups past due, unresolved escalations, a waiting inbox event, a late outbox action (a held one is not late), opt-outs and HTTP answers show in /metrics', async () => {
    const before = await scrape();
    expect(sample(before, 'jorge_follow_ups_overdue')).toBe(0);
    expect(sample(before, 'jorge_escalations_open')).toBe(0);
    expect(sample(before, 'jorge_inbox_oldest_age_seconds')).toBe(0);

    await say('mon-seller', SELLER_MESSAGE, ['Seller-Lead']);
    await say('mon-esc', 'Hi, I want to sell my house');
    await say('mon-esc', 'Can I talk to Jorge directly please?');
    await say('mon-stop', 'Hi, I want to sell my house');
    await say('mon-stop', 'STOP');
    // An accepted event no worker has taken yet (workers are off in this test).
    await tdb.db.query(
      `INSERT INTO inbox (location_id, contact_id, kind, source, payload, received_at)
       VALUES ('sandbox', 'mon-wait', 'inbound_message', 'sandbox', '{}', $1)`,
      [new Date(START)],
    );
    expect((await fetch(`${svc.url}/no/such/page`)).status).toBe(404);
    const outbox = (key: string, contactId: string, dueAt: string) =>
      tdb.db.query(
        `INSERT INTO outbox (location_id, contact_id, kind, payload, idempotency_key, next_attempt_at, created_at)
         VALUES ('sandbox', $1, 'add_tags', '{"kind":"add_tags","tags":["x"]}', $2, $3, $4)`,
        [contactId, key, new Date(dueAt), new Date(START)],
      );
    await tdb.db.query(`DELETE FROM outbox WHERE status IN ('pending', 'sending')`);
    // Held (quiet hours, a cap, a retry delay) until after the scrape: waiting, but not late; and
    // the same contact's next action waits behind it, so it is not late either.
    await outbox('mon-held', 'mon-wait', '2026-12-01T00:00:00Z');
    await outbox('mon-behind', 'mon-wait', START);
    expect(sample(await scrape(), 'jorge_outbox_oldest_due_seconds')).toBe(0);
    // Due two days in: two days late at the scrape.
    await outbox('mon-due', 'mon-other', '2026-11-25T18:00:00Z');

    // Four days on: the seller's day-3 follow-up is a day overdue, the escalation four days old.
    clock.set(new Date(new Date(START).getTime() + 4 * DAY * 1000).toISOString());
    const after = await scrape();
    expect(sample(after, 'jorge_follow_ups_overdue')).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'jorge_follow_up_oldest_overdue_seconds')).toBeCloseTo(DAY, -1);
    expect(sample(after, 'jorge_escalations_open')).toBe(1);
    expect(sample(after, 'jorge_escalation_oldest_open_age_seconds')).toBeCloseTo(4 * DAY, -1);
    expect(sample(after, 'jorge_inbox_depth')).toBe(1);
    expect(sample(after, 'jorge_outbox_depth')).toBe(3);
    expect(sample(after, 'jorge_outbox_oldest_age_seconds')).toBeCloseTo(4 * DAY, -1);
    expect(sample(after, 'jorge_outbox_oldest_due_seconds')).toBeCloseTo(2 * DAY, -1);
    expect(sample(after, 'jorge_inbox_oldest_age_seconds')).toBeCloseTo(4 * DAY, -1);
    expect(sample(after, 'jorge_opt_outs_total', { source: 'keyword' })).toBe(1);
    expect(
      sample(after, 'jorge_http_requests_total', {
        route: '/api/v1/sandbox/messages',
        method: 'POST',
        status: '200',
      }),
    ).toBe(5);
    expect(
      sample(after, 'jorge_http_requests_total', { route: 'unmatched', method: 'GET', status: '404' }),
    ).toBe(1);
    expect(
      sample(after, 'jorge_http_request_duration_seconds_count', {
        route: '/api/v1/sandbox/messages',
        method: 'POST',
      }),
    ).toBe(5);
  });
});

describe('opt-outs reported by GHL', () => {
  it('a ContactDndUpdate switching texting to do-not-disturb counts as an opt-out from dnd', async () => {
    const tdb = await pgliteBackend.open();
    const svc = await startTestService(tdb);
    try {
      const dnd = (contactId: string, sms: 'active' | 'inactive') => ({
        ...contactTagUpdatePayload({ locationId: 'sandbox', contactId, tags: [], dnd: true }),
        type: 'ContactDndUpdate',
        dndSettings: { SMS: { status: sms } },
      });
      // dnd: true with SMS inactive is no texting opt-out (src/domain/dnd.ts).
      expect((await emitWebhook(`${svc.url}/webhooks/ghl`, dnd('mon-dnd-0', 'inactive'))).status).toBe(200);
      expect((await emitWebhook(`${svc.url}/webhooks/ghl`, dnd('mon-dnd-1', 'active'))).status).toBe(200);
      const scrape = async () => (await fetch(`${svc.url}/metrics`)).text();
      const seen = async () => {
        const text = await scrape();
        return {
          depth: sample(text, 'jorge_inbox_depth'),
          dnd: sample(text, 'jorge_opt_outs_total', { source: 'dnd' }),
        };
      };
      await eventually(async () => (await seen()).dnd === 1, 10_000, 'the dnd opt-out counted');
      await eventually(async () => (await seen()).depth === 0, 10_000, 'both events processed');
      await new Promise((r) => setTimeout(r, 100));
      expect(await seen()).toEqual({ depth: 0, dnd: 1 });
    } finally {
      await svc.stop();
      await tdb.close();
    }
  });
});
