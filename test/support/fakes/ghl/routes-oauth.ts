// GHL's OAuth 2.0 endpoints for a Marketplace app, and the tokens they hand out.
// Sources: GoHighLevel/highlevel-api-docs apps/oauth.json (POST /oauth/token form-encoded with
// client_id, client_secret, grant_type authorization_code|refresh_token, code, refresh_token,
// user_type Company|Location, redirect_uri; POST /oauth/locationToken with companyId, locationId,
// Version header, Agency-Access-Only), docs/oauth/Faqs.md (access tokens last a day, refresh
// tokens a year "unless they are used"; using one issues a new one).
import { randomBytes } from 'node:crypto';
import { type Ctx, route, type Route } from './router.ts';
import type { Reply } from './wire.ts';

export interface FakeOAuthOptions {
  clientId?: string;
  clientSecret?: string;
  /** expires_in of every access token issued, seconds (GHL: 86399). Tests compress it. */
  accessTokenLifetimeSeconds?: number;
}

export interface OAuthGrant {
  userType: 'Location' | 'Company';
  companyId: string;
  /** For Location grants. */
  locationId?: string;
}

interface IssuedToken extends OAuthGrant {
  expiresAt: number;
}

export interface FakeOAuth {
  readonly clientId: string;
  readonly clientSecret: string;
  /** What the marketplace's chooselocation page would hand the redirect URL after consent. */
  issueCode(grant: OAuthGrant): string;
  setAccessTokenLifetime(seconds: number): void;
  /** Every live access token stops working now, as a day passing would do. */
  expireAccessTokens(): void;
  /** The app is removed from the location or company: its tokens stop working. */
  revoke(resourceId: string): void;
  /** Access tokens issued so far for a location (newest last). */
  accessTokensOf(locationId: string): string[];
  /** Who a bearer token belongs to: the grant, 'expired', or undefined for unknown tokens. */
  resolve(accessToken: string, now: number): OAuthGrant | 'expired' | undefined;
  routes: Route[];
}

const SCOPE =
  'contacts.readonly contacts.write conversations.readonly conversations.write conversations/message.readonly conversations/message.write calendars.readonly calendars/events.write locations.readonly locations/customFields.readonly locations/customFields.write';

const token = (prefix: string) => `${prefix}_${randomBytes(16).toString('hex')}`;

// 400/401/422 are the documented error statuses (apps/oauth.json, common BadRequestDTO /
// UnauthorizedDTO / UnprocessableDTO).
const bad = (message: string): Reply => ({ status: 400, body: { statusCode: 400, message } });
const unprocessable = (messages: string[]): Reply => ({
  status: 422,
  body: { statusCode: 422, message: messages, error: 'Unprocessable Entity' },
});
// ASSUMPTION: a used, unknown or revoked refresh token or code is answered 400 with the OAuth 2.0
// error name (RFC 6749 §5.2 "invalid_grant"); the exact GHL wording is undocumented (public clients
// check `error === 'invalid_grant'`; highlevel-api-docs issue #249 asks for the list of 400 texts).
const invalidGrant = (what: string): Reply => ({
  status: 400,
  body: { statusCode: 400, error: 'invalid_grant', message: `Invalid grant: ${what}` },
});
const unauthorized = (message: string): Reply => ({
  status: 401,
  body: { statusCode: 401, message, error: 'Unauthorized' },
});

function form(ctx: Ctx): URLSearchParams | undefined {
  const type = (ctx.headers['content-type'] ?? '').toLowerCase();
  if (!type.startsWith('application/x-www-form-urlencoded')) return undefined;
  return new URLSearchParams(ctx.raw.toString('utf8'));
}

export function createFakeOAuth(opts: FakeOAuthOptions = {}): FakeOAuth {
  const clientId = opts.clientId ?? '65f0a1b2c3d4e5f6a7b8c9d0-lkq2x9ab';
  const clientSecret = opts.clientSecret ?? 'fake-client-secret';
  let lifetimeSeconds = opts.accessTokenLifetimeSeconds ?? 86_399;
  const codes = new Map<string, OAuthGrant>();
  const access = new Map<string, IssuedToken>();
  const refresh = new Map<string, OAuthGrant>();
  const issuedFor = new Map<string, string[]>();

  function issueAccess(grant: OAuthGrant): { value: string; expiresIn: number } {
    const value = token(grant.userType === 'Company' ? 'oat_company' : 'oat_location');
    access.set(value, { ...grant, expiresAt: Date.now() + lifetimeSeconds * 1000 });
    const key = grant.locationId ?? grant.companyId;
    issuedFor.set(key, [...(issuedFor.get(key) ?? []), value]);
    return { value, expiresIn: lifetimeSeconds };
  }

  function tokenBody(grant: OAuthGrant, withRefresh: boolean): Record<string, unknown> {
    const a = issueAccess(grant);
    const body: Record<string, unknown> = {
      access_token: a.value,
      token_type: 'Bearer',
      expires_in: a.expiresIn,
      scope: SCOPE,
      userType: grant.userType,
      companyId: grant.companyId,
      userId: 'usr_fake_installer0001',
    };
    if (grant.locationId) body.locationId = grant.locationId;
    if (withRefresh) {
      const r = token('ort');
      refresh.set(r, grant);
      body.refresh_token = r;
    }
    if (grant.userType === 'Company') body.approvedLocations = [];
    return body;
  }

  const tokenRoute = route('POST', '/oauth/token', (ctx) => {
    const f = form(ctx);
    // The spec declares only application/x-www-form-urlencoded for this endpoint.
    if (!f) return unprocessable(['client_id must be a string', 'grant_type must be a string']);
    const problems: string[] = [];
    for (const k of ['client_id', 'client_secret', 'grant_type']) {
      if (!f.get(k)) problems.push(`${k} should not be empty`);
    }
    const userType = f.get('user_type');
    if (userType !== null && userType !== 'Location' && userType !== 'Company') {
      problems.push('user_type must be one of the following values: Company, Location');
    }
    if (problems.length > 0) return unprocessable(problems);
    if (f.get('client_id') !== clientId || f.get('client_secret') !== clientSecret) {
      return unauthorized('Invalid client credentials');
    }
    const grantType = f.get('grant_type');
    // ASSUMPTION: the code's install (sub-account or agency) decides the token's userType, whatever
    // user_type was sent; the spec lists user_type but not what a mismatch does.
    if (grantType === 'authorization_code') {
      const code = f.get('code') ?? '';
      const grant = codes.get(code);
      if (!grant) return invalidGrant('authorization code is invalid or was already used');
      codes.delete(code);
      return { status: 200, body: tokenBody(grant, true) };
    }
    if (grantType === 'refresh_token') {
      const r = f.get('refresh_token') ?? '';
      const grant = refresh.get(r);
      // Single use (docs/oauth/Faqs.md): the old one stops working as soon as it is used.
      if (!grant) return invalidGrant('refresh token is invalid');
      refresh.delete(r);
      return { status: 200, body: tokenBody(grant, true) };
    }
    return bad('grant_type must be one of authorization_code, refresh_token, client_credentials');
  });

  const locationTokenRoute = route('POST', '/oauth/locationToken', (ctx) => {
    const bearer = (ctx.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
    const who = fake.resolve(bearer, Date.now());
    if (who === 'expired') return unauthorized('Invalid JWT');
    if (!who) return unauthorized('Invalid token: access token is invalid');
    if (!ctx.headers.version) return unauthorized('version header was not found.');
    // Agency-Access-Only (apps/oauth.json security): a location token may not mint.
    if (who.userType !== 'Company') return unauthorized('The token is not authorized for this scope.');
    const f = form(ctx);
    const companyId = f?.get('companyId');
    const locationId = f?.get('locationId');
    const problems: string[] = [];
    if (!companyId) problems.push('companyId should not be empty');
    if (!locationId) problems.push('locationId should not be empty');
    if (problems.length > 0 || !companyId || !locationId) return unprocessable(problems);
    if (companyId !== who.companyId) return bad('Company id does not match the token');
    // The response has no refresh token: renew by minting again (apps/oauth.json response schema).
    const body = tokenBody({ userType: 'Location', companyId, locationId }, false);
    return { status: 200, body: { ...body, appId: clientId.split('-')[0], versionId: 'ver_fake_0001' } };
  });

  const fake: FakeOAuth = {
    clientId,
    clientSecret,
    issueCode(grant) {
      const code = randomBytes(20).toString('hex');
      codes.set(code, { ...grant });
      return code;
    },
    setAccessTokenLifetime(seconds) {
      lifetimeSeconds = seconds;
    },
    expireAccessTokens() {
      for (const t of access.values()) t.expiresAt = Math.min(t.expiresAt, Date.now() - 1);
    },
    revoke(resourceId) {
      for (const [k, t] of access)
        if (t.locationId === resourceId || t.companyId === resourceId) access.delete(k);
      for (const [k, g] of refresh)
        if (g.locationId === resourceId || g.companyId === resourceId) refresh.delete(k);
    },
    accessTokensOf: (locationId) => [...(issuedFor.get(locationId) ?? [])],
    resolve(accessToken, now) {
      const t = access.get(accessToken);
      if (!t) return undefined;
      if (t.expiresAt <= now) return 'expired';
      return {
        userType: t.userType,
        companyId: t.companyId,
        ...(t.locationId ? { locationId: t.locationId } : {}),
      };
    },
    routes: [tokenRoute, locationTokenRoute],
  };
  return fake;
}
