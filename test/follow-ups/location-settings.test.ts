import { afterEach, describe, expect, it } from 'vitest';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { startTestService, type TestService } from '../support/service.ts';
import { advance, contact, crmRecords, manualClock, SELLER_MESSAGE, say } from './helpers.ts';

// The sandbox is a location like any other: a time zone and agent stored for it replace TIMEZONE
// and AGENT_NAME for its follow-ups.
describe('follow-ups use the location’s own settings', () => {
  let tdb: TestDb;
  let svc: TestService;
  afterEach(async () => {
    await svc?.stop();
    await tdb?.close();
  });

  it('a lead whose own zone is unknown gets follow-ups on the location’s clock, from its agent', async () => {
    tdb = await pgliteBackend.open();
    // 21:00 in Los Angeles (TIMEZONE), 00:00 in New York (the location's zone).
    svc = await startTestService(
      tdb,
      { TIMEZONE: 'America/Los_Angeles', AGENT_NAME: 'Jorge' },
      { clock: manualClock('2026-11-23T05:00:00Z'), workers: false },
    );
    const put = await fetch(`${svc.url}/api/v1/locations/sandbox/settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ timezone: 'America/New_York', agentName: 'Maria' }),
    });
    expect(put.status).toBe(200);
    await say(svc.url, 'loc-tz-1', SELLER_MESSAGE, { tags: ['Seller-Lead'] });

    const ran = (await advance(svc.url, 3)).body.ran;
    expect(ran.map((r: { step: string; reason: string }) => [r.step, r.reason])).toEqual([
      ['day3', 'outside_send_window'],
    ]);
    const day3 = (await contact(svc.url, 'loc-tz-1')).pendingFollowUps.find(
      (f: { step: string }) => f.step === 'day3',
    );
    expect(day3.dueAt).toBe('2026-11-26T13:00:00.000Z'); // 08:00 in New York, not 16:00 UTC (Los Angeles)

    const morning = (await advance(svc.url, 8.5 / 24)).body.ran;
    expect(morning.map((r: { status: string }) => r.status)).toEqual(['sent']);
    const texts = (await crmRecords(tdb, 'loc-tz-1', 'message')).map((m) => String(m.payload.message));
    expect(texts).toHaveLength(2); // the reply, then day 3
    expect(texts[1]).toMatch(/Maria/);
    expect(texts.join(' ')).not.toMatch(/Jorge/);
  });
});
