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

// Only GHL's sending endpoint fails (503), while contacts, tags and conversation reads answer: the
// way a messaging outage at GHL looks. A failed send is followed by a read of the conversation (was
// it sent after all?), and that read succeeding must not keep the sending circuit closed.

const SEND = { method: 'POST', path: '/conversations/messages' } as const;
const THRESHOLD = 3;
const HALF_OPEN_MS = 3_000;

describe('GHL failing to send while every other endpoint answers', () => {
  let ghl: FakeGhl | undefined;
  let tdb: TestDb | undefined;
  let svc: TestService | undefined;
  afterEach(async () => {
    await svc?.stop();
    await tdb?.close();
    await ghl?.close();
  });

  it('opens the sending circuit, keeps the rest working, and delivers every reply once afterwards', async () => {
    ghl = await startFakeGhl();
    tdb = await pgliteBackend.open();
    svc = await startTestService(tdb, {
      ...ghlEnv(ghl),
      OUTBOX_RETRY_BASE_MS: '200',
      BREAKER_FAILURE_THRESHOLD: String(THRESHOLD),
      BREAKER_HALF_OPEN_MS: String(HALF_OPEN_MS),
    });
    const contacts = seedLeads(ghl, 'ghlSendOut', 3);
    const sends = () => ghl!.requests.filter((r) => r.method === SEND.method && r.path === SEND.path);
    const openings = async () => ghlCircuitOpenings(await (await fetch(`${svc!.url}/metrics`)).text());
    ghl.failNext({ ...SEND, times: 10_000, status: 503 });
    for (const [i, id] of contacts.entries()) {
      const res = await leadTexts(svc.url, ghl, id, LEAD_TEXTS[i]!);
      expect(res.status).toBe(200);
    }
    // The leads' replies go out side by side: when the circuit opens, the other leads' sends may
    // already be on the wire.
    const onTheWire = contacts.length - 1;
    // The outage lasts until two half-open trials have failed as well.
    await eventually(() => sends().length >= THRESHOLD + onTheWire + 2, 30_000, 'the refused sends');
    // Once THRESHOLD sends in a row failed, GHL is asked again only once per half-open period,
    // although every failed send was followed by a successful read of the conversation.
    const refusedAt = sends().map((r) => r.at);
    for (let i = THRESHOLD + onTheWire; i < refusedAt.length; i++)
      expect(refusedAt[i]! - refusedAt[i - 1]!, `send ${i + 1}`).toBeGreaterThanOrEqual(HALF_OPEN_MS);
    expect(sends().every((r) => r.status === 503)).toBe(true);
    const opened = await openings();
    expect(opened['ghl:conversations:write']).toBeGreaterThan(0);
    // Meanwhile the rest of GHL kept answering: the leads were tagged and read, no circuit but the
    // sending one opened (each opening is counted, however brief).
    for (const id of contacts) expect(ghl.contacts.get(id)?.tags.length).toBeGreaterThan(0);
    for (const [dep, n] of Object.entries(opened))
      if (dep !== 'ghl:conversations:write') expect(n, dep).toBe(0);
    expect(repliesPerContact(ghl, contacts)).toEqual(Object.fromEntries(contacts.map((id) => [id, 0])));

    // GHL sends again: the next trial closes the circuit and every reply goes out once.
    ghl.clearFailures();
    await eventually(async () => (await openWork(tdb!)) === 0, 30_000, 'every reply delivered');
    expect(repliesPerContact(ghl, contacts)).toEqual(Object.fromEntries(contacts.map((id) => [id, 1])));
    expect(await failedWork(tdb)).toEqual({ inbox: 0, outbox: 0 });
    const after = ghlCircuits(await (await fetch(`${svc.url}/metrics`)).text());
    expect(after['ghl:conversations:write']).toBe(0);
    expect(Object.values(after).every((v) => v === 0)).toBe(true);
  }, 60_000);
});
