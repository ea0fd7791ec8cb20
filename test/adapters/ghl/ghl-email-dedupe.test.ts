import { afterEach, describe, expect, it } from 'vitest';
import { sendCmaEmail } from '../../../src/app/outbox/send-cma-email.ts';
import { pgliteBackend, type TestDb } from '../../support/db.ts';
import { type Harness, sendsOf, startHarness } from './harness.ts';
import { postgresStores } from '../../../src/adapters/postgres/stores.ts';

// GHL lists email messages without their body (issue #40 on GoHighLevel/highlevel-api-docs); the
// fake does the same, so an email can only be recognised by type and time and confirmed through
// GET /conversations/messages/email/{id}.

const contactId = 'cnt0000000000000em01';
const SUBJECT = 'Your Comparative Market Analysis for 6842 Etiwanda Ave';
const TEXT = 'Hi Ana, here is the market analysis for your home. Call me with any question.';
const HTML = `<p>Hi Ana, here is the market analysis for your home.</p>\n<p>Call me with any question.</p>`;

let h: Harness | undefined;
let tdb: TestDb | undefined;

async function setup(...args: Parameters<typeof startHarness>): Promise<Harness> {
  h = await startHarness(...args);
  h.fake.seedContact({ id: contactId, firstName: 'Ana', phone: '+15555550131', email: 'ana@example.com' });
  return h;
}

afterEach(async () => {
  await h?.fake.close();
  await tdb?.close();
  h = undefined;
  tdb = undefined;
});

const cma = { contactId, type: 'Email' as const, subject: SUBJECT, message: TEXT, html: HTML };
const emailsOf = (x: Harness) =>
  x.fake.messages.filter((m) => m.type === 'Email' && m.direction === 'outbound');

async function get(x: Harness, path: string) {
  const res = await fetch(`${x.fake.url}${path}`, {
    headers: { authorization: `Bearer ${x.fake.token}`, version: '2021-04-15' },
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('the fake lists emails as GHL does', () => {
  it('omits the body of an email from the message list and serves it from the email endpoint', async () => {
    const x = await setup();
    const sent = await x.crm.sendMessage(x.fake.locationId, cma);
    const list = await get(x, `/conversations/${sent.conversationId}/messages`);
    const listed = (list.json.messages as { messages: Record<string, unknown>[] }).messages[0]!;
    expect(listed).not.toHaveProperty('body');
    expect(listed).toMatchObject({ messageType: 'TYPE_EMAIL', type: 3, direction: 'outbound' });
    const ids = (listed.meta as { email: { messageIds: string[] } }).email.messageIds;
    expect(ids).toEqual([x.fake.messages[0]!.emailMessageId]);
    const email = await get(x, `/conversations/messages/email/${ids[0]}`);
    expect(email.status).toBe(200);
    expect(email.json).toMatchObject({ id: ids[0], threadId: ids[0], subject: SUBJECT, body: HTML });
    expect((await get(x, '/conversations/messages/email/nosuchemail000000000')).status).toBe(400);
  });
});

describe('a retried CMA email goes out once', () => {
  it('does not re-send when GHL stored the email but answered 500', async () => {
    const x = await setup();
    x.fake.failNext({
      method: 'POST',
      path: '/conversations/messages',
      times: 1,
      mode: 'record-then-status',
      status: 500,
    });
    const sent = await x.crm.sendMessage(x.fake.locationId, cma);
    expect(emailsOf(x)).toHaveLength(1);
    expect(sendsOf(x.fake)).toHaveLength(1);
    expect(sent.messageId).toBe(emailsOf(x)[0]!.id);
    expect(x.fake.requests.some((r) => r.path.startsWith('/conversations/messages/email/'))).toBe(true);
  });

  it('does not re-send when the answer never came (timeout) but GHL had stored the email', async () => {
    const x = await setup({}, { timeoutMs: 300 });
    x.fake.failNext({ method: 'POST', path: '/conversations/messages', times: 1, mode: 'record-then-hang' });
    await x.crm.sendMessage(x.fake.locationId, cma);
    expect(emailsOf(x)).toHaveLength(1);
    expect(sendsOf(x.fake)).toHaveLength(1);
  });

  it('re-sends when the only recent email has another subject (a day-7 email is not the CMA)', async () => {
    const x = await setup({}, { timeoutMs: 300 });
    await x.crm.sendMessage(x.fake.locationId, { ...cma, subject: 'Checking in' });
    x.fake.failNext({ method: 'POST', path: '/conversations/messages', times: 1, mode: 'hang' });
    await x.crm.sendMessage(x.fake.locationId, cma);
    expect(emailsOf(x).map((m) => m.subject)).toEqual(['Checking in', SUBJECT]);
  });

  it('the outbox retry of the CMA job finds the email sent by the first attempt', async () => {
    const x = await setup();
    tdb = await pgliteBackend.open();
    const since = new Date(Date.now() - 1000);
    const action = {
      kind: 'send_cma_email' as const,
      subject: SUBJECT,
      text: TEXT,
      html: HTML,
      attachmentName: 'CMA.pdf',
    };
    const deps = {
      db: tdb.db,
      stores: postgresStores,
      crm: x.crm,
      mailer: null,
      mailFrom: 'jorge@example.com',
    };
    const first = await sendCmaEmail(deps, x.fake.locationId, contactId, action, { since: null });
    const again = await sendCmaEmail(deps, x.fake.locationId, contactId, action, { since });
    expect(again).toMatchObject({ messageId: first.messageId, deduplicated: true });
    expect(emailsOf(x)).toHaveLength(1);
  });
});

describe('GHL findRecentOutbound for email', () => {
  it('matches an outbound email by type and time, confirmed by its subject and text', async () => {
    const x = await setup();
    const since = new Date(Date.now() - 1000);
    const sent = await x.crm.sendMessage(x.fake.locationId, cma);
    const find = (body: string, subject: string, at = since) =>
      x.crm.findRecentOutbound(x.fake.locationId, contactId, body, at, { type: 'Email', subject });
    expect(await find(TEXT, SUBJECT)).toEqual(sent);
    expect(await find(TEXT, 'Another subject')).toBeNull();
    expect(await find('Some other text entirely', SUBJECT)).toBeNull();
    expect(await find(TEXT, SUBJECT, new Date(Date.now() + 60_000))).toBeNull();
  });

  it('does not take the lead’s own email, with the same words, for ours', async () => {
    const x = await setup();
    const since = new Date(Date.now() - 1000);
    x.fake.addInboundMessage({ contactId, type: 'Email', body: TEXT, subject: SUBJECT });
    const found = await x.crm.findRecentOutbound(x.fake.locationId, contactId, TEXT, since, {
      type: 'Email',
      subject: SUBJECT,
    });
    expect(found).toBeNull();
  });

  it('looking for an SMS never reads emails', async () => {
    const x = await setup();
    const since = new Date(Date.now() - 1000);
    await x.crm.sendMessage(x.fake.locationId, cma);
    const found = await x.crm.findRecentOutbound(x.fake.locationId, contactId, TEXT, since, { type: 'SMS' });
    expect(found).toBeNull();
    expect(x.fake.requests.some((r) => r.path.startsWith('/conversations/messages/email/'))).toBe(false);
  });
});
