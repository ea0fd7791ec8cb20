import { CONTACT_FIELDS } from '../../src/domain/contact-fields.ts';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { type FakeGhl, startFakeGhl } from '../support/fakes/ghl-server.ts';
import { emitWebhook, inboundMessagePayload } from '../support/fakes/webhook-signer.ts';
import { eventually, startTestService, type TestService, ghlEnv } from '../support/service.ts';

const KEY = randomBytes(32).toString('base64');

describe('Marketplace install (OAuth) beside the Private Integration token', () => {
  let ghl: FakeGhl;
  let tdb: TestDb;
  let svc: TestService;
  let hook: string;
  let n = 0;
  const appId = () => ghl.oauth.clientId.split('-')[0]!;
  const contactIn = (locationId: string) => {
    const id = `oc${String(++n).padStart(18, '0')}`;
    ghl.seedContact({ id, locationId, firstName: 'Dana', phone: `+1909555${String(1000 + n)}` });
    return id;
  };
  const sendsTo = (contactId: string) =>
    ghl.requests.filter(
      (r) =>
        r.method === 'POST' &&
        r.path === '/conversations/messages' &&
        (r.body as { contactId?: string })?.contactId === contactId,
    );
  const callback = (query: string) => fetch(`${svc.url}/oauth/callback${query}`);
  const install = async (locationId: string, companyId = 'cmpAgency00000000001') => {
    const res = await callback(
      `?code=${ghl.oauth.issueCode({ userType: 'Location', companyId, locationId })}`,
    );
    expect(res.status).toBe(200);
  };
  const tokenRows = async (resourceId: string) =>
    (await tdb.db.query('SELECT * FROM ghl_oauth_tokens WHERE resource_id = $1', [resourceId])).rows;
  // Earlier tests' CRM writes may still be going out after their replies (outbox lanes): let them
  // finish before GHL stops accepting tokens, so only this test's location renews.
  const outboxDrained = () =>
    eventually(
      async () =>
        Number(
          (
            await tdb.db.query<{ n: number }>(
              `SELECT count(*)::int AS n FROM outbox WHERE status IN ('pending', 'sending')`,
            )
          ).rows[0]?.n,
        ) === 0,
      15_000,
      'the outbox drained',
    );
  const say = async (locationId: string, contactId: string, body: string) =>
    emitWebhook(hook, inboundMessagePayload({ locationId, contactId, body }));

  beforeAll(async () => {
    ghl = await startFakeGhl();
    tdb = await pgliteBackend.open();
    svc = await startTestService(tdb, {
      ...ghlEnv(ghl),
      GHL_CLIENT_ID: ghl.oauth.clientId,
      GHL_CLIENT_SECRET: ghl.oauth.clientSecret,
      GHL_OAUTH_REDIRECT_URI: 'https://bots.example.com/oauth/callback',
      TOKEN_ENCRYPTION_KEY: KEY,
    });
    hook = `${svc.url}/webhooks/ghl`;
  });
  afterAll(async () => {
    await svc.stop();
    await tdb.close();
    await ghl.close();
  });

  it("install → callback → tokens stored sealed → the location's lead is answered with its own token", async () => {
    const locationId = 'locInstalledA000001';
    const code = ghl.oauth.issueCode({ userType: 'Location', companyId: 'cmpAgency00000000001', locationId });
    const res = await callback(`?code=${code}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(`sub-account ${locationId}`);
    const exchange = ghl.requests.find((r) => r.path === '/oauth/token' && String(r.body).includes(code));
    const form = new URLSearchParams(String(exchange?.body));
    expect(exchange?.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(Object.fromEntries(form)).toEqual({
      client_id: ghl.oauth.clientId,
      client_secret: ghl.oauth.clientSecret,
      grant_type: 'authorization_code',
      code,
      user_type: 'Location',
      redirect_uri: 'https://bots.example.com/oauth/callback',
    });
    const [accessToken] = ghl.oauth.accessTokensOf(locationId);
    const raw = JSON.stringify(await tokenRows(locationId));
    expect(raw).toContain(locationId);
    expect(raw).not.toContain(accessToken);

    const contactId = contactIn(locationId);
    const sent = await say(locationId, contactId, 'hi, saw your sign on Baseline');
    expect(sent.body).toMatchObject({ status: 'accepted' });
    await eventually(() => ghl.messages.some((m) => m.contactId === contactId), 15_000, 'the reply at GHL');
    const auths = new Set(sendsTo(contactId).map((r) => r.headers.authorization));
    expect(auths).toEqual(new Set([`Bearer ${accessToken}`]));
    // Nothing secret reached the logs.
    const logs = svc.logs.join('');
    for (const secret of [code, accessToken!, ghl.oauth.clientSecret]) expect(logs).not.toContain(secret);
  });

  it('the Private Integration location keeps working beside installed ones, with the PIT', async () => {
    const contactId = contactIn(ghl.locationId);
    expect((await say(ghl.locationId, contactId, 'hello, looking to sell')).body).toMatchObject({
      status: 'accepted',
    });
    await eventually(() => ghl.messages.some((m) => m.contactId === contactId), 15_000, 'the reply at GHL');
    expect(new Set(sendsTo(contactId).map((r) => r.headers.authorization))).toEqual(
      new Set([`Bearer ${ghl.token}`]),
    );
  });

  it('webhooks of a location that never installed the app are ignored', async () => {
    const res = await say('locNeverInstalled01', contactIn('locNeverInstalled01'), 'hello?');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ignored' });
  });

  it('an access token GHL stopped accepting (401) is refreshed once and the reply still goes out', async () => {
    const locationId = 'locExpiresB00000001';
    await install(locationId);
    await outboxDrained();
    ghl.oauth.expireAccessTokens();
    const refreshesBefore = ghl.requests.filter((r) =>
      String(r.body).includes('grant_type=refresh_token'),
    ).length;
    const contactId = contactIn(locationId);
    await say(locationId, contactId, 'hi there, thinking about buying');
    await eventually(() => ghl.messages.some((m) => m.contactId === contactId), 15_000, 'the reply at GHL');
    const refreshes = ghl.requests.filter((r) => String(r.body).includes('grant_type=refresh_token')).length;
    expect(refreshes - refreshesBefore).toBe(1);
    const tokens = ghl.oauth.accessTokensOf(locationId);
    expect(
      sendsTo(contactId)
        .filter((r) => r.status === 200)
        .map((r) => r.headers.authorization),
    ).toEqual([`Bearer ${tokens.at(-1)}`]);
  });

  it('two replicas on one database whose token GHL stopped accepting renew it once between them', async () => {
    const other = await startTestService(tdb, {
      ...ghlEnv(ghl),
      GHL_CLIENT_ID: ghl.oauth.clientId,
      GHL_CLIENT_SECRET: ghl.oauth.clientSecret,
      TOKEN_ENCRYPTION_KEY: KEY,
    });
    try {
      const locationId = 'locTwoReplicasG0001';
      await install(locationId);
      await outboxDrained();
      ghl.oauth.expireAccessTokens();
      const refreshes = () =>
        ghl.requests.filter((r) => String(r.body).includes('grant_type=refresh_token')).length;
      const before = refreshes();
      const [c1, c2] = [contactIn(locationId), contactIn(locationId)];
      const [r1, r2] = await Promise.all([
        say(locationId, c1, 'hi, looking to buy a house'),
        emitWebhook(
          `${other.url}/webhooks/ghl`,
          inboundMessagePayload({ locationId, contactId: c2, body: 'hello, want to sell' }),
        ),
      ]);
      expect([r1.body, r2.body]).toMatchObject([{ status: 'accepted' }, { status: 'accepted' }]);
      await eventually(
        () => [c1, c2].every((c) => ghl.messages.some((m) => m.contactId === c)),
        20_000,
        'both replies at GHL',
      );
      // The fake refuses a refresh token used twice, so a second renewal would have failed a reply.
      expect(refreshes() - before).toBe(1);
    } finally {
      await other.stop();
    }
  });

  it('UNINSTALL drops the location: its tokens are deleted and its events ignored', async () => {
    const locationId = 'locUninstallC000001';
    await install(locationId);
    expect(await tokenRows(locationId)).toHaveLength(1);
    const res = await emitWebhook(hook, { type: 'UNINSTALL', appId: appId(), locationId });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'uninstalled' });
    expect(await tokenRows(locationId)).toHaveLength(0);
    const after = await say(locationId, contactIn(locationId), 'still there?');
    expect(after.body).toMatchObject({ status: 'ignored' });
  });

  it('an agency install mints location tokens with /oauth/locationToken, on INSTALL and on first use', async () => {
    const companyId = 'cmpWholeAgency00001';
    const res = await callback(`?code=${ghl.oauth.issueCode({ userType: 'Company', companyId })}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(`agency ${companyId}`);
    const [companyToken] = ghl.oauth.accessTokensOf(companyId);

    const onInstall = 'locUnderAgencyD0001';
    const ev = await emitWebhook(hook, {
      type: 'INSTALL',
      appId: appId(),
      companyId,
      locationId: onInstall,
      installType: 'Location',
    });
    expect(ev.body).toMatchObject({ status: 'installed' });
    const mint = ghl.requests.find((r) => r.path === '/oauth/locationToken');
    expect(mint?.headers.authorization).toBe(`Bearer ${companyToken}`);
    expect(mint?.headers.version).toBe('2021-07-28');
    expect(Object.fromEntries(new URLSearchParams(String(mint?.body)))).toEqual({
      companyId,
      locationId: onInstall,
    });
    expect(await tokenRows(onInstall)).toHaveLength(1);
    // The location's custom fields are made at install, with its new token, before any lead.
    await eventually(
      () =>
        [...ghl.customFieldDefs.values()].filter((d) => d.locationId === onInstall).length ===
        CONTACT_FIELDS.length,
      10_000,
      'custom fields at install',
    );
    const c1 = contactIn(onInstall);
    await say(onInstall, c1, 'hi, what is my home worth?');
    await eventually(() => ghl.messages.some((m) => m.contactId === c1), 15_000, 'the reply at GHL');
    expect(sendsTo(c1).map((r) => r.headers.authorization)).toContain(
      `Bearer ${ghl.oauth.accessTokensOf(onInstall)[0]}`,
    );

    // No INSTALL event seen for this one (say it was lost): the first webhook mints its token.
    const firstUse = 'locUnderAgencyE0001';
    const c2 = contactIn(firstUse);
    expect((await say(firstUse, c2, 'hello, buying in Etiwanda')).body).toMatchObject({ status: 'accepted' });
    await eventually(() => ghl.messages.some((m) => m.contactId === c2), 15_000, 'the reply at GHL');
    expect(ghl.oauth.accessTokensOf(firstUse)).toHaveLength(1);
  });

  it('a missing or malformed code is a 400 page naming the problem', async () => {
    const missing = await callback('');
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('no authorization code');
    const odd = await callback('?code=%3Cscript%3E');
    expect(odd.status).toBe(400);
    expect(await odd.text()).toContain('not an authorization code');
    const twice = await callback('?code=abcdef0123456789&code=abcdef0123456789');
    expect(twice.status).toBe(400);
    expect(await twice.text()).toContain('more than one authorization code');
  });

  it('a code GHL refuses (used twice) is a 400 page saying GHL refused it, never a 500', async () => {
    const code = ghl.oauth.issueCode({
      userType: 'Location',
      companyId: 'cmpAgency00000000001',
      locationId: 'locTwiceF0000000001',
    });
    expect((await callback(`?code=${code}`)).status).toBe(200);
    const again = await callback(`?code=${code}`);
    expect(again.status).toBe(400);
    const text = await again.text();
    expect(text).toContain('GHL refused the authorization code');
    expect(text).toContain('invalid_grant');
    expect(text).not.toContain(code);
    expect(svc.logs.join('')).not.toContain(code);
  });
});

describe('Marketplace install with wrong app credentials', () => {
  it('answers 502 naming the client credentials, and logs no secret', async () => {
    const ghl = await startFakeGhl();
    const tdb = await pgliteBackend.open();
    const svc = await startTestService(tdb, {
      GHL_API_BASE_URL: ghl.url,
      GHL_CLIENT_ID: ghl.oauth.clientId,
      GHL_CLIENT_SECRET: 'not-the-apps-secret-123',
      TOKEN_ENCRYPTION_KEY: KEY,
    });
    try {
      const code = ghl.oauth.issueCode({
        userType: 'Location',
        companyId: 'cmpX',
        locationId: 'locWrongCreds000001',
      });
      const res = await fetch(`${svc.url}/oauth/callback?code=${code}`);
      expect(res.status).toBe(502);
      expect(await res.text()).toContain('GHL_CLIENT_ID and GHL_CLIENT_SECRET');
      expect(svc.logs.join('')).not.toContain('not-the-apps-secret-123');
    } finally {
      await svc.stop();
      await tdb.close();
      await ghl.close();
    }
  });
});
