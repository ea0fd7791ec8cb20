import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocationTokens } from '../../../src/adapters/ghl-oauth/location-tokens.ts';
import { createGhlOAuthClient, GhlOAuthError } from '../../../src/adapters/ghl-oauth/oauth-client.ts';
import { createTokenCipher } from '../../../src/adapters/ghl-oauth/token-crypto.ts';
import { type Backend, pgliteBackend, postgresBackend, postgresUrl, type TestDb } from '../../support/db.ts';
import { type FakeGhl, startFakeGhl } from '../../support/fakes/ghl-server.ts';

const backends: Backend[] = postgresUrl ? [pgliteBackend, postgresBackend] : [pgliteBackend];

describe.each(backends)('OAuth tokens per location ($name)', (backend) => {
  let ghl: FakeGhl;
  let tdb: TestDb;
  const key = randomBytes(32);
  const replica = () =>
    createLocationTokens({
      db: tdb.db,
      cipher: createTokenCipher(key),
      oauth: createGhlOAuthClient({
        baseUrl: ghl.url,
        clientId: ghl.oauth.clientId,
        clientSecret: ghl.oauth.clientSecret,
      }),
    });
  const refreshGrants = () =>
    ghl.requests.filter(
      (r) => r.path === '/oauth/token' && String(r.body).includes('grant_type=refresh_token'),
    );

  beforeAll(async () => {
    ghl = await startFakeGhl();
    tdb = await backend.open();
  });
  afterAll(async () => {
    await tdb.close();
    await ghl.close();
  });

  it('a token about to expire is refreshed once although two replicas ask for it at the same moment', async () => {
    const locationId = `locRace${randomBytes(6).toString('hex')}`;
    const oauth = createGhlOAuthClient({
      baseUrl: ghl.url,
      clientId: ghl.oauth.clientId,
      clientSecret: ghl.oauth.clientSecret,
    });
    // Tokens that expire within the renewal margin (5 minutes) are renewed on their next use.
    ghl.oauth.setAccessTokenLifetime(60);
    const a = replica();
    const b = replica();
    try {
      await a.saveGrant(
        await oauth.exchangeCode(
          ghl.oauth.issueCode({ userType: 'Location', companyId: 'cmpRace', locationId }),
        ),
      );
    } finally {
      // Only the stored token is short-lived: a renewed one lasts GHL's day, so a replica that reads
      // it after the renewal committed uses it instead of renewing again.
      ghl.oauth.setAccessTokenLifetime(86_399);
    }
    const before = refreshGrants().length;
    const [ta, tb, ta2, tb2] = await Promise.all([
      a.token(locationId),
      b.token(locationId),
      a.token(locationId),
      b.token(locationId),
    ]);
    // The fake refuses a refresh token used twice (single use): a second refresher would have failed.
    expect(refreshGrants().length - before).toBe(1);
    const issued = ghl.oauth.accessTokensOf(locationId);
    expect(issued).toHaveLength(2);
    expect(new Set([ta, tb, ta2, tb2])).toEqual(new Set([issued[1]]));
  });

  it('a token GHL refused (401) is renewed once, and the caller that lost the race takes the stored one', async () => {
    const locationId = `locRej${randomBytes(6).toString('hex')}`;
    const a = replica();
    const b = replica();
    const oauth = createGhlOAuthClient({
      baseUrl: ghl.url,
      clientId: ghl.oauth.clientId,
      clientSecret: ghl.oauth.clientSecret,
    });
    await a.saveGrant(
      await oauth.exchangeCode(ghl.oauth.issueCode({ userType: 'Location', companyId: 'cmpR', locationId })),
    );
    const first = await a.token(locationId);
    const before = refreshGrants().length;
    const [fa, fb] = await Promise.all([
      a.refreshAfterRejection(locationId, first),
      b.refreshAfterRejection(locationId, first),
    ]);
    expect(refreshGrants().length - before).toBe(1);
    expect(fa).toBe(fb);
    expect(fa).not.toBe(first);
    expect(await b.token(locationId)).toBe(fa);
  });

  it('the stored row holds neither token in the clear', async () => {
    const locationId = `locSeal${randomBytes(6).toString('hex')}`;
    const oauth = createGhlOAuthClient({
      baseUrl: ghl.url,
      clientId: ghl.oauth.clientId,
      clientSecret: ghl.oauth.clientSecret,
    });
    const grant = await oauth.exchangeCode(
      ghl.oauth.issueCode({ userType: 'Location', companyId: 'cmpS', locationId }),
    );
    await replica().saveGrant(grant);
    const rows = await tdb.db.query('SELECT * FROM ghl_oauth_tokens WHERE resource_id = $1', [locationId]);
    const raw = JSON.stringify(rows.rows);
    expect(rows.rows).toHaveLength(1);
    expect(raw).not.toContain(grant.accessToken);
    expect(raw).not.toContain(grant.refreshToken);
    // Another key cannot read them.
    const stranger = createLocationTokens({ db: tdb.db, cipher: createTokenCipher(randomBytes(32)), oauth });
    await expect(stranger.token(locationId)).rejects.toThrow();
  });

  it('a location token minted from the agency token is renewed by minting again; an agency uninstall drops both', async () => {
    const companyId = `cmpMint${randomBytes(6).toString('hex')}`;
    const locationId = `locMint${randomBytes(6).toString('hex')}`;
    const oauth = createGhlOAuthClient({
      baseUrl: ghl.url,
      clientId: ghl.oauth.clientId,
      clientSecret: ghl.oauth.clientSecret,
    });
    const tokens = replica();
    await tokens.saveGrant(await oauth.exchangeCode(ghl.oauth.issueCode({ userType: 'Company', companyId })));
    ghl.oauth.setAccessTokenLifetime(60);
    expect(await tokens.mintFromCompany(companyId, locationId)).toBe(true);
    ghl.oauth.setAccessTokenLifetime(86_399);
    const mints = () => ghl.requests.filter((r) => r.path === '/oauth/locationToken').length;
    const before = mints();
    // The minted token expires within the renewal margin: its next use mints a new one.
    const renewed = await tokens.token(locationId);
    expect(mints() - before).toBe(1);
    expect(renewed).toBe(ghl.oauth.accessTokensOf(locationId).at(-1));
    expect(await tokens.token(locationId)).toBe(renewed);
    expect(await tokens.uninstall({ companyId })).toBe(2);
    expect(await tokens.serves(locationId)).toBe(false);
    await expect(tokens.token(locationId)).rejects.toThrow(/not installed/);
  });

  it('a reused refresh token is refused by GHL with invalid_grant, named in the error', async () => {
    const oauth = createGhlOAuthClient({
      baseUrl: ghl.url,
      clientId: ghl.oauth.clientId,
      clientSecret: ghl.oauth.clientSecret,
    });
    const grant = await oauth.exchangeCode(
      ghl.oauth.issueCode({ userType: 'Location', companyId: 'cmpU', locationId: 'locReuse0000000001' }),
    );
    await oauth.refresh(grant.refreshToken!, 'Location');
    const err = await oauth.refresh(grant.refreshToken!, 'Location').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GhlOAuthError);
    expect((err as GhlOAuthError).status).toBe(400);
    expect((err as GhlOAuthError).code).toBe('invalid_grant');
    expect((err as Error).message).not.toContain(grant.refreshToken!);
  });
});
