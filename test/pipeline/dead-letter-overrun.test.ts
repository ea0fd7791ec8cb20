import { afterEach, describe, expect, it } from 'vitest';
import { backends, type TestDb } from '../support/db.ts';
import { delayed, type FakeAnthropic, startFakeAnthropic } from '../support/fakes/anthropic-server.ts';
import { postJson, startTestService, type TestService } from '../support/service.ts';

const KEY = 'sk-ant-test-key-0001';
// A message whose turn never ends on its own: the model call it makes hangs far past the budget.
const STUCK = 'Selling my place on Tamarind Lane, what is it worth';
/** jorge_turn_overruns_total in a /metrics text (0 before the first overrun). */
const overruns = (metrics: string) => Number(/^jorge_turn_overruns_total (\d+)/m.exec(metrics)?.[1] ?? 0);

describe.each(backends())('a turn that overruns its budget, on $name', (backend) => {
  let tdb: TestDb;
  let svc: TestService;
  let claude: FakeAnthropic;
  afterEach(async () => {
    await svc?.stop();
    await tdb?.close();
    await claude?.close();
  });

  it('is abandoned and counted; after 3 attempts it is parked as dead with an alert, and the contact goes on', async () => {
    claude = await startFakeAnthropic({ apiKey: KEY });
    const normal = claude.onRequest;
    claude.onRequest = (req) =>
      JSON.stringify(req.body).includes('Tamarind') ? delayed(30_000, { text: 'too late' }) : normal(req);
    tdb = await backend.open();
    svc = await startTestService(
      tdb,
      {
        ANTHROPIC_API_KEY: KEY,
        ANTHROPIC_BASE_URL: claude.url,
        MODEL_TURN_TIMEOUT_MS: '20000',
        // Far above a normal turn here (well under a second even on a loaded machine).
        TURN_BUDGET_MS: '3000',
        INBOX_MAX_ATTEMPTS: '3',
      },
      { workers: false },
    );
    const say = (message: string) =>
      postJson(`${svc.url}/api/v1/sandbox/messages`, {
        contactId: 'c-stuck',
        message,
        tags: ['Seller-Lead'],
      });

    const first = await say('Hi, thinking about selling');
    expect(first.body.replies.length).toBeGreaterThan(0);
    // Counted from here: on a busy machine the first turn (cold caches) may overrun once itself and
    // be answered on its retry, which is not what this test is about.
    const overrunsBefore = overruns(await (await fetch(`${svc.url}/metrics`)).text());
    const stuck = await say(STUCK);
    expect(stuck.status).toBe(200);
    expect(stuck.body.replies).toEqual([]);
    const { rows } = await tdb.db.query<{ status: string; attempts: number; last_error: string }>(
      `SELECT status, attempts, last_error FROM inbox WHERE contact_id = 'c-stuck' ORDER BY id`,
    );
    expect(rows.map((r) => r.status)).toEqual(['done', 'dead']);
    expect(rows[1]).toMatchObject({ attempts: 3 });
    expect(rows[1]!.last_error).toMatch(/3000 ms budget/);

    // What an operator sees: an audit row, a task on the contact in the CRM, the metrics, a log line.
    const auditRows = await tdb.db.query<{ detail: { reason: string; attempts: number } }>(
      `SELECT detail FROM audit_log WHERE contact_id = 'c-stuck' AND action = 'inbox_dead_letter'`,
    );
    expect(auditRows.rows).toHaveLength(1);
    expect(auditRows.rows[0]!.detail).toMatchObject({ reason: 'overrun', attempts: 3 });
    const tasks = await tdb.db.query<{ payload: { title: string } }>(
      `SELECT payload FROM outbox WHERE contact_id = 'c-stuck' AND kind = 'create_task'`,
    );
    expect(tasks.rows.map((r) => r.payload.title)).toEqual(['A message from this lead was not answered']);
    const metrics = await (await fetch(`${svc.url}/metrics`)).text();
    expect(metrics).toMatch(/jorge_inbox_dead_letters_total\{reason="overrun"\} 1/);
    expect(overruns(metrics) - overrunsBefore).toBe(3);
    const logs = svc.logs.join('');
    expect(logs).toContain('inbox event parked');
    expect(logs).not.toContain('Tamarind');

    // The contact's next message is answered as usual.
    const next = await say('We want to sell in about 3 months');
    expect(next.status).toBe(200);
    expect(next.body.replies.length).toBeGreaterThan(0);
    const after = await tdb.db.query<{ status: string }>(
      `SELECT status FROM inbox WHERE contact_id = 'c-stuck' ORDER BY id`,
    );
    expect(after.rows.map((r) => r.status)).toEqual(['done', 'dead', 'done']);
  }, 90_000);
});
