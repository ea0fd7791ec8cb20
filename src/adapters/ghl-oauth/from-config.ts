// GHL authentication from the config: the Private Integration token alone (one location), the
// Marketplace app's OAuth installs, or both at once.
import type { Config } from '../../config.ts';
import type { Db } from '../../ports.ts';
import type { GhlTokenProvider } from '../ghl/http.ts';
import { createGhlInstalls, type GhlInstalls, type InstallsLogger } from './installs.ts';
import { createLocationTokens } from './location-tokens.ts';
import { createGhlOAuthClient } from './oauth-client.ts';
import { createTokenCipher, loadOrCreateKeyFile, parseTokenKey } from './token-crypto.ts';

export interface GhlAuth {
  /** Null: no GHL at all (sandbox CRM). */
  tokens: GhlTokenProvider | null;
  installs: GhlInstalls | null;
}

export function ghlAuthFromConfig(config: Config, deps: { db: Db; logger: InstallsLogger }): GhlAuth {
  const pitToken = config.GHL_PRIVATE_TOKEN;
  if (!config.GHL_CLIENT_ID || !config.GHL_CLIENT_SECRET) {
    return { tokens: pitToken ? { token: async () => pitToken } : null, installs: null };
  }
  const key = config.TOKEN_ENCRYPTION_KEY
    ? parseTokenKey(config.TOKEN_ENCRYPTION_KEY)
    : loadOrCreateKeyFile(config.DATA_DIR);
  if (!key) throw new Error('TOKEN_ENCRYPTION_KEY is not a 32-byte key');
  const oauth = createGhlOAuthClient({
    baseUrl: config.GHL_API_BASE_URL,
    clientId: config.GHL_CLIENT_ID,
    clientSecret: config.GHL_CLIENT_SECRET,
    ...(config.GHL_OAUTH_REDIRECT_URI ? { redirectUri: config.GHL_OAUTH_REDIRECT_URI } : {}),
  });
  const tokens = createLocationTokens({
    db: deps.db,
    cipher: createTokenCipher(key),
    oauth,
    ...(pitToken && config.GHL_LOCATION_ID
      ? { pit: { locationId: config.GHL_LOCATION_ID, token: pitToken } }
      : {}),
    logger: deps.logger,
  });
  return {
    tokens,
    installs: createGhlInstalls({ tokens, oauth, clientId: config.GHL_CLIENT_ID, logger: deps.logger }),
  };
}
