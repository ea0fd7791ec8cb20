import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/ports.ts';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { type FakeGhl, startFakeGhl } from '../support/fakes/ghl-server.ts';
import {
  contactTagUpdatePayload,
  emitWebhook,
  inboundMessagePayload,
} from '../support/fakes/webhook-signer.ts';
import { daytimeClock, eventually, ghlEnv, startTestService, type TestService } from '../support/service.ts';

/**
 * Before a message goes out, the sender reads the contact's do-not-disturb settings from GHL. Two
 * replicas share one database: a read made by one serves the other for five minutes, so a lead whose
 * texts land on both replicas costs one read, not one per replica; a DND change GHL reports drops it.
 */
describe('do-not-disturb reads shared between replicas', () => {
  let ghl: FakeGhl;
  let tdb: TestDb;
  let a: TestService;
  let b: TestService;
  let clock: Clock;

  beforeAll(async () => {
    ghl = await startFakeGhl();
    tdb = await pgliteBackend.open();
    clock = daytimeClock();
    // Each replica's workers run only when the test says, so it knows which one sent what.
    a = await startTestService(tdb, ghlEnv(ghl), { clock, workers: false });
    b = await startTestService(tdb, ghlEnv(ghl), { clock, workers: false });
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await tdb?.close();
    await ghl?.close();
  });

  const contactReads = (contactId: string) =>
    ghl.requests.filter((r) => r.method === 'GET' && r.path === `/contacts/${contactId}`).length;
  const replies = (contactId: string) =>
    ghl.messages.filter((m) => m.contactId === contactId && m.direction === 'outbound').length;
  const work = async (svc: TestService) => {
    for (let i = 0; i < 3; i++) {
      while (await svc.service.inboxWorker.runOnce()) {}
      while (await svc.service.drainer.runOnce()) {}
    }
  };
  const text = async (svc: TestService, contactId: string, body: string) => {
    const payload = inboundMessagePayload({
      locationId: ghl.locationId,
      contactId,
      body,
      timestamp: clock.now().toISOString(),
    });
    expect((await emitWebhook(`${svc.url}/webhooks/ghl`, payload)).status).toBe(200);
  };

  it('a second replica sends on the first one’s fresh read', async () => {
    const contactId = 'dndshared00000000001';
    ghl.seedContact({ id: contactId, phone: '+19095550143' });
    await text(a, contactId, 'hi, thinking about selling my place');
    await work(a);
    expect(replies(contactId)).toBe(1);
    expect(contactReads(contactId)).toBe(1);

    // The next text lands on the other replica, which has never read this contact itself.
    await text(b, contactId, 'probably in the next few months');
    await work(b);
    expect(replies(contactId)).toBe(2);
    expect(contactReads(contactId)).toBe(1);
  });

  it('the read is made while the turn commits its reply, and the sender makes no second one', async () => {
    const contactId = 'dndshared00000000003';
    ghl.seedContact({ id: contactId, phone: '+19095550145' });
    await text(a, contactId, 'hey is the house on baseline still for sale');
    // Only the turn runs: the sender has not looked at the contact yet.
    while (await a.service.inboxWorker.runOnce()) {}
    await eventually(async () => contactReads(contactId) === 1, 10_000, 'DND read during the turn');
    expect(replies(contactId)).toBe(0);
    while (await a.service.drainer.runOnce()) {}
    expect(replies(contactId)).toBe(1);
    expect(contactReads(contactId)).toBe(1);
    // Counted once, as the miss it was, not again when the send used it.
    const dnd = (await (await fetch(`${a.url}/metrics`)).text())
      .split('\n')
      .filter((l) => l.startsWith('jorge_cache_requests_total{') && l.includes('cache="dnd"'));
    const count = (result: string) =>
      Number(
        dnd
          .find((l) => l.includes(`result="${result}"`))
          ?.split(' ')
          .pop() ?? 0,
      );
    // This replica's lookups so far: the first test's first reply (miss), this one (miss).
    expect(count('miss')).toBe(2);
    expect(count('hit')).toBe(0);
  });

  it('a DND change reported by GHL drops the shared read: the next reply reads the CRM again', async () => {
    const contactId = 'dndshared00000000004';
    ghl.seedContact({ id: contactId, phone: '+19095550146' });
    await text(a, contactId, 'hi, thinking about selling my place');
    await work(a);
    expect(contactReads(contactId)).toBe(1);
    // E-mail switched to do-not-disturb in GHL; texting stays allowed.
    const dndEvent = {
      ...contactTagUpdatePayload({
        locationId: ghl.locationId,
        contactId,
        tags: [],
        dnd: true,
        timestamp: clock.now().toISOString(),
      }),
      type: 'ContactDndUpdate',
      dndSettings: { Email: { status: 'active' }, SMS: { status: 'inactive' } },
    };
    expect((await emitWebhook(`${a.url}/webhooks/ghl`, dndEvent)).status).toBe(200);
    await work(a);
    await text(b, contactId, 'probably in the next few months');
    await work(b);
    expect(replies(contactId)).toBe(2);
    expect(contactReads(contactId)).toBe(2);
  });

  it('a lead in do-not-disturb on SMS gets nothing from either replica', async () => {
    const contactId = 'dndshared00000000002';
    ghl.seedContact({
      id: contactId,
      phone: '+19095550144',
      dnd: true,
      dndSettings: { SMS: { status: 'active' } },
    });
    await text(a, contactId, 'hello, i want to buy a house');
    await work(a);
    await text(b, contactId, 'around 600k');
    await work(b);
    const open = async () =>
      Number(
        (
          await tdb.db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM outbox WHERE contact_id = $1 AND kind = 'send_message' AND status IN ('pending', 'sending')`,
            [contactId],
          )
        ).rows[0]?.n,
      );
    const cancelled = async () =>
      Number(
        (
          await tdb.db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM outbox WHERE contact_id = $1 AND kind = 'send_message' AND status = 'cancelled'`,
            [contactId],
          )
        ).rows[0]?.n,
      );
    await eventually(async () => (await cancelled()) === 2 && (await open()) === 0, 20_000, 'both held back');
    expect(replies(contactId)).toBe(0);
    expect(contactReads(contactId)).toBe(1);
  });
});
