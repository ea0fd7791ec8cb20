import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { postgresBackend, postgresUrl, type TestDb, warnIfNoPostgres } from '../support/db.ts';
import { delayed, type FakeAnthropic, startFakeAnthropic } from '../support/fakes/anthropic-server.ts';
import { type FakeGhl, startFakeGhl } from '../support/fakes/ghl-server.ts';
import { emitWebhook, inboundMessagePayload } from '../support/fakes/webhook-signer.ts';
import { eventually, ghlEnv } from '../support/service.ts';
import { type SpawnedService, spawnService } from '../support/spawn-service.ts';

warnIfNoPostgres('dead letter after worker crashes');

const KEY = 'sk-ant-test-key-0001';
const CONTACT = 'deadA000000000000001';

// The real service as separate processes on one PostgreSQL. The event's turn is made to hang (its
// model call never answers) and the process is killed with SIGKILL while the turn is in flight,
// each time: the same state an event leaves behind when its turn crashes the process (OOM, a
// native fault) or freezes it until a liveness probe restarts it.
describe.skipIf(!postgresUrl)('an event whose turn kills the worker every time', () => {
  let ghl: FakeGhl;
  let claude: FakeAnthropic;
  let tdb: TestDb;
  const running: SpawnedService[] = [];
  const start = async () => {
    const s = await spawnService({
      DATABASE_URL: tdb.url!,
      ...ghlEnv(ghl),
      ANTHROPIC_API_KEY: KEY,
      ANTHROPIC_BASE_URL: claude.url,
      MODEL_TURN_TIMEOUT_MS: '60000',
      TURN_BUDGET_MS: '120000',
      INBOX_MAX_ATTEMPTS: '3',
    });
    running.push(s);
    return s;
  };
  const stuckCalls = () => claude.requests.filter((r) => JSON.stringify(r.body).includes('Tamarind')).length;
  const inboxRow = async (body: string) => {
    const { rows } = await tdb.db.query<{ status: string; attempts: number }>(
      `SELECT status, attempts FROM inbox WHERE contact_id = $1 AND payload ->> 'body' = $2`,
      [CONTACT, body],
    );
    return rows[0];
  };

  beforeAll(async () => {
    ghl = await startFakeGhl({ rateLimit: { max: 1000, intervalMs: 10_000 } });
    claude = await startFakeAnthropic({ apiKey: KEY });
    const normal = claude.onRequest;
    claude.onRequest = (req) =>
      JSON.stringify(req.body).includes('Tamarind') ? delayed(300_000, { text: 'never' }) : normal(req);
    tdb = await postgresBackend.open();
  });
  afterEach(async () => {
    for (const s of running.splice(0)) await s.kill();
  });
  afterAll(async () => {
    await tdb?.close();
    await claude?.close();
    await ghl?.close();
  });

  it('is parked as dead after 3 starts; the contact’s later messages are answered', async () => {
    ghl.seedContact({ id: CONTACT, phone: '+19095550126', tags: ['seller-lead'] });
    const stuckText = 'Selling my place on Tamarind Lane, what is it worth';
    let replica = await start();
    const res = await emitWebhook(
      `${replica.url}/webhooks/ghl`,
      inboundMessagePayload({ locationId: ghl.locationId, contactId: CONTACT, body: stuckText }),
    );
    expect(res.body).toMatchObject({ status: 'accepted' });
    for (let attempt = 1; attempt <= 3; attempt++) {
      // Mid-turn: the attempt is counted and the turn is waiting on its model call.
      await eventually(() => stuckCalls() >= attempt, 40_000, `turn ${attempt} to be in flight`);
      expect(await inboxRow(stuckText)).toMatchObject({ status: 'pending', attempts: attempt });
      await replica.kill();
      running.length = 0;
      replica = await start();
    }
    await eventually(
      async () => (await inboxRow(stuckText))?.status === 'dead',
      40_000,
      'the event to be parked',
    );
    expect(stuckCalls()).toBe(3);
    const audit = await tdb.db.query<{ detail: { reason: string } }>(
      `SELECT detail FROM audit_log WHERE contact_id = $1 AND action = 'inbox_dead_letter'`,
      [CONTACT],
    );
    expect(audit.rows.map((r) => r.detail.reason)).toEqual(['crashed']);
    await eventually(
      () => (ghl.tasks.get(CONTACT) ?? []).length === 1,
      20_000,
      'the task for the agent at GHL',
    );

    await emitWebhook(
      `${replica.url}/webhooks/ghl`,
      inboundMessagePayload({
        locationId: ghl.locationId,
        contactId: CONTACT,
        body: 'We want to sell this spring',
      }),
    );
    await eventually(
      () => ghl.messages.some((m) => m.contactId === CONTACT),
      30_000,
      'a reply to the next message',
    );
    expect((await inboxRow('We want to sell this spring'))?.status).toBe('done');
  }, 180_000);
});
