import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { type FakeGhl, startFakeGhl } from '../support/fakes/ghl-server.ts';
import {
  contactTagUpdatePayload,
  emitWebhook,
  inboundMessagePayload,
  outboundMessagePayload,
} from '../support/fakes/webhook-signer.ts';
import { startTestService, type TestService, ghlEnv } from '../support/service.ts';
import { manualClock, SELLER_MESSAGE } from './helpers.ts';

/**
 * Quiet hours by the lead's law, through the real pipeline (webhooks, turns, follow-up runner,
 * outbox sender, GHL): the service runs on Pacific time (TIMEZONE), the lead texts from a Miami
 * number. Florida ends texting at 8 pm Eastern; the workers are stepped by hand.
 */
describe('quiet hours follow the lead’s clock and state law', () => {
  let ghl: FakeGhl;
  let tdb: TestDb;
  let svc: TestService;
  const clock = manualClock('2026-11-20T01:30:00Z');

  beforeAll(async () => {
    ghl = await startFakeGhl();
    tdb = await pgliteBackend.open();
    svc = await startTestService(
      tdb,
      {
        ...ghlEnv(ghl),
        TIMEZONE: 'America/Los_Angeles',
      },
      { clock, workers: false },
    );
  });
  afterAll(async () => {
    await svc.stop();
    await tdb.close();
    await ghl.close();
  });

  // Stamped on the service's clock, which judges a signed webhook's age.
  const hook = async (payload: object) =>
    expect(
      (await emitWebhook(`${svc.url}/webhooks/ghl`, { ...payload, timestamp: clock.now().toISOString() }))
        .status,
    ).toBe(200);
  const runTurns = async () => {
    while (await svc.service.inboxWorker.runOnce()) {}
  };
  const drain = async () => {
    while (await svc.service.drainer.runOnce()) {}
  };
  const runFollowUps = async () => {
    while (await svc.service.followUps.runOnce()) {}
  };
  const sentTo = (contactId: string) =>
    ghl.messages.filter((m) => m.contactId === contactId && m.direction === 'outbound').map((m) => m.body);
  const day3 = async (contactId: string) =>
    (
      await tdb.db.query<{ status: string; reason: string | null; due_at: Date }>(
        `SELECT status, reason, due_at FROM follow_ups WHERE contact_id = $1 AND step = 'day3'
          ORDER BY sequence_start LIMIT 1`,
        [contactId],
      )
    ).rows[0];
  /** A lead GHL knows by phone number who writes to us now. */
  const newLead = async (contactId: string, phone: string) => {
    ghl.seedContact({ id: contactId, phone });
    await hook(contactTagUpdatePayload({ locationId: ghl.locationId, contactId, phone, tags: [] }));
    await hook(inboundMessagePayload({ locationId: ghl.locationId, contactId, body: SELLER_MESSAGE }));
    await runTurns();
    await drain();
  };

  it('a follow-up due at 8:30 pm in Miami waits for 8 am; a Californian due then hears from us', async () => {
    // Thu 19 Nov, 20:30 EST / 17:30 PST: the leads write; their answers go out at once.
    clock.set('2026-11-20T01:30:00Z');
    await newLead('quietfl0000000000001', '+13055550123');
    await newLead('quietca0000000000001', '+19095550123');
    expect(sentTo('quietfl0000000000001')).toHaveLength(1);

    // Sun 22 Nov, 20:30 EST / 17:30 PST: day 3 is due for both.
    clock.set('2026-11-23T01:30:00Z');
    await runFollowUps();
    await drain();
    expect(sentTo('quietca0000000000001')).toHaveLength(2);
    expect(sentTo('quietfl0000000000001')).toHaveLength(1);
    const held = await day3('quietfl0000000000001');
    expect(held).toMatchObject({ status: 'pending', reason: null });
    expect(new Date(held!.due_at).toISOString()).toBe('2026-11-23T13:00:00.000Z'); // Mon 08:00 EST

    // Mon 07:59 EST: still waiting. 08:00: it goes.
    clock.set('2026-11-23T12:59:00Z');
    await runFollowUps();
    await drain();
    expect(sentTo('quietfl0000000000001')).toHaveLength(1);
    clock.set('2026-11-23T13:00:00Z');
    await runFollowUps();
    await drain();
    expect(sentTo('quietfl0000000000001')).toHaveLength(2);
    expect((await day3('quietfl0000000000001'))?.status).toBe('sent');
  });

  it('a held follow-up is cancelled, never sent late, when the lead writes first', async () => {
    const id = 'quietfl0000000000002';
    clock.set('2026-11-20T01:30:00Z');
    await newLead(id, '+13055550124');
    clock.set('2026-11-23T01:30:00Z');
    await runFollowUps();
    expect((await day3(id))?.status).toBe('pending');

    // Sun 21:15 EST: the lead writes; the answer goes out at once (they asked), the follow-up is dropped.
    clock.set('2026-11-23T02:15:00Z');
    await hook(
      inboundMessagePayload({
        locationId: ghl.locationId,
        contactId: id,
        body: 'still thinking, what would you need from me?',
      }),
    );
    await runTurns();
    await drain();
    expect(sentTo(id)).toHaveLength(2);
    expect(await day3(id)).toMatchObject({ status: 'cancelled', reason: 'lead_replied' });

    clock.set('2026-11-23T13:00:00Z');
    await runFollowUps();
    await drain();
    expect(sentTo(id)).toHaveLength(2);
  });

  it('a follow-up queued at 7:59 pm that reaches the sender after 8 pm waits; a person taking over drops it', async () => {
    const id = 'quietfl0000000000003';
    clock.set('2026-11-20T00:59:00Z'); // Thu 19:59 EST
    await newLead(id, '+13055550125');
    clock.set('2026-11-23T00:59:00Z'); // Sun 19:59 EST: day 3 is composed and queued
    await runFollowUps();
    expect((await day3(id))?.status).toBe('sent');
    clock.set('2026-11-23T01:01:00Z'); // 20:01 EST: the sender gets to it late
    await drain();
    expect(sentTo(id)).toHaveLength(1);
    const queued = async () =>
      (
        await tdb.db.query<{ status: string; last_error: string | null }>(
          `SELECT status, last_error FROM outbox WHERE contact_id = $1 AND inbox_id IS NULL AND kind = 'send_message'`,
          [id],
        )
      ).rows[0];
    expect((await queued())?.status).toBe('pending');

    // The agent texts the lead from GHL; at the next look the bot's follow-up is dropped.
    await hook(
      outboundMessagePayload({
        locationId: ghl.locationId,
        contactId: id,
        body: 'Hi, Jorge here',
        source: 'app',
      }),
    );
    await runTurns();
    clock.set('2026-11-23T01:02:30Z');
    await drain();
    expect(await queued()).toEqual({
      status: 'cancelled',
      last_error: 'a person took the conversation over before it was sent',
    });
    clock.set('2026-11-23T13:00:00Z');
    await drain();
    expect(sentTo(id)).toHaveLength(1);
  });
});
