import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeGhl, startFakeGhl } from '../support/fakes/ghl-server.ts';
import {
  contactTagUpdatePayload,
  emitWebhook,
  inboundMessagePayload,
  outboundMessagePayload,
  workflowWebhookPayload,
} from '../support/fakes/webhook-signer.ts';
import { generateWebhookKeys } from '../support/fakes/test-keys.ts';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { eventually, postJson, startTestService, type TestService, ghlEnv } from '../support/service.ts';

const SECRET = 'workflow-secret-0123456789';

describe('POST /webhooks/ghl against the fake GHL', () => {
  let ghl: FakeGhl;
  let tdb: TestDb;
  let svc: TestService;
  let hook: string;
  let n = 0;
  const newContact = () => {
    const id = `ct${String(++n).padStart(18, '0')}`;
    ghl.seedContact({ id, firstName: 'Dana', phone: '+19095550100' });
    return id;
  };
  const inboxCount = async () =>
    (await tdb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM inbox')).rows[0]!.n;
  const sentTo = (contactId: string) => ghl.messages.filter((m) => m.contactId === contactId);

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

  it('answers a signed InboundMessage with exactly one SMS through GHL', async () => {
    const contactId = newContact();
    const res = await emitWebhook(
      hook,
      inboundMessagePayload({ locationId: ghl.locationId, contactId, body: 'hi, saw your sign' }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'accepted' });
    await eventually(() => sentTo(contactId).length === 1, 10_000, 'the reply at GHL');
    const [reply] = sentTo(contactId);
    expect(reply!.type).toBe('SMS');
    expect(reply!.body).toMatch(/buy|sell/i);
    const send = ghl.requests.find((r) => r.method === 'POST' && r.path === '/conversations/messages');
    expect(send?.headers.version).toBe('2021-04-15');
    expect(send?.headers.authorization).toBe(`Bearer ${ghl.token}`);
  });

  it('accepts the deprecated RSA signature too', async () => {
    const contactId = newContact();
    const res = await emitWebhook(
      hook,
      inboundMessagePayload({ locationId: ghl.locationId, contactId, body: 'hello' }),
      { sign: 'rsa' },
    );
    expect(res.status).toBe(200);
    await eventually(() => sentTo(contactId).length === 1);
  });

  it('processes the same webhook delivered twice only once', async () => {
    const contactId = newContact();
    const payload = inboundMessagePayload({
      locationId: ghl.locationId,
      contactId,
      body: 'is it still available',
    });
    const first = await emitWebhook(hook, payload);
    const second = await emitWebhook(hook, payload);
    expect(first.body).toMatchObject({ status: 'accepted' });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ status: 'duplicate' });
    // A redelivery with a new webhookId but the same messageId is the same message.
    const third = await emitWebhook(hook, { ...payload, webhookId: crypto.randomUUID() });
    expect(third.body).toMatchObject({ status: 'duplicate' });
    await eventually(() => sentTo(contactId).length === 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(sentTo(contactId)).toHaveLength(1);
  });

  it('rejects forged, stale and unsigned webhooks with 401 and stores nothing', async () => {
    const contactId = newContact();
    const before = await inboxCount();
    const payload = inboundMessagePayload({ locationId: ghl.locationId, contactId, body: 'forged' });
    const otherKeys = generateWebhookKeys();
    const forged = await emitWebhook(hook, payload, { keys: otherKeys });
    expect(forged.status).toBe(401);
    expect(forged.body).toMatchObject({ error: { code: 'unauthorized' } });
    // Valid signature over different bytes: the body was altered in transit.
    const tampered = await emitWebhook(hook, payload, {
      headers: {
        'x-ghl-signature': (await import('../support/fakes/webhook-signer.ts')).signWebhookBody(
          '{"a":1}',
          'ed25519',
        ),
      },
    });
    expect(tampered.status).toBe(401);
    const stale = await emitWebhook(hook, {
      ...payload,
      // Past GHL's retry schedule (~70 min) and WEBHOOK_MAX_AGE_MS (75 min).
      timestamp: new Date(Date.now() - 76 * 60_000).toISOString(),
    });
    expect(stale.status).toBe(401);
    expect(JSON.stringify(stale.body)).toMatch(/stale/);
    const unsigned = await emitWebhook(hook, payload, { sign: 'none' });
    expect(unsigned.status).toBe(401);
    const wrongSecret = await postJson(
      hook,
      workflowWebhookPayload({ contactId, locationId: ghl.locationId, message: { body: 'hi' } }),
      { 'x-webhook-secret': 'nope' },
    );
    expect(wrongSecret.status).toBe(401);
    expect(await inboxCount()).toBe(before);
    await new Promise((r) => setTimeout(r, 200));
    expect(sentTo(contactId)).toHaveLength(0);
  });

  it('answers 400 naming the problem for malformed payloads, never 500', async () => {
    const contactId = newContact();
    const badJson = await emitWebhook(hook, '{"type":"InboundMessage",');
    expect(badJson.status).toBe(400);
    expect(badJson.body).toMatchObject({ error: { code: 'invalid_json' } });
    const noContact = await emitWebhook(hook, {
      ...inboundMessagePayload({ locationId: ghl.locationId, contactId, body: 'x' }),
      contactId: undefined,
    });
    expect(noContact.status).toBe(400);
    expect(JSON.stringify(noContact.body)).toContain('contactId');
    const noTimestamp = await emitWebhook(hook, {
      ...inboundMessagePayload({ locationId: ghl.locationId, contactId, body: 'x' }),
      timestamp: undefined,
    });
    expect(noTimestamp.status).toBe(400);
    expect(JSON.stringify(noTimestamp.body)).toContain('timestamp');
    const array = await emitWebhook(hook, '[1,2]');
    expect(array.status).toBe(400);
    const noBody = await postJson(`${hook}?secret=${SECRET}`, { contact_id: contactId });
    expect(noBody.status).toBe(400);
    expect(JSON.stringify(noBody.body)).toContain('message.body');
  });

  it('normalises a workflow Webhook action authenticated by the shared secret', async () => {
    const contactId = newContact();
    const payload = workflowWebhookPayload({
      contactId,
      locationId: ghl.locationId,
      message: { body: 'I want to sell' },
      tags: ['seller-lead', 'vip'],
      firstName: 'Rosa',
    });
    const viaHeader = await postJson(hook, payload, { 'x-webhook-secret': SECRET });
    expect(viaHeader.status).toBe(200);
    expect(viaHeader.body).toMatchObject({ status: 'accepted' });
    await eventually(() => sentTo(contactId).length === 1);
    const contact = await tdb.db.query<{ tags: string[]; first_name: string }>(
      'SELECT tags, first_name FROM contacts WHERE id = $1',
      [contactId],
    );
    expect(contact.rows[0]!.tags).toEqual(expect.arrayContaining(['seller-lead', 'vip']));
    // A second message (the same payload again would be a duplicate delivery).
    const viaQuery = await postJson(`${hook}?secret=${SECRET}`, {
      ...payload,
      message: { type: 2, body: 'my house is on Elm St' },
    });
    expect(viaQuery.status).toBe(200);
    expect(viaQuery.body).toMatchObject({ status: 'accepted' });
    await eventually(() => sentTo(contactId).length === 2);
  });

  it('ignores echoes of its own sends and pauses for a human who writes from GHL until the tag is removed', async () => {
    const contactId = newContact();
    await emitWebhook(hook, inboundMessagePayload({ locationId: ghl.locationId, contactId, body: 'hello' }));
    await eventually(() => sentTo(contactId).length === 1);
    const ours = sentTo(contactId)[0]!;
    const echo = await emitWebhook(
      hook,
      outboundMessagePayload({
        locationId: ghl.locationId,
        contactId,
        body: ours.body,
        messageId: ours.id,
        source: 'api',
      }),
    );
    expect(echo.body).toMatchObject({ status: 'accepted' });
    await emitWebhook(hook, inboundMessagePayload({ locationId: ghl.locationId, contactId, body: 'buying' }));
    await eventually(() => sentTo(contactId).length === 2);

    await emitWebhook(
      hook,
      outboundMessagePayload({
        locationId: ghl.locationId,
        contactId,
        body: 'Hey it is Jorge himself',
        source: 'app',
        userId: 'user0000000000000001',
      }),
    );
    await eventually(
      () => (ghl.contacts.get(contactId)?.tags ?? []).includes('human-takeover'),
      10_000,
      'Human-Takeover tag at GHL',
    );
    await emitWebhook(
      hook,
      inboundMessagePayload({ locationId: ghl.locationId, contactId, body: 'great thanks' }),
    );
    await new Promise((r) => setTimeout(r, 400));
    expect(sentTo(contactId)).toHaveLength(2);

    // The agent removes the tag in GHL: the bot answers again.
    await emitWebhook(
      hook,
      contactTagUpdatePayload({ locationId: ghl.locationId, contactId, tags: ['buyer-lead'] }),
    );
    await emitWebhook(
      hook,
      inboundMessagePayload({ locationId: ghl.locationId, contactId, body: 'still there?' }),
    );
    await eventually(() => sentTo(contactId).length === 3);
  });

  it('ignores events for another location and event types it does not use', async () => {
    const contactId = newContact();
    const other = await emitWebhook(
      hook,
      inboundMessagePayload({ locationId: 'someOtherLocation00001', contactId, body: 'hi' }),
    );
    expect(other.body).toMatchObject({ status: 'ignored' });
    const unused = await emitWebhook(hook, {
      type: 'NoteCreate',
      locationId: ghl.locationId,
      webhookId: crypto.randomUUID(),
      timestamp: new Date().toISOString(),
      id: 'n1',
    });
    expect(unused.body).toMatchObject({ status: 'ignored' });
  });

  it('never writes phone numbers, emails or message text to the logs', async () => {
    const contactId = newContact();
    await emitWebhook(
      hook,
      inboundMessagePayload({
        locationId: ghl.locationId,
        contactId,
        body: 'my number is 909-555-0199 email pat@example.com secretword',
      }),
    );
    await eventually(() => sentTo(contactId).length === 1);
    const logs = svc.logs.join('');
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).not.toContain('555-0199');
    expect(logs).not.toContain('pat@example.com');
    expect(logs).not.toContain('secretword');
    expect(logs).not.toContain(SECRET);
  });
});
