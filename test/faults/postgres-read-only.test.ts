import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createPostgresDb } from '../../src/adapters/postgres/db.ts';
import { migrate } from '../../src/adapters/postgres/migrate.ts';
import type { Db } from '../../src/ports.ts';
import { postgresUrl, warnIfNoPostgres } from '../support/db.ts';
import { type FakeGhl, startFakeGhl } from '../support/fakes/ghl-server.ts';
import { emitWebhook, inboundMessagePayload } from '../support/fakes/webhook-signer.ts';
import { eventually, ghlEnv, startTestService, type TestService } from '../support/service.ts';
import { failedWork, LEAD_TEXTS, openWork, repliesPerContact, seedLeads } from './support.ts';

warnIfNoPostgres('the database turning read-only under a running service');

// The database starts refusing writes while the service runs (a failover onto a standby, or an
// operator's default_transaction_read_only). Done to a role of the test's own, so no other test's
// sessions change: ALTER ROLE ... SET takes effect in new sessions, so the role's sessions are ended
// and the pool reconnects into read-only ones, as it would after a failover.

describe.skipIf(!postgresUrl)('PostgreSQL turning read-only after start', () => {
  const role = `jorge_ro_${randomBytes(5).toString('hex')}`;
  let admin: Db | undefined;
  let db: Db | undefined;
  let ghl: FakeGhl | undefined;
  let svc: TestService | undefined;
  const endSessions = () =>
    admin!.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1`, [role]);
  const readOnly = async (on: boolean) => {
    await admin!.query(
      on ? `ALTER ROLE ${role} SET default_transaction_read_only = on` : `ALTER ROLE ${role} RESET ALL`,
    );
    await endSessions();
  };
  afterEach(async () => {
    await svc?.stop();
    await db?.close();
    await ghl?.close();
    if (admin) {
      await endSessions();
      await admin.query(`DROP SCHEMA IF EXISTS ${role} CASCADE`);
      await admin.query(`DROP ROLE IF EXISTS ${role}`);
      await admin.close();
    }
  });

  it('refuses webhooks with 429 (GHL retries), reports not ready, loses nothing, and recovers', async () => {
    admin = createPostgresDb(postgresUrl!, { max: 1 });
    await admin.query(`CREATE ROLE ${role} LOGIN`);
    await admin.query(`CREATE SCHEMA ${role} AUTHORIZATION ${role}`);
    const u = new URL(postgresUrl!);
    u.username = role;
    u.password = '';
    u.searchParams.set('options', `-c search_path=${role}`);
    db = createPostgresDb(u.toString(), { max: 4 });
    await migrate(db);
    ghl = await startFakeGhl();
    svc = await startTestService({ db, close: async () => {} }, ghlEnv(ghl), { workers: false });
    const contacts = seedLeads(ghl, 'readOnly', 4);
    const payloads = contacts.map((contactId, i) => {
      const stored = ghl!.addInboundMessage({ contactId, body: LEAD_TEXTS[i]! });
      return inboundMessagePayload({
        locationId: ghl!.locationId,
        contactId,
        body: LEAD_TEXTS[i]!,
        messageId: stored.id,
        conversationId: stored.conversationId,
      });
    });
    const deliver = (i: number) =>
      emitWebhook(`${svc!.url}/webhooks/ghl`, payloads[i]!, { retryOn429: false, timeoutMs: 30_000 });
    const ready = async () => {
      const res = await fetch(`${svc!.url}/readyz`);
      return { status: res.status, body: (await res.json()) as { status: string; reason?: string } };
    };

    // Two texts accepted (stored, not yet answered) while the database still takes writes.
    for (const i of [0, 1]) expect((await deliver(i)).status).toBe(200);
    expect((await ready()).status).toBe(200);

    await readOnly(true);
    await eventually(
      async () => (await ready()).body.reason === 'database is read-only',
      10_000,
      'not ready',
    );
    expect(await ready()).toEqual({
      status: 503,
      body: { status: 'not_ready', reason: 'database is read-only' },
    });
    // New texts are refused the way GHL retries (429 with Retry-After), never with a 500.
    for (const i of [2, 3]) {
      const res = await deliver(i);
      expect(res.status).toBe(429);
      expect(res.body).toMatchObject({ error: { code: 'overloaded' } });
    }
    // The workers find every write refused: nothing is answered, nothing given up.
    svc.service.startWorkers();
    await new Promise((r) => setTimeout(r, 2_000));
    expect(repliesPerContact(ghl, contacts)).toEqual(Object.fromEntries(contacts.map((id) => [id, 0])));
    expect(await failedWork({ db, close: async () => {} })).toEqual({ inbox: 0, outbox: 0 });
    expect(svc.logs.join('')).not.toMatch(/"statusCode":500|unhandled error/);

    // Writable again: ready without a restart, GHL's retries are accepted, every text answered once.
    await readOnly(false);
    await eventually(async () => (await ready()).status === 200, 15_000, 'ready again');
    for (const i of [2, 3]) expect((await deliver(i)).status).toBe(200);
    await eventually(
      async () =>
        (await openWork({ db: db!, close: async () => {} })) === 0 &&
        Object.values(repliesPerContact(ghl!, contacts)).every((n) => n >= 1),
      30_000,
      'every text answered',
    );
    expect(repliesPerContact(ghl, contacts)).toEqual(Object.fromEntries(contacts.map((id) => [id, 1])));
    expect(await failedWork({ db, close: async () => {} })).toEqual({ inbox: 0, outbox: 0 });
  }, 90_000);
});
