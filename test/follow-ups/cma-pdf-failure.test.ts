import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadComps } from '../../src/adapters/comps/load-comps.ts';
import { loadListings } from '../../src/adapters/listings/load-listings.ts';
import { createCmaCache } from '../../src/app/generate-cma.ts';
import { runDueFollowUps } from '../../src/app/run-due-follow-ups.ts';
import { scheduleFollowUps } from '../../src/app/schedule-follow-ups.ts';
import { defaultBotsConfig } from '../../src/domain/bots-config.ts';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { readContact } from '../../src/app/read-contact.ts';
import { postgresStores } from '../../src/adapters/postgres/stores.ts';

const persona = { agentName: 'Jorge', market: 'Rancho Cucamonga, CA', timezone: 'America/Los_Angeles' };

describe('day 14 when the CMA PDF cannot be made', () => {
  let tdb: TestDb;
  beforeAll(async () => {
    tdb = await pgliteBackend.open();
  });
  afterAll(async () => tdb.close());

  it('still sends the email without the attachment, records the error and asks the agent to follow up', async () => {
    const db = tdb.db;
    const bots = defaultBotsConfig(persona);
    const start = new Date('2026-11-23T18:00:00Z');
    await db.query(`INSERT INTO locations (id) VALUES ('loc-pdf') ON CONFLICT DO NOTHING`);
    await db.query(
      `INSERT INTO contacts (location_id, id, first_name, email, tags, custom_fields, created_at, updated_at)
       VALUES ('loc-pdf', 'c-pdf', 'Ana', 'ana@example.com', '[]', '{}', $1, $1)`,
      [start],
    );
    const state = {
      v: 1,
      owner: 'seller',
      lang: 'en',
      facts: { address: '6842 Etiwanda Ave, Rancho Cucamonga' },
    };
    await db.query(
      `INSERT INTO conversations (location_id, contact_id, bot, state) VALUES ('loc-pdf', 'c-pdf', 'seller', $1::jsonb)`,
      [JSON.stringify(state)],
    );
    await db.transaction((tx) => scheduleFollowUps(tx, 'loc-pdf', 'c-pdf', bots, start));
    await db.query(`UPDATE follow_ups SET status = 'skipped', reason = 'test' WHERE step <> 'day14'`);

    const deps = {
      db,
      bots,
      listings: loadListings(undefined),
      comps: loadComps(),
      cmaCache: createCmaCache(),
      renderCma: () => Promise.reject(new Error('font missing')),
      timezone: persona.timezone,
    };
    const ran = await runDueFollowUps(deps, {
      now: new Date(start.getTime() + 14 * 86_400_000),
      locationId: 'loc-pdf',
      only: true,
    });
    expect(ran.map((r) => [r.step, r.status, r.channel])).toEqual([['day14', 'sent', 'Email']]);

    const outbox = await db.query<{ kind: string; payload: Record<string, any> }>(
      `SELECT kind, payload FROM outbox WHERE contact_id = 'c-pdf' ORDER BY id`,
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
    const shown = (await readContact({ db, stores: postgresStores }, 'c-pdf'))!.followUps.find(
      (f) => f.step === 'day14',
    )!;
    expect(shown.attachment).toBeNull();
    expect(shown.cmaError).toContain('font missing');
  });
});
