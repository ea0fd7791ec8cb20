import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { type FakeGhl, startFakeGhl } from '../support/fakes/ghl-server.ts';
import { workflowWebhookPayload } from '../support/fakes/webhook-signer.ts';
import { eventually, postJson, startTestService, type TestService, ghlEnv } from '../support/service.ts';

const TOKEN = 'location-settings-token-0123456789';
const SECRET = 'location-settings-secret-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };

async function call(url: string, method: string, body?: unknown, headers: Record<string, string> = auth) {
  const res = await fetch(url, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

describe('per-location settings (sandbox CRM for every location)', () => {
  let tdb: TestDb;
  let svc: TestService;
  const settings = (loc: string) => `${svc.url}/api/v1/locations/${loc}/settings`;
  const outboundOf = async (loc: string, contactId: string): Promise<string[]> => {
    const r = await call(`${svc.url}/api/v1/contacts/${contactId}?locationId=${loc}`, 'GET');
    if (r.status !== 200) return [];
    return (r.body.transcript as { direction: string; body: string }[])
      .filter((m) => m.direction === 'outbound')
      .map((m) => m.body);
  };
  const workflowMessage = (loc: string, contactId: string, body: string) =>
    postJson(
      `${svc.url}/webhooks/ghl`,
      workflowWebhookPayload({ contactId, locationId: loc, firstName: 'Lena', message: { body } }),
      { 'x-webhook-secret': SECRET },
    );

  beforeAll(async () => {
    tdb = await pgliteBackend.open();
    svc = await startTestService(tdb, {
      JORGE_API_TOKEN: TOKEN,
      GHL_WEBHOOK_SECRET: SECRET,
      AGENT_NAME: 'Jorge',
      TIMEZONE: 'America/Los_Angeles',
    });
  });
  afterAll(async () => {
    await svc?.stop();
    await tdb?.close();
  });

  it('a location with nothing stored works with the environment values, each marked as the default', async () => {
    const r = await call(settings('locNothingStored01'), 'GET');
    expect(r.status).toBe(200);
    expect(r.body.settings).toMatchObject({
      agentName: 'Jorge',
      timezone: 'America/Los_Angeles',
      calendarId: null,
      brokerage: null,
    });
    expect(r.body.sources).toMatchObject({ agentName: 'default', timezone: 'default', calendarId: 'unset' });
    expect(r.body.updatedAt).toBeNull();
  });

  it('the settings routes need the API token', async () => {
    expect((await call(settings('locA'), 'GET', undefined, {})).status).toBe(401);
    expect((await call(settings('locA'), 'PUT', { agentName: 'Eve' }, {})).status).toBe(401);
    expect((await call(settings('locA'), 'PATCH', { agentName: 'Eve' }, {})).status).toBe(401);
    const after = await call(settings('locA'), 'GET');
    expect(after.body.settings.agentName).toBe('Jorge');
  });

  it('a bad value is refused with a 400 naming the field, and nothing is stored', async () => {
    const cases: [unknown, RegExp][] = [
      [{ timezone: 'Mars/Olympus_Mons' }, /timezone.*IANA/],
      [{ agentName: '   ' }, /agentName.*empty/],
      [{ agentName: 'Maria', favouriteColour: 'blue' }, /favouriteColour/],
      [{ calendarId: 'has spaces in it' }, /calendarId/],
      [{ brokerage: 'Line one\nline two' }, /brokerage.*one line/],
      [{ agentName: 42 }, /agentName/],
    ];
    for (const [body, message] of cases) {
      for (const method of ['PUT', 'PATCH']) {
        const r = await call(settings('locBadValues01'), method, body);
        expect(r.status, JSON.stringify(body)).toBe(400);
        expect(r.body.error.code).toBe('invalid_request');
        expect(r.body.error.message).toMatch(message);
      }
    }
    const bad = await call(`${svc.url}/api/v1/locations/not%20an%20id/settings`, 'GET');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/locationId/);
    expect((await call(settings('locBadValues01'), 'GET')).body.updatedAt).toBeNull();
  });

  it('PATCH changes some keys, null puts one back to the default, PUT replaces them all', async () => {
    const loc = 'locPatchPut01';
    // A zone name in any case is stored under its canonical name, the one GHL expects.
    let r = await call(settings(loc), 'PATCH', { agentName: 'Maria', timezone: 'america/chicago' });
    expect(r.status).toBe(200);
    expect(r.body.settings).toMatchObject({ agentName: 'Maria', timezone: 'America/Chicago' });
    expect(r.body.sources).toMatchObject({ agentName: 'location', timezone: 'location', market: 'default' });
    r = await call(settings(loc), 'PATCH', { brokerage: 'Sunrise Realty' });
    expect(r.body.stored).toMatchObject({ agentName: 'Maria', brokerage: 'Sunrise Realty' });
    r = await call(settings(loc), 'PATCH', { agentName: null });
    expect(r.body.settings.agentName).toBe('Jorge');
    expect(r.body.sources.agentName).toBe('default');
    r = await call(settings(loc), 'PUT', { market: 'Austin, TX' });
    expect(r.body.stored).toMatchObject({ market: 'Austin, TX', brokerage: null, timezone: null });
    expect(r.body.settings.timezone).toBe('America/Los_Angeles');
    expect((await call(settings(loc), 'GET')).body).toEqual(r.body);
  });

  it("a stored agent name is used in the next reply for that location only; others keep the environment's", async () => {
    const put = await call(settings('locMaria01'), 'PUT', {
      agentName: 'Maria',
      brokerage: 'Sunrise Realty',
    });
    expect(put.status).toBe(200);
    await call(settings('sandbox'), 'PUT', { agentName: 'Maria' });

    expect((await workflowMessage('locMaria01', 'lsContactA', 'who is this?')).status).toBe(200);
    expect((await workflowMessage('locOther01', 'lsContactB', 'who is this?')).status).toBe(200);
    await eventually(
      async () => (await outboundOf('locMaria01', 'lsContactA')).length > 0,
      10_000,
      'reply A',
    );
    await eventually(
      async () => (await outboundOf('locOther01', 'lsContactB')).length > 0,
      10_000,
      'reply B',
    );
    const [a] = await outboundOf('locMaria01', 'lsContactA');
    const [b] = await outboundOf('locOther01', 'lsContactB');
    expect(a).toMatch(/Maria/);
    expect(a).not.toMatch(/Jorge/);
    expect(b).toMatch(/Jorge/);
    expect(b).not.toMatch(/Maria/);

    // The sandbox API runs the same turn for the location `sandbox`.
    const sandbox = await postJson(
      `${svc.url}/api/v1/sandbox/messages`,
      { contactId: 'lsSandbox1', message: 'who is this?' },
      auth,
    );
    expect(sandbox.status).toBe(200);
    expect(sandbox.body.replies[0].body).toMatch(/Maria/);

    // Back to the default: the next new lead of that location hears the environment's name again.
    await call(settings('locMaria01'), 'PATCH', { agentName: null });
    await workflowMessage('locMaria01', 'lsContactC', 'who is this?');
    await eventually(
      async () => (await outboundOf('locMaria01', 'lsContactC')).length > 0,
      10_000,
      'reply C',
    );
    expect((await outboundOf('locMaria01', 'lsContactC'))[0]).toMatch(/Jorge/);
  });

  it('the settings routes are described in /openapi.json', async () => {
    const spec = (await call(`${svc.url}/openapi.json`, 'GET')).body;
    const path = spec.paths['/api/v1/locations/{locationId}/settings'];
    expect(Object.keys(path).sort()).toEqual(expect.arrayContaining(['get', 'patch', 'put']));
    expect(JSON.stringify(path.put)).toContain('timezone');
  });
});

describe('a stored calendar offers its free slots (GHL)', () => {
  let ghl: FakeGhl;
  let tdb: TestDb;
  let svc: TestService;

  beforeAll(async () => {
    ghl = await startFakeGhl();
    tdb = await pgliteBackend.open();
    // No GHL_CALENDAR_ID: without a stored calendar the bot asks morning or afternoon.
    svc = await startTestService(tdb, {
      ...ghlEnv(ghl),
      GHL_WEBHOOK_SECRET: SECRET,
    });
  });
  afterAll(async () => {
    await svc?.stop();
    await tdb?.close();
    await ghl?.close();
  });

  /** 18:00 UTC on each of the next five days (never only a Sunday, which is not offered). */
  const seedSlots = () => {
    const day = 86_400_000;
    const base = Math.ceil(Date.now() / day) * day + day;
    ghl.setFreeSlots(
      'calLocation0001',
      [0, 1, 2, 3, 4].map((d) => new Date(base + d * day + 18 * 3_600_000).toISOString()),
    );
    return base;
  };
  const sellerReady = async (contactId: string) => {
    ghl.seedContact({ id: contactId, firstName: 'Lena', phone: '+19095550141', tags: ['seller-lead'] });
    const r = await postJson(
      `${svc.url}/webhooks/ghl`,
      workflowWebhookPayload({
        contactId,
        locationId: ghl.locationId,
        tags: ['Seller-Lead'],
        message: { body: 'Relocating to Texas for work, 30 days works, move-in ready, want around 700k' },
      }),
      { 'x-webhook-secret': SECRET },
    );
    expect(r.status).toBe(200);
    await eventually(() => ghl.messages.some((m) => m.contactId === contactId), 15_000, 'the reply');
    return ghl.messages.filter((m) => m.contactId === contactId).map((m) => m.body ?? '');
  };
  const slotCalls = (calendarId: string) =>
    ghl.requests.filter((q) => q.method === 'GET' && q.path === `/calendars/${calendarId}/free-slots`).length;

  it('without a calendar no slots are offered; with one stored for the location they are, in its time zone', async () => {
    const base = seedSlots();
    const before = await sellerReady('lsSellerNoCal01');
    expect(before.join(' ')).not.toMatch(/1\)/);
    expect(slotCalls('calLocation0001')).toBe(0);

    const res = await call(`${svc.url}/api/v1/locations/${ghl.locationId}/settings`, 'PATCH', {
      calendarId: 'calLocation0001',
      timezone: 'America/Chicago',
    });
    expect(res.status).toBe(200);
    expect(res.body.sources.calendarId).toBe('location');

    const after = await sellerReady('lsSellerCal0001');
    expect(after.join(' ')).toMatch(/1\)/);
    expect(slotCalls('calLocation0001')).toBeGreaterThan(0);
    // 18:00 UTC is noon or 1 pm in Chicago, 10 or 11 am in Los Angeles (the environment's zone).
    const hourIn = (timeZone: string) =>
      new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric' })
        .format(new Date(base + 18 * 3_600_000))
        .replace(' ', '')
        .toLowerCase();
    expect(after.join(' ')).toContain(hourIn('America/Chicago'));
    expect(after.join(' ')).not.toContain(hourIn('America/Los_Angeles'));
    const asked = ghl.requests.find((q) => q.path === '/calendars/calLocation0001/free-slots');
    expect(asked?.query.timezone).toBe('America/Chicago');
  });
  it('an appointment the lead books goes to the user stored for the location', async () => {
    const patch = await call(`${svc.url}/api/v1/locations/${ghl.locationId}/settings`, 'PATCH', {
      calendarId: 'calLocation0001',
      assignedUserId: 'userLocation001',
    });
    expect(patch.body.sources.assignedUserId).toBe('location');
    seedSlots();
    // The calendar's team has two members; the location's user is the second, not the default first.
    ghl.setCalendar({
      id: 'calLocation0001',
      teamMembers: [
        { userId: 'userTeamFirst01', priority: 0.5 },
        { userId: 'userLocation001', priority: 0.5 },
      ],
    });
    const contactId = 'lsSellerBook001';
    expect((await sellerReady(contactId)).join(' ')).toMatch(/1\)/);
    const r = await postJson(
      `${svc.url}/webhooks/ghl`,
      workflowWebhookPayload({
        contactId,
        locationId: ghl.locationId,
        tags: ['Seller-Lead'],
        message: { body: '1' },
      }),
      { 'x-webhook-secret': SECRET },
    );
    expect(r.status).toBe(200);
    await eventually(
      () => ghl.appointments.some((a) => a.contactId === contactId),
      15_000,
      'the appointment',
    );
    const booked = ghl.appointments.find((a) => a.contactId === contactId);
    expect(booked?.calendarId).toBe('calLocation0001');
    expect(booked?.assignedUserId).toBe('userLocation001');
  });
});
