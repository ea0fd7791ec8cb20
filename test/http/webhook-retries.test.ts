import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/ports.ts';
import { type FakeGhl, startFakeGhl } from '../support/fakes/ghl-server.ts';
import { emitWebhook, GHL_WEBHOOK_RETRY, inboundMessagePayload } from '../support/fakes/webhook-signer.ts';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { eventually, startTestService, type TestService, ghlEnv } from '../support/service.ts';

const MINUTE = 60_000;

// GHL re-sends a webhook answered 429 with the same bytes about every 10 minutes, up to six times
// (test/support/fakes/webhook-signer.ts cites the policy). The service must still take the event
// when a retry arrives long after its signed timestamp, and take it only once.
describe('webhooks answered 429 and re-sent by GHL', () => {
  let ghl: FakeGhl;
  let tdb: TestDb;
  let svc: TestService;
  let hook: string;
  let offsetMs = 0;
  // The real time, movable forward: GHL's retry intervals pass on this clock.
  const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };
  const passes = async (ms: number) => {
    offsetMs += ms;
    await new Promise((r) => setTimeout(r, 5));
  };
  let n = 0;
  const newContact = () => {
    const id = `rt${String(++n).padStart(18, '0')}`;
    ghl.seedContact({ id, firstName: 'Ines', phone: '+19095550160' });
    return id;
  };
  const sentTo = (contactId: string) => ghl.messages.filter((m) => m.contactId === contactId);
  const inboxRows = async (webhookId: string) =>
    (
      await tdb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM inbox WHERE webhook_id = $1', [
        webhookId,
      ])
    ).rows[0]!.n;
  // The database refuses to store events of these contacts (as when it is down or read-only):
  // the route answers 429, the one answer GHL retries.
  const refuseInbox = async (contactId: string) => {
    await tdb.db.query(
      `CREATE OR REPLACE FUNCTION test_refuse_inbox() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'cannot store right now' USING ERRCODE = '57P03'; END $$`,
    );
    await tdb.db.query('DROP TRIGGER IF EXISTS test_refuse_inbox ON inbox');
    await tdb.db.query(
      `CREATE TRIGGER test_refuse_inbox BEFORE INSERT ON inbox FOR EACH ROW
       WHEN (NEW.contact_id = '${contactId}') EXECUTE FUNCTION test_refuse_inbox()`,
    );
  };
  const acceptInbox = () => tdb.db.query('DROP TRIGGER IF EXISTS test_refuse_inbox ON inbox');

  beforeAll(async () => {
    ghl = await startFakeGhl();
    tdb = await pgliteBackend.open();
    svc = await startTestService(
      tdb,
      { GHL_API_BASE_URL: ghl.url, GHL_PRIVATE_TOKEN: ghl.token, GHL_LOCATION_ID: ghl.locationId },
      { clock },
    );
    hook = `${svc.url}/webhooks/ghl`;
  });
  afterAll(async () => {
    await svc.stop();
    await tdb.close();
    await ghl.close();
  });

  it('an event answered 429 three times is taken when GHL re-sends it 30 minutes later, and answered once', async () => {
    const contactId = newContact();
    const payload = inboundMessagePayload({
      locationId: ghl.locationId,
      contactId,
      body: 'is the house on Elm still for sale',
      timestamp: clock.now().toISOString(),
    });
    await refuseInbox(contactId);
    let retries = 0;
    const res = await emitWebhook(hook, payload, {
      random: () => 0,
      wait: async (ms) => {
        await passes(ms);
        if (++retries === 3) await acceptInbox();
      },
    });
    expect(res.statuses).toEqual([429, 429, 429, 200]);
    expect(res.elapsedMs).toBe(30 * MINUTE);
    expect(res.body).toMatchObject({ status: 'accepted' });
    await eventually(() => sentTo(contactId).length === 1, 10_000, 'the reply at GHL');
    expect(await inboxRows(payload.webhookId)).toBe(1);

    // The same delivery once more, near the end of GHL's retry schedule: a duplicate, not a new turn.
    await passes(40 * MINUTE);
    const again = await emitWebhook(hook, payload);
    expect(again).toMatchObject({ status: 200, body: { status: 'duplicate' } });
    await new Promise((r) => setTimeout(r, 300));
    expect(sentTo(contactId)).toHaveLength(1);
    expect(await inboxRows(payload.webhookId)).toBe(1);
  });

  it('the sixth retry, 1 h 10 min after the first attempt at the latest, is still taken', async () => {
    const contactId = newContact();
    const payload = inboundMessagePayload({
      locationId: ghl.locationId,
      contactId,
      body: 'hello, I want to sell',
      timestamp: clock.now().toISOString(),
    });
    await refuseInbox(contactId);
    let retries = 0;
    const res = await emitWebhook(hook, payload, {
      random: () => 1,
      wait: async (ms) => {
        await passes(ms);
        if (++retries === GHL_WEBHOOK_RETRY.maxRetries) await acceptInbox();
      },
    });
    expect(res.attempts).toBe(7);
    expect(res.status).toBe(200);
    expect(res.elapsedMs).toBe(70 * MINUTE);
    await eventually(() => sentTo(contactId).length === 1, 10_000, 'the reply at GHL');
  });

  it('GHL gives up after six retries; the same bytes replayed after the window are refused 401 stale', async () => {
    const contactId = newContact();
    const payload = inboundMessagePayload({
      locationId: ghl.locationId,
      contactId,
      body: 'call me back',
      timestamp: clock.now().toISOString(),
    });
    await refuseInbox(contactId);
    const res = await emitWebhook(hook, payload, { random: () => 0, wait: passes });
    expect(res.statuses).toEqual([429, 429, 429, 429, 429, 429, 429]);
    await acceptInbox();
    await passes(16 * MINUTE); // 76 minutes after the event's timestamp
    const replay = await emitWebhook(hook, payload);
    expect(replay.status).toBe(401);
    expect(JSON.stringify(replay.body)).toMatch(/stale webhook: timestamp is more than 75 minutes old/);
    expect(await inboxRows(payload.webhookId)).toBe(0);
    expect(sentTo(contactId)).toHaveLength(0);
  });

  it('a timestamp a little ahead of our clock is taken; one far ahead is refused', async () => {
    const contactId = newContact();
    const ahead = (ms: number) =>
      inboundMessagePayload({
        locationId: ghl.locationId,
        contactId,
        body: `hi ${ms}`,
        timestamp: new Date(clock.now().getTime() + ms).toISOString(),
      });
    const slightly = await emitWebhook(hook, ahead(2 * MINUTE));
    expect(slightly.body).toMatchObject({ status: 'accepted' });
    const far = await emitWebhook(hook, ahead(10 * MINUTE));
    expect(far.status).toBe(401);
    expect(JSON.stringify(far.body)).toMatch(/timestamp is more than 5 minutes ahead/);
  });
});

describe('a webhook answered 429 because the inbox backlog is full', () => {
  let ghl: FakeGhl;
  let tdb: TestDb;
  let svc: TestService;
  let offsetMs = 0;
  const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };
  // The service refreshes its count of waiting events once a second.
  const backlogRefresh = () => new Promise((r) => setTimeout(r, 1_300));

  beforeAll(async () => {
    ghl = await startFakeGhl();
    tdb = await pgliteBackend.open();
    svc = await startTestService(
      tdb,
      {
        ...ghlEnv(ghl),
        INBOX_MAX_BACKLOG: '1',
      },
      { clock, workers: false },
    );
  });
  afterAll(async () => {
    await svc.stop();
    await tdb.close();
    await ghl.close();
  });

  it('is taken by a retry 20 minutes later, once the backlog has drained, and answered once', async () => {
    const hook = `${svc.url}/webhooks/ghl`;
    const sentTo = (contactId: string) => ghl.messages.filter((m) => m.contactId === contactId);
    for (const id of ['bl000000000000000001', 'bl000000000000000002'])
      ghl.seedContact({ id, firstName: 'Olga', phone: '+19095550180' });
    // Workers are stopped: the first event waits, and the backlog is full.
    const first = await emitWebhook(
      hook,
      inboundMessagePayload({ locationId: ghl.locationId, contactId: 'bl000000000000000001', body: 'hi' }),
    );
    expect(first.body).toMatchObject({ status: 'accepted' });
    await backlogRefresh();
    const payload = inboundMessagePayload({
      locationId: ghl.locationId,
      contactId: 'bl000000000000000002',
      body: 'I want to buy in Upland',
      timestamp: clock.now().toISOString(),
    });
    let retries = 0;
    const res = await emitWebhook(hook, payload, {
      random: () => 0,
      wait: async (ms) => {
        offsetMs += ms;
        if (++retries === 2) {
          svc.service.startWorkers();
          await eventually(() => sentTo('bl000000000000000001').length === 1, 10_000, 'the first reply');
          await backlogRefresh();
        }
      },
    });
    expect(res.statuses).toEqual([429, 429, 200]);
    expect(res.body).toMatchObject({ status: 'accepted' });
    await eventually(
      () => sentTo('bl000000000000000002').length === 1,
      10_000,
      'the reply to the retried event',
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(sentTo('bl000000000000000002')).toHaveLength(1);
  });
});
