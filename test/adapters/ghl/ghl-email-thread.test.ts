import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, sendsOf, startHarness } from './harness.ts';

const contactId = 'cnt0000000000000th01';
let h: Harness | undefined;

afterEach(async () => {
  await h?.fake.close();
  h = undefined;
});

async function setup(): Promise<Harness> {
  h = await startHarness();
  h.fake.seedContact({ id: contactId, firstName: 'Ana', email: 'ana@example.com' });
  return h;
}

describe('GHL email answers stay in the lead’s thread', () => {
  it('sends replyMessageId, threadId and reply mode with the Re: subject; GHL files it in that thread', async () => {
    const x = await setup();
    const theirs = x.fake.addInboundMessage({
      contactId,
      type: 'Email',
      body: '<p>Is the house on Elm St available?</p>',
      subject: 'House on Elm St',
    });
    await x.crm.sendMessage(x.fake.locationId, {
      contactId,
      type: 'Email',
      subject: 'Re: House on Elm St',
      message: 'Yes, it is. Would Saturday work for a tour?',
      replyToMessageId: theirs.emailMessageId!,
      threadId: theirs.threadId!,
    });
    expect(sendsOf(x.fake)[0]!.body).toMatchObject({
      type: 'Email',
      subject: 'Re: House on Elm St',
      replyMessageId: theirs.emailMessageId,
      threadId: theirs.threadId,
      emailReplyMode: 'reply',
    });
    const ours = x.fake.messages.find((m) => m.direction === 'outbound')!;
    expect(ours).toMatchObject({ replyToMessageId: theirs.emailMessageId, threadId: theirs.threadId });
    const res = await fetch(`${x.fake.url}/conversations/messages/email/${ours.emailMessageId}`, {
      headers: { authorization: `Bearer ${x.fake.token}`, version: '2021-04-15' },
    });
    expect(await res.json()).toMatchObject({
      threadId: theirs.threadId,
      replyToMessageId: theirs.emailMessageId,
    });
  });

  it('a first email carries no threading fields, and an SMS never does', async () => {
    const x = await setup();
    x.fake.seedContact({ id: contactId, firstName: 'Ana', email: 'ana@example.com', phone: '+15555550132' });
    await x.crm.sendMessage(x.fake.locationId, {
      contactId,
      type: 'Email',
      subject: 'Hello',
      message: 'Hi Ana',
    });
    await x.crm.sendMessage(x.fake.locationId, {
      contactId,
      type: 'SMS',
      message: 'Hi Ana',
      replyToMessageId: 'em1',
      threadId: 'th1',
    });
    for (const send of sendsOf(x.fake)) {
      expect(send.body).not.toHaveProperty('replyMessageId');
      expect(send.body).not.toHaveProperty('threadId');
      expect(send.body).not.toHaveProperty('emailReplyMode');
    }
    const first = x.fake.messages[0]!;
    expect(first.threadId).toBe(first.emailMessageId);
  });
});
