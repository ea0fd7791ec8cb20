import { afterEach, describe, expect, it } from 'vitest';
import { type FakeGhl, startFakeGhl } from '../support/fakes/ghl-server.ts';
import { type SmtpSink, startSmtpSink } from '../support/fakes/smtp-sink.ts';
import { emitWebhook, inboundMessagePayload } from '../support/fakes/webhook-signer.ts';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { eventually, startTestService, type TestService, ghlEnv } from '../support/service.ts';
import { advance, crmRecords, manualClock, SELLER_MESSAGE, say } from './helpers.ts';

const START = '2026-11-23T18:00:00Z';
const DAY = 86_400_000;
const SUBJECT = 'Your Comparative Market Analysis for 6842 Etiwanda Ave, Rancho Cucamonga';

describe('the day-14 CMA email reaches the lead with the PDF', () => {
  let tdb: TestDb;
  let svc: TestService | undefined;
  let ghl: FakeGhl | undefined;
  let sink: SmtpSink | undefined;
  afterEach(async () => {
    await svc?.stop();
    await tdb?.close();
    await ghl?.close();
    await sink?.close();
    svc = undefined;
    ghl = undefined;
    sink = undefined;
  });

  it('through GHL: uploads the PDF, then sends an Email message carrying the upload URL', async () => {
    ghl = await startFakeGhl();
    tdb = await pgliteBackend.open();
    const clock = manualClock(START);
    svc = await startTestService(
      tdb,
      {
        ...ghlEnv(ghl),
        FOLLOW_UP_POLL_MS: '100',
      },
      { clock },
    );
    const contactId = 'fucma00000000000001';
    ghl.seedContact({ id: contactId, phone: '+19095550151', email: 'ana@example.com' });
    const res = await emitWebhook(
      `${svc.url}/webhooks/ghl`,
      // Stamped on the service's clock, which judges a signed webhook's age.
      inboundMessagePayload({
        locationId: ghl.locationId,
        contactId,
        body: SELLER_MESSAGE,
        timestamp: clock.now().toISOString(),
      }),
    );
    expect(res.status).toBe(200);
    const statusOf = async (step: string) =>
      (
        await tdb.db.query<{ status: string }>(
          `SELECT status FROM follow_ups WHERE contact_id = $1 AND step = $2`,
          [contactId, step],
        )
      ).rows[0]?.status;
    await eventually(async () => (await statusOf('day14')) === 'pending', 10_000, 'the planned sequence');
    // Our mirror learns the email address the way a ContactUpdate webhook would tell it.
    await tdb.db.query(`UPDATE contacts SET email = 'ana@example.com' WHERE id = $1`, [contactId]);

    for (const [days, step] of [
      [3, 'day3'],
      [7, 'day7'],
      [14, 'day14'],
    ] as const) {
      clock.set(new Date(new Date(START).getTime() + days * DAY).toISOString());
      await eventually(async () => (await statusOf(step)) === 'sent', 10_000, `${step} sent`);
    }
    await eventually(
      () => ghl!.messages.some((m) => m.contactId === contactId && m.type === 'Email'),
      15_000,
      'the email',
    );
    const emails = ghl.messages.filter((m) => m.contactId === contactId && m.type === 'Email');
    expect(emails).toHaveLength(1);
    expect(emails[0]!.subject).toBe(SUBJECT);
    expect(ghl.uploads).toHaveLength(1);
    const upload = ghl.uploads[0]!;
    expect(upload.contentType).toBe('application/pdf');
    expect(upload.filename).toMatch(/^CMA_6842-Etiwanda-Ave-Rancho-Cucamonga_2026-12-07\.pdf$/);
    expect(upload.data.subarray(0, 5).toString()).toBe('%PDF-');
    expect(emails[0]!.attachments).toEqual([upload.url]);
  });

  it('through SMTP when SMTP_URL is set: one message with the PDF part, nothing through the CRM', async () => {
    sink = await startSmtpSink();
    tdb = await pgliteBackend.open();
    svc = await startTestService(
      tdb,
      { SMTP_URL: sink.url, SMTP_FROM: 'jorge@example.com' },
      {
        clock: manualClock(START),
        workers: false,
      },
    );
    await say(svc.url, 'smtp-1', SELLER_MESSAGE, {
      tags: ['Seller-Lead'],
      contact: { firstName: 'Ana', email: 'ana@example.com' },
    });
    for (const days of [3, 4, 7]) await advance(svc.url, days);
    expect(sink.messages).toHaveLength(1);
    const m = sink.messages[0]!;
    expect(m.to).toEqual(['ana@example.com']);
    expect(m.subject).toBe(SUBJECT);
    expect(m.attachments).toHaveLength(1);
    expect(m.attachments![0]!.contentType).toBe('application/pdf');
    expect(m.attachments![0]!.filename).toMatch(
      /^CMA_6842-Etiwanda-Ave-Rancho-Cucamonga_\d{4}-\d{2}-\d{2}\.pdf$/,
    );
    expect(m.attachments![0]!.content.subarray(0, 5).toString()).toBe('%PDF-');
    const crmEmails = (await crmRecords(tdb, 'smtp-1', 'message')).filter((r) => r.payload.type === 'Email');
    expect(crmEmails).toEqual([]);
    // Advancing again sends no second email.
    await advance(svc.url, 30);
    expect(sink.messages).toHaveLength(1);
  });
});
