import { afterEach, describe, expect, it } from 'vitest';
import { backends, type TestDb } from '../support/db.ts';
import { type FakeGhl, startFakeGhl } from '../support/fakes/ghl-server.ts';
import {
  emitWebhook,
  inboundMessagePayload,
  workflowWebhookPayload,
} from '../support/fakes/webhook-signer.ts';
import { eventually, ghlEnv, postJson, startTestService, type TestService } from '../support/service.ts';

const CALENDAR = 'calSlowCalendar01';
const SELLER = 'slowSeller0000000001';
const BUYER = 'fastBuyer00000000001';
const SECRET = 'workflow-secret-0123456789';

// A seller ready to book makes the bot ask the calendar for free slots before it answers; the
// calendar holds that request. Meanwhile another lead writes: their turn must not wait for it
// (the slots are gathered before the seller's turn takes the contact's lock or a connection).
describe.each(backends())('a turn whose GHL calendar hangs, on $name', (backend) => {
  let ghl: FakeGhl;
  let tdb: TestDb;
  let svc: TestService;
  afterEach(async () => {
    await svc?.stop();
    await tdb?.close();
    await ghl?.close();
  });

  it('delays no other contact: the other lead is answered while the calendar still holds the request', async () => {
    ghl = await startFakeGhl();
    tdb = await backend.open();
    svc = await startTestService(tdb, {
      ...ghlEnv(ghl),
      GHL_CALENDAR_ID: CALENDAR,
      GHL_WEBHOOK_SECRET: SECRET,
    });
    const day = 86_400_000;
    const base = Math.ceil(Date.now() / day) * day + day;
    ghl.setFreeSlots(
      CALENDAR,
      [0, 1, 2, 3, 4].map((d) => new Date(base + d * day + 18 * 3_600_000).toISOString()),
    );
    // Every attempt of the client (it gives up on one after 10 s and tries again) is held 30 s.
    ghl.failNext({
      method: 'GET',
      path: `/calendars/${CALENDAR}/free-slots`,
      times: 4,
      mode: 'delay',
      delayMs: 30_000,
    });
    ghl.seedContact({ id: SELLER, firstName: 'Lena', phone: '+19095550141', tags: ['seller-lead'] });
    ghl.seedContact({ id: BUYER, firstName: 'Omar', phone: '+19095550142' });
    const hook = `${svc.url}/webhooks/ghl`;
    const slotRequests = () => ghl.requests.filter((q) => q.path === `/calendars/${CALENDAR}/free-slots`);
    const sentTo = (contactId: string) => ghl.messages.filter((m) => m.contactId === contactId);

    // A GHL workflow forwards the seller's message with the contact's tags (as a workflow Webhook action).
    const seller = await postJson(
      hook,
      workflowWebhookPayload({
        contactId: SELLER,
        locationId: ghl.locationId,
        tags: ['Seller-Lead'],
        message: { body: 'Relocating to Texas for work, 30 days works, move-in ready, want around 700k' },
      }),
      { 'x-webhook-secret': SECRET },
    );
    expect(seller.status).toBe(200);
    await eventually(() => slotRequests().length > 0, 30_000, 'the seller’s turn to ask for free slots');

    await emitWebhook(
      hook,
      inboundMessagePayload({
        locationId: ghl.locationId,
        contactId: BUYER,
        body: 'Hi, I want to buy a home',
      }),
    );
    await eventually(() => sentTo(BUYER).length > 0, 30_000, 'the other lead’s reply');
    // The other lead was answered while every free-slots request is still unanswered.
    expect(slotRequests().every((q) => q.status === 0)).toBe(true);
    expect(sentTo(SELLER)).toHaveLength(0);

    // The calendar answers: the seller's turn goes on and offers the slots it was waiting for.
    ghl.releaseDelayed();
    await eventually(() => sentTo(SELLER).length > 0, 30_000, 'the seller’s reply');
    expect(
      sentTo(SELLER)
        .map((m) => m.body ?? '')
        .join(' '),
    ).toMatch(/1\)/);
  }, 120_000);
});
