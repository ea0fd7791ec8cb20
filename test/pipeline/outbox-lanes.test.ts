import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { type FakeGhl, startFakeGhl } from '../support/fakes/ghl-server.ts';
import { emitWebhook, inboundMessagePayload } from '../support/fakes/webhook-signer.ts';
import type { Clock } from '../../src/ports.ts';
import { daytimeClock, eventually, ghlEnv, startTestService, type TestService } from '../support/service.ts';

// A seller who double-texts: each of the three turns changes the contact's tags and fields in GHL.
const TEXTS = [
  'hi, thinking about selling my house in rancho cucamonga',
  'we are relocating for work so probably in the next 2 months',
  'its in good shape, updated kitchen. hoping for around 750k',
];

interface Run {
  ghl: FakeGhl;
  tdb: TestDb;
  svc: TestService;
  clock: Clock;
}

async function start(coalesceMs: number): Promise<Run> {
  const ghl = await startFakeGhl();
  const tdb = await pgliteBackend.open();
  const clock = daytimeClock();
  const svc = await startTestService(tdb, { ...ghlEnv(ghl), CRM_COALESCE_MS: String(coalesceMs) }, { clock });
  return { ghl, tdb, svc, clock };
}

const writesOf = (ghl: FakeGhl, contactId: string) =>
  ghl.requests.filter(
    (q) =>
      q.path.includes(contactId) &&
      ((q.method === 'PUT' && q.path === `/contacts/${contactId}`) || q.path.endsWith('/tags')),
  );
const repliesTo = (ghl: FakeGhl, contactId: string) =>
  ghl.messages.filter((m) => m.contactId === contactId && m.direction === 'outbound');
// Field ids differ between the two fakes; compare by the field's key.
const fieldValues = (ghl: FakeGhl, contactId: string) =>
  Object.fromEntries(
    (ghl.contacts.get(contactId)?.customFields ?? []).map((f) => [
      ghl.customFieldDefs.get(f.id)?.fieldKey,
      f.value,
    ]),
  );
const openRows = async (run: Run) => {
  const { rows } = await run.tdb.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM outbox WHERE status IN ('pending', 'sending')`,
  );
  return rows[0]?.n ?? -1;
};
const tagsOf = (ghl: FakeGhl, contactId: string) => [...(ghl.contacts.get(contactId)?.tags ?? [])].sort();

async function converse(run: Run, contactId: string) {
  run.ghl.seedContact({ id: contactId, phone: '+19095550142' });
  for (const body of TEXTS) {
    const timestamp = run.clock.now().toISOString();
    const payload = inboundMessagePayload({ locationId: run.ghl.locationId, contactId, body, timestamp });
    expect((await emitWebhook(`${run.svc.url}/webhooks/ghl`, payload)).status).toBe(200);
  }
  await eventually(() => repliesTo(run.ghl, contactId).length >= TEXTS.length, 30_000, 'three replies');
}

/**
 * A contact's outbox rows go out in lanes: a reply never waits behind a tag or field write, and the
 * writes of turns that come close together go to GHL merged, leaving GHL's record exactly as one
 * write per turn would.
 */
describe('replies before CRM writes, and a contact’s writes merged within CRM_COALESCE_MS', () => {
  let merged: Run;
  let direct: Run;
  const contactId = 'lanecontact000000001';

  beforeAll(async () => {
    merged = await start(6_000);
    direct = await start(0);
  });
  afterAll(async () => {
    for (const r of [merged, direct]) {
      await r?.svc.stop();
      await r?.tdb.close();
      await r?.ghl.close();
    }
  });

  it('answers the lead first, then writes the record in fewer calls with the same end state', async () => {
    const t0 = Date.now();
    await converse(merged, contactId);
    // The first turn's writes wait for the window; its reply did not wait for them.
    const firstReply = merged.ghl.requests.find(
      (q) => q.path === '/conversations/messages' && q.method === 'POST',
    );
    const firstWrite = writesOf(merged.ghl, contactId)[0];
    expect(firstReply).toBeDefined();
    if (firstWrite) expect(firstWrite.at).toBeGreaterThan(firstReply?.at ?? 0);
    expect(firstReply?.at ?? Number.POSITIVE_INFINITY).toBeLessThan(t0 + 6_000);

    await converse(direct, contactId);
    await eventually(async () => (await openRows(direct)) === 0, 20_000, 'every row sent directly');
    const directWrites = writesOf(direct.ghl, contactId).length;
    // Each turn wrote the record on its own.
    expect(directWrites).toBeGreaterThanOrEqual(TEXTS.length);
    await eventually(async () => (await openRows(merged)) === 0, 30_000, 'every merged row sent');
    expect(tagsOf(merged.ghl, contactId)).toEqual(tagsOf(direct.ghl, contactId));
    expect(tagsOf(merged.ghl, contactId).length).toBeGreaterThan(0);
    expect(fieldValues(merged.ghl, contactId)).toEqual(fieldValues(direct.ghl, contactId));
    expect(writesOf(merged.ghl, contactId).length).toBeLessThan(directWrites);
  });
});
