import { afterEach, describe, expect, it } from 'vitest';
import { messagesFromBody } from '../../../src/adapters/ghl/conversations.ts';
import { CrmError } from '../../../src/ports.ts';
import { type Harness, sendsOf, startHarness } from './harness.ts';

const contactId = 'cnt00000000000000001';
let h: Harness | undefined;

async function setup(...args: Parameters<typeof startHarness>): Promise<Harness> {
  h = await startHarness(...args);
  h.fake.seedContact({ id: contactId, firstName: 'Ana', phone: '+15555550101' });
  return h;
}

afterEach(async () => {
  await h?.fake.close();
  h = undefined;
});

const sms = (message: string) => ({ contactId, type: 'SMS' as const, message });

describe('GHL sendMessage', () => {
  it('sends an SMS and returns the ids GHL assigned', async () => {
    const { crm, fake } = await setup();
    const sent = await crm.sendMessage(fake.locationId, sms('Hi Ana, this is Jorge.'));
    expect(fake.messages).toHaveLength(1);
    expect(sent).toEqual({
      messageId: fake.messages[0]!.id,
      conversationId: fake.messages[0]!.conversationId,
    });
    expect(fake.messages[0]).toMatchObject({ direction: 'outbound', body: 'Hi Ana, this is Jorge.' });
  });

  it('retries a 429 after the Retry-After wait, pausing the location, without looking for a prior send', async () => {
    const { crm, fake, retries, pauses } = await setup();
    fake.failNext({ method: 'POST', path: '/conversations/messages', times: 1, status: 429 });
    await crm.sendMessage(fake.locationId, sms('First reply'));
    expect(fake.messages).toHaveLength(1);
    expect(retries).toEqual([{ op: 'sendMessage', attempt: 1, delayMs: 1000 }]);
    expect(pauses).toContainEqual({ key: fake.locationId, ms: 1000 });
    expect(fake.requests.some((r) => r.path === '/conversations/search')).toBe(false);
  });

  it('keeps retrying through a run of 503s and sends exactly once', async () => {
    const { crm, fake, retries } = await setup();
    fake.failNext({ method: 'POST', path: '/conversations/messages', times: 3, status: 503 });
    const sent = await crm.sendMessage(fake.locationId, sms('Are you still looking?'));
    expect(fake.messages).toHaveLength(1);
    expect(sent.messageId).toBe(fake.messages[0]!.id);
    expect(sendsOf(fake)).toHaveLength(4);
    expect(retries.map((r) => r.attempt)).toEqual([1, 2, 3]);
  });

  it('does not re-send when a 500 came back after GHL had stored the message', async () => {
    const { crm, fake } = await setup();
    fake.failNext({
      method: 'POST',
      path: '/conversations/messages',
      times: 1,
      mode: 'record-then-status',
      status: 500,
    });
    const sent = await crm.sendMessage(fake.locationId, sms('What price range works?'));
    expect(fake.messages).toHaveLength(1);
    expect(sendsOf(fake)).toHaveLength(1);
    expect(sent).toEqual({
      messageId: fake.messages[0]!.id,
      conversationId: fake.messages[0]!.conversationId,
    });
  });

  it('does not re-send when the answer never came (timeout) but GHL had stored the message', async () => {
    const { crm, fake, calls } = await setup({}, { timeoutMs: 300 });
    fake.failNext({ method: 'POST', path: '/conversations/messages', times: 1, mode: 'record-then-hang' });
    const sent = await crm.sendMessage(fake.locationId, sms('Which area do you like?'));
    expect(calls).toContainEqual({ op: 'sendMessage', status: 'timeout' });
    expect(fake.messages).toHaveLength(1);
    expect(sendsOf(fake)).toHaveLength(1);
    expect(sent.messageId).toBe(fake.messages[0]!.id);
  });

  it('re-sends after a timeout when GHL never stored the message', async () => {
    const { crm, fake } = await setup({}, { timeoutMs: 300 });
    fake.failNext({ method: 'POST', path: '/conversations/messages', times: 1, mode: 'hang' });
    await crm.sendMessage(fake.locationId, sms('Quick question'));
    expect(fake.messages).toHaveLength(1);
    expect(sendsOf(fake)).toHaveLength(2);
  });

  it('gives up as ambiguous when every attempt fails with a 5xx', async () => {
    const { crm, fake } = await setup();
    fake.failNext({ method: 'POST', path: '/conversations/messages', times: 10, status: 502 });
    const err = await crm.sendMessage(fake.locationId, sms('Hello?')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CrmError);
    expect(err).toMatchObject({ status: 502, retryable: true, ambiguous: true });
    expect(sendsOf(fake)).toHaveLength(4);
    expect(fake.messages).toHaveLength(0);
  });

  it('reports an unreachable GHL as retryable but not ambiguous: nothing can have been sent', async () => {
    const { crm, fake, calls } = await setup();
    await fake.close();
    const err = await crm.sendMessage(fake.locationId, sms('Hi')).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: null, retryable: true, ambiguous: false });
    expect(calls).toHaveLength(4);
    expect(calls.every((c) => c.status === 'network_error')).toBe(true);
  });

  it('does not retry a refusal and reports GHL’s reason without the message text', async () => {
    const { crm, fake } = await setup();
    fake.seedContact({ id: 'cnt00000000000000dnd', phone: '+15555550102', dnd: true });
    const err = await crm
      .sendMessage(fake.locationId, {
        contactId: 'cnt00000000000000dnd',
        type: 'SMS',
        message: 'Secret text',
      })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 400, retryable: false, ambiguous: false });
    expect((err as Error).message).toContain('DND is active');
    expect((err as Error).message).not.toContain('Secret text');
    expect(sendsOf(fake)).toHaveLength(1);
  });
});

describe('GHL findRecentOutbound', () => {
  it('finds a sent message in the nested messages shape GHL really returns', async () => {
    const { crm, fake } = await setup();
    const before = new Date(Date.now() - 1000);
    const sent = await crm.sendMessage(fake.locationId, sms('Your CMA is ready'));
    fake.addInboundMessage({ contactId, body: 'Your CMA is ready' });
    expect(await crm.findRecentOutbound(fake.locationId, contactId, 'Your CMA is ready', before)).toEqual(
      sent,
    );
    const listed = fake.requests.find((r) => r.path.endsWith('/messages') && r.method === 'GET');
    expect(listed?.headers.version).toBe('2021-04-15');
  });

  it('ignores other bodies, older messages and inbound ones', async () => {
    const { crm, fake } = await setup();
    await crm.sendMessage(fake.locationId, sms('Old text'));
    fake.addInboundMessage({ contactId, body: 'New text' });
    const since = new Date(Date.now() - 1000);
    expect(await crm.findRecentOutbound(fake.locationId, contactId, 'New text', since)).toBeNull();
    const later = new Date(Date.now() + 60_000);
    expect(await crm.findRecentOutbound(fake.locationId, contactId, 'Old text', later)).toBeNull();
  });

  it('returns null for a contact with no conversation', async () => {
    const { crm, fake } = await setup();
    expect(await crm.findRecentOutbound(fake.locationId, contactId, 'x', new Date(0))).toBeNull();
  });

  it('reads the flat messages shape the spec documents as well as the nested one', () => {
    const m = { id: 'm1', body: 'hi' };
    expect(messagesFromBody({ messages: [m] })).toEqual([m]);
    expect(messagesFromBody({ messages: { lastMessageId: 'm1', nextPage: false, messages: [m] } })).toEqual([
      m,
    ]);
    expect(messagesFromBody({ traceId: 't' })).toEqual([]);
  });
});
