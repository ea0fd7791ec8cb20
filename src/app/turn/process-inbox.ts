import type { Logger } from '../../observability/logger.ts';
import type { Metrics } from '../../observability/metrics.ts';
import type { Clock, Db } from '../../ports.ts';
import { isDatabaseUnreachable } from '../../ports/database-errors.ts';
import type { ClaimedEvent, InboxQueue, InboxRow } from '../../ports/inbox-store.ts';
import type { TurnStore } from '../../ports/turn-store.ts';
import { handleInboxEvent, type TurnDeps } from './handle-inbox-event.ts';
import { statusLabel } from '../../domain/delivery-status.ts';
import { type ParkedEvent, parkEvent, reportParked } from './park-inbox-event.ts';
import { TurnOverrunError, withinBudget, withinTurnBudget } from './turn-budget.ts';
import { createWakeableLoop } from '../../resilience/wakeable-loop.ts';
import { withTransactionSlots } from './db-slots.ts';
import { type InboundTurnResult, runInboundTurn } from './run-turn.ts';

export interface InboxWorkerDeps extends TurnDeps {
  db: Db;
  /** Where events are claimed, renewed, finished or given up. */
  inbox: InboxQueue;
  /** Where a turn loads its basis and commits its plan. */
  turnStore: TurnStore;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  /** Called after a turn committed CRM actions, to wake the outbox drainer. */
  onOutbox: () => void;
  concurrency: number;
  /**
   * Turns one process runs at once (default: 8 × concurrency, at least 16). A turn waiting on the
   * network holds no connection, so this may well exceed the pool; commits queue for connections.
   */
  turnsInFlight?: number;
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
/** Oldest pending events one claim round looks through for contacts to start. */
const CLAIM_SCAN = 500;

type Claim =
  | { kind: 'locked' | 'empty' }
  | { kind: 'parked'; parked: ParkedEvent }
  | { kind: 'claimed'; row: InboxRow; attempt: number };

/**
 * Processes inbox events strictly in order per contact and never two of one contact at once, also
 * across processes. A claim (taken while the contact's Postgres advisory lock is free) takes the
 * contact's oldest pending event and counts its attempt in a commit of its own, so an
 * event whose turn kills or freezes the process is parked after `maxAttempts` starts instead of
 * taking down every worker that picks it up. The turn then gathers what it needs from the network
 * without the lock and commits in one transaction that takes the lock again (turn/run-turn.ts).
 * The dispatcher claims the events of many contacts in one statement per round.
 */
export function createInboxWorker(deps: InboxWorkerDeps) {
  const parkStores = { inbox: deps.inbox, stores: deps.escalation.stores };
  const maxAttempts = deps.maxAttempts ?? 3;
  const budgetMs = deps.turnBudgetMs ?? 60_000;
  // Claims and commits: as many open at once as there are workers (WORKER_CONCURRENCY).
  const db = withTransactionSlots(deps.db, deps.concurrency);

  /** Under the contact's lock: park the oldest event if it ran out of attempts, else count one. */
  async function claim(locationId: string, contactId: string): Promise<Claim> {
    const inbox = deps.inbox;
    return db.transaction(async (tx): Promise<Claim> => {
      if (!(await inbox.tryLockContact(tx, locationId, contactId))) return { kind: 'locked' };
      const row = await inbox.nextPendingForContact(tx, locationId, contactId, CLAIM_LEASE_MS);
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
        await parkEvent(parkStores, tx, parked, deps.clock.now());
        return { kind: 'parked', parked };
      }
      return { kind: 'claimed', row, attempt: await inbox.startAttempt(tx, row.id) };
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
    return runClaimed(c.row, c.attempt);
  }

  /** Runs the turn of an event whose attempt this worker counted (its claim). */
  async function runClaimed(row: InboxRow, attempt: number): Promise<ProcessResult> {
    const locationId = row.location_id;
    const contactId = row.contact_id;
    const started = performance.now();
    // The turn may wait on the network for a while without the lock: the claim's lease is kept
    // fresh so no other worker takes the event over meanwhile (after a crash it lapses as before).
    const heartbeat = setInterval(() => {
      deps.inbox.renewClaim(deps.db, row.id, attempt).catch(() => {});
    }, CLAIM_LEASE_MS / 4);
    heartbeat.unref();
    try {
      // Read before the transaction: nothing the turn holds waits on it.
      const turnDeps = deps.turnDepsFor ? await deps.turnDepsFor(locationId, deps) : deps;
      const now = (deps.clockFor?.(locationId) ?? deps.clock).now();
      const p = row.payload;
      const out: InboundTurnResult =
        p.kind === 'inbound_message'
          ? await withinTurnBudget(db, budgetMs, (db) =>
              runInboundTurn(
                deps.turnStore,
                db,
                { id: row.id, locationId, contactId, payload: p },
                turnDeps,
                { inboxId: row.id, attempt, lockWaitMs: CLAIM_LOCK_WAIT_MS },
                now,
              ),
            )
          : await db.transaction(async (tx): Promise<InboundTurnResult> => {
              if (!(await deps.inbox.lockContact(tx, locationId, contactId, CLAIM_LOCK_WAIT_MS)))
                return { result: 'lost' };
              const current = await deps.inbox.claimedEvent(tx, row.id, attempt);
              if (!current) return { result: 'lost' };
              const turn = await withinBudget(tx, budgetMs, (guarded) =>
                handleInboxEvent(guarded, current, turnDeps, now),
              );
              await deps.inbox.markDone(tx, current.id, now);
              return { result: 'done', turn };
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
        await deps.inbox.giveBackAttempt(deps.db, row.id, attempt).catch(() => {});
        throw err;
      }
      await recordFailure(row, attempt, err);
      return 'done';
    } finally {
      clearInterval(heartbeat);
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
      const v = await deps.inbox.recordFailure(
        tx,
        row.id,
        attempt,
        message,
        maxAttempts,
        overrun ? 'dead' : 'failed',
      );
      if (v === 'dead' || v === 'failed') await parkEvent(parkStores, tx, parked, deps.clock.now(), true);
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

  const maxInFlight = deps.turnsInFlight ?? Math.max(16, deps.concurrency * 8);
  // A claim round is one statement for up to this many free places or more: finished turns wake
  // the dispatcher only once that many places are free (or none is busy), not after every turn.
  const refillAt = Math.max(1, Math.floor(maxInFlight / 4));
  /** Turns running in this process, by contact (`locationId/contactId`, as the claim round names them). */
  const inFlight = new Map<string, Promise<void>>();

  function startTurn(key: string, run: () => Promise<ProcessResult>): void {
    const turn = run()
      .then(() => undefined)
      .catch((err: unknown) => deps.logger.error({ err }, 'inbox worker error'))
      .finally(() => {
        inFlight.delete(key);
        if (inFlight.size === 0 || maxInFlight - inFlight.size >= refillAt) loop.wake();
      });
    inFlight.set(key, turn);
  }

  /** Claims up to `limit` events, each the oldest of a contact with no turn running here. */
  async function claimRound(limit: number): Promise<ClaimedEvent[]> {
    const claimed = await deps.inbox.claimRound(deps.db, {
      limit,
      scan: CLAIM_SCAN,
      leaseMs: CLAIM_LEASE_MS,
      maxAttempts,
      skip: [...inFlight.keys()],
    });
    deps.metrics.queueClaims.inc({ queue: 'inbox', result: claimed.length > 0 ? 'rows' : 'empty' });
    return claimed;
  }

  function runClaim(c: ClaimedEvent): () => Promise<ProcessResult> {
    // Out of attempts: the per-contact claim parks it under the contact's lock.
    return c.kind === 'claimed'
      ? () => runClaimed(c.row, c.attempt)
      : () => processOne(c.locationId, c.contactId);
  }

  const keyOf = (c: ClaimedEvent) =>
    c.kind === 'claimed' ? `${c.row.location_id}/${c.row.contact_id}` : `${c.locationId}/${c.contactId}`;

  /**
   * Claims, in one round, the oldest pending event of as many contacts as there are free places
   * (never one with a turn running, here or in another process) and starts their turns without
   * waiting for them: a turn that waits on a slow calendar or model delays no other contact. True
   * if every free place was filled (there may be more); a finished turn wakes the loop again.
   */
  async function dispatch(): Promise<boolean> {
    const free = maxInFlight - inFlight.size;
    if (free <= 0 || (inFlight.size > 0 && free < refillAt)) return false;
    const claimed = await claimRound(free);
    for (const c of claimed) startTurn(keyOf(c), runClaim(c));
    return claimed.length >= free;
  }

  /** One pass: the oldest pending event of each contact, all at once; true if any was processed. */
  async function runOnce(): Promise<boolean> {
    const claimed = await claimRound(200);
    const results = await Promise.all(claimed.map((c) => runClaim(c)()));
    return results.includes('done');
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
      if (!(await deps.inbox.isPending(deps.db, inboxId))) return;
      const r = await processOne(locationId, contactId);
      if (r === 'locked') {
        if (Date.now() > deadline) throw new Error('timed out waiting for the contact lock');
        await new Promise((res) => setTimeout(res, 5));
      }
    }
  }

  const loop = createWakeableLoop(dispatch, {
    idleMs: deps.pollMs ?? 250,
    onError: (err) => deps.logger.error({ err }, 'inbox worker error'),
  });

  return {
    processOne,
    processThrough,
    runOnce,
    start: () => loop.start(),
    notify: () => loop.wake(),
    /** Stops taking new events and waits for the turns in flight (graceful drain on SIGTERM). */
    stop: async () => {
      await loop.stop();
      await Promise.all([...inFlight.values()]);
    },
  };
}

export type InboxWorker = ReturnType<typeof createInboxWorker>;
