import {
  claimedInboxEvent,
  type InboxRow,
  listPendingInbox,
  lockContact,
  markInboxDone,
  nextPendingForContact,
  giveBackInboxAttempt,
  recordInboxFailure,
  startInboxAttempt,
  tryLockContact,
} from '../adapters/postgres/inbox-repo.ts';
import { isDatabaseUnreachable } from '../adapters/postgres/db.ts';
import type { Logger } from '../observability/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { Clock, Db } from '../ports.ts';
import { handleInboxEvent, type TurnDeps } from './handle-inbox-event.ts';
import { statusLabel } from '../adapters/postgres/deliveries-repo.ts';
import { type ParkedEvent, parkEvent, reportParked } from './park-inbox-event.ts';
import { TurnOverrunError, withinBudget } from './turn-budget.ts';
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
  /** Attempts an event gets (each counted when it starts) before it is parked (INBOX_MAX_ATTEMPTS). */
  maxAttempts?: number;
  /** A turn running longer is abandoned and counted as an overrun attempt (TURN_BUDGET_MS). */
  turnBudgetMs?: number;
  /** The turn's dependencies as a location sees them (its stored settings); default: as given. */
  turnDepsFor?: (locationId: string, base: TurnDeps) => Promise<TurnDeps>;
}

export type ProcessResult = 'done' | 'locked' | 'empty';

// Between counting an attempt and taking the contact's lock again for the turn, the claim keeps
// other workers off the event. The claimer waits at most CLAIM_LOCK_WAIT_MS for that lock, well
// inside the lease, so an event is never run by two workers on one count. After a crash the
// event waits out the lease before the next worker counts it again.
const CLAIM_LEASE_MS = 10_000;
const CLAIM_LOCK_WAIT_MS = 5_000;

type Claim =
  | { kind: 'locked' | 'empty' }
  | { kind: 'parked'; parked: ParkedEvent }
  | { kind: 'claimed'; row: InboxRow; attempt: number };

/**
 * Processes inbox events strictly in order per contact and never two of one contact at once, also
 * across processes: each turn runs in one transaction holding a Postgres advisory lock on the
 * contact and takes that contact's oldest pending event. Its attempt is counted in a commit of its
 * own first, so an event whose turn kills or freezes the process is parked after `maxAttempts`
 * starts instead of taking down every worker that picks it up.
 */
export function createInboxWorker(deps: InboxWorkerDeps) {
  const maxAttempts = deps.maxAttempts ?? 3;
  const budgetMs = deps.turnBudgetMs ?? 60_000;

  /** Under the contact's lock: park the oldest event if it ran out of attempts, else count one. */
  async function claim(locationId: string, contactId: string): Promise<Claim> {
    return deps.db.transaction(async (tx): Promise<Claim> => {
      if (!(await tryLockContact(tx, locationId, contactId))) return { kind: 'locked' };
      const row = await nextPendingForContact(tx, locationId, contactId, CLAIM_LEASE_MS);
      if (!row) return { kind: 'empty' };
      if (row.in_flight) return { kind: 'locked' };
      if (row.attempts >= maxAttempts) {
        // Every attempt was counted when it started and none finished: each one died with its
        // process (crash, OOM, freeze ended by a restart).
        const parked: ParkedEvent = {
          id: row.id,
          locationId,
          contactId,
          attempts: row.attempts,
          reason: 'crashed',
          error: `started ${row.attempts} times without finishing`,
        };
        await parkEvent(tx, parked, deps.clock.now());
        return { kind: 'parked', parked };
      }
      return { kind: 'claimed', row, attempt: await startInboxAttempt(tx, row.id) };
    });
  }

  async function processOne(locationId: string, contactId: string): Promise<ProcessResult> {
    const c = await claim(locationId, contactId);
    if (c.kind === 'parked') {
      reportParked(deps, c.parked);
      deps.onOutbox();
      return 'done';
    }
    if (c.kind !== 'claimed') return c.kind;
    const { row, attempt } = c;
    const started = performance.now();
    try {
      // Read before the transaction: nothing the turn holds waits on it.
      const turnDeps = deps.turnDepsFor ? await deps.turnDepsFor(locationId, deps) : deps;
      const out = await deps.db.transaction(async (tx) => {
        if (!(await lockContact(tx, locationId, contactId, CLAIM_LOCK_WAIT_MS)))
          return { result: 'lost' as const };
        const current = await claimedInboxEvent(tx, row.id, attempt);
        if (!current) return { result: 'lost' as const };
        const now = (deps.clockFor?.(locationId) ?? deps.clock).now();
        const turn = await withinBudget(tx, budgetMs, (guarded) =>
          handleInboxEvent(guarded, current, turnDeps, now),
        );
        await markInboxDone(tx, current.id, now);
        return { result: 'done' as const, turn };
      });
      // Another worker took the event over after our claim lapsed; it is theirs now.
      if (out.result === 'lost') return 'locked';
      if (out.turn.bot)
        deps.metrics.turnDuration.observe({ bot: out.turn.bot }, (performance.now() - started) / 1000);
      if (out.turn.outboxRows > 0) deps.onOutbox();
      if (out.turn.ignored) {
        deps.metrics.inboundNotAnswered.inc({ reason: out.turn.ignored });
        deps.logger.info(
          { locationId, contactId, inboxId: row.id, reason: out.turn.ignored },
          'inbound message from a member of staff: recorded, no bot answers',
        );
      }
      if (out.turn.optOut) deps.metrics.ops.optOuts.inc({ source: out.turn.optOut });
      // A report that may be of a send still awaiting GHL's answer is counted when it is stored.
      if (out.turn.delivery && !out.turn.delivery.awaitingSend)
        deps.metrics.messageDelivery.inc({
          status: statusLabel(out.turn.delivery.status ?? undefined),
          sender: out.turn.delivery.ours ? 'bot' : 'other',
        });
      return 'done';
    } catch (err) {
      if (isDatabaseUnreachable(err)) {
        // Not the event's fault: give the attempt back (if the database already answers) and let
        // the loop back off; the event is taken again once the database is back.
        await giveBackInboxAttempt(deps.db, row.id, attempt).catch(() => {});
        throw err;
      }
      await recordFailure(row, attempt, err);
      return 'done';
    }
  }

  async function recordFailure(row: InboxRow, attempt: number, err: unknown): Promise<void> {
    const overrun = err instanceof TurnOverrunError;
    if (overrun) deps.metrics.turnOverruns.inc();
    const message = (err as Error)?.message ?? String(err);
    const parked: ParkedEvent = {
      id: row.id,
      locationId: row.location_id,
      contactId: row.contact_id,
      attempts: attempt,
      reason: overrun ? 'overrun' : 'failed',
      error: message,
    };
    const verdict = await deps.db.transaction(async (tx) => {
      const v = await recordInboxFailure(
        tx,
        row.id,
        attempt,
        message,
        maxAttempts,
        overrun ? 'dead' : 'failed',
      );
      if (v === 'dead' || v === 'failed') await parkEvent(tx, parked, deps.clock.now(), true);
      return v;
    });
    deps.logger.error(
      { err, inboxId: row.id, attempt, verdict },
      overrun ? 'turn overran its budget' : 'turn failed',
    );
    if (verdict !== 'dead' && verdict !== 'failed') return;
    reportParked(deps, parked);
    deps.onOutbox();
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
