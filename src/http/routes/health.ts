import type { FastifyInstance } from 'fastify';
import type { HttpDeps } from '../deps.ts';

/**
 * Adapter modes without what follows the kind (data directory, API base URL, model names): the
 * probe is public, so it says which adapters run, not where they point.
 */
function publicModes(modes: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(modes).map(([k, v]) => [k, v.replace(/\s*\([^)]*\)/g, '')]));
}

/**
 * GET /healthz (process up), GET /readyz (database reachable, writable, room on the embedded
 * database's disk, migrations applied), GET /metrics.
 */
export async function healthRoutes(app: FastifyInstance, deps: HttpDeps): Promise<void> {
  app.get('/healthz', { schema: { summary: 'Liveness', tags: ['operations'] } }, async () => ({
    status: 'ok',
  }));

  app.get(
    '/readyz',
    { schema: { summary: 'Readiness: database reachable and migrated', tags: ['operations'] } },
    async (req, reply) => {
      // The embedded database's disk below DATA_DIR_MIN_FREE_MB: writes are refused until space is back.
      const space = deps.storageSpace?.problem();
      if (space) {
        reply.code(503);
        return { status: 'not_ready', reason: space.message };
      }
      try {
        // A session the server makes read-only (a standby after failover, default_transaction_read_only)
        // can read but not accept a webhook: not ready, so traffic goes to a replica that can.
        if (await deps.stores.operations.readOnly(deps.db)) {
          reply.code(503);
          return { status: 'not_ready', reason: 'database is read-only' };
        }
        const pending = await deps.stores.operations.pendingMigrations(deps.db);
        if (pending.length > 0) {
          reply.code(503);
          return { status: 'not_ready', reason: `migrations not applied: ${pending.join(', ')}` };
        }
        return { status: 'ready', modes: publicModes(deps.modes) };
      } catch (err) {
        // The driver's message may name hosts, users or files: it goes to the log, not the answer.
        req.log.warn({ err }, 'readiness check: database unreachable');
        reply.code(503);
        return { status: 'not_ready', reason: 'database unreachable' };
      }
    },
  );

  app.get(
    '/metrics',
    { schema: { summary: 'Prometheus metrics', tags: ['operations'] } },
    async (_req, reply) => {
      try {
        const { operations } = deps.stores;
        const stats = await operations.outboxStats(deps.db, deps.clock.now());
        deps.metrics.outboxDepth.set(stats.depth);
        deps.metrics.outboxOldestAge.set(stats.oldestAgeSeconds);
        deps.metrics.inboxDepth.set(await operations.pendingInboxCount(deps.db));
        const b = await operations.backlog(deps.db, deps.clock.now());
        const { ops } = deps.metrics;
        ops.inboxOldestAge.set(b.inboxOldestAgeSeconds);
        ops.outboxOldestDue.set(b.outboxOldestDueSeconds);
        ops.followUpsOverdue.set(b.followUpsOverdue);
        ops.followUpOldestOverdue.set(b.followUpOldestOverdueSeconds);
        ops.escalationsOpen.set(b.escalationsOpen);
        ops.escalationOldestOpen.set(b.escalationOldestOpenAgeSeconds);
      } catch {
        // Still serve the process metrics when the database is down.
      }
      reply.type(deps.metrics.registry.contentType);
      return deps.metrics.registry.metrics();
    },
  );
}
