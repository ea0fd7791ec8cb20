// Which token a GHL call for a location uses: the Private Integration token for its own location,
// else the location's OAuth token from the Marketplace install, renewed before it expires.
// Renewal is one caller per location across replicas: the row is locked (SELECT … FOR UPDATE) for
// the refresh, and the new pair replaces the old only if the spent refresh token is still the
// stored one. A caller that waited on the lock finds a newer token and uses it instead.
// The one place a connection is held across a network call: the refresh must not be spent unless
// its result is stored, and a refresh token works once. It happens about once a day per location
// and lasts at most the token request's timeout (on PGlite other queries wait that long).
import { CrmError, type Db, type Sql } from '../../ports.ts';
import {
  deleteTokens,
  findToken,
  listCompanyTokens,
  lockToken,
  replaceToken,
  saveToken,
  type TokenRow,
} from '../postgres/ghl-token-repo.ts';
import type { GhlOAuthClient, TokenGrant } from './oauth-client.ts';
import type { TokenCipher } from './token-crypto.ts';

export interface LocationTokensLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface LocationTokensOptions {
  db: Db;
  cipher: TokenCipher;
  /** Null when no Marketplace app is configured: only the Private Integration token serves. */
  oauth: GhlOAuthClient | null;
  pit?: { locationId: string; token: string };
  now?: () => number;
  /** Renew this long before expiry (default 5 minutes; GHL tokens live a day). */
  refreshMarginMs?: number;
  logger?: LocationTokensLogger;
}

export interface LocationTokens {
  /** The bearer token for calls on this location's behalf. */
  token(locationId: string): Promise<string>;
  /** GHL refused `rejected` (401): a renewed token, or undefined when there is none to get. */
  refreshAfterRejection(locationId: string, rejected: string): Promise<string | undefined>;
  /** Webhooks of this location are ours: the PIT location or an installed one. */
  serves(locationId: string): Promise<boolean>;
  /** A location token is stored (no minting). */
  installed(locationId: string): Promise<boolean>;
  /** Stores what the code exchange (or a mint) returned. Returns the resource it belongs to. */
  saveGrant(grant: TokenGrant): Promise<{ userType: 'Location' | 'Company'; resourceId: string }>;
  /** A location installed under a company we hold a token for: mint and store its token. */
  mintFromCompany(companyId: string, locationId: string): Promise<boolean>;
  uninstall(target: { locationId?: string; companyId?: string }): Promise<number>;
}

export class LocationNotInstalledError extends CrmError {
  constructor(locationId: string) {
    super(`GHL location ${locationId} has no token: the app is not installed there`, 401, false);
    this.name = 'LocationNotInstalledError';
  }
}

export function createLocationTokens(opts: LocationTokensOptions): LocationTokens {
  const now = opts.now ?? Date.now;
  const margin = opts.refreshMarginMs ?? 5 * 60_000;
  const { db, cipher, oauth } = opts;
  // Several calls of one process for the same location share one renewal.
  const inFlight = new Map<string, Promise<string>>();

  const open = (row: TokenRow, which: 'access' | 'refresh') => {
    const sealed = which === 'access' ? row.accessSealed : row.refreshSealed;
    if (sealed === null) throw new Error(`no ${which} token stored for ${row.resourceId}`);
    return cipher.open(sealed, `${row.resourceId}:${which}`);
  };
  const sealed = (
    resourceId: string,
    userType: TokenRow['userType'],
    companyId: string | null,
    g: TokenGrant,
  ) => ({
    resourceId,
    userType,
    companyId,
    accessSealed: cipher.seal(g.accessToken, `${resourceId}:access`),
    refreshSealed: g.refreshToken ? cipher.seal(g.refreshToken, `${resourceId}:refresh`) : null,
    expiresAt: new Date(now() + g.expiresInSec * 1000),
    scope: g.scope ?? null,
  });
  const expiring = (row: TokenRow) => row.expiresAt.getTime() - now() <= margin;

  /** Under the row lock: renew unless someone already replaced the token `seen`. */
  async function renewIn(tx: Sql, resourceId: string, seen: string | null): Promise<string> {
    const row = await lockToken(tx, resourceId);
    if (!row) throw new LocationNotInstalledError(resourceId);
    if (seen !== null && row.accessSealed !== seen) return open(row, 'access');
    if (!oauth) throw new LocationNotInstalledError(resourceId);
    let grant: TokenGrant;
    if (row.refreshSealed !== null) {
      grant = await oauth.refresh(open(row, 'refresh'), row.userType);
    } else if (row.companyId) {
      const companyToken = await accessIn(tx, row.companyId);
      grant = await oauth.mintLocationToken(companyToken, row.companyId, resourceId);
    } else {
      throw new LocationNotInstalledError(resourceId);
    }
    const next = sealed(resourceId, row.userType, row.companyId, grant);
    // Same transaction, same lock: the check cannot fail unless the row changed under a bug.
    if (!(await replaceToken(tx, row.refreshSealed, next))) throw new LocationNotInstalledError(resourceId);
    opts.logger?.info({ resourceId, userType: row.userType }, 'GHL OAuth token renewed');
    return grant.accessToken;
  }

  /** A company's access token inside a transaction, renewed when it is about to expire. */
  async function accessIn(tx: Sql, companyId: string): Promise<string> {
    const row = await findToken(tx, companyId);
    if (!row) throw new LocationNotInstalledError(companyId);
    return expiring(row) ? renewIn(tx, companyId, row.accessSealed) : open(row, 'access');
  }

  function renew(resourceId: string, seen: string | null): Promise<string> {
    const running = inFlight.get(resourceId);
    if (running) return running;
    const p = db
      .transaction((tx) => renewIn(tx, resourceId, seen))
      .finally(() => inFlight.delete(resourceId));
    inFlight.set(resourceId, p);
    return p;
  }

  async function mintFromCompany(companyId: string, locationId: string): Promise<boolean> {
    if (!oauth) return false;
    const company = await findToken(db, companyId);
    if (company?.userType !== 'Company') return false;
    const companyToken = expiring(company)
      ? await db.transaction((tx) => renewIn(tx, companyId, company.accessSealed))
      : open(company, 'access');
    // A minted token carries no refresh token: renewing means minting again from the company.
    const { refreshToken: _none, ...grant } = await oauth.mintLocationToken(
      companyToken,
      companyId,
      locationId,
    );
    await saveToken(db, sealed(locationId, 'Location', companyId, grant));
    opts.logger?.info({ companyId, locationId }, 'GHL location token minted from the company install');
    return true;
  }

  /** First use of a location no install told us about: any company we hold may own it. */
  async function mintOnFirstUse(locationId: string): Promise<TokenRow | undefined> {
    if (!oauth) return undefined;
    for (const company of await listCompanyTokens(db)) {
      try {
        if (await mintFromCompany(company.resourceId, locationId)) return findToken(db, locationId);
      } catch (err) {
        opts.logger?.warn(
          { companyId: company.resourceId, locationId, status: err instanceof CrmError ? err.status : null },
          'could not mint a GHL location token from the company install',
        );
      }
    }
    return undefined;
  }

  // A location's access token, remembered for a minute (never past the point where it is due for
  // renewal), so a busy location's calls do not each read and unseal the stored row. A token renewed
  // or revoked meanwhile by another replica is caught by GHL's 401 (refreshAfterRejection).
  const remembered = new Map<string, { token: string; until: number }>();
  const REMEMBER_MS = 60_000;

  async function token(locationId: string): Promise<string> {
    if (opts.pit && locationId === opts.pit.locationId) return opts.pit.token;
    const hit = remembered.get(locationId);
    if (hit && now() < hit.until) return hit.token;
    const row = (await findToken(db, locationId)) ?? (await mintOnFirstUse(locationId));
    if (row?.userType !== 'Location') throw new LocationNotInstalledError(locationId);
    if (expiring(row)) return renew(locationId, row.accessSealed);
    const access = open(row, 'access');
    if (remembered.size >= 10_000) remembered.delete(remembered.keys().next().value as string);
    remembered.set(locationId, {
      token: access,
      until: Math.min(now() + REMEMBER_MS, row.expiresAt.getTime() - margin),
    });
    return access;
  }

  return {
    token,
    async refreshAfterRejection(locationId, rejected) {
      if (opts.pit && locationId === opts.pit.locationId) return undefined;
      remembered.delete(locationId);
      const row = await findToken(db, locationId);
      if (row?.userType !== 'Location') return undefined;
      const current = open(row, 'access');
      return current !== rejected ? current : renew(locationId, row.accessSealed);
    },
    async serves(locationId) {
      if (opts.pit && locationId === opts.pit.locationId) return true;
      const row = await findToken(db, locationId);
      if (row) return row.userType === 'Location';
      return (await mintOnFirstUse(locationId)) !== undefined;
    },
    installed: async (locationId) => (await findToken(db, locationId))?.userType === 'Location',
    async saveGrant(grant) {
      if (grant.userType === 'Company') {
        if (!grant.companyId) throw new CrmError('GHL company token without a companyId', null, false);
        await saveToken(db, sealed(grant.companyId, 'Company', grant.companyId, grant));
        return { userType: 'Company', resourceId: grant.companyId };
      }
      if (!grant.locationId) throw new CrmError('GHL location token without a locationId', null, false);
      await saveToken(db, sealed(grant.locationId, 'Location', grant.companyId ?? null, grant));
      return { userType: 'Location', resourceId: grant.locationId };
    },
    mintFromCompany,
    uninstall: (target) => {
      remembered.clear();
      return deleteTokens(db, target);
    },
  };
}
