import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadComps } from '../../src/adapters/comps/load-comps.ts';
import { loadListings } from '../../src/adapters/listings/load-listings.ts';
import { postgresFollowUpStore } from '../../src/adapters/postgres/follow-up-store.ts';
import { postgresStores } from '../../src/adapters/postgres/stores.ts';
import { createCmaCache } from '../../src/app/follow-ups/generate-cma.ts';
import { readContact } from '../../src/app/contacts/read-contact.ts';
import { runDueFollowUps } from '../../src/app/follow-ups/run-due-follow-ups.ts';
import { defaultBotsConfig } from '../../src/domain/bots-config.ts';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { startTestService, type TestService } from '../support/service.ts';
import { manualClock, SELLER_MESSAGE, say } from './helpers.ts';

const persona = { agentName: 'Jorge', market: 'Rancho Cucamonga, CA', timezone: 'America/Los_Angeles' };
const START = '2026-11-23T18:00:00Z'; // 10:00 in Rancho Cucamonga

describe('day 14 when the CMA PDF cannot be made', () => {
  let tdb: TestDb;
  let svc: TestService;
  beforeAll(async () => {
    tdb = await pgliteBackend.open();
    svc = await startTestService(tdb, {}, { clock: manualClock(START), workers: false });
  });
  afterAll(async () => {
    await svc?.stop();
    await tdb?.close();
  });

  it('still sends the email without the attachment, records the error and asks the agent to follow up', async () => {
    const db = tdb.db;
    const bots = defaultBotsConfig(persona);
    // A seller with an email writes in: the turn schedules the day 3/7/14/30 sequence.
    await say(svc.url, 'c-pdf', SELLER_MESSAGE, {
      tags: ['Seller-Lead'],
      contact: { firstName: 'Ana', email: 'ana@example.com' },
    });
    const scheduled = await db.query<{ step: string; due_at: Date }>(
      `SELECT step, due_at FROM follow_ups WHERE contact_id = 'c-pdf' AND status = 'pending' ORDER BY due_at`,
    );
    expect(scheduled.rows.map((r) => r.step)).toEqual(['day3', 'day7', 'day14', 'day30']);
    await db.query(
      `UPDATE follow_ups SET status = 'skipped', reason = 'test' WHERE contact_id = 'c-pdf' AND step <> 'day14'`,
    );
    const day14At = scheduled.rows.find((r) => r.step === 'day14')!.due_at;
    const { rows: before } = await db.query<{ n: string }>(
      `SELECT coalesce(max(id), 0) AS n FROM outbox WHERE contact_id = 'c-pdf'`,
    );

    const deps = {
      db,
      store: postgresFollowUpStore,
      bots,
      listings: loadListings(undefined),
      comps: loadComps(),
      cmaCache: createCmaCache(),
      renderCma: () => Promise.reject(new Error('font missing')),
      timezone: persona.timezone,
    };
    const ran = await runDueFollowUps(deps, { now: new Date(day14At), locationId: 'sandbox', only: true });
    expect(ran.map((r) => [r.step, r.status, r.channel])).toEqual([['day14', 'sent', 'Email']]);

    const outbox = await db.query<{ kind: string; payload: Record<string, any> }>(
      `SELECT kind, payload FROM outbox WHERE contact_id = 'c-pdf' AND id > $1 ORDER BY id`,
      [before[0]!.n],
    );
    expect(outbox.rows.map((r) => r.kind)).toEqual(['send_cma_email', 'create_task']);
    const email = outbox.rows[0]!.payload;
    expect(email.documentId).toBeUndefined();
    expect(email.text).toMatch(/\$\d/);
    expect(outbox.rows[1]!.payload.body).toContain('font missing');
    const { rows } = await db.query<{ detail: Record<string, string> }>(
      `SELECT detail FROM follow_ups WHERE contact_id = 'c-pdf' AND step = 'day14'`,
    );
    expect(rows[0]!.detail.cmaError).toContain('font missing');
    const shown = (await readContact({ db, stores: postgresStores }, 'c-pdf', 'sandbox'))!.followUps.find(
      (f) => f.step === 'day14',
    )!;
    expect(shown.attachment).toBeNull();
    expect(shown.cmaError).toContain('font missing');
  });
});
