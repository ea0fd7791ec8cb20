import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryRateBudget } from '../../../src/adapters/rate-budget/memory-rate-budget.ts';
import { type Harness, startHarness } from './harness.ts';

const contactId = 'cnt00000000000000001';
const day = 86_400_000;
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

describe('GHL free slots and appointments', () => {
  it('returns the slots in the range in order, ignoring the traceId key', async () => {
    const { crm, fake } = await setup();
    const start = Date.parse('2030-03-04T00:00:00Z');
    const inRange = [start + 2 * day + 3_600_000, start + 17 * 3_600_000, start + day + 18 * 3_600_000];
    const outside = start + 9 * day;
    fake.setFreeSlots(
      'cal1',
      [...inRange, outside].map((ms) => new Date(ms).toISOString()),
    );
    const slots = await crm.getFreeSlots(fake.locationId, 'cal1', {
      start: new Date(start),
      end: new Date(start + 7 * day),
      timezone: 'America/Los_Angeles',
    });
    expect(slots.map((s) => Date.parse(s))).toEqual([...inRange].sort((a, b) => a - b));
    expect(slots.every((s) => s.endsWith('-08:00'))).toBe(true);
  });

  it('splits a range longer than GHL allows into several calls', async () => {
    const { crm, fake } = await setup();
    const start = Date.parse('2030-05-01T15:00:00Z');
    const wanted = [start + day, start + 20 * day, start + 40 * day, start + 55 * day];
    fake.setFreeSlots(
      'cal1',
      wanted.map((ms) => new Date(ms).toISOString()),
    );
    const slots = await crm.getFreeSlots(fake.locationId, 'cal1', {
      start: new Date(start),
      end: new Date(start + 60 * day),
      timezone: 'UTC',
    });
    expect(slots.map((s) => Date.parse(s))).toEqual(wanted);
    const calls = fake.requests.filter((r) => r.path === '/calendars/cal1/free-slots');
    expect(calls.length).toBeGreaterThan(1);
    expect(calls.every((r) => r.status === 200)).toBe(true);
  });

  it('books a free slot and refuses a taken one without retrying', async () => {
    const { crm, fake, retries } = await setup();
    const slot = '2030-03-05T10:00:00-08:00';
    fake.setFreeSlots('cal1', [slot]);
    const booked = await crm.createAppointment(fake.locationId, {
      calendarId: 'cal1',
      contactId,
      startTime: slot,
    });
    expect(fake.appointments).toEqual([
      expect.objectContaining({ id: booked.id, contactId, startTime: slot }),
    ]);
    const again = await crm
      .createAppointment(fake.locationId, { calendarId: 'cal1', contactId, startTime: slot })
      .catch((e: unknown) => e);
    expect(again).toMatchObject({ status: 400, retryable: false });
    expect(retries).toEqual([]);
  });
});

describe('GHL attachment upload', () => {
  const pdf = new TextEncoder().encode('%PDF-1.4 tiny CMA');
  const file = { contactId, filename: 'cma.pdf', contentType: 'application/pdf', data: pdf };

  it('creates the conversation it needs, uploads the file and returns its public URL', async () => {
    const { crm, fake } = await setup();
    const { url } = await crm.uploadAttachment(fake.locationId, file);
    expect(fake.uploads).toHaveLength(1);
    expect(url).toBe(fake.uploads[0]!.url);
    expect(fake.uploads[0]).toMatchObject({
      filename: 'cma.pdf',
      contentType: 'application/pdf',
      size: pdf.length,
    });
    const served = await fetch(url);
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(pdf);
    await crm.uploadAttachment(fake.locationId, { ...file, filename: 'brochure.pdf' });
    expect(fake.conversations.size).toBe(1);
  });

  it('uses the conversation another worker created in the meantime', async () => {
    const { crm, fake } = await setup();
    await crm.sendMessage(fake.locationId, { contactId, type: 'SMS', message: 'hello' });
    fake.failNext({
      method: 'GET',
      path: '/conversations/search',
      times: 1,
      status: 200,
      body: { conversations: [], total: 0 },
    });
    const { url } = await crm.uploadAttachment(fake.locationId, file);
    expect(url).toBe(fake.uploads[0]!.url);
    expect(fake.conversations.size).toBe(1);
  });
});

describe('GHL rate budget', () => {
  it('never exceeds the location budget when asked for more requests than it allows', async () => {
    // As in production (GHL_RATE_LIMIT_GUARD_MS), our window is longer than GHL's by a fixed guard,
    // so a request delayed on its way (a loaded machine here) never lands in the next GHL window.
    const budget = createMemoryRateBudget({ points: 5, durationMs: 400 + 500 });
    const { crm, fake, rateLimitWaits } = await setup({ rateLimit: { max: 5, intervalMs: 400 } }, { budget });
    const contacts = await Promise.all(
      Array.from({ length: 12 }, () => crm.getContact(fake.locationId, contactId)),
    );
    expect(contacts.every((c) => c.id === contactId)).toBe(true);
    expect(fake.maxRequestsInAnyWindow()).toBeLessThanOrEqual(5);
    expect(fake.requests.some((r) => r.status === 429)).toBe(false);
    expect(rateLimitWaits.length).toBeGreaterThan(0);
  });

  it('waits out the window when GHL reports no requests remaining, even with budget to spare', async () => {
    const budget = createMemoryRateBudget({ points: 100, durationMs: 10_000 });
    const { crm, fake, pauses, rateLimitWaits } = await setup(
      { rateLimit: { max: 3, intervalMs: 300 } },
      { budget },
    );
    for (let i = 0; i < 4; i++) await crm.getContact(fake.locationId, contactId);
    expect(pauses).toEqual([{ key: fake.locationId, ms: 300 }]);
    expect(rateLimitWaits).toHaveLength(1);
    expect(fake.requests.some((r) => r.status === 429)).toBe(false);
  });
});
