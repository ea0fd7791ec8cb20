import type { Db, Sql } from '../../ports.ts';

/**
 * Lets the transaction `tx` commit without waiting for its WAL to reach the disk (PostgreSQL's
 * `synchronous_commit = off`, for this transaction only). On this project's 2-core machine a
 * flush costs 2–3 ms alone and 10–100 ms while the turns, the drainer and webhook ingest all
 * commit at once (sampled pg_stat_activity under `npm run bench:load`: most active backends wait
 * on IO:WALSync or LWLock:WALWrite), and each turn's commit waited for it before its reply could go.
 *
 * Why it is safe where it is used (PostgreSQL docs, "Asynchronous Commit"): the transaction stays
 * atomic and in order; only a crash of the PostgreSQL server itself (not of our process) can lose
 * the last few hundred milliseconds of such commits, and then each is lost whole. Every use is of a
 * record that is found again or redone when lost: an inbox event's processing (the event is pending
 * again and its turn is redone), a claim round (the attempt is counted again), a sent action's
 * bookkeeping (the row's lease runs out and the re-send check finds the message at the CRM), a
 * cached DND read. Nothing leaves the service on such a record alone: the outbox claim that precedes
 * every CRM call commits synchronously, and its flush writes every commit made before it.
 *
 * PGlite accepts the setting; it has one connection and no concurrent flushes to wait for.
 */
export async function commitWithoutWaitingForDisk(tx: Sql): Promise<void> {
  await tx.query(`SET LOCAL synchronous_commit = off`);
}

/** Runs `fn` in a transaction that commits without waiting for the disk (see above). */
export function relaxedTransaction<T>(db: Db, fn: (tx: Sql) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await commitWithoutWaitingForDisk(tx);
    return fn(tx);
  });
}
