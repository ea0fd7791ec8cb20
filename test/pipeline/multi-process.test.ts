import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeGhl, startFakeGhl } from '../support/fakes/ghl-server.ts';
import { emitWebhook, inboundMessagePayload } from '../support/fakes/webhook-signer.ts';
import { postgresBackend, postgresUrl, type TestDb, warnIfNoPostgres } from '../support/db.ts';
import { eventually, ghlEnv } from '../support/service.ts';
import { type SpawnedService, spawnService } from '../support/spawn-service.ts';

warnIfNoPostgres('two-process ordering and crash recovery');

// These run the real service as separate processes sharing one PostgreSQL, as replicas do.
describe.skipIf(!postgresUrl)('replicas sharing one PostgreSQL', () => {
  let ghl: FakeGhl;
  let tdb: TestDb;
  const running: SpawnedService[] = [];
  const start = async (env: Record<string, string> = {}) => {
    const s = await spawnService({
      DATABASE_URL: tdb.url!,
      ...ghlEnv(ghl),
      ...env,
    });
    running.push(s);
    return s;
  };

  beforeAll(async () => {
    ghl = await startFakeGhl({ rateLimit: { max: 1000, intervalMs: 10_000 } });
  });
  afterAll(async () => {
    await ghl.close();
  });
  afterEach(async () => {
    for (const s of running.splice(0)) await s.kill();
    await tdb?.close();
  });

  it('two workers, 200 messages from 10 contacts interleaved: each contact in order, none twice, none lost', async () => {
    tdb = await postgresBackend.open();
    // GHL's real budget (100 per 10 s) would make 200 replies take 20 s; the budget has its own test.
    const a = await start({ GHL_RATE_LIMIT_MAX: '1000' });
    const b = await start({ GHL_RATE_LIMIT_MAX: '1000' });
    const contacts = Array.from({ length: 10 }, (_, i) => `mp${String(i).padStart(18, '0')}`);
    for (const id of contacts) ghl.seedContact({ id, phone: '+19095550123' });
    for (let round = 0; round < 20; round++) {
      for (const [i, id] of contacts.entries()) {
        const target = (round + i) % 2 === 0 ? a : b;
        const res = await emitWebhook(
          `${target.url}/webhooks/ghl`,
          inboundMessagePayload({
            locationId: ghl.locationId,
            contactId: id,
            body: `Looking to buy, budget around ${400 + round * 5}k`,
          }),
        );
        expect(res.status).toBe(200);
      }
    }
    await eventually(
      () => contacts.every((id) => ghl.messages.filter((m) => m.contactId === id).length >= 20),
      60_000,
      'all 200 replies',
    );
    await new Promise((r) => setTimeout(r, 500));
    for (const id of contacts) {
      const atGhl = ghl.messages.filter((m) => m.contactId === id);
      expect(atGhl).toHaveLength(20);
      // Processed in arrival order: the transcript's inbound messages follow the order sent.
      const inbound = await tdb.db.query<{ body: string }>(
        `SELECT body FROM messages WHERE contact_id = $1 AND direction = 'inbound' ORDER BY id`,
        [id],
      );
      expect(inbound.rows.map((r) => r.body)).toEqual(
        Array.from({ length: 20 }, (_, i) => `Looking to buy, budget around ${400 + i * 5}k`),
      );
      // Replies reached GHL in the order the turns produced them, each exactly once.
      const outbox = await tdb.db.query<{ mid: string }>(
        `SELECT result ->> 'messageId' AS mid FROM outbox WHERE contact_id = $1 AND kind = 'send_message' ORDER BY id`,
        [id],
      );
      expect(outbox.rows.map((r) => r.mid)).toEqual(atGhl.map((m) => m.id));
    }
  }, 120_000);

  it('a worker killed between accepting a message and sending the reply loses nothing and sends once', async () => {
    tdb = await postgresBackend.open();
    const contactId = 'crashA00000000000001';
    ghl.seedContact({ id: contactId, phone: '+19095550124' });
    const accepting = await start({ WORKERS_ENABLED: 'false' });
    const res = await emitWebhook(
      `${accepting.url}/webhooks/ghl`,
      inboundMessagePayload({ locationId: ghl.locationId, contactId, body: 'hello' }),
    );
    expect(res.body).toMatchObject({ status: 'accepted' });
    await accepting.kill();
    expect(ghl.messages.filter((m) => m.contactId === contactId)).toHaveLength(0);
    await start();
    await eventually(
      () => ghl.messages.some((m) => m.contactId === contactId),
      30_000,
      'the reply after restart',
    );
    await new Promise((r) => setTimeout(r, 1000));
    expect(ghl.messages.filter((m) => m.contactId === contactId)).toHaveLength(1);
  }, 90_000);

  it('a worker killed while GHL was accepting the SMS does not send it twice after restart', async () => {
    tdb = await postgresBackend.open();
    const contactId = 'crashB00000000000001';
    ghl.seedContact({ id: contactId, phone: '+19095550125' });
    // GHL stores the SMS but the answer never comes back: from our side the send is ambiguous.
    ghl.failNext({ method: 'POST', path: '/conversations/messages', mode: 'record-then-hang', times: 1 });
    const first = await start({ OUTBOX_LEASE_MS: '1000' });
    await emitWebhook(
      `${first.url}/webhooks/ghl`,
      inboundMessagePayload({ locationId: ghl.locationId, contactId, body: 'hello' }),
    );
    await eventually(
      () => ghl.messages.some((m) => m.contactId === contactId),
      30_000,
      'GHL to store the SMS',
    );
    await first.kill();
    await start({ OUTBOX_LEASE_MS: '1000' });
    await eventually(
      async () => {
        const r = await tdb.db.query<{ status: string }>(
          `SELECT status FROM outbox WHERE contact_id = $1 AND kind = 'send_message'`,
          [contactId],
        );
        return r.rows[0]?.status === 'sent';
      },
      30_000,
      'the outbox row to be settled',
    );
    expect(ghl.messages.filter((m) => m.contactId === contactId)).toHaveLength(1);
    const row = await tdb.db.query<{ result: { deduplicated?: boolean } }>(
      `SELECT result FROM outbox WHERE contact_id = $1 AND kind = 'send_message'`,
      [contactId],
    );
    expect(row.rows[0]!.result.deduplicated).toBe(true);
  }, 90_000);
});
