import pg from 'pg';
import type { Db, Sql } from '../../ports.ts';
import { isDatabaseUnreachable, markDatabaseUnreachable } from '../../ports/database-errors.ts';

// int8 (bigserial ids, counts) arrives as a JS number from both drivers; our ids stay far below 2^53.
export const INT8 = 20;

// SQLSTATE classes and codes that mean "the server is not there", not "the statement was wrong":
// 08 connection exception, 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now.
const LOST_SQLSTATE = /^(?:08...|57P0[123])$/;
// The server answers but cannot store anything right now: 53 insufficient resources (53100 disk
// full), 58030 I/O error, 25006 read-only transaction. Like an absent server, it is no fault of
// the statement or the event, and waiting is the cure.
const CANNOT_STORE_SQLSTATE = /^(?:53...|58030|25006)$/;
const LOST_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
// node-postgres reports a dropped socket as plain Errors, told apart only by their message.
const LOST_MESSAGE =
  /^(?:Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect)/;

function isConnectionFailure(err: unknown, depth = 0): boolean {
  if (typeof err !== 'object' || err === null || depth > 2) return false;
  const e = err as { code?: unknown; message?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (LOST_SQLSTATE.test(e.code) || LOST_ERRNO.has(e.code))) return true;
  if (typeof e.code === 'string' && CANNOT_STORE_SQLSTATE.test(e.code)) return true;
  if (typeof e.message === 'string' && LOST_MESSAGE.test(e.message)) return true;
  // Node reports a refused connection to a host with several addresses as an AggregateError.
  return Array.isArray(e.errors) && e.errors.some((x) => isConnectionFailure(x, depth + 1));
}

export function noteFailure(err: unknown): never {
  if (typeof err === 'object' && err !== null && isConnectionFailure(err)) markDatabaseUnreachable(err);
  throw err;
}

export { isDatabaseUnreachable };

// Statements the server keeps parsed per connection, by text. A statement of a fixed text is
// named once and every later run skips the parse, a good share of the server's time on a turn's
// short statements (npm run bench:webhooks, docs/PERFORMANCE.md). Texts that vary (multi-row
// VALUES lists) make one entry per row count; past the cap, new texts run unnamed, so a connection
// holds at most MAX_PREPARED statements. A `*` column list is never prepared: a migration run by
// another replica that adds a column would make the kept statement fail ("cached plan must not
// change result type"); any other statement that fails so is renamed, parsed afresh next time.
//
// A named statement also keeps its plan when PostgreSQL finds, after five runs, that a plan for
// any values costs no more than the plans for each run's values (plan_cache_mode = auto, the
// default); planning was half the server's time on a turn's keyed statements when every run was
// planned afresh. Statements whose best plan depends on how full a queue is right now (the claims
// and due scans) carry PLANNED_EACH_RUN in their text and always go unnamed, planned on each
// run's values: a plan kept from a nearly empty queue, on statistics that lag a burst, read whole
// queues (turns after the load fell from 193/s to 101/s when the claims kept their plans).
// DATABASE_PREPARED_STATEMENTS=false turns all this off (e.g. behind PgBouncer in transaction
// mode before 1.21, which cannot route named statements).
const MAX_PREPARED = 400;
/** Put in the text of a statement that must be planned on each run's values (see above). */
export const PLANNED_EACH_RUN = '/* planned each run */';
/** A setting for the current transaction only, with no result to read. */
export const SET_LOCAL = /^SET LOCAL [a-z_]+ = [a-z0-9_]+$/;
const STAR_COLUMNS = /\b(?:SELECT|RETURNING)\s+\*/i;
const preparedNames = new Map<string, string>();
let nextPrepared = 0;

/**
 * The name `text` is kept under on a connection, or undefined when it runs unnamed (see above).
 * `keepPlannedEachRun` keeps PLANNED_EACH_RUN statements too (the embedded database, pglite-db.ts).
 */
export function preparedName(
  text: string,
  params: unknown[] | undefined,
  keepPlannedEachRun = false,
): string | undefined {
  if (!params || params.length === 0) return undefined;
  if (!keepPlannedEachRun && text.includes(PLANNED_EACH_RUN)) return undefined;
  let name = preparedNames.get(text);
  if (name === undefined) {
    if (preparedNames.size >= MAX_PREPARED || STAR_COLUMNS.test(text)) return undefined;
    name = `jb${nextPrepared++}`;
    preparedNames.set(text, name);
  }
  return name;
}

function statement(text: string, params: unknown[] | undefined): pg.QueryConfig {
  if (!params || params.length === 0) return { text };
  const name = preparedName(text, params);
  return name === undefined ? { text, values: params } : { name, text, values: params };
}

/** A kept statement whose result columns changed (0A000) is parsed afresh, under a new name. */
export function forgetPlanOnResultChange(text: string, err: unknown): never {
  if ((err as { code?: unknown } | null)?.code === '0A000') preparedNames.delete(text);
  return noteFailure(err);
}

/** PostgreSQL over a pg pool. */
export function createPostgresDb(
  connectionString: string,
  opts: { max?: number; preparedStatements?: boolean } = {},
): Db {
  const prepare = opts.preparedStatements ?? true;
  const stmt = (text: string, params?: unknown[]): pg.QueryConfig =>
    prepare ? statement(text, params) : { text, values: params ?? [] };
  const pool = new pg.Pool({
    connectionString,
    max: opts.max ?? 10,
    types: {
      getTypeParser: (oid: number, format?: 'text' | 'binary') =>
        oid === INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text'),
    },
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  // Nor may a client between owners: pool.query hands a client that failed back with its error, and
  // the pool ends it; the server's "terminating connection" (57P01) can still arrive on it then,
  // with neither the query's listener nor the pool's idle one attached, and an 'error' event
  // without a listener ends the process. (test/pipeline/postgres-restart.test.ts once saw a service
  // exit on such an unhandled 57P01 on a loaded machine; this gap is the one we found that allows
  // it.) Every client keeps this listener for life; the owners' own listeners still act.
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  return {
    kind: 'postgres',
    query: async (text, params) => {
      const r = await pool
        .query(stmt(text, params as unknown[]))
        .catch((err) => forgetPlanOnResultChange(text, err));
      return { rows: r.rows };
    },
    exec: async (text) => {
      await pool.query(text).catch(noteFailure);
    },
    transaction: async (fn) => {
      const client = await pool.connect().catch(noteFailure);
      // The pool listens for errors only on idle clients. Without a listener of ours, the server
      // ending this session mid-transaction (restart, failover, pg_terminate_backend) is an
      // unhandled 'error' event that kills the process.
      let broken: unknown = null;
      const onError = (err: unknown) => {
        broken ??= err;
      };
      client.on('error', onError);
      const run = (text: string, params?: unknown[]) =>
        client.query(stmt(text, params)).catch((err) => forgetPlanOnResultChange(text, err));
      let discard = false;
      // Settings for the transaction alone that come before its first statement go out with
      // BEGIN ("BEGIN; SET LOCAL synchronous_commit = off; SET LOCAL …", one round trip for all:
      // relaxed-commit.ts, claim-order.ts), just before that statement.
      let begun = false;
      const settings: string[] = [];
      const query = async (text: string, params?: unknown[]) => {
        if (!begun) {
          if ((!params || params.length === 0) && SET_LOCAL.test(text)) {
            settings.push(text);
            return { rows: [] };
          }
          begun = true;
          await run(['BEGIN', ...settings].join('; '));
        }
        return { rows: (await run(text, params)).rows };
      };
      try {
        const out = await fn({ query } as Sql);
        if (begun) await run('COMMIT');
        return out;
      } catch (err) {
        if (broken !== null || isDatabaseUnreachable(err)) discard = true;
        else
          await client.query('ROLLBACK').catch(() => {
            discard = true;
          });
        // The server's own reason (e.g. 57P01 "terminating connection due to administrator
        // command") says more than "Client has encountered a connection error".
        if (broken !== null && isDatabaseUnreachable(err)) noteFailure(broken);
        throw err;
      } finally {
        client.removeListener('error', onError);
        // A connection that failed is closed, not handed to the next transaction.
        client.release(discard || broken !== null);
      }
    },
    close: () => pool.end(),
  };
}

/**
 * `db` with every statement planned on its run's values (PLANNED_EACH_RUN): for the dashboard's
 * read models, whose period and filter ranges make the best plan differ from run to run, and whose
 * planning is a small share of their time.
 */
export function planEachRun(db: Db): Db {
  const text = (t: string) => `${PLANNED_EACH_RUN} ${t}`;
  return {
    ...db,
    query: (t, params) => db.query(text(t), params),
    transaction: (fn) =>
      db.transaction((tx) => fn({ query: (t, params) => tx.query(text(t), params) } as Sql)),
  };
}
