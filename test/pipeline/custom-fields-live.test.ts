import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTACT_FIELDS } from '../../src/domain/contact-fields.ts';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { type FakeGhl, startFakeGhl } from '../support/fakes/ghl-server.ts';
import { emitWebhook, inboundMessagePayload } from '../support/fakes/webhook-signer.ts';
import { eventually, startTestService, type TestService, ghlEnv } from '../support/service.ts';

// A fresh GHL location has none of the bots' custom fields, and (ASSUMPTION unknown custom field
// 400, see the fake's contact-model.ts) refuses values for fields it does not define. The service
// creates them and writes the qualification by field id.

describe('qualification fields on a fresh GHL location', () => {
  let ghl: FakeGhl;
  let tdb: TestDb;
  let svc: TestService;

  beforeAll(async () => {
    ghl = await startFakeGhl();
    tdb = await pgliteBackend.open();
    svc = await startTestService(tdb, {
      ...ghlEnv(ghl),
      GHL_CLIENT_ID: ghl.oauth.clientId,
      GHL_CLIENT_SECRET: ghl.oauth.clientSecret,
      GHL_OAUTH_REDIRECT_URI: 'https://bots.example.com/oauth/callback',
      TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    });
  });
  afterAll(async () => {
    await svc.stop();
    await tdb.close();
    await ghl.close();
  });

  const say = async (contactId: string, body: string, locationId = ghl.locationId) => {
    const res = await emitWebhook(
      `${svc.url}/webhooks/ghl`,
      inboundMessagePayload({ locationId, contactId, body }),
    );
    expect(res.status).toBe(200);
  };
  const settled = async (contactId: string) => {
    const { rows } = await tdb.db.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM inbox WHERE contact_id = $1 AND status = 'pending')::int +
              (SELECT count(*) FROM outbox WHERE contact_id = $1 AND status IN ('pending', 'sending'))::int AS n`,
      [contactId],
    );
    return rows[0]!.n === 0;
  };
  const fieldsOf = (contactId: string) => {
    const byId = new Map(
      [...ghl.customFieldDefs.values()].map((d) => [d.id, d.fieldKey.replace(/^contact\./, '')]),
    );
    return Object.fromEntries(
      ghl.contacts.get(contactId)!.customFields.map((f) => [byId.get(f.id), f.value]),
    );
  };

  it('creates the fields at start, then stores a seller’s and a buyer’s answers by field id', async () => {
    await eventually(
      () => ghl.customFieldDefs.size === CONTACT_FIELDS.length,
      10_000,
      'fields created at start',
    );
    const seller = 'cfseller000000000001';
    const buyer = 'cfbuyer0000000000001';
    ghl.seedContact({ id: seller, firstName: 'Sam', phone: '+19095550171' });
    ghl.seedContact({ id: buyer, firstName: 'Bea', phone: '+19095550172' });
    await say(
      seller,
      "Hi, I want to sell my house. We're relocating to Austin for a new job, selling in 30-45 days works for us, it's move-in ready, and I'd be happy with 650k",
    );
    await say(buyer, "I'm pre-approved, budget is 600k, need 3 beds in Etiwanda, moving in 2 months");
    await eventually(() => ghl.messages.some((m) => m.contactId === buyer), 15_000, 'the buyer’s reply');
    await say(buyer, 'a pool would be nice');
    await eventually(async () => (await settled(seller)) && (await settled(buyer)), 20_000, 'both settled');

    const refused = ghl.requests.filter((r) => r.path.startsWith('/contacts/') && r.status >= 400);
    expect(refused).toEqual([]);
    const writes = ghl.requests.filter((r) => r.method === 'PUT' && r.path.startsWith('/contacts/'));
    expect(writes.length).toBeGreaterThan(0);
    for (const w of writes) {
      for (const f of (w.body as { customFields: Record<string, unknown>[] }).customFields) {
        expect(Object.keys(f).sort()).toEqual(['field_value', 'id']);
      }
    }
    expect(fieldsOf(seller)).toMatchObject({
      questions_answered: 4,
      timeline_acceptable: 'yes',
      price_expectation: 650000,
      property_condition: 'excellent',
      lead_score: expect.any(Number),
    });
    expect(fieldsOf(buyer)).toMatchObject({
      budget_max: 600000,
      pre_approval_status: 'pre_approved',
      beds: 3,
      areas: 'Etiwanda',
      must_haves: expect.stringMatching(/pool/),
    });
    const failed = await tdb.db.query(`SELECT kind, last_error FROM outbox WHERE status = 'failed'`);
    expect(failed.rows).toEqual([]);
    // Provisioned once for the location: no second listing, no duplicate field.
    expect(ghl.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/customFields'))).toHaveLength(
      1,
    );
    expect(ghl.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/customFields'))).toHaveLength(
      CONTACT_FIELDS.length,
    );
  }, 60_000);

  it('gives a Marketplace-installed location fields of its own at install, before any lead writes', async () => {
    const other = 'locInstalledCF000001';
    const code = ghl.oauth.issueCode({
      userType: 'Location',
      companyId: 'cmpAgency00000000001',
      locationId: other,
    });
    expect((await fetch(`${svc.url}/oauth/callback?code=${code}`)).status).toBe(200);
    const ownDefs = () => [...ghl.customFieldDefs.values()].filter((d) => d.locationId === other);
    // No message yet: the install itself created them (the realtor can build smart lists on them).
    await eventually(() => ownDefs().length === CONTACT_FIELDS.length, 10_000, 'fields created at install');
    expect(ghl.requests.filter((r) => r.path.includes('cfother'))).toEqual([]);
    const contactId = 'cfother0000000000001';
    ghl.seedContact({ id: contactId, locationId: other, firstName: 'Olga', phone: '+19095550173' });
    await say(
      contactId,
      "I'm pre-approved, budget is 600k, need 3 beds in Etiwanda, moving in 2 months",
      other,
    );
    await eventually(() => settled(contactId), 20_000, 'the installed location settled');
    const own = [...ghl.customFieldDefs.values()].filter((d) => d.locationId === other);
    expect(own).toHaveLength(CONTACT_FIELDS.length);
    const ownIds = new Set(own.map((d) => d.id));
    const stored = ghl.contacts.get(contactId)!.customFields;
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.every((f) => ownIds.has(f.id))).toBe(true);
    expect(fieldsOf(contactId)).toMatchObject({ budget_max: 600000, beds: 3 });
    // Created with the installed location's own token, in its own path.
    const [token] = ghl.oauth.accessTokensOf(other);
    const creates = ghl.requests.filter(
      (r) => r.method === 'POST' && r.path === `/locations/${other}/customFields`,
    );
    expect(creates).toHaveLength(CONTACT_FIELDS.length);
    expect(creates.every((r) => r.headers.authorization === `Bearer ${token}`)).toBe(true);
    expect(ghl.requests.filter((r) => r.path.startsWith('/contacts/') && r.status >= 400)).toEqual([]);
  }, 60_000);
});
