import {
  type InboxRow,
  listPendingInbox,
  markInboxDone,
  nextPendingForContact,
  recordInboxFailure,
  tryLockContact,
} from '../adapters/postgres/inbox-repo.ts';
import { audit } from '../adapters/postgres/contacts-repo.ts';
import type { Logger } from '../observability/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { Clock, Db } from '../ports.ts';
import { handleInboxEvent, type TurnDeps } from './handle-inbox-event.ts';
import { createWakeableLoop } from './wakeable-loop.ts';

export interface InboxWorkerDeps extends TurnDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  /** Called after a turn committed CRM actions, to wake the outbox drainer. */
  onOutbox: () => void;
  concurrency: number;
  /** The clock a location's turns run on (the sandbox has its own, movable one). */
  clockFor?: (locationId: string) => Clock;
  pollMs?: number;
  maxAttempts?: number;
}

export type ProcessResult = 'done' | 'locked' | 'empty';

/**
 * Processes inbox events strictly in order per contact and never two of one contact at once, also
 * across processes: each turn runs in one transaction holding a Postgres advisory lock on the
 * contact and takes that contact's oldest pending event.
 */
export function createInboxWorker(deps: InboxWorkerDeps) {
  const maxAttempts = deps.maxAttempts ?? 3;

  async function processOne(locationId: string, contactId: string): Promise<ProcessResult> {
    let current: InboxRow | null = null;
    const started = performance.now();
    try {
      const out = await deps.db.transaction(async (tx) => {
        if (!(await tryLockContact(tx, locationId, contactId))) return { result: 'locked' as const };
        current = await nextPendingForContact(tx, locationId, contactId);
        if (!current) return { result: 'empty' as const };
        const now = (deps.clockFor?.(locationId) ?? deps.clock).now();
        const turn = await handleInboxEvent(tx, current, deps, now);
        await markInboxDone(tx, current.id, now);
        return { result: 'done' as const, turn };
      });
      if (out.result === 'done') {
        if (out.turn.bot)
          deps.metrics.turnDuration.observe({ bot: out.turn.bot }, (performance.now() - started) / 1000);
        if (out.turn.outboxRows > 0) deps.onOutbox();
      }
      return out.result;
    } catch (err) {
      const failed = current as InboxRow | null;
      if (!failed) throw err;
      const verdict = await recordInboxFailure(
        deps.db,
        failed.id,
        (err as Error).message ?? String(err),
        maxAttempts,
      );
      deps.logger.error({ err, inboxId: failed.id, verdict }, 'turn failed');
      if (verdict === 'failed') {
        await audit(deps.db, {
          locationId,
          contactId,
          actor: 'system',
          action: 'turn_failed',
          detail: { inboxId: failed.id, error: (err as Error).message },
          at: deps.clock.now(),
        });
      }
      return 'done';
    }
  }

  /** One pass over the oldest pending events; true if anything was processed. */
  async function runOnce(): Promise<boolean> {
    const pending = await listPendingInbox(deps.db, 200);
    const seen = new Set<string>();
    let progressed = false;
    for (const r of pending) {
      const key = `${r.location_id}\u0000${r.contact_id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if ((await processOne(r.location_id, r.contact_id)) === 'done') progressed = true;
    }
    return progressed;
  }

  /** Processes the contact's events up to and including `inboxId` (the sandbox's synchronous path). */
  async function processThrough(
    locationId: string,
    contactId: string,
    inboxId: number,
    timeoutMs = 15_000,
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await deps.db.query<{ status: string }>(`SELECT status FROM inbox WHERE id = $1`, [
        inboxId,
      ]);
      if (rows[0]?.status !== 'pending') return;
      const r = await processOne(locationId, contactId);
      if (r === 'locked') {
        if (Date.now() > deadline) throw new Error('timed out waiting for the contact lock');
        await new Promise((res) => setTimeout(res, 5));
      }
    }
  }

  const loops = Array.from({ length: deps.concurrency }, () =>
    createWakeableLoop(runOnce, {
      idleMs: deps.pollMs ?? 250,
      onError: (err) => deps.logger.error({ err }, 'inbox worker error'),
    }),
  );

  return {
    processOne,
    processThrough,
    runOnce,
    start: () => {
      for (const l of loops) l.start();
    },
    notify: () => {
      for (const l of loops) l.wake();
    },
    stop: () => Promise.all(loops.map((l) => l.stop())).then(() => undefined),
  };
}

export type InboxWorker = ReturnType<typeof createInboxWorker>;
