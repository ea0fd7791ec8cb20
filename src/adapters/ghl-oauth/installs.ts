// Marketplace installs as the HTTP side sees them: the OAuth callback, the INSTALL / UNINSTALL app
// events (docs/webhook events/AppInstall.md, AppUninstall.md in GoHighLevel/highlevel-api-docs), and
// which locations' webhooks are ours.
import type { LocationTokens } from './location-tokens.ts';
import type { GhlOAuthClient } from './oauth-client.ts';

export interface GhlInstalls {
  /** Exchanges the callback's code and stores the tokens; throws GhlOAuthError when GHL refuses. */
  completeInstall(code: string): Promise<{ userType: 'Location' | 'Company'; resourceId: string }>;
  /** INSTALL / UNINSTALL events; undefined for any other event type. */
  handleAppEvent(payload: Record<string, unknown>): Promise<{ status: string; reason?: string } | undefined>;
  serves(locationId: string): Promise<boolean>;
}

export interface InstallsLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

export function createGhlInstalls(deps: {
  tokens: LocationTokens;
  oauth: GhlOAuthClient;
  clientId: string;
  logger?: InstallsLogger;
}): GhlInstalls {
  const { tokens, oauth, logger } = deps;
  // The app id is the client id's part before '-' (the official SDK's webhook check does the same).
  const appId = deps.clientId.split('-')[0];
  return {
    async completeInstall(code) {
      const grant = await oauth.exchangeCode(code);
      const saved = await tokens.saveGrant(grant);
      logger?.info(saved, 'GHL Marketplace app installed');
      return saved;
    },
    async handleAppEvent(payload) {
      const type = payload.type;
      if (type !== 'INSTALL' && type !== 'UNINSTALL') return undefined;
      const eventApp = str(payload.appId);
      if (eventApp && appId && eventApp !== appId)
        return { status: 'ignored', reason: 'event is for another app' };
      const locationId = str(payload.locationId);
      const companyId = str(payload.companyId);
      if (type === 'UNINSTALL') {
        const removed = await tokens.uninstall(locationId ? { locationId } : companyId ? { companyId } : {});
        logger?.info({ locationId, companyId, removed }, 'GHL Marketplace app uninstalled');
        return { status: 'uninstalled' };
      }
      // A location install's tokens come through the callback; one under a company we hold a token
      // for (agency install, bulk or future locations) is minted here.
      if (locationId && companyId && !(await tokens.installed(locationId))) {
        const minted = await tokens.mintFromCompany(companyId, locationId).catch((err: unknown) => {
          logger?.warn(
            { locationId, companyId, error: err instanceof Error ? err.message : 'unknown' },
            'could not mint a location token on INSTALL',
          );
          return false;
        });
        return minted
          ? { status: 'installed' }
          : { status: 'ignored', reason: 'no company token to mint with' };
      }
      return { status: 'installed' };
    },
    serves: (locationId) => tokens.serves(locationId),
  };
}
