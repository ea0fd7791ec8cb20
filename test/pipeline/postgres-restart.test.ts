import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeGhl, startFakeGhl } from '../support/fakes/ghl-server.ts';
import { inboundMessagePayload, signWebhookBody } from '../support/fakes/webhook-signer.ts';
import { eventually, ghlEnv } from '../support/service.ts';
import { type SpawnedService, spawnService } from '../support/spawn-service.ts';
import {
  canRunThrowawayPostgres,
  runSql,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../support/throwaway-postgres.ts';

const runs = canRunThrowawayPostgres('a replica across PostgreSQL restarts');
const TOKEN = 'restart-test-token-0123456789';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// The real service as a child process on a PostgreSQL cluster of its own, which the test restarts
// and stops under traffic: a crash shows as the process exiting.
describe.skipIf(!runs)('a replica across PostgreSQL restarts', () => {
  let cluster: ThrowawayPostgres;
  let ghl: FakeGhl;
  let svc: SpawnedService;
  let exited: string | null = null;

  beforeAll(async () => {
    [cluster, ghl] = await Promise.all([
      startThrowawayPostgres(),
      startFakeGhl({ rateLimit: { max: 10_000, intervalMs: 10_000 } }),
    ]);
    svc = await spawnService({
      DATABASE_URL: cluster.url,
      ...ghlEnv(ghl),
      GHL_RATE_LIMIT_MAX: '10000',
      JORGE_API_TOKEN: TOKEN,
      // A send whose 'sent' mark was lost to the outage is taken up again after the lease.
      OUTBOX_LEASE_MS: '2000',
      OUTBOX_RETRY_BASE_MS: '100',
    });
    svc.child.once('exit', (code, signal) => {
      exited = `exited with ${code ?? signal}`;
    });
  });
  afterAll(async () => {
    await svc?.kill();
    await ghl?.close();
    await cluster?.destroy();
  });

  const auth = { authorization: `Bearer ${TOKEN}` };
  let seq = 0;
  const newContact = () => {
    const id = `rst${String(++seq).padStart(17, '0')}`;
    ghl.seedContact({ id, phone: '+15555550100' });
    return id;
  };
  const webhook = (contactId: string) => {
    const raw = JSON.stringify(
      inboundMessagePayload({ locationId: ghl.locationId, contactId, body: 'Hi, looking to buy a home' }),
    );
    return () =>
      fetch(`${svc.url}/webhooks/ghl`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-ghl-signature': signWebhookBody(raw, 'ed25519') },
        body: raw,
        signal: AbortSignal.timeout(15_000),
      });
  };
  const sandbox = (contactId: string) =>
    fetch(`${svc.url}/api/v1/sandbox/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ contactId, message: 'Hi, I want to sell my house' }),
      signal: AbortSignal.timeout(15_000),
    });
  const readContact = (contactId: string) =>
    fetch(`${svc.url}/api/v1/contacts/${contactId}?locationId=${ghl.locationId}`, {
      headers: auth,
      signal: AbortSignal.timeout(15_000),
    });
  const ready = async () => {
    // A crash would otherwise show only as refused connections.
    if (exited) throw new Error(`the service ${exited}:\n${svc.output()}`);
    return (await fetch(`${svc.url}/readyz`)).status === 200;
  };

  /** Webhooks (retried on 429 as GHL does), sandbox messages and reads, until stop(). */
  function startTraffic(readId: string) {
    let running = true;
    const problems: string[] = [];
    const delivered: string[] = [];
    const note = (what: string, err: unknown): undefined => {
      problems.push(`${what}: ${(err as Error).message ?? err}`);
    };
    const unavailable = async (res: Response) =>
      res.status === 503 &&
      ((await res.json()) as { error?: { code?: string } }).error?.code === 'unavailable';

    const webhooks = (async () => {
      while (running) {
        const id = newContact();
        const send = webhook(id);
        // Once GHL has the event it keeps retrying after 429, also after we stop adding new ones.
        for (;;) {
          const res = await send().catch((err) => note('webhook', err));
          if (!res) break;
          await res.text();
          if (res.status === 200) {
            delivered.push(id);
            break;
          }
          if (res.status !== 429) {
            problems.push(`webhook answered ${res.status}`);
            break;
          }
          await sleep(50);
        }
        await sleep(80);
      }
    })();
    const others = (async () => {
      while (running) {
        const id = `sbx-rst-${++seq}`;
        const s = await sandbox(id).catch((err) => note('sandbox', err));
        if (s?.status === 200) {
          const body = (await s.json()) as { replies: unknown[] };
          if (body.replies.length !== 1) problems.push(`sandbox answered ${body.replies.length} replies`);
        } else if (s && !(await unavailable(s))) problems.push(`sandbox answered ${s.status}`);
        const r = await readContact(readId).catch((err) => note('read', err));
        if (r && r.status !== 200 && !(await unavailable(r))) problems.push(`read answered ${r.status}`);
        await sleep(100);
      }
    })();
    return {
      problems,
      delivered,
      async stop() {
        running = false;
        await Promise.all([webhooks, others]);
      },
    };
  }

  it('never exits, answers 429/503 while the database is away, and every accepted message gets exactly one reply', async () => {
    const repliesTo = (id: string) => ghl.messages.filter((m) => m.contactId === id).length;
    const first = newContact();
    expect((await webhook(first)()).status).toBe(200);
    await eventually(() => repliesTo(first) === 1, 20_000, 'the first reply');
    expect(await ready()).toBe(true);

    const traffic = startTraffic(first);
    // A turn in the middle of its transaction when the server goes down: the contact mirror is
    // locked, so the turn waits inside its transaction until the restart ends the session.
    const locker = new pg.Client({ connectionString: cluster.url });
    locker.on('error', () => {});
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE contacts IN SHARE MODE');
    const caught = newContact();
    expect((await webhook(caught)()).status).toBe(200);
    traffic.delivered.push(caught);
    await eventually(
      async () =>
        (await runSql(cluster.url, `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock'`)).length >
        0,
      20_000,
      'a turn waiting inside its transaction',
    );
    await cluster.restart();
    await locker.end().catch(() => {});
    await eventually(ready, 20_000, 'ready after the first restart');
    await eventually(() => traffic.delivered.length > 4, 20_000, 'traffic after the first restart');

    const before = traffic.delivered.length;
    await cluster.restart();
    await eventually(ready, 20_000, 'ready after the second restart');
    await eventually(() => traffic.delivered.length > before + 3, 20_000, 'traffic after the second restart');

    // Stopped for a few seconds: connections to it are refused.
    await cluster.stop();
    const down = Date.now();
    await eventually(async () => !(await ready()), 10_000, '/readyz to report not ready');
    const readyz = await fetch(`${svc.url}/readyz`);
    expect(readyz.status).toBe(503);
    expect(await readyz.json()).toMatchObject({ status: 'not_ready' });
    const refused = await webhook(newContact())();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBeTruthy();
    for (const res of [await readContact(first), await sandbox('sbx-rst-down')]) {
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBeTruthy();
      expect(await res.json()).toMatchObject({ error: { code: 'unavailable' } });
    }
    expect((await fetch(`${svc.url}/healthz`)).status).toBe(200);
    await sleep(Math.max(0, 3_000 - (Date.now() - down)));
    await cluster.start();
    await eventually(ready, 20_000, 'ready after the database came back');
    const after = traffic.delivered.length;
    await eventually(() => traffic.delivered.length > after + 3, 20_000, 'traffic after the outage');
    await traffic.stop();

    const delivered = [first, ...traffic.delivered];
    await eventually(
      async () => {
        const open = await runSql(
          cluster.url,
          `SELECT 1 FROM inbox WHERE status = 'pending'
           UNION ALL SELECT 1 FROM outbox WHERE status IN ('pending', 'sending')`,
        );
        return open.length === 0 && delivered.every((id) => repliesTo(id) > 0);
      },
      30_000,
      'every accepted message to be answered',
    );

    expect(exited, svc.output()).toBeNull();
    expect(traffic.problems).toEqual([]);
    // None lost, none twice: one reply per delivered message at GHL, nothing else sent there.
    expect(delivered.filter((id) => repliesTo(id) !== 1)).toEqual([]);
    expect(ghl.messages).toHaveLength(delivered.length);
    // Every stored event (sandbox ones too, also those whose request got a 503) was handled once.
    const inbox = await runSql<{ status: string; n: number }>(
      cluster.url,
      `SELECT status, count(*)::int AS n FROM inbox GROUP BY status`,
    );
    expect(inbox).toEqual([{ status: 'done', n: expect.any(Number) }]);
    const badTurns = await runSql(
      cluster.url,
      `SELECT i.id, count(o.id) FILTER (WHERE o.status = 'sent') AS sent, count(o.id) AS n
         FROM inbox i LEFT JOIN outbox o ON o.inbox_id = i.id AND o.kind = 'send_message'
        GROUP BY i.id HAVING count(o.id) <> 1 OR count(o.id) FILTER (WHERE o.status = 'sent') <> 1`,
    );
    expect(badTurns).toEqual([]);
    const sandboxSends = await runSql<{ contact_id: string; n: number }>(
      cluster.url,
      `SELECT contact_id, count(*)::int AS n FROM sandbox_crm_records WHERE kind = 'message'
        GROUP BY contact_id HAVING count(*) <> 1`,
    );
    expect(sandboxSends).toEqual([]);
  }, 90_000);
});
