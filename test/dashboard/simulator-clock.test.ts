import { afterEach, describe, expect, it } from 'vitest';
import { backends, type TestDb } from '../support/db.ts';
import { postJson, startTestService, type TestService } from '../support/service.ts';
import { advance, crmRecords, manualClock, SELLER_MESSAGE, say } from '../follow-ups/helpers.ts';

// 08:00 UTC is midnight in Rancho Cucamonga (TIMEZONE default): every whole-day jump from here
// lands outside the lead's 08:00–21:00 window.
const START = '2026-11-23T08:00:00Z';

describe.each(backends())('sandbox clock moves as if time had passed ($name)', (backend) => {
  let tdb: TestDb;
  let svc: TestService;
  afterEach(async () => {
    await svc?.stop();
    await tdb?.close();
  });
  const open = async () => {
    tdb = await backend.open();
    svc = await startTestService(tdb, {}, { clock: manualClock(START), workers: false });
  };

  it('advancing whole days from a UTC morning still sends the follow-up in the lead’s window', async () => {
    await open();
    await say(svc.url, 'night-1', SELLER_MESSAGE, {
      tags: ['Seller-Lead'],
      contact: { firstName: 'Ana' },
    }).catch((e) => {
      console.log(
        svc.logs
          .filter((l) => /error|fail/i.test(l))
          .join('\n')
          .slice(0, 3000),
      );
      throw e;
    });
    const before = (await crmRecords(tdb, 'night-1', 'message')).length;
    // Day 3 falls due at midnight local time: it waits for the lead's morning.
    const day3 = await advance(svc.url, 3);
    expect(day3.status).toBe(200);
    expect(day3.body.ran.map((r: any) => [r.step, r.status, r.reason])).toEqual([
      ['day3', 'pending', 'outside_send_window'],
    ]);
    // The next whole day passes through 08:00 local; the step goes out there, not never.
    const res = await advance(svc.url, 1);
    const sent = res.body.ran.filter((r: any) => r.status === 'sent');
    expect(sent.map((r: any) => [r.contactId, r.step, r.channel])).toEqual([['night-1', 'day3', 'SMS']]);
    expect(res.body.now).toBe('2026-11-27T08:00:00.000Z');
    const out = (await crmRecords(tdb, 'night-1', 'message')).slice(before);
    console.log(JSON.stringify(out), JSON.stringify(res.body));
    expect(out.filter((r) => r.payload.direction === 'outbound')).toHaveLength(1);
  });

  it('moves by hours, and names the problem when neither days nor hours is given', async () => {
    await open();
    const res = await postJson(`${svc.url}/api/v1/sandbox/advance-clock`, { hours: 5 });
    expect(res.status).toBe(200);
    expect(res.body.now).toBe('2026-11-23T13:00:00.000Z');
    const bad = await postJson(`${svc.url}/api/v1/sandbox/advance-clock`, {});
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/days or hours/);
    const tooFar = await postJson(`${svc.url}/api/v1/sandbox/advance-clock`, { days: 60, hours: 5 });
    expect(tooFar.status).toBe(400);
  });
});
