import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeFinancial, startFakeFinancial } from '../support/fakes/financial-server.ts';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { eventually, postJson, startTestService, type TestService } from '../support/service.ts';

describe('financial readiness with fallback (buyer conversations)', () => {
  let fin: FakeFinancial;
  let tdb: TestDb;
  let svc: TestService;
  const say = (contactId: string, message: string) =>
    postJson(`${svc.url}/api/v1/sandbox/messages`, { contactId, message });
  const contact = async (id: string) =>
    (await (await fetch(`${svc.url}/api/v1/contacts/${id}`)).json()) as Record<string, any>;
  const tasks = async (id: string) =>
    (
      await tdb.db.query<{ payload: { title: string } }>(
        `SELECT payload FROM sandbox_crm_records WHERE contact_id = $1 AND kind = 'task'`,
        [id],
      )
    ).rows.map((r) => r.payload.title);

  beforeAll(async () => {
    fin = await startFakeFinancial();
    tdb = await pgliteBackend.open();
    svc = await startTestService(tdb, { FINANCIAL_SERVICE_URL: fin.url });
  });
  afterAll(async () => {
    await svc.stop();
    await tdb.close();
    await fin.close();
  });

  it('uses the pre-qualification service when it answers', async () => {
    const r = await say('fin-1', 'We want to buy a home, budget around 650k');
    expect(r.body.bot).toBe('buyer');
    await eventually(
      async () => (await contact('fin-1')).financialAssessment !== null,
      10_000,
      'an assessment',
    );
    const a = (await contact('fin-1')).financialAssessment;
    expect(a).toMatchObject({ source: 'service', preApproved: true, lender: 'Inland Valley Credit Union' });
    expect(fin.requests.at(-1)).toMatchObject({ contactId: 'fin-1', budgetMax: 650_000 });
  });

  it('falls back to what the buyer said when the service keeps failing, without the lead noticing', async () => {
    fin.failNext(8, { status: 503 });
    const r = await say('fin-2', 'Looking to buy, I am pre-approved with Chase');
    expect(r.status).toBe(200);
    expect(r.body.replies).toHaveLength(1);
    expect(r.body.replies[0].body).not.toMatch(/error|unavailable|sorry/i);
    await eventually(
      async () => (await contact('fin-2')).financialAssessment !== null,
      20_000,
      'the fallback assessment',
    );
    const a = (await contact('fin-2')).financialAssessment;
    expect(a).toMatchObject({
      source: 'heuristic',
      preApproved: true,
      lender: expect.stringMatching(/chase/i),
    });
    expect(fin.requests.length).toBeGreaterThanOrEqual(4); // the retry policy tried before giving up
  });

  it('assumes the conservative default and asks the agent to review when nothing is known', async () => {
    fin.failNext(8, 'hang');
    await say('fin-3', 'I want to buy a house');
    await eventually(
      async () => (await contact('fin-3')).financialAssessment !== null,
      30_000,
      'the default assessment',
    );
    expect((await contact('fin-3')).financialAssessment).toMatchObject({
      source: 'default',
      preApproved: false,
      requiresReview: true,
      confidence: 0.6,
    });
    await eventually(
      async () => (await tasks('fin-3')).includes('Review buyer financing'),
      10_000,
      'the manual-review task',
    );
  }, 60_000);

  it('an assessment re-attempted after a crash stores nothing twice and asks for one review', async () => {
    fin.failNext(8, { status: 503 });
    await say('fin-4', 'We want to buy something, not sure about financing yet');
    await eventually(
      async () => (await tasks('fin-4')).includes('Review buyer financing'),
      30_000,
      'the task',
    );
    // The state a crash leaves when the worker dies after the assessment committed but before the
    // row was marked sent: the row is still 'sending' and its lease has run out.
    const { rows } = await tdb.db.query<{ id: number }>(
      `UPDATE outbox SET status = 'sending', locked_until = now() - interval '1 minute', sent_at = NULL
        WHERE contact_id = 'fin-4' AND kind = 'assess_financing' RETURNING id`,
    );
    expect(rows).toHaveLength(1);
    const requestsBefore = fin.requests.length;
    await eventually(
      async () =>
        (await tdb.db.query(`SELECT 1 FROM outbox WHERE id = $1 AND status = 'sent'`, [rows[0]!.id])).rows
          .length === 1,
      20_000,
      'the re-attempt',
    );
    await svc.service.drainer.runOnce();
    const stored = await tdb.db.query(`SELECT 1 FROM financial_assessments WHERE contact_id = 'fin-4'`);
    expect(stored.rows).toHaveLength(1);
    expect((await tasks('fin-4')).filter((t) => t === 'Review buyer financing')).toHaveLength(1);
    expect(fin.requests.length).toBe(requestsBefore);
  }, 60_000);
});
