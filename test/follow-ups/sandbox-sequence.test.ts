import { afterEach, describe, expect, it } from 'vitest';
import { loadComps } from '../../src/adapters/comps/load-comps.ts';
import { backends, type TestDb } from '../support/db.ts';
import { pdfText } from '../support/pdf-text.ts';
import { startTestService, type TestService } from '../support/service.ts';
import { advance, contact, crmRecords, manualClock, SELLER_MESSAGE, say } from './helpers.ts';

const START = '2026-11-23T18:00:00Z'; // 10:00 in Rancho Cucamonga (TIMEZONE default)
const DAY = 86_400_000;
const at = (days: number) => new Date(new Date(START).getTime() + days * DAY).toISOString();

describe.each(backends())('follow-up sequence in the sandbox ($name)', (backend) => {
  let tdb: TestDb;
  let svc: TestService;
  const open = async (start = START) => {
    tdb = await backend.open();
    svc = await startTestService(tdb, {}, { clock: manualClock(start), workers: false });
  };
  afterEach(async () => {
    await svc?.stop();
    await tdb?.close();
  });
  const seller = (id: string, extra: Record<string, unknown> = {}) =>
    say(svc.url, id, SELLER_MESSAGE, {
      tags: ['Seller-Lead'],
      contact: { firstName: 'Ana', email: 'ana@example.com' },
      ...extra,
    });
  const outbound = async (id: string) =>
    (await crmRecords(tdb, id, 'message')).filter((r) => r.payload.direction === 'outbound');

  it('a quiet seller gets day 3, 7, 14 and 30 once each, on time, with the CMA PDF by email on day 14', async () => {
    await open();
    await seller('quiet-1');
    const planned = (await contact(svc.url, 'quiet-1')).pendingFollowUps;
    expect(planned.map((f: any) => [f.step, f.status, f.dueAt])).toEqual([
      ['day3', 'pending', at(3)],
      ['day7', 'pending', at(7)],
      ['day14', 'pending', at(14)],
      ['day30', 'pending', at(30)],
    ]);
    const afterReply = (await outbound('quiet-1')).length;

    expect((await advance(svc.url, 2.9)).body.ran).toEqual([]);
    expect(await outbound('quiet-1')).toHaveLength(afterReply);

    const day3 = await advance(svc.url, 0.1);
    expect(day3.status).toBe(200);
    expect(day3.body.ran).toEqual([
      { contactId: 'quiet-1', step: 'day3', status: 'sent', channel: 'SMS', reason: null },
    ]);
    const day7 = await advance(svc.url, 4);
    expect(day7.body.ran.map((r: any) => [r.step, r.channel])).toEqual([['day7', 'SMS']]);
    expect((await crmRecords(tdb, 'quiet-1', 'task')).length).toBeGreaterThanOrEqual(1);
    const day14 = await advance(svc.url, 7);
    expect(day14.body.ran.map((r: any) => [r.step, r.channel])).toEqual([['day14', 'Email']]);
    const day30 = await advance(svc.url, 16);
    expect(day30.body.ran.map((r: any) => [r.step, r.channel])).toEqual([['day30', 'SMS']]);

    const sent = (await outbound('quiet-1')).slice(afterReply);
    expect(sent.map((m) => m.payload.type)).toEqual(['SMS', 'SMS', 'Email', 'SMS']);
    const steps = (await contact(svc.url, 'quiet-1')).pendingFollowUps;
    expect(steps.map((f: any) => [f.step, f.status, f.sentAt])).toEqual([
      ['day3', 'sent', at(3)],
      ['day7', 'sent', at(7)],
      ['day14', 'sent', at(14)],
      ['day30', 'sent', at(30)],
    ]);

    // The contact shows where the day-14 PDF is, and it is the same report the lead received.
    const day14Step = steps.find((f: any) => f.step === 'day14');
    expect(day14Step.attachment).toMatch(/^\/api\/v1\/attachments\/[0-9a-f-]{36}$/);
    expect(day14Step.cmaError).toBeNull();
    const stored = await fetch(`${svc.url}${day14Step.attachment}`);
    expect(stored.headers.get('content-type')).toBe('application/pdf');
    expect(await pdfText(Buffer.from(await stored.arrayBuffer()))).toContain('6842 Etiwanda Ave');

    const email = sent[2]!.payload;
    expect(email.subject).toBe('Your Comparative Market Analysis for 6842 Etiwanda Ave, Rancho Cucamonga');
    expect(email.attachments).toHaveLength(1);
    // The URL names the configured PORT (0 here): ask the port the test service really listens on.
    const res = await fetch(`${svc.url}${new URL(email.attachments[0]).pathname}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(2_000);
    expect(pdf.length).toBeLessThan(2_000_000);
    const text = await pdfText(pdf);
    expect(text).toContain('6842 Etiwanda Ave');
    const compAddresses = loadComps().comps.map((c) => c.address);
    expect(compAddresses.filter((a) => text.includes(a)).length).toBeGreaterThanOrEqual(5);

    // Nothing is sent twice, however far the clock moves.
    expect((await advance(svc.url, 30)).body.ran).toEqual([]);
    expect(await outbound('quiet-1')).toHaveLength(afterReply + 4);
    const metrics = await (await fetch(`${svc.url}/metrics`)).text();
    for (const step of ['day3', 'day7', 'day14', 'day30'])
      expect(metrics).toContain(`jorge_follow_ups_total{step="${step}",status="sent",reason="none"} 1`);
  });

  it('an opted-out contact receives nothing: no sequence after STOP, and a due step is skipped', async () => {
    await open();
    await seller('stop-1');
    const stop = await say(svc.url, 'stop-1', 'STOP');
    expect(stop.optedOut).toBe(true);
    const before = (await outbound('stop-1')).length;
    await seller('late-opt-out');
    const before2 = (await outbound('late-opt-out')).length;
    // Opted out after the sequence was planned (as a DND change from the CRM would do).
    await tdb.db.query(`UPDATE contacts SET opted_out = true WHERE id = 'late-opt-out'`);

    const ran = (await advance(svc.url, 31)).body.ran;
    expect(ran.filter((r: any) => r.status === 'sent')).toEqual([]);
    expect(ran.filter((r: any) => r.contactId === 'late-opt-out')).toEqual([
      expect.objectContaining({ step: 'day3', status: 'skipped', reason: 'opted_out' }),
      expect.objectContaining({ step: 'day7', status: 'skipped', reason: 'opted_out' }),
      expect.objectContaining({ step: 'day14', status: 'skipped', reason: 'opted_out' }),
      expect.objectContaining({ step: 'day30', status: 'skipped', reason: 'opted_out' }),
    ]);
    expect(await outbound('stop-1')).toHaveLength(before);
    expect(await outbound('late-opt-out')).toHaveLength(before2);
    expect((await contact(svc.url, 'stop-1')).pendingFollowUps).toEqual([]);
  });

  it('a reply from the lead cancels the pending steps and restarts the clock from the reply', async () => {
    await open();
    await seller('reply-1');
    await advance(svc.url, 3);
    await advance(svc.url, 1);
    await say(svc.url, 'reply-1', 'still thinking about it, will let you know');
    const all = (await contact(svc.url, 'reply-1')).followUps;
    const cancelled = all.filter((f: any) => f.status === 'cancelled');
    expect(cancelled.map((f: any) => [f.step, f.reason])).toEqual([
      ['day7', 'lead_replied'],
      ['day14', 'lead_replied'],
      ['day30', 'lead_replied'],
    ]);
    const pending = (await contact(svc.url, 'reply-1')).pendingFollowUps.filter(
      (f: any) => f.status === 'pending',
    );
    expect(pending.map((f: any) => [f.step, f.dueAt])).toEqual([
      ['day3', at(7)],
      ['day7', at(11)],
      ['day14', at(18)],
      ['day30', at(34)],
    ]);
    // Day 7 of the old sequence never goes out; day 3 of the new one does.
    const ran = (await advance(svc.url, 3)).body.ran;
    expect(ran.map((r: any) => [r.step, r.status])).toEqual([['day3', 'sent']]);
  });

  it('rejects a clock move that is not between 0 and 60 days', async () => {
    await open();
    for (const days of [0, -1, 61, 'x']) expect((await advance(svc.url, days as number)).status).toBe(400);
  });
});
