import type { InboxEvent } from '../../ports/inbox-event.ts';
import type {
  ClaimedEvent,
  ClaimRound,
  InboxQueue,
  InboxRow,
  PendingInboxRow,
} from '../../ports/inbox-store.ts';
import type { Db, Sql } from '../../ports.ts';
import { claimInIdOrder } from './claim-order.ts';
import { commitWithoutWaitingForDisk, relaxedTransaction } from './relaxed-commit.ts';
import { PLANNED_EACH_RUN } from './db.ts';

export type { InboxRow, PendingInboxRow };

export type WriteResult = { accepted: true; id: number } | { accepted: false; duplicate: true };

interface Pending {
  ev: InboxEvent;
  resolve: (r: WriteResult) => void;
  reject: (e: unknown) => void;
}

const COLS = 7;

// SQLSTATE classes that blame the row itself, so inserting it again can never succeed:
// 22 data exception (bad encoding, value too long), 23 integrity constraint, 54 program limit
// exceeded (an index row over its size limit).
const ROW_FAULT_SQLSTATE = /^(?:22|23|54)/;

/** The database refused this one event for what it holds; retrying it cannot help. */
export class InboxRowRejected extends Error {
  constructor(readonly sqlstate: string) {
    super(
      sqlstate.startsWith('54')
        ? 'a field is longer than the database can index'
        : 'a field holds a value the database refuses',
    );
    this.name = 'InboxRowRejected';
  }
}

function sqlstateOf(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : null;
}

/**
 * Durable inbox writes with group commit: requests arriving in the same tick share one multi-row
 * INSERT, so ingest throughput is bounded by the database's commit rate per batch, not per event.
 * Each caller still gets its own answer (accepted with id, or duplicate). A row the database
 * refuses fails only its own caller: a failed batch is split in halves and retried until the
 * refused row stands alone (about 2·log2(batch) statements for one bad row among good ones).
 */
export function createInboxWriter(db: Db, opts: { maxBatch?: number } = {}) {
  const maxBatch = opts.maxBatch ?? 200;
  let queue: Pending[] = [];
  let scheduled = false;

  async function insert(batch: Pending[]): Promise<void> {
    const params: unknown[] = [];
    const values = batch.map((p, i) => {
      const e = p.ev;
      params.push(
        e.locationId,
        e.contactId,
        e.payload.kind,
        e.source,
        e.webhookId ?? null,
        e.messageId ?? null,
        JSON.stringify(e.payload),
      );
      const b = i * COLS;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7}::jsonb)`;
    });
    const { rows } = await db.query<{
      id: number;
      location_id: string;
      webhook_id: string | null;
      message_id: string | null;
    }>(
      `INSERT INTO inbox (location_id, contact_id, kind, source, webhook_id, message_id, payload)
       VALUES ${values.join(', ')}
       ON CONFLICT DO NOTHING
       RETURNING id, location_id, webhook_id, message_id`,
      params,
    );
    const byWebhook = new Map<string, number>();
    const byMessage = new Map<string, number>();
    for (const r of rows) {
      if (r.webhook_id) byWebhook.set(r.webhook_id, r.id);
      else if (r.message_id) byMessage.set(`${r.location_id}\u0000${r.message_id}`, r.id);
    }
    for (const p of batch) {
      const key = p.ev.webhookId ?? `${p.ev.locationId}\u0000${p.ev.messageId}`;
      const map = p.ev.webhookId ? byWebhook : byMessage;
      const id = map.get(key);
      if (id !== undefined) {
        map.delete(key); // a second copy of the same event in this batch is a duplicate
        p.resolve({ accepted: true, id });
      } else {
        p.resolve({ accepted: false, duplicate: true });
      }
    }
  }

  async function flush(batch: Pending[]): Promise<void> {
    try {
      await insert(batch);
    } catch (err) {
      const sqlstate = sqlstateOf(err);
      if (batch.length === 1) {
        batch[0]!.reject(
          sqlstate && ROW_FAULT_SQLSTATE.test(sqlstate) ? new InboxRowRejected(sqlstate) : err,
        );
        return;
      }
      // A connection or server failure would fail every half as well: answer all at once.
      if (!sqlstate || !ROW_FAULT_SQLSTATE.test(sqlstate)) {
        for (const p of batch) p.reject(err);
        return;
      }
      // One half after the other: run together, a later copy of an event in the second half
      // could commit first and take the row from the copy that arrived first.
      const half = Math.ceil(batch.length / 2);
      await flush(batch.slice(0, half));
      await flush(batch.slice(half));
    }
  }

  function drain() {
    scheduled = false;
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(maxBatch);
      void flush(batch);
    }
  }

  return {
    /** Every event must carry a webhookId or a messageId (the dedupe keys). */
    write(ev: InboxEvent): Promise<WriteResult> {
      if (!ev.webhookId && !ev.messageId) throw new Error('inbox event needs a webhookId or messageId');
      return new Promise<WriteResult>((resolve, reject) => {
        queue.push({ ev, resolve, reject });
        if (queue.length >= maxBatch) drain();
        else if (!scheduled) {
          scheduled = true;
          setImmediate(drain);
        }
      });
    },
  };
}

export type InboxWriter = ReturnType<typeof createInboxWriter>;

// Each contact's oldest pending event among the `scan` oldest pending ones (all older events are
// among them, so the first of a contact there is its oldest), without a live claim, not skipped;
// then those whose contact lock is free (taken and let go with the statement), oldest first. The
// UPDATE checks the row again as committed by then (READ COMMITTED re-reads a row changed since
// the statement began): done, or claimed by another worker meanwhile, it is not claimed here.
const CLAIM_ROUND_SQL = `${PLANNED_EACH_RUN}
WITH oldest AS (
  SELECT id, location_id, contact_id, attempts, started_at
    FROM inbox WHERE status = 'pending' ORDER BY id LIMIT $1
), heads AS (
  SELECT DISTINCT ON (location_id, contact_id) id, location_id, contact_id, attempts, started_at
    FROM oldest ORDER BY location_id, contact_id, id
), free AS (
  SELECT id, location_id, contact_id, attempts FROM heads
   WHERE (started_at IS NULL OR started_at <= now() - $3::int * interval '1 millisecond')
     AND NOT (location_id || '/' || contact_id = ANY($4::text[]))
   ORDER BY id LIMIT $2
), locked AS (
  SELECT id, location_id, contact_id, attempts FROM free
   WHERE pg_try_advisory_xact_lock(hashtextextended(location_id || '/' || contact_id, 0))
), claimed AS (
  UPDATE inbox i SET attempts = i.attempts + 1, started_at = now()
    FROM locked l
   WHERE i.id = l.id AND l.attempts < $5 AND i.status = 'pending' AND i.attempts = l.attempts
     AND (i.started_at IS NULL OR i.started_at <= now() - $3::int * interval '1 millisecond')
  RETURNING i.id, i.location_id, i.contact_id, i.kind, i.source, i.payload, i.received_at, i.attempts
)
SELECT id, location_id, contact_id, kind, source, payload, received_at, attempts, false AS exhausted
  FROM claimed
UNION ALL
SELECT id, location_id, contact_id, NULL, NULL, NULL, NULL, attempts, true FROM locked WHERE attempts >= $5
ORDER BY id`;

/**
 * One claim round in one statement (see ports/inbox-store.ts). It commits without waiting for the
 * disk (relaxed-commit.ts): a claim lost in a PostgreSQL crash is an attempt counted again.
 */
export async function claimInboxRound(db: Db, r: ClaimRound): Promise<ClaimedEvent[]> {
  if (r.limit <= 0) return [];
  const { rows } = await relaxedTransaction(db, async (tx) => {
    await claimInIdOrder(tx);
    return tx.query<InboxRow & { exhausted: boolean }>(CLAIM_ROUND_SQL, [
      Math.max(r.scan, r.limit),
      r.limit,
      r.leaseMs,
      r.skip,
      r.maxAttempts,
    ]);
  });
  return rows.map(
    ({ exhausted, ...row }): ClaimedEvent =>
      exhausted
        ? { kind: 'exhausted', locationId: row.location_id, contactId: row.contact_id }
        : { kind: 'claimed', row, attempt: row.attempts },
  );
}

/** Takes the per-contact lock for the rest of the transaction; false if another worker holds it. */
export async function tryLockContact(tx: Sql, locationId: string, contactId: string): Promise<boolean> {
  const { rows } = await tx.query<{ locked: boolean }>(
    `SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked`,
    [`${locationId}/${contactId}`],
  );
  return rows[0]?.locked === true;
}

/** Waits up to `timeoutMs` for the per-contact lock; false when it did not come free in time. */
export async function lockContact(
  tx: Sql,
  locationId: string,
  contactId: string,
  timeoutMs: number,
): Promise<boolean> {
  // Once a statement fails the transaction is unusable, so ask with try-lock in short waits.
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await tryLockContact(tx, locationId, contactId)) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The contact's oldest pending event (call with the contact's lock held). */
export async function nextPendingForContact(
  tx: Sql,
  locationId: string,
  contactId: string,
  claimLeaseMs: number,
): Promise<PendingInboxRow | null> {
  const { rows } = await tx.query<PendingInboxRow>(
    `SELECT id, location_id, contact_id, kind, source, payload, received_at, attempts,
            coalesce(started_at > now() - $3::int * interval '1 millisecond', false) AS in_flight
       FROM inbox WHERE location_id = $1 AND contact_id = $2 AND status = 'pending'
      ORDER BY id LIMIT 1`,
    [locationId, contactId, claimLeaseMs],
  );
  return rows[0] ?? null;
}

/**
 * Counts an attempt before the turn runs, in its own commit, so a turn that crashes or freezes
 * the process is counted too. Returns the attempt number, which is the claim's token.
 */
export async function startInboxAttempt(tx: Sql, id: number): Promise<number> {
  const { rows } = await tx.query<{ attempts: number }>(
    `UPDATE inbox SET attempts = attempts + 1, started_at = now()
      WHERE id = $1 AND status = 'pending' RETURNING attempts`,
    [id],
  );
  const n = rows[0]?.attempts;
  if (n === undefined) throw new Error(`inbox event ${id} is no longer pending`);
  return n;
}

/**
 * Keeps a claim's lease fresh while its turn waits on the network without holding the contact's
 * lock: other workers see the event in flight and leave it alone. False once the claim is gone.
 */
export async function renewInboxClaim(sql: Sql, id: number, attempt: number): Promise<boolean> {
  const { rows } = await sql.query(
    `UPDATE inbox SET started_at = now() WHERE id = $1 AND attempts = $2 AND status = 'pending' RETURNING id`,
    [id, attempt],
  );
  return rows.length > 0;
}

/** The claimed event, if the claim still stands (nobody finished it or claimed it since). */
export async function claimedInboxEvent(tx: Sql, id: number, attempt: number): Promise<InboxRow | null> {
  const { rows } = await tx.query<InboxRow>(
    `SELECT id, location_id, contact_id, kind, source, payload, received_at, attempts
       FROM inbox WHERE id = $1 AND status = 'pending' AND attempts = $2`,
    [id, attempt],
  );
  return rows[0] ?? null;
}

/**
 * Takes back an attempt counted by startInboxAttempt when the turn never really ran because the
 * database went away: an outage is not the event's fault and must not bring it closer to dead.
 */
export async function giveBackInboxAttempt(sql: Sql, id: number, attempt: number): Promise<void> {
  await sql.query(
    `UPDATE inbox SET attempts = attempts - 1, started_at = NULL
      WHERE id = $1 AND attempts = $2 AND status = 'pending'`,
    [id, attempt],
  );
}

/**
 * Marks the event processed, in the transaction that processed it; that transaction commits without
 * waiting for the disk (relaxed-commit.ts): lost in a PostgreSQL crash, the event is pending again
 * and its turn is redone, and nothing it queued has left yet (the outbox claim commits durably).
 */
export async function markInboxDone(tx: Sql, id: number, now: Date): Promise<void> {
  await commitWithoutWaitingForDisk(tx);
  await tx.query(`UPDATE inbox SET status = 'done', processed_at = $2 WHERE id = $1`, [id, now]);
}

/** Parks a pending event for good: 'dead' (crashed, froze or overran) or 'failed' (threw). */
export async function parkInboxEvent(
  sql: Sql,
  id: number,
  status: 'dead' | 'failed',
  reason: string,
): Promise<boolean> {
  const { rows } = await sql.query(
    `UPDATE inbox SET status = $2, last_error = $3, started_at = NULL
      WHERE id = $1 AND status = 'pending' RETURNING id`,
    [id, status, reason.slice(0, 500)],
  );
  return rows.length > 0;
}

/** True when the location's inbox already holds an event with this messageId (any status). */
export async function inboxHasMessage(sql: Sql, locationId: string, messageId: string): Promise<boolean> {
  const { rows } = await sql.query(`SELECT 1 FROM inbox WHERE location_id = $1 AND message_id = $2`, [
    locationId,
    messageId,
  ]);
  return rows.length > 0;
}

export async function pendingInboxCount(sql: Sql): Promise<number> {
  const { rows } = await sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM inbox WHERE status = 'pending'`,
  );
  return rows[0]?.n ?? 0;
}

/**
 * A claimed turn that threw or overran (its attempt is already counted): note the error and free
 * the event for its next attempt, or after `maxAttempts` park it as `parkAs`. 'stale' when the
 * claim no longer stands (another worker took the event over).
 */
export async function recordInboxFailure(
  sql: Sql,
  id: number,
  attempt: number,
  error: string,
  maxAttempts: number,
  parkAs: 'dead' | 'failed',
): Promise<'retry' | 'dead' | 'failed' | 'stale'> {
  const { rows } = await sql.query<{ status: string }>(
    `UPDATE inbox SET last_error = $3, started_at = NULL,
            status = CASE WHEN attempts >= $4 THEN $5 ELSE status END
      WHERE id = $1 AND status = 'pending' AND attempts = $2 RETURNING status`,
    [id, attempt, error.slice(0, 500), maxAttempts, parkAs],
  );
  const status = rows[0]?.status;
  if (status === undefined) return 'stale';
  return status === 'pending' ? 'retry' : (status as 'dead' | 'failed');
}

/** The inbox as the turn worker uses it, on PostgreSQL and PGlite. */
export const postgresInboxQueue: InboxQueue = {
  claimRound: claimInboxRound,
  tryLockContact,
  lockContact,
  nextPendingForContact,
  startAttempt: startInboxAttempt,
  renewClaim: renewInboxClaim,
  claimedEvent: claimedInboxEvent,
  giveBackAttempt: giveBackInboxAttempt,
  markDone: markInboxDone,
  recordFailure: recordInboxFailure,
  park: parkInboxEvent,
  async isPending(sql, id) {
    const { rows } = await sql.query<{ status: string }>(`SELECT status FROM inbox WHERE id = $1`, [id]);
    return rows[0]?.status === 'pending';
  },
};
