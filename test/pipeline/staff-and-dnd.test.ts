import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readContact } from '../../src/app/contacts/read-contact.ts';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { type FakeGhl, startFakeGhl } from '../support/fakes/ghl-server.ts';
import { contactTagUpdatePayload } from '../support/fakes/ghl/webhook-payloads.ts';
import { emitWebhook, inboundMessagePayload } from '../support/fakes/webhook-signer.ts';
import { startTestService, type TestService, ghlEnv } from '../support/service.ts';
import { postgresStores } from '../../src/adapters/postgres/stores.ts';

const AGENT_PHONE = '+19095550111';
const OFFICER_PHONE = '+19095550112';

/** Staff never get a bot; a channel in DND gets nothing and nothing is escalated for it. */
describe('staff senders and do-not-disturb on the live path', () => {
  let ghl: FakeGhl;
  let tdb: TestDb;
  let svc: TestService;

  beforeAll(async () => {
    ghl = await startFakeGhl();
    tdb = await pgliteBackend.open();
    svc = await startTestService(
      tdb,
      {
        ...ghlEnv(ghl),
        AGENT_PHONE,
        COMPLIANCE_OFFICER_PHONE: OFFICER_PHONE,
      },
      { workers: false },
    );
  });
  afterAll(async () => {
    await svc.stop();
    await tdb.close();
    await ghl.close();
  });

  const inbound = async (contactId: string, body: string) => {
    const res = await emitWebhook(
      `${svc.url}/webhooks/ghl`,
      inboundMessagePayload({ locationId: ghl.locationId, contactId, body }),
    );
    expect(res.status).toBe(200);
  };
  const settle = async () => {
    for (let i = 0; i < 5; i++) {
      while (await svc.service.inboxWorker.runOnce()) {}
      while (await svc.service.drainer.runOnce()) {}
    }
  };
  const sentTo = (contactId: string) =>
    ghl.messages.filter((m) => m.contactId === contactId && m.direction === 'outbound');
  const metrics = async () => (await fetch(`${svc.url}/metrics`)).text();
  const staffIgnored = async () =>
    Number(/jorge_inbound_not_answered_total\{reason="staff_sender"\} (\d+)/.exec(await metrics())?.[1] ?? 0);

  it('the agent answering an alert by its contact id alone is not answered by a bot', async () => {
    ghl.seedContact({ id: 'escalating00000000001', phone: '+19095550120' });
    await inbound('escalating00000000001', 'Hi, I want to sell my house');
    await inbound('escalating00000000001', 'Can I talk to Jorge directly please?');
    await settle();
    // The alert created the agent's contact in GHL; no event about it reached us.
    const alerted = [...ghl.contacts.values()].find((c) => c.phone === AGENT_PHONE);
    expect(sentTo(alerted!.id).length).toBeGreaterThan(0);
    expect(alerted?.tags).toContain('staff-alerts');
    const before = sentTo(alerted!.id).length;
    await inbound(alerted!.id, 'ok, calling her now');
    await settle();
    expect(sentTo(alerted!.id)).toHaveLength(before);
  });

  it('a message from the compliance officer’s phone is recorded but starts no bot', async () => {
    ghl.seedContact({ id: 'officercontact0000001', phone: OFFICER_PHONE });
    // GHL told us the contact's phone earlier (a contact event); the message itself names only the id.
    const tagEvent = contactTagUpdatePayload({
      locationId: ghl.locationId,
      contactId: 'officercontact0000001',
      phone: OFFICER_PHONE,
      tags: [],
    });
    expect((await emitWebhook(`${svc.url}/webhooks/ghl`, tagEvent)).status).toBe(200);
    const ignoredBefore = await staffIgnored();
    await inbound('officercontact0000001', 'Hi, I want to sell my house in Upland');
    await settle();
    expect(sentTo('officercontact0000001')).toEqual([]);
    const view = await readContact({ db: tdb.db, stores: postgresStores }, 'officercontact0000001');
    expect(view?.transcript.map((t) => [t.direction, t.body])).toEqual([
      ['inbound', 'Hi, I want to sell my house in Upland'],
    ]);
    expect(await staffIgnored()).toBe(ignoredBefore + 1);
    const logged = svc.logs.filter(
      (l) => l.includes('member of staff') && l.includes('officercontact0000001'),
    );
    expect(logged).toHaveLength(1);
    expect(logged[0]).not.toContain(OFFICER_PHONE);
  });

  it('a lead with SMS in DND gets no reply; it is cancelled with the reason and nothing is escalated', async () => {
    ghl.seedContact({
      id: 'dndsms000000000000001',
      phone: '+19095550130',
      dnd: true,
      dndSettings: { SMS: { status: 'active' }, Email: { status: 'inactive' } },
    });
    await inbound('dndsms000000000000001', 'Hi, I want to sell my house');
    await settle();
    expect(sentTo('dndsms000000000000001')).toEqual([]);
    const view = await readContact({ db: tdb.db, stores: postgresStores }, 'dndsms000000000000001');
    expect(view?.transcript.filter((t) => t.direction === 'outbound').map((t) => t.delivery)).toEqual([
      'cancelled',
    ]);
    const { rows } = await tdb.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM escalations WHERE contact_id = $1`,
      ['dndsms000000000000001'],
    );
    expect(rows[0]?.n).toBe(0);
    expect(ghl.requests.filter((r) => r.path === '/conversations/messages' && r.status >= 400)).toEqual([]);
    expect(await metrics()).toMatch(
      /jorge_outbox_actions_total\{kind="send_message",result="skipped_dnd"\} 1/,
    );
  });

  it('a lead with dnd: true but every channel inactive is answered', async () => {
    const inactive = { status: 'inactive' };
    ghl.seedContact({
      id: 'dndglobal000000000001',
      phone: '+19095550131',
      dnd: true,
      dndSettings: {
        SMS: inactive,
        Email: inactive,
        WhatsApp: inactive,
        GMB: inactive,
        FB: inactive,
        Call: inactive,
      },
    });
    await inbound('dndglobal000000000001', 'Hi, I want to sell my house');
    await settle();
    expect(sentTo('dndglobal000000000001')).toHaveLength(1);
  });
});
