import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeGhl, startFakeGhl } from '../support/fakes/ghl-server.ts';
import { emitWebhook, inboundMessagePayload } from '../support/fakes/webhook-signer.ts';
import { postgresBackend, postgresUrl, type TestDb, warnIfNoPostgres } from '../support/db.ts';
import { eventually, ghlEnv } from '../support/service.ts';
import { type SpawnedService, spawnService } from '../support/spawn-service.ts';

warnIfNoPostgres('receivers and workers as separate processes');

// A receiver process (RECEIVER_ENABLED=true, WORKERS_ENABLED=false) and a worker process
// (RECEIVER_ENABLED=false, WORKERS_ENABLED=true) sharing one PostgreSQL, as docs/DEPLOYMENT.md runs
// them. Embedded PGlite cannot do this: one process owns its data directory.
describe.skipIf(!postgresUrl)('receivers and workers in separate processes', () => {
  let ghl: FakeGhl;
  let tdb: TestDb;
  const running: SpawnedService[] = [];
  // node-postgres names its connections after PGAPPNAME: how many each process opens is visible.
  const tag = randomBytes(4).toString('hex');
  const start = async (name: string, env: Record<string, string>) => {
    const s = await spawnService({
      DATABASE_URL: tdb.url!,
      ...ghlEnv(ghl),
      // GHL's real budget (100 per 10 s) would make the replies take minutes; it has its own test.
      GHL_RATE_LIMIT_MAX: '1000',
      PGAPPNAME: `split-${name}-${tag}`,
      ...env,
    });
    running.push(s);
    return s;
  };
  const connections = async (name: string) => {
    const { rows } = await tdb.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1`,
      [`split-${name}-${tag}`],
    );
    return rows[0]!.n;
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

  it('the receiver stores, the worker answers: every message once, in order per contact, a worker killed midway', async () => {
    tdb = await postgresBackend.open();
    const receiver = await start('receiver', {
      WORKERS_ENABLED: 'false',
      DATABASE_POOL_SIZE: '3',
      WORKER_POOL_SIZE: '20',
    });
    const workerEnv = {
      RECEIVER_ENABLED: 'false',
      DATABASE_POOL_SIZE: '20',
      WORKER_POOL_SIZE: '6',
      // A send the killed worker had begun is retried (and looked up at GHL first) after the lease.
      OUTBOX_LEASE_MS: '1000',
    };
    const worker = await start('worker', workerEnv);
    const contacts = Array.from({ length: 10 }, (_, i) => `split${String(i).padStart(15, '0')}`);
    for (const id of contacts) ghl.seedContact({ id, phone: '+19095550126' });
    const ROUNDS = 12;
    const text = (round: number) => `Looking to buy, budget around ${300 + round * 5}k`;

    // The worker stores nothing it is sent: webhooks belong on the receivers.
    const refused = await emitWebhook(
      `${worker.url}/webhooks/ghl`,
      inboundMessagePayload({ locationId: ghl.locationId, contactId: contacts[0]!, body: 'to the worker' }),
      { retryOn429: false },
    );
    expect(refused.status).toBe(503);
    expect(JSON.stringify(refused.body)).toContain('RECEIVER_ENABLED=false');

    let replacement: SpawnedService | null = null;
    for (let round = 0; round < ROUNDS; round++) {
      // The contacts' messages of one round arrive at once; a contact's next one only after.
      const answers = await Promise.all(
        contacts.map((id) =>
          emitWebhook(
            `${receiver.url}/webhooks/ghl`,
            inboundMessagePayload({ locationId: ghl.locationId, contactId: id, body: text(round) }),
          ),
        ),
      );
      for (const a of answers) expect(a.body).toMatchObject({ status: 'accepted' });
      // Halfway, the worker dies mid-work (SIGKILL, like a crashed pod) and another takes over.
      if (round === ROUNDS / 2) {
        await eventually(() => ghl.messages.length >= 20, 30_000, 'the first worker to answer');
        await worker.kill();
        replacement = await start('worker', workerEnv);
      }
    }
    expect(replacement).not.toBeNull();

    await eventually(
      () => contacts.every((id) => ghl.messages.filter((m) => m.contactId === id).length >= ROUNDS),
      90_000,
      `all ${contacts.length * ROUNDS} replies`,
    );
    // Each role kept to its own pool: the other side's stays at the 2 it is allowed.
    expect(await connections('receiver')).toBeLessThanOrEqual(3 + 2);
    expect(await connections('worker')).toBeLessThanOrEqual(2 + 6);
    await new Promise((r) => setTimeout(r, 1000));
    for (const id of contacts) {
      const atGhl = ghl.messages.filter((m) => m.contactId === id);
      expect(atGhl).toHaveLength(ROUNDS);
      const inbound = await tdb.db.query<{ body: string }>(
        `SELECT body FROM messages WHERE contact_id = $1 AND direction = 'inbound' ORDER BY id`,
        [id],
      );
      expect(inbound.rows.map((r) => r.body)).toEqual(Array.from({ length: ROUNDS }, (_, i) => text(i)));
      const outbox = await tdb.db.query<{ mid: string; inbox_id: number }>(
        `SELECT result ->> 'messageId' AS mid, inbox_id FROM outbox
          WHERE contact_id = $1 AND kind = 'send_message' ORDER BY id`,
        [id],
      );
      // One reply per message, reaching GHL in the order the turns produced them.
      expect(outbox.rows.map((r) => r.mid)).toEqual(atGhl.map((m) => m.id));
      expect(new Set(outbox.rows.map((r) => r.inbox_id)).size).toBe(ROUNDS);
    }
    const { rows } = await tdb.db.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM inbox GROUP BY status`,
    );
    expect(rows).toEqual([{ status: 'done', n: contacts.length * ROUNDS }]);
  }, 180_000);

  it('a receiver alone stores messages and sends nothing; a worker started later answers them', async () => {
    tdb = await postgresBackend.open();
    const contactId = 'splitB0000000000001';
    ghl.seedContact({ id: contactId, phone: '+19095550127' });
    const receiver = await start('receiver', { WORKERS_ENABLED: 'false' });
    for (const body of ['hello', 'I want to sell my house']) {
      const res = await emitWebhook(
        `${receiver.url}/webhooks/ghl`,
        inboundMessagePayload({ locationId: ghl.locationId, contactId, body }),
      );
      expect(res.body).toMatchObject({ status: 'accepted' });
    }
    await new Promise((r) => setTimeout(r, 1500));
    expect(ghl.messages.filter((m) => m.contactId === contactId)).toHaveLength(0);
    const { rows } = await tdb.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM inbox WHERE status = 'pending'`,
    );
    expect(rows[0]!.n).toBe(2);
    await start('worker', { RECEIVER_ENABLED: 'false' });
    await eventually(
      () => ghl.messages.filter((m) => m.contactId === contactId).length >= 2,
      30_000,
      'both replies',
    );
    await new Promise((r) => setTimeout(r, 1000));
    expect(ghl.messages.filter((m) => m.contactId === contactId)).toHaveLength(2);
  }, 90_000);
});
