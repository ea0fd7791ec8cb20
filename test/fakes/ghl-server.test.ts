import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { declaredVersion, type FakeGhl, startFakeGhl } from '../support/fakes/ghl-server.ts';
import { DEFAULT_TEAM_MEMBER } from '../support/fakes/ghl/routes-calendars.ts';
import { fakeGhlCaller } from './fake-ghl-caller.ts';

let ghl: FakeGhl;

const call = fakeGhlCaller(() => ghl);

const sendSms = (contactId: string, message: string) =>
  call('POST', '/conversations/messages', { body: { type: 'SMS', contactId, message } });

beforeEach(async () => {
  ghl = await startFakeGhl();
  ghl.seedContact({ id: 'contact_A', firstName: 'Ana', phone: '(909) 555-0101', email: 'Ana@Example.com' });
});

afterEach(async () => {
  await ghl.close();
});

describe('auth and Version', () => {
  it('refuses a missing or wrong bearer token with GHL’s 401 body', async () => {
    const missing = await call('GET', '/contacts/contact_A', { token: null });
    const wrong = await call('GET', '/contacts/contact_A', { token: 'pit-other' });
    for (const r of [missing, wrong]) {
      expect(r.status).toBe(401);
      expect(r.json).toEqual({
        statusCode: 401,
        message: 'Invalid token: access token is invalid',
        error: 'Unauthorized',
      });
    }
  });

  it('refuses a missing or unpublished Version header, and records the one sent', async () => {
    expect((await call('GET', '/contacts/contact_A', { version: null })).json).toEqual({
      statusCode: 401,
      message: 'version header was not found.',
    });
    expect((await call('GET', '/contacts/contact_A', { version: '2020-01-01' })).json.message).toBe(
      'version header is invalid',
    );
    const accepted = await call('GET', '/contacts/contact_A', { version: '2023-02-21' });
    expect(accepted.status).toBe(200);
    expect(ghl.requests.at(-1)?.headers.version).toBe('2023-02-21');
  });

  it('in strictVersion mode refuses a published Version the endpoint does not declare', async () => {
    const strict = await startFakeGhl({ strictVersion: true, token: 'pit-strict' });
    const get = (version: string) =>
      fetch(`${strict.url}/conversations/search?locationId=${strict.locationId}`, {
        headers: { authorization: 'Bearer pit-strict', version },
      });
    expect((await get('2021-07-28')).status).toBe(401);
    expect((await get(declaredVersion('/conversations/search'))).status).toBe(200);
    await strict.close();
  });
});

describe('rate limits', () => {
  it('sends the five headers and answers 429 with Retry-After past the budget', async () => {
    ghl.setRateLimit(3, 10_000);
    const first = await call('GET', '/contacts/contact_A');
    expect(first.headers.get('x-ratelimit-max')).toBe('3');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('2');
    expect(first.headers.get('x-ratelimit-interval-milliseconds')).toBe('10000');
    expect(first.headers.get('x-ratelimit-limit-daily')).toBe('200000');
    expect(first.headers.get('x-ratelimit-daily-remaining')).toBe('199999');
    await call('GET', '/contacts/contact_A');
    await call('GET', '/contacts/contact_A');
    const over = await call('GET', '/contacts/contact_A');
    expect(over.status).toBe(429);
    expect(over.json).toEqual({ statusCode: 429, message: 'Too Many Requests' });
    expect(over.headers.get('retry-after')).toBe('1');
    expect(over.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(ghl.maxRequestsInAnyWindow()).toBe(4);
  });
});

describe('conversations', () => {
  it('sends SMS with 20-char ids and lists them nested, newest first', async () => {
    const a = await sendSms('contact_A', 'first');
    const b = await sendSms('contact_A', 'second');
    expect(a.status).toBe(200);
    expect(a.json.msg).toBe('Message queued successfully.');
    expect(a.json.messageId).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(b.json.conversationId).toBe(a.json.conversationId);
    const list = await call('GET', `/conversations/${a.json.conversationId}/messages`);
    expect(list.json.messages.nextPage).toBe(false);
    const msgs = list.json.messages.messages;
    expect(msgs.map((m: { body: string }) => m.body)).toEqual(['second', 'first']);
    expect(msgs[0]).toMatchObject({ type: 2, messageType: 'TYPE_SMS', direction: 'outbound', source: 'api' });
    expect(list.json.messages.lastMessageId).toBe(a.json.messageId);
    const search = await call(
      'GET',
      `/conversations/search?locationId=${ghl.locationId}&contactId=contact_A`,
    );
    expect(search.json.conversations[0]).toMatchObject({
      id: a.json.conversationId,
      lastMessageBody: 'second',
    });
  });

  it('adds emailMessageId for Email and refuses unknown or DND contacts', async () => {
    const email = await call('POST', '/conversations/messages', {
      body: { type: 'Email', contactId: 'contact_A', subject: 'CMA', html: '<p>hi</p>' },
    });
    expect(email.json.emailMessageId).toMatch(/^[A-Za-z0-9]{20}$/);
    const unknown = await sendSms('nope', 'hi');
    expect(unknown.status).toBe(400);
    expect(unknown.json).toEqual({ statusCode: 400, message: 'Contact with id nope not found' });
    ghl.seedContact({ id: 'contact_D', phone: '+19095550102', dndSettings: { SMS: { status: 'active' } } });
    expect((await sendSms('contact_D', 'hi')).status).toBe(400);
    const invalid = await call('POST', '/conversations/messages', { body: { message: 'no type' } });
    expect(invalid.status).toBe(422);
    expect(Array.isArray(invalid.json.message)).toBe(true);
    expect(ghl.messages).toHaveLength(1);
  });

  it('uploads multipart attachments and serves them back; a bad conversation id is a 500', async () => {
    const sent = await sendSms('contact_A', 'hello');
    const form = new FormData();
    form.append('conversationId', sent.json.conversationId);
    form.append('contactId', 'contact_A');
    form.append('locationId', ghl.locationId);
    form.append('fileAttachment', new Blob(['%PDF-1.4 test'], { type: 'application/pdf' }), 'cma.pdf');
    const headers = { authorization: `Bearer ${ghl.token}`, version: '2021-04-15' };
    const res = await fetch(`${ghl.url}/conversations/messages/upload`, {
      method: 'POST',
      headers,
      body: form,
    });
    const json = (await res.json()) as { uploadedFiles: Record<string, string> };
    expect(res.status).toBe(200);
    const url = json.uploadedFiles['cma.pdf'] ?? '';
    const file = await fetch(url);
    expect(await file.text()).toBe('%PDF-1.4 test');
    expect(file.headers.get('content-type')).toBe('application/pdf');

    form.set('conversationId', 'missingConversation0');
    const bad = await fetch(`${ghl.url}/conversations/messages/upload`, {
      method: 'POST',
      headers,
      body: form,
    });
    expect(bad.status).toBe(500);
    expect(((await bad.json()) as { message: string }).message).toBe(
      'Conversation with id missingConversation0 not found',
    );
  });
});

describe('contacts', () => {
  it('adds tags with 201 (full list, lowercased) and removes them with 200', async () => {
    const added = await call('POST', '/contacts/contact_A/tags', {
      body: { tags: ['Hot-Lead', 'hot-lead', 'AI-Off'] },
    });
    expect(added.status).toBe(201);
    expect(added.json.tags).toEqual(['hot-lead', 'ai-off']);
    const removed = await call('DELETE', '/contacts/contact_A/tags', { body: { tags: ['AI-Off'] } });
    expect(removed.status).toBe(200);
    expect(removed.json.tags).toEqual(['hot-lead']);
    expect(ghl.contacts.get('contact_A')?.tags).toEqual(['hot-lead']);
  });

  it('answers 400 for an unknown contact and rejects locationId on update', async () => {
    const missing = await call('GET', '/contacts/ghost');
    expect(missing.status).toBe(400);
    expect(missing.json.message).toBe('Contact with id ghost not found');
    const strict = await call('PUT', '/contacts/contact_A', { body: { locationId: ghl.locationId } });
    expect(strict.status).toBe(422);
    expect(strict.json.message).toEqual(['property locationId should not exist']);
  });

  it('reports duplicates on create with meta, and requires task fields with a message array', async () => {
    const dup = await call('POST', '/contacts/', {
      body: { locationId: ghl.locationId, email: 'ana@example.com', firstName: 'Other' },
    });
    expect(dup.status).toBe(400);
    expect(dup.json.meta).toEqual({ contactId: 'contact_A', contactName: 'Ana', matchingField: 'email' });
    const task = await call('POST', '/contacts/contact_A/tasks', { body: { title: 'Call back' } });
    expect(task.status).toBe(422);
    expect(task.json.message).toEqual(expect.arrayContaining(['completed must be a boolean value']));
    const ok = await call('POST', '/contacts/contact_A/tasks', {
      body: { title: 'Call back', dueDate: '2026-12-01T17:00:00Z', completed: false },
    });
    expect(ok.status).toBe(201);
    expect(ghl.tasks.get('contact_A')).toHaveLength(1);
  });
});

describe('failure injection', () => {
  it('status mode answers without storing; record-then-status stores and still fails', async () => {
    ghl.failNext({ path: '/conversations/messages', times: 1, status: 503 });
    ghl.failNext({ path: '/conversations/messages', times: 1, mode: 'record-then-status', status: 500 });
    const first = await sendSms('contact_A', 'one');
    expect(first.status).toBe(503);
    expect(ghl.messages).toHaveLength(0);
    const second = await sendSms('contact_A', 'two');
    expect(second.status).toBe(500);
    expect(second.json).toEqual({ statusCode: 500, message: 'Internal server error' });
    expect(ghl.messages.map((m) => m.body)).toEqual(['two']);
    expect((await sendSms('contact_A', 'three')).status).toBe(200);
  });

  it('hang never answers; record-then-hang stores the message first', async () => {
    ghl.failNext({ method: 'POST', path: /messages$/, times: 1, mode: 'hang' });
    ghl.failNext({ method: 'POST', path: /messages$/, times: 1, mode: 'record-then-hang' });
    const hung = call('POST', '/conversations/messages', {
      body: { type: 'SMS', contactId: 'contact_A', message: 'lost' },
      signal: AbortSignal.timeout(150),
    });
    await expect(hung).rejects.toThrow();
    const recorded = call('POST', '/conversations/messages', {
      body: { type: 'SMS', contactId: 'contact_A', message: 'sent anyway' },
      signal: AbortSignal.timeout(150),
    });
    await expect(recorded).rejects.toThrow();
    expect(ghl.messages.map((m) => m.body)).toEqual(['sent anyway']);
    expect(ghl.requests.filter((r) => r.status === 0)).toHaveLength(2);
  });
});

describe('calendars', () => {
  const day = Date.parse('2026-12-01T00:00:00-08:00');

  it('groups free slots by local date with a traceId key, and booking takes the slot', async () => {
    ghl.setFreeSlots('cal_1', [
      '2026-12-01T10:00:00-08:00',
      '2026-12-01T11:00:00-08:00',
      '2026-12-02T09:00:00-08:00',
    ]);
    const q = `startDate=${day}&endDate=${day + 3 * 86_400_000}&timezone=America/Los_Angeles`;
    const slots = await call('GET', `/calendars/cal_1/free-slots?${q}`, { version: '2021-04-15' });
    expect(typeof slots.json.traceId).toBe('string');
    expect(slots.json['2026-12-01']).toEqual({
      slots: ['2026-12-01T10:00:00-08:00', '2026-12-01T11:00:00-08:00'],
    });
    expect(slots.json['2026-12-02']).toEqual({ slots: ['2026-12-02T09:00:00-08:00'] });
    const book = (startTime: string, extra: object = {}) =>
      call('POST', '/calendars/events/appointments', {
        version: '2021-04-15',
        body: {
          calendarId: 'cal_1',
          locationId: ghl.locationId,
          contactId: 'contact_A',
          startTime,
          // A calendar given only free slots has a one-member team (routes-calendars.ts).
          assignedUserId: DEFAULT_TEAM_MEMBER,
          ...extra,
        },
      });
    const booked = await book('2026-12-01T10:00:00-08:00');
    expect(booked.status).toBe(200);
    expect(booked.json.endTime).toBe('2026-12-01T10:30:00-08:00');
    expect((await book('2026-12-01T10:00:00-08:00')).status).toBe(400);
    expect((await book('2026-12-01T10:00:00-08:00', { ignoreFreeSlotValidation: true })).status).toBe(200);
    const after = await call('GET', `/calendars/cal_1/free-slots?${q}`, { version: '2021-04-15' });
    expect(after.json['2026-12-01'].slots).toEqual(['2026-12-01T11:00:00-08:00']);
  });

  it('refuses a range over 31 days or a missing date', async () => {
    const long = await call(
      'GET',
      `/calendars/cal_1/free-slots?startDate=${day}&endDate=${day + 32 * 86_400_000}`,
    );
    expect(long.status).toBe(400);
    expect((await call('GET', `/calendars/cal_1/free-slots?startDate=${day}`)).status).toBe(400);
  });
});

describe('routing and parsing', () => {
  it('answers 404 for unknown routes and 400 for bad JSON', async () => {
    const missing = await call('GET', '/v2/contacts');
    expect(missing.json).toEqual({ message: 'Cannot GET /v2/contacts', error: 'Not Found', statusCode: 404 });
    const bad = await call('POST', '/contacts/contact_A/tags', { body: '{"tags": [' });
    expect(bad.status).toBe(400);
  });

  it('upserts opportunities by contact and pipeline, and enrolls workflows', async () => {
    const body = {
      pipelineId: 'pipe_1',
      locationId: ghl.locationId,
      contactId: 'contact_A',
      name: 'Ana',
      status: 'open',
    };
    const first = await call('POST', '/opportunities/upsert', { body });
    const second = await call('POST', '/opportunities/upsert', { body: { ...body, status: 'won' } });
    expect([first.json.new, second.json.new]).toEqual([true, false]);
    expect(ghl.opportunities).toHaveLength(1);
    expect(ghl.opportunities[0]?.status).toBe('won');
    const wf = await call('POST', '/contacts/contact_A/workflow/wf_1', { body: {} });
    expect(wf.json).toEqual({ succeded: true });
    expect(ghl.workflowEnrollments).toEqual([{ contactId: 'contact_A', workflowId: 'wf_1' }]);
  });
});
