// Builds the service in memory (no port, no workers) and returns its OpenAPI description.
import { Writable } from 'node:stream';
import { createPgliteDb } from '../../src/adapters/postgres/pglite-db.ts';
import { buildService } from '../../src/wiring/service.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/observability/logger.ts';
import type { Db } from '../../src/ports.ts';

/**
 * The settings the published description is generated with: the defaults, an API token (so the
 * bearer requirement shows) and every optional route switched on. Nothing from the caller's
 * environment is read, so every machine generates the same file.
 */
export const specEnv: Record<string, string> = {
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'silent',
  JORGE_API_TOKEN: 'openapi-generation-token',
  FEATURE_MCP: 'true',
  WORKERS_ENABLED: 'false',
};

/** The service's OpenAPI document, as `GET /openapi.json` serves it with `specEnv`. */
export async function buildOpenApiSpec(opts: { db?: Db } = {}): Promise<unknown> {
  const config = loadConfig(specEnv);
  const quiet = new Writable({ write: (_c, _e, cb) => cb() });
  const db = opts.db ?? (await createPgliteDb(undefined));
  const service = await buildService(config, {
    db,
    logger: createLogger({ level: 'silent', destination: quiet }),
  });
  try {
    await service.app.ready();
    return service.app.swagger();
  } finally {
    await service.stop();
    if (!opts.db) await db.close();
  }
}
