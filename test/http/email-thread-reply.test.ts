import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeGhl, startFakeGhl } from '../support/fakes/ghl-server.ts';
import {
  emitWebhook,
  inboundMessagePayload,
  workflowWebhookPayload,
} from '../support/fakes/webhook-signer.ts';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { eventually, postJson, startTestService, type TestService, ghlEnv } from '../support/service.ts';

// A lead answers by email from Gmail: GHL sends the HTML with the quoted thread and the email's
// ids (InboundMessage.md, email example). The bot reads the lead's words only and answers in the
// same thread.
const SUBJECT = 'Homes in Upland';
const SECRET = 'workflow-secret-0123456789';
const NEW_WORDS = 'We want to buy a 3 bedroom home in Upland. Our budget is $650k.';
const HTML =
  `<div dir="ltr">${NEW_WORDS}<div><br></div><div><span class="gmail_signature_prefix">-- </span><br>` +
  '<div class="gmail_signature">Ana Lopez<br>Lopez Family Trust</div></div></div><br>' +
  '<div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Tue, Sep 1, 2026 at 10:00 AM Jorge ' +
  '&lt;jorge@example.com&gt; wrote:<br></div><blockquote class="gmail_quote"><p>Hi Ana, are you thinking ' +
  'of selling your home? STOP to opt out.</p></blockquote></div>';

describe('an inbound HTML email is read clean and answered in its thread', () => {
  let ghl: FakeGhl;
  let tdb: TestDb;
  let svc: TestService;

  beforeAll(async () => {
    ghl = await startFakeGhl();
    tdb = await pgliteBackend.open();
    svc = await startTestService(tdb, {
      ...ghlEnv(ghl),
      GHL_WEBHOOK_SECRET: SECRET,
    });
  });
  afterAll(async () => {
    await svc.stop();
    await tdb.close();
    await ghl.close();
  });

  it('reads only the lead’s new words and replies with Re: subject, replyMessageId and threadId', async () => {
    const contactId = 'ct_email_thread_00001';
    ghl.seedContact({ id: contactId, firstName: 'Ana', email: 'ana@example.com' });
    const theirs = ghl.addInboundMessage({ contactId, type: 'Email', body: HTML, subject: SUBJECT });
    const res = await emitWebhook(`${svc.url}/webhooks/ghl`, {
      ...inboundMessagePayload({
        locationId: ghl.locationId,
        contactId,
        body: HTML,
        messageType: 'Email',
        subject: SUBJECT,
        messageId: theirs.id,
        conversationId: theirs.conversationId,
        from: 'Ana Lopez <ana@example.com>',
      }),
      emailMessageId: theirs.emailMessageId,
      threadId: theirs.threadId,
    });
    expect(res.body).toMatchObject({ status: 'accepted' });

    await eventually(
      () => ghl.messages.some((m) => m.contactId === contactId && m.direction === 'outbound'),
      15_000,
      'the answer at GHL',
    );
    const answers = ghl.messages.filter((m) => m.contactId === contactId && m.direction === 'outbound');
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({
      type: 'Email',
      subject: `Re: ${SUBJECT}`,
      replyToMessageId: theirs.emailMessageId,
      threadId: theirs.threadId,
      emailReplyMode: 'reply',
    });

    const { rows } = await tdb.db.query<{ body: string }>(
      `SELECT body FROM messages WHERE contact_id = $1 AND direction = 'inbound'`,
      [contactId],
    );
    expect(rows.map((r) => r.body)).toEqual([NEW_WORDS]);
    // The quoted "STOP to opt out" of our own earlier email is not the lead opting out.
    expect(answers[0]!.body).not.toMatch(/unsubscribed|opted out|no more messages/i);
  });

  it('a workflow email whose Custom Data names its subject and ids is answered in its thread', async () => {
    const contactId = 'ct_email_thread_00002';
    ghl.seedContact({ id: contactId, firstName: 'Ben', email: 'ben@example.com' });
    const theirs = ghl.addInboundMessage({ contactId, type: 'Email', body: NEW_WORDS, subject: SUBJECT });
    const payload = workflowWebhookPayload({
      contactId,
      locationId: ghl.locationId,
      email: 'ben@example.com',
      message: { body: NEW_WORDS, type: 3 },
      customData: {
        channel: 'Email',
        subject: SUBJECT,
        threadId: theirs.threadId!,
        replyMessageId: theirs.emailMessageId!,
      },
    });
    const res = await postJson(`${svc.url}/webhooks/ghl?secret=${SECRET}`, payload);
    expect(res.status).toBe(200);

    await eventually(
      () => ghl.messages.some((m) => m.contactId === contactId && m.direction === 'outbound'),
      15_000,
      'the answer at GHL',
    );
    const answers = ghl.messages.filter((m) => m.contactId === contactId && m.direction === 'outbound');
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({
      type: 'Email',
      subject: `Re: ${SUBJECT}`,
      replyToMessageId: theirs.emailMessageId,
      threadId: theirs.threadId,
      emailReplyMode: 'reply',
    });
  });
});
