import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { postJson, startTestService, type TestService } from '../support/service.ts';

// Without a pre-qualification service every assessment is a fallback, and an unconfirmed one asks the
// agent to review the buyer's financing. The agent gets one such task while financing stays
// unconfirmed, not one more each time the buyer's budget moves.
describe('the "Review buyer financing" task (heuristics only, sandbox CRM)', () => {
  let tdb: TestDb;
  let svc: TestService;
  const contactId = 'fin-review-1';

  const reviewTasks = async () =>
    (
      await tdb.db.query<{ payload: { title: string; body?: string } }>(
        `SELECT payload FROM sandbox_crm_records WHERE contact_id = $1 AND kind = 'task' ORDER BY id`,
        [contactId],
      )
    ).rows.filter((r) => r.payload.title === 'Review buyer financing');

  /** One text from the buyer, then every CRM action it queued (the assessment and what it files). */
  const say = async (message: string) => {
    const r = await postJson(`${svc.url}/api/v1/sandbox/messages`, { contactId, message });
    expect(r.status).toBe(200);
    for (let i = 0; i < 20; i++) {
      await svc.service.drainer.runOnce();
      const { rows } = await tdb.db.query(
        `SELECT 1 FROM outbox WHERE contact_id = $1 AND status NOT IN ('sent', 'failed', 'cancelled')`,
        [contactId],
      );
      if (rows.length === 0) return r.body as { bot: string };
    }
    throw new Error(`the actions of "${message}" never settled`);
  };
  const assessment = async () =>
    ((await (await fetch(`${svc.url}/api/v1/contacts/${contactId}`)).json()) as Record<string, unknown>)
      .financialAssessment as {
      source: string;
      requiresReview: boolean;
      maxAmount?: number;
    };

  beforeAll(async () => {
    tdb = await pgliteBackend.open();
    svc = await startTestService(tdb, {}, { workers: false });
  });
  afterAll(async () => {
    await svc.stop();
    await tdb.close();
  });

  it('files one review task while financing stays unconfirmed, and a new one after it was confirmed', async () => {
    expect((await say('We want to buy a home')).bot).toBe('buyer');
    expect(await assessment()).toMatchObject({ source: 'default', requiresReview: true });
    expect(await reviewTasks()).toHaveLength(1);

    // Only the budget moves: reassessed (the budget is part of it), still unconfirmed, no second task.
    await say('budget around 650k');
    expect(await assessment()).toMatchObject({
      source: 'heuristic',
      requiresReview: true,
      maxAmount: 650_000,
    });
    expect(await reviewTasks()).toHaveLength(1);

    // Confirmed with a named lender: nothing for the agent to review.
    await say('we are pre-approved with Chase');
    expect(await assessment()).toMatchObject({ requiresReview: false });
    expect(await reviewTasks()).toHaveLength(1);

    // Unconfirmed again (cash, which the agent checks): a new task for the new question.
    await say('actually we will be paying cash');
    expect(await assessment()).toMatchObject({ source: 'heuristic', requiresReview: true });
    expect(await reviewTasks()).toHaveLength(2);
  }, 60_000);
});
