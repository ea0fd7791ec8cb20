import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeGhl, startFakeGhl } from '../support/fakes/ghl-server.ts';
import {
  emitWebhook,
  inboundMessagePayload,
  workflowWebhookPayload,
} from '../support/fakes/webhook-signer.ts';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { eventually, postJson, startTestService, type TestService, ghlEnv } from '../support/service.ts';

const SECRET = 'workflow-secret-0123456789';
const TEXT = 'is the 3 bedroom on Elm still available secretword';

// GHL delivers InboundMessage for every channel of a conversation (docs/webhook events/
// InboundMessage.md: Call, Voicemail, SMS, GMB, FB, IG, Email, Live Chat; WhatsApp in reference
// §8a). The bot answers SMS and Email only, in the channel the message came in on.
describe('inbound messages by channel', () => {
  let ghl: FakeGhl;
  let tdb: TestDb;
  let svc: TestService;
  let hook: string;
  let n = 0;
  const newContact = () => {
    const id = `ch${String(++n).padStart(18, '0')}`;
    ghl.seedContact({ id, firstName: 'Rosa', phone: '+19095550170', email: 'rosa@example.com' });
    return id;
  };
  const sentTo = (contactId: string) => ghl.messages.filter((m) => m.contactId === contactId);
  const storedFor = async (contactId: string) =>
    (
      await tdb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM inbox WHERE contact_id = $1', [
        contactId,
      ])
    ).rows[0]!.n;
  const workflow = (payload: object) => postJson(hook, payload, { 'x-webhook-secret': SECRET });
  const metric = async (channel: string, reason: string) => {
    const text = await (await fetch(`${svc.url}/metrics`)).text();
    const line = text
      .split('\n')
      .find(
        (l) =>
          l.startsWith('jorge_webhook_messages_ignored_total{') &&
          l.includes(`channel="${channel}"`) &&
          l.includes(`reason="${reason}"`),
      );
    return line ? Number(line.split(' ').at(-1)) : 0;
  };
  /** Gives a wrongly accepted message time to be answered, so "no reply" is a real observation. */
  const settle = () => new Promise((r) => setTimeout(r, 400));

  beforeAll(async () => {
    ghl = await startFakeGhl();
    tdb = await pgliteBackend.open();
    svc = await startTestService(tdb, {
      ...ghlEnv(ghl),
      GHL_WEBHOOK_SECRET: SECRET,
    });
    hook = `${svc.url}/webhooks/ghl`;
  });
  afterAll(async () => {
    await svc.stop();
    await tdb.close();
    await ghl.close();
  });
  beforeEach(() => {
    ghl.messages.length = 0;
  });

  it.each([
    ['FB', 'facebook'],
    ['IG', 'instagram'],
    ['WhatsApp', 'whatsapp'],
    ['GMB', 'gmb'],
    ['Live Chat', 'live_chat'],
    ['Live_Chat', 'live_chat'],
    ['TYPE_FACEBOOK', 'facebook'],
    ['TYPE_INSTAGRAM', 'instagram'],
    ['CALL', 'call'],
    ['RCS', 'other'],
  ])(
    'a signed InboundMessage on %s is ignored, not answered by SMS, and counted',
    async (messageType, label) => {
      const contactId = newContact();
      const before = await metric(label, 'channel');
      const res = await emitWebhook(
        hook,
        inboundMessagePayload({ locationId: ghl.locationId, contactId, body: TEXT, messageType }),
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'ignored' });
      expect(JSON.stringify(res.body)).toMatch(/only SMS and Email/);
      await settle();
      expect(sentTo(contactId)).toHaveLength(0);
      expect(await storedFor(contactId)).toBe(0);
      expect(await metric(label, 'channel')).toBe(before + 1);
    },
  );

  it('reads the channel from messageTypeString or messageTypeId when messageType is absent', async () => {
    const contactId = newContact();
    const { messageType: _, ...noType } = inboundMessagePayload({
      locationId: ghl.locationId,
      contactId,
      body: TEXT,
    });
    const ig = await emitWebhook(hook, { ...noType, messageTypeString: 'TYPE_INSTAGRAM', messageTypeId: 18 });
    expect(ig.body).toMatchObject({ status: 'ignored' });
    const wa = await emitWebhook(hook, {
      ...noType,
      webhookId: crypto.randomUUID(),
      messageTypeString: undefined,
      messageTypeId: 19,
    });
    expect(wa.body).toMatchObject({ status: 'ignored' });
    const none = await emitWebhook(hook, {
      ...noType,
      webhookId: crypto.randomUUID(),
      messageTypeString: undefined,
      messageTypeId: undefined,
    });
    expect(none.body).toMatchObject({ status: 'ignored' });
    expect(JSON.stringify(none.body)).toMatch(/names no channel/);
    await settle();
    expect(sentTo(contactId)).toHaveLength(0);
  });

  it('answers an SMS by SMS and an email by email', async () => {
    const texter = newContact();
    await emitWebhook(
      hook,
      inboundMessagePayload({ locationId: ghl.locationId, contactId: texter, body: TEXT }),
    );
    await eventually(() => sentTo(texter).length === 1, 10_000, 'the SMS reply');
    expect(sentTo(texter)[0]!.type).toBe('SMS');
    const writer = newContact();
    await emitWebhook(
      hook,
      inboundMessagePayload({
        locationId: ghl.locationId,
        contactId: writer,
        body: '<div>I want to sell my house</div>',
        messageType: 'Email',
        subject: 'selling',
      }),
    );
    await eventually(() => sentTo(writer).length === 1, 10_000, 'the email reply');
    expect(sentTo(writer)[0]!.type).toBe('Email');
  });

  it('a call and a voicemail, which carry no body, are answered 200 ignored, not 400', async () => {
    const contactId = newContact();
    const before = await metric('call', 'channel');
    // The shapes of the call and voicemail examples in docs/webhook events/InboundMessage.md.
    const common = {
      type: 'InboundMessage',
      locationId: ghl.locationId,
      contactId,
      conversationId: 'SGDqZrzmwTA5P7LHkt9F',
      dateAdded: new Date().toISOString(),
      direction: 'inbound',
      messageType: 'CALL',
      timestamp: new Date().toISOString(),
    };
    const call = await emitWebhook(hook, {
      ...common,
      attachments: ['https://example.com/recording.mp3'],
      messageId: 'tyW42xCD0HQpb3hhfLcx',
      status: 'completed',
      callDuration: 120,
      callStatus: 'completed',
      webhookId: crypto.randomUUID(),
    });
    const voicemail = await emitWebhook(hook, {
      ...common,
      attachments: ['https://example.com/voicemail.mp3'],
      messageId: 'QkNS0DNje0FjoLQdD5O3',
      status: 'voicemail',
      webhookId: crypto.randomUUID(),
    });
    for (const res of [call, voicemail]) {
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'ignored' });
    }
    expect(await metric('call', 'channel')).toBe(before + 2);
    await settle();
    expect(sentTo(contactId)).toHaveLength(0);
  });

  it('ASSUMPTION MMS without text arrives with no or an empty body: ignored, not answered, not 400', async () => {
    const contactId = newContact();
    const before = await metric('sms', 'no_text');
    const mms = inboundMessagePayload({
      locationId: ghl.locationId,
      contactId,
      body: '',
      attachments: ['https://example.com/front-yard.jpg'],
    });
    const { body: _, ...noBody } = mms;
    const absent = await emitWebhook(hook, noBody);
    const empty = await emitWebhook(hook, { ...mms, webhookId: crypto.randomUUID(), messageId: 'mms2' });
    for (const res of [absent, empty]) {
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'ignored' });
    }
    expect(await metric('sms', 'no_text')).toBe(before + 2);
    // Without a body and without attachments, the event is malformed.
    const { attachments: __, ...bare } = noBody;
    const malformed = await emitWebhook(hook, { ...bare, webhookId: crypto.randomUUID(), messageId: 'm3' });
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body)).toContain('body: is required');
    await settle();
    expect(sentTo(contactId)).toHaveLength(0);
    expect(await storedFor(contactId)).toBe(0);
  });

  it('workflow payloads: a named channel other than SMS or Email is ignored, SMS and Email are answered in kind', async () => {
    const fb = newContact();
    const viaType = await workflow(
      workflowWebhookPayload({
        contactId: fb,
        locationId: ghl.locationId,
        message: { body: TEXT, type: 11 },
      }),
    );
    expect(viaType.status).toBe(200);
    expect(viaType.body).toMatchObject({ status: 'ignored' });
    const viaCustom = await workflow(
      workflowWebhookPayload({
        contactId: fb,
        locationId: ghl.locationId,
        message: { body: TEXT },
        customData: { channel: 'WhatsApp' },
      }),
    );
    expect(viaCustom.body).toMatchObject({ status: 'ignored' });
    // A call-triggered workflow: message type 1 and no text at all.
    const call = await workflow({
      ...workflowWebhookPayload({ contactId: fb, locationId: ghl.locationId }),
      message: { type: 1 },
    });
    expect(call.status).toBe(200);
    expect(call.body).toMatchObject({ status: 'ignored' });

    const texter = newContact();
    const sms = await workflow(
      workflowWebhookPayload({
        contactId: texter,
        locationId: ghl.locationId,
        message: { body: TEXT, type: 2 },
      }),
    );
    expect(sms.body).toMatchObject({ status: 'accepted' });
    const writer = newContact();
    const email = await workflow(
      workflowWebhookPayload({
        contactId: writer,
        locationId: ghl.locationId,
        message: { body: 'I want to buy a home', type: 3 },
      }),
    );
    expect(email.body).toMatchObject({ status: 'accepted' });
    await eventually(
      () => sentTo(texter).length === 1 && sentTo(writer).length === 1,
      10_000,
      'both replies',
    );
    expect(sentTo(texter)[0]!.type).toBe('SMS');
    expect(sentTo(writer)[0]!.type).toBe('Email');
    await settle();
    expect(sentTo(fb)).toHaveLength(0);
  });

  it('ASSUMPTION a workflow message naming no channel at all is not guessed to be SMS: ignored, with how to fix it', async () => {
    const contactId = newContact();
    const before = await metric('none', 'no_channel');
    const res = await workflow({
      ...workflowWebhookPayload({ contactId, locationId: ghl.locationId }),
      customData: { contactId, body: TEXT },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ignored' });
    expect(JSON.stringify(res.body)).toMatch(/customData\.channel or message\.type/);
    expect(await metric('none', 'no_channel')).toBe(before + 1);
    // Naming the channel in Custom Data is enough.
    const named = await workflow({
      ...workflowWebhookPayload({ contactId, locationId: ghl.locationId }),
      customData: { contactId, body: TEXT, channel: 'SMS' },
    });
    expect(named.body).toMatchObject({ status: 'accepted' });
    await eventually(() => sentTo(contactId).length === 1, 10_000, 'the SMS reply');
  });

  it('writes a line for each ignored message, with the channel and no message text or contact details', async () => {
    const contactId = newContact();
    await emitWebhook(
      hook,
      inboundMessagePayload({ locationId: ghl.locationId, contactId, body: TEXT, messageType: 'WhatsApp' }),
    );
    const lines = svc.logs.filter((l) => l.includes('inbound message not answered'));
    expect(lines.some((l) => l.includes('"channel":"whatsapp"') && l.includes('"reason":"channel"'))).toBe(
      true,
    );
    const all = svc.logs.join('');
    expect(all).not.toContain('secretword');
    expect(all).not.toContain('rosa@example.com');
    expect(all).not.toContain('555-0170');
    expect(all).not.toContain('5550170');
  });
});
