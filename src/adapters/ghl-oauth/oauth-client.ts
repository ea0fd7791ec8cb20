// GHL's OAuth 2.0 token endpoints (GoHighLevel/highlevel-api-docs apps/oauth.json):
// POST /oauth/token, form-encoded (client_id, client_secret, grant_type authorization_code |
// refresh_token, code | refresh_token, user_type, redirect_uri), no Version header declared;
// POST /oauth/locationToken, form-encoded (companyId, locationId) with the company's bearer token
// and Version 2021-07-28. Refresh tokens are single use (docs/oauth/Faqs.md).
import { CrmError } from '../../ports.ts';

export type UserType = 'Location' | 'Company';

export interface TokenGrant {
  accessToken: string;
  /** Absent on location tokens minted from a company token. */
  refreshToken?: string;
  expiresInSec: number;
  userType: UserType;
  locationId?: string;
  companyId?: string;
  scope?: string;
}

/** GHL refused or could not be asked. `status` is GHL's (null: no answer); never holds a secret. */
export class GhlOAuthError extends CrmError {
  constructor(
    message: string,
    status: number | null,
    /** GHL's error name when it gave one (e.g. invalid_grant), else ''. */
    readonly code: string,
  ) {
    super(message, status, status === null || status === 429 || status >= 500);
    this.name = 'GhlOAuthError';
  }
}

export interface GhlOAuthClientOptions {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface GhlOAuthClient {
  exchangeCode(code: string): Promise<TokenGrant>;
  refresh(refreshToken: string, userType: UserType): Promise<TokenGrant>;
  mintLocationToken(companyToken: string, companyId: string, locationId: string): Promise<TokenGrant>;
}

const LOCATION_TOKEN_VERSION = '2021-07-28';
const SAFE_TEXT = /^[\w .,:;'()/-]{1,200}$/;

function describe(body: unknown, secrets: string[]): { text: string; code: string } {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const raw = [b.error_description, b.message].map((v) => (Array.isArray(v) ? v.join('; ') : v));
  let text = raw.find((v): v is string => typeof v === 'string' && v.trim() !== '') ?? '';
  // GHL's own words help the operator, but nothing that could carry a secret or a code is repeated.
  if (!SAFE_TEXT.test(text) || secrets.some((s) => s !== '' && text.includes(s))) text = '';
  const code = typeof b.error === 'string' && /^[\w -]{1,40}$/.test(b.error) ? b.error : '';
  return { text, code };
}

function toGrant(body: unknown, fallbackType: UserType): TokenGrant | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as Record<string, unknown>;
  if (typeof b.access_token !== 'string' || b.access_token === '') return undefined;
  const expires = Number(b.expires_in);
  const userType = b.userType === 'Company' || b.userType === 'Location' ? b.userType : fallbackType;
  return {
    accessToken: b.access_token,
    ...(typeof b.refresh_token === 'string' && b.refresh_token !== ''
      ? { refreshToken: b.refresh_token }
      : {}),
    expiresInSec: Number.isFinite(expires) && expires > 0 ? expires : 86_399,
    userType,
    ...(typeof b.locationId === 'string' && b.locationId !== '' ? { locationId: b.locationId } : {}),
    ...(typeof b.companyId === 'string' && b.companyId !== '' ? { companyId: b.companyId } : {}),
    ...(typeof b.scope === 'string' ? { scope: b.scope } : {}),
  };
}

export function createGhlOAuthClient(opts: GhlOAuthClientOptions): GhlOAuthClient {
  const doFetch = opts.fetch ?? globalThis.fetch;
  const base = opts.baseUrl.replace(/\/+$/, '');
  const timeoutMs = opts.timeoutMs ?? 15_000;

  async function post(
    what: string,
    path: string,
    form: Record<string, string>,
    headers: Record<string, string>,
    secrets: string[],
    fallbackType: UserType,
  ): Promise<TokenGrant> {
    let res: Response;
    let text: string;
    try {
      res = await doFetch(`${base}${path}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/json',
          ...headers,
        },
        body: new URLSearchParams(form).toString(),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await res.text();
    } catch (err) {
      const why = err instanceof Error && err.name === 'TimeoutError' ? 'timed out' : 'could not be reached';
      throw new GhlOAuthError(`GHL ${what}: GHL ${why}`, null, '');
    }
    let body: unknown;
    try {
      body = text.trim() === '' ? undefined : JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (!res.ok) {
      const { text: said, code } = describe(body, secrets);
      const detail = [code, said].filter(Boolean).join(': ');
      throw new GhlOAuthError(
        `GHL refused ${what} (HTTP ${res.status}${detail ? `, ${detail}` : ''})`,
        res.status,
        code,
      );
    }
    const grant = toGrant(body, fallbackType);
    if (!grant) throw new GhlOAuthError(`GHL ${what}: the answer has no access_token`, res.status, '');
    return grant;
  }

  const client = { client_id: opts.clientId, client_secret: opts.clientSecret };
  const redirect = opts.redirectUri ? { redirect_uri: opts.redirectUri } : {};
  return {
    exchangeCode: (code) =>
      post(
        'the authorization code',
        '/oauth/token',
        { ...client, grant_type: 'authorization_code', code, user_type: 'Location', ...redirect },
        {},
        [code, opts.clientSecret],
        'Location',
      ),
    refresh: (refreshToken, userType) =>
      post(
        'the token refresh',
        '/oauth/token',
        {
          ...client,
          grant_type: 'refresh_token',
          refresh_token: refreshToken,
          user_type: userType,
          ...redirect,
        },
        {},
        [refreshToken, opts.clientSecret],
        userType,
      ),
    mintLocationToken: (companyToken, companyId, locationId) =>
      post(
        'a location token',
        '/oauth/locationToken',
        { companyId, locationId },
        { Authorization: `Bearer ${companyToken}`, Version: LOCATION_TOKEN_VERSION },
        [companyToken, opts.clientSecret],
        'Location',
      ),
  };
}
