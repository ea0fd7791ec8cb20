import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeGhl, startFakeGhl } from '../support/fakes/ghl-server.ts';

// The fake's OAuth behaviour, each as GHL documents it (sources in routes-oauth.ts).
describe('fake GHL: Marketplace OAuth', () => {
  let ghl: FakeGhl;
  const form = (body: Record<string, string>) => ({
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(body).toString(),
  });
  const app = () => ({ client_id: ghl.oauth.clientId, client_secret: ghl.oauth.clientSecret });
  const exchange = async (code: string) => {
    const res = await fetch(
      `${ghl.url}/oauth/token`,
      form({ ...app(), grant_type: 'authorization_code', code, user_type: 'Location' }),
    );
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const getContact = (id: string, token: string) =>
    fetch(`${ghl.url}/contacts/${id}`, {
      headers: { authorization: `Bearer ${token}`, version: '2021-07-28' },
    });

  beforeAll(async () => {
    ghl = await startFakeGhl();
  });
  afterAll(async () => {
    await ghl.close();
  });

  it('a code works once and yields a location token pair with expires_in', async () => {
    const code = ghl.oauth.issueCode({ userType: 'Location', companyId: 'cmpA', locationId: 'locA' });
    const first = await exchange(code);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 86_399,
      userType: 'Location',
      locationId: 'locA',
    });
    expect(typeof first.body.refresh_token).toBe('string');
    expect((await exchange(code)).status).toBe(400);
  });

  it('ASSUMPTION: a refresh token used a second time is refused 400 invalid_grant', async () => {
    const { body } = await exchange(
      ghl.oauth.issueCode({ userType: 'Location', companyId: 'cmpA', locationId: 'locB' }),
    );
    const refresh = () =>
      fetch(
        `${ghl.url}/oauth/token`,
        form({ ...app(), grant_type: 'refresh_token', refresh_token: String(body.refresh_token) }),
      );
    expect((await refresh()).status).toBe(200);
    const again = await refresh();
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('wrong client credentials are refused 401; a JSON body is not the documented form (422)', async () => {
    const code = ghl.oauth.issueCode({ userType: 'Location', companyId: 'cmpA', locationId: 'locC' });
    const wrong = await fetch(
      `${ghl.url}/oauth/token`,
      form({ ...app(), client_secret: 'nope', grant_type: 'authorization_code', code }),
    );
    expect(wrong.status).toBe(401);
    const json = await fetch(`${ghl.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...app(), grant_type: 'authorization_code', code }),
    });
    expect(json.status).toBe(422);
  });

  it('a location token reads its own location only, and is refused 401 once expired (ASSUMPTION: "Invalid JWT")', async () => {
    ghl.seedContact({ id: 'ctOwnLocation000001', locationId: 'locD' });
    ghl.seedContact({ id: 'ctOtherLocation0001', locationId: 'locOther' });
    const { body } = await exchange(
      ghl.oauth.issueCode({ userType: 'Location', companyId: 'cmpA', locationId: 'locD' }),
    );
    const token = String(body.access_token);
    expect((await getContact('ctOwnLocation000001', token)).status).toBe(200);
    expect((await getContact('ctOtherLocation0001', token)).status).not.toBe(200);
    ghl.oauth.expireAccessTokens();
    const expired = await getContact('ctOwnLocation000001', token);
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ message: 'Invalid JWT' });
  });

  it('a company token cannot call location endpoints but mints location tokens (no refresh token)', async () => {
    const { body } = await exchange(ghl.oauth.issueCode({ userType: 'Company', companyId: 'cmpE' }));
    const company = String(body.access_token);
    expect(body).toMatchObject({ userType: 'Company', companyId: 'cmpE' });
    ghl.seedContact({ id: 'ctUnderCompany00001', locationId: 'locE' });
    expect((await getContact('ctUnderCompany00001', company)).status).toBe(401);
    const noVersion = await fetch(`${ghl.url}/oauth/locationToken`, {
      ...form({ companyId: 'cmpE', locationId: 'locE' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${company}` },
    });
    expect(noVersion.status).toBe(401);
    const minted = await fetch(`${ghl.url}/oauth/locationToken`, {
      ...form({ companyId: 'cmpE', locationId: 'locE' }),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Bearer ${company}`,
        version: '2021-07-28',
      },
    });
    expect(minted.status).toBe(200);
    const m = (await minted.json()) as Record<string, unknown>;
    expect(m).toMatchObject({ locationId: 'locE', token_type: 'Bearer' });
    expect(m.refresh_token).toBeUndefined();
    expect((await getContact('ctUnderCompany00001', String(m.access_token))).status).toBe(200);
  });
});
