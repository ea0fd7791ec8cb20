import { afterEach, describe, expect, it } from 'vitest';
import { backends, type TestDb } from '../support/db.ts';
import { startTestService, type TestService } from '../support/service.ts';
import { advance, contact, crmRecords, manualClock, SELLER_MESSAGE, say } from './helpers.ts';

describe.each(backends())('follow-ups: quiet hours and restarts ($name)', (backend) => {
  let tdb: TestDb;
  const services: TestService[] = [];
  afterEach(async () => {
    for (const s of services.splice(0)) await s.stop();
    await tdb?.close();
  });
  const start = async (iso: string) => {
    const svc = await startTestService(tdb, {}, { clock: manualClock(iso), workers: false });
    services.push(svc);
    return svc;
  };

  it('a step due at night local time waits for 08:00 in the contact’s own time zone', async () => {
    tdb = await backend.open();
    // 21:00 in Los Angeles (TIMEZONE) and 00:00 in New York.
    const svc = await start('2026-11-23T05:00:00Z');
    await say(svc.url, 'la-1', SELLER_MESSAGE, { tags: ['Seller-Lead'] });
    await say(svc.url, 'ny-1', SELLER_MESSAGE, {
      tags: ['Seller-Lead'],
      contact: { timezone: 'America/New_York' },
    });

    const ran = (await advance(svc.url, 3)).body.ran;
    expect(ran.map((r: any) => [r.contactId, r.step, r.status, r.reason])).toEqual([
      ['la-1', 'day3', 'pending', 'outside_send_window'],
      ['ny-1', 'day3', 'pending', 'outside_send_window'],
    ]);
    const dueOf = async (id: string) =>
      (await contact(svc.url, id)).pendingFollowUps.find((f: any) => f.step === 'day3').dueAt;
    expect(await dueOf('la-1')).toBe('2026-11-26T16:00:00.000Z'); // 08:00 PST
    expect(await dueOf('ny-1')).toBe('2026-11-26T13:00:00.000Z'); // 08:00 EST

    // 08:30 in New York, 05:30 in Los Angeles: only New York hears from us.
    const morning = (await advance(svc.url, 8.5 / 24)).body.ran;
    expect(morning.map((r: any) => [r.contactId, r.status])).toEqual([['ny-1', 'sent']]);
    const later = (await advance(svc.url, 3 / 24)).body.ran;
    expect(later.map((r: any) => [r.contactId, r.status])).toEqual([['la-1', 'sent']]);
  });

  it('at most one follow-up per contact per local day: a backlog goes out one a day', async () => {
    tdb = await backend.open();
    const svc = await start('2026-11-23T18:00:00Z');
    await say(svc.url, 'backlog-1', SELLER_MESSAGE, { tags: ['Seller-Lead'] });
    // A backlog, as after downtime: day 7 falls due together with day 3. (The sandbox clock stops at
    // each due moment on its way, so moving it alone never piles steps up.)
    await tdb.db.query(
      `UPDATE follow_ups SET due_at = due_at - interval '4 days' WHERE contact_id = 'backlog-1' AND step = 'day7'`,
    );
    const first = (await advance(svc.url, 3)).body.ran;
    expect(first.map((r: any) => [r.step, r.status])).toEqual([
      ['day3', 'sent'],
      ['day7', 'pending'],
    ]);
    const next = (await advance(svc.url, 1)).body.ran;
    expect(next.map((r: any) => [r.step, r.status])).toEqual([['day7', 'sent']]);
  });

  it('a restart in the middle of a sequence neither repeats day 3 nor loses day 7', async () => {
    tdb = await backend.open();
    const first = await start('2026-11-23T18:00:00Z');
    await say(first.url, 'restart-1', SELLER_MESSAGE, { tags: ['Seller-Lead'] });
    expect((await advance(first.url, 3)).body.ran.map((r: any) => r.step)).toEqual(['day3']);
    await first.stop();
    services.splice(services.indexOf(first), 1);

    const second = await start('2026-11-23T18:00:00Z');
    const ran = (await advance(second.url, 4)).body;
    // The sandbox clock's offset survived the restart.
    expect(ran.now).toBe('2026-11-30T18:00:00.000Z');
    expect(ran.ran.map((r: any) => [r.step, r.status])).toEqual([['day7', 'sent']]);
    const texts = (await crmRecords(tdb, 'restart-1', 'message')).map((m) => m.payload.message as string);
    const steps = (await contact(second.url, 'restart-1')).pendingFollowUps;
    expect(steps.filter((f: any) => f.status === 'sent').map((f: any) => f.step)).toEqual(['day3', 'day7']);
    expect(texts).toHaveLength(3); // the bot's reply, day 3, day 7
  });
});
