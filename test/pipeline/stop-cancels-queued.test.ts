import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readContact } from '../../src/app/contacts/read-contact.ts';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { type FakeGhl, startFakeGhl } from '../support/fakes/ghl-server.ts';
import { emitWebhook, inboundMessagePayload } from '../support/fakes/webhook-signer.ts';
import { startTestService, type TestService } from '../support/service.ts';
import { postgresStores } from '../../src/adapters/postgres/stores.ts';

/**
 * TCPA: after STOP nothing goes to the lead but the one confirmation, including replies that were
 * already queued when the STOP arrived. The workers are stepped by hand so the test can put the
 * queue exactly in the state where the race happens.
 */
describe('a STOP cancels and holds what is queued for the lead', () => {
  let ghl: FakeGhl;
  let tdb: TestDb;
  let svc: TestService;
  let n = 0;
  let contactId = '';

  beforeAll(async () => {
    ghl = await startFakeGhl();
    tdb = await pgliteBackend.open();
    svc = await startTestService(
      tdb,
      { GHL_API_BASE_URL: ghl.url, GHL_PRIVATE_TOKEN: ghl.token, GHL_LOCATION_ID: ghl.locationId },
      { workers: false },
    );
  });
  afterAll(async () => {
    await svc.stop();
    await tdb.close();
    await ghl.close();
  });
  afterEach(() => {
    n++;
  });

  const newContact = () => {
    contactId = `stopqueue${String(n).padStart(11, '0')}`;
    ghl.seedContact({ id: contactId, phone: `+1909555${String(1000 + n)}` });
  };
  const inbound = async (body: string) => {
    const res = await emitWebhook(
      `${svc.url}/webhooks/ghl`,
      inboundMessagePayload({ locationId: ghl.locationId, contactId, body }),
    );
    expect(res.status).toBe(200);
  };
  const runTurns = async () => {
    while (await svc.service.inboxWorker.runOnce()) {}
  };
  const drain = async () => {
    while (await svc.service.drainer.runOnce()) {}
  };
  const sentToLead = () =>
    ghl.messages.filter((m) => m.contactId === contactId && m.direction === 'outbound');

  it('a reply queued before the STOP is cancelled; only the confirmation goes out', async () => {
    newContact();
    await inbound('hi, we are thinking about selling our place');
    await runTurns();
    await inbound('STOP');
    await runTurns();
    await drain();
    const sent = sentToLead();
    expect(sent.map((m) => m.body)).toEqual([expect.stringMatching(/unsubscribed/i)]);
    const view = await readContact({ db: tdb.db, stores: postgresStores }, contactId);
    const outbound = view?.transcript.filter((t) => t.direction === 'outbound') ?? [];
    expect(outbound.map((t) => t.delivery)).toEqual(['cancelled', 'sent']);
  });

  it('an opt-out stored but not yet read holds the queued reply until it is read, spaced out or not', async () => {
    newContact();
    await inbound('Hello! Looking to buy a 3 bedroom around Upland');
    await runTurns();
    await inbound('S T O P');
    // The drainer runs before the turn that reads the STOP: nothing may reach the lead.
    await drain();
    expect(sentToLead()).toEqual([]);
    await runTurns();
    await drain();
    expect(sentToLead().map((m) => m.body)).toEqual([expect.stringMatching(/unsubscribed/i)]);
  });

  it('without an opt-out the queued reply goes out as usual', async () => {
    newContact();
    await inbound('hi, we are thinking about selling our place');
    await runTurns();
    await inbound('what do you need from me?');
    await drain();
    expect(sentToLead().length).toBeGreaterThan(0);
    expect(sentToLead().some((m) => /unsubscribed/i.test(String(m.body)))).toBe(false);
  });
});
