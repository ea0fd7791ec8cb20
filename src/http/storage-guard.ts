import type { FastifyInstance } from 'fastify';
import type { HttpDeps } from './deps.ts';
import { ApiError } from './errors.ts';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * While the embedded database's disk is below its floor (DATA_DIR_MIN_FREE_MB), requests that may
 * write answer 503 with Retry-After instead of reaching the database: PGlite on a full disk blocks
 * the whole process (adapters/postgres/disk-space-guard.ts). Reads go on. The GHL webhook answers
 * 429 itself, after its signature check, because 429 is the status GHL retries.
 */
export function installStorageGuard(app: FastifyInstance, deps: HttpDeps): void {
  const space = deps.storageSpace;
  if (!space) return;
  app.addHook('preHandler', async (req) => {
    if (READS.has(req.method) || req.routeOptions.url === '/webhooks/ghl') return;
    const problem = space.problem();
    if (problem)
      throw new ApiError(
        'unavailable',
        `${problem.message}; nothing can be stored until space is freed, retry later`,
        {
          'retry-after': '60',
        },
      );
  });
}
