import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PGlite, parse, protocol } from '@electric-sql/pglite';
import type { Db, Sql } from '../../ports.ts';
import { IN_ID_ORDER } from './claim-order.ts';
import { forgetPlanOnResultChange, INT8, noteFailure, preparedName, SET_LOCAL } from './db.ts';

// node-postgres turns a parameter into its text (dates with their offset, arrays as array literals,
// objects as JSON, Buffers as bytes). PGlite's statements take their parameters the same way, so a
// statement means the same on both databases.
const { prepareValue } = createRequire(import.meta.url)('pg/lib/utils.js') as {
  prepareValue: (value: unknown) => string | Uint8Array | null;
};
const { serialize } = protocol;

// The queue claims (PLANNED_EACH_RUN, in a transaction that reads in id order: claim-order.ts)
// are kept parsed and planned here. On PostgreSQL they are planned on each run because
// autovacuum's statistics lag a burst and a kept plan can then read whole queues (db.ts). Nothing
// analyzes the embedded database: the planner works from the tables' current sizes either way, and
// with bitmap scans off the plan kept from an empty outbox is the one planned over 5,000 open rows
// (the open-rows index in id order, each candidate checked through outbox_open_contact). Planning
// on each run cost 0.4-0.9 ms per scan on PGlite, about all of an empty claim's time. Other
// PLANNED_EACH_RUN statements (due scans, dashboard reads) are still planned on each run.
const keepsPlan = (settings: string[]) => settings.includes(IN_ID_ORDER);

/**
 * Embedded PostgreSQL (WASM) in `dataDir`, or in memory when `dataDir` is undefined. A `dataDir`
 * without a database starts as a copy of `opts.template` (a dumped data directory) when given,
 * instead of running initdb.
 */
export async function createPgliteDb(
  dataDir: string | undefined,
  opts: { template?: () => Promise<Blob> } = {},
): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const isNew = dataDir !== undefined && !existsSync(join(dataDir, 'PG_VERSION'));
  const loadDataDir = isNew && opts.template ? await opts.template() : undefined;
  const lite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    parsers: { [INT8]: Number },
  });
  return wrapPglite(lite);
}

/** Runs `fn` after every call queued before it has settled: one at a time, in order. */
function queue() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => {});
    return run;
  };
}

/**
 * A PGlite database as a Db. A statement is sent as one extended-protocol message (parse when
 * needed, bind, describe, execute, sync), and a statement of fixed text is kept parsed under the
 * name db.ts gives it, as on a PostgreSQL connection. PGlite's own `query` sends the same in five
 * separate calls after a describe of the parameters, and parses every run again: about five times
 * the time of a turn's short keyed statements (npm run bench:pglite, docs/PERFORMANCE.md).
 *
 * PGlite is one connection. A transaction has it to itself until it ends; statements outside one
 * wait for it, and run one at a time, in order. A transaction's BEGIN and its settings ("SET
 * LOCAL synchronous_commit = off") go out with its first statement, in the same message, as they
 * do on PostgreSQL (db.ts); a transaction that ran no statement sends nothing.
 */
export function wrapPglite(lite: PGlite): Db {
  const parsedHere = new Set<string>();
  const exclusive = queue();
  // A transaction's statements may be issued together (Promise.all); PGlite keeps each answer in
  // shared state until it is read, so the messages themselves also go one at a time.
  const oneMessage = queue();
  let open: { begun: boolean; settings: string[] } | null = null;

  const send = (parts: Uint8Array[]) =>
    oneMessage(() => lite.execProtocol(Buffer.concat(parts), { syncToFs: open === null }));

  const run = async (text: string, params?: unknown[]) => {
    if (open && !open.begun && (!params || params.length === 0) && SET_LOCAL.test(text)) {
      open.settings.push(text);
      return { rows: [] as never[] };
    }
    const parts: Uint8Array[] = [];
    if (open && !open.begun) {
      parts.push(serialize.query(['BEGIN', ...open.settings].join('; ')));
      open.begun = true;
    }
    const name = preparedName(text, params, open !== null && keepsPlan(open.settings));
    const parseNow = name === undefined || !parsedHere.has(name);
    const values = (params ?? []).map(prepareValue);
    if (parseNow) parts.push(serialize.parse({ name: name ?? '', text, types: [] }));
    parts.push(
      serialize.bind({ statement: name ?? '', values: values as (string | null)[] }),
      serialize.describe({ type: 'P' }),
      serialize.execute({}),
      serialize.sync(),
    );
    try {
      const { messages } = await send(parts);
      if (name !== undefined) parsedHere.add(name);
      // The statement's result is the last one (BEGIN and the settings come first when sent with it).
      return { rows: (parse.parseResults(messages, lite.parsers).at(-1)?.rows ?? []) as never[] };
    } catch (err) {
      // The parse may have kept the name although the run failed: close it, so the next run
      // parses it again (closing a name that is not kept is no error).
      if (name !== undefined && parseNow)
        await send([serialize.close({ type: 'S', name }), serialize.sync()]).catch(() => {});
      if (name !== undefined && (err as { code?: unknown } | null)?.code === '0A000') parsedHere.delete(name);
      return forgetPlanOnResultChange(text, err);
    }
  };

  const simple = async (text: string) => {
    const { messages } = await send([serialize.query(text)]).catch(noteFailure);
    return messages;
  };

  return {
    kind: 'pglite',
    query: (text, params) => exclusive(() => run(text, params as unknown[])),
    exec: (text) =>
      exclusive(async () => {
        await lite.exec(text).catch(noteFailure);
      }),
    transaction: (fn) =>
      exclusive(async () => {
        const tx = { begun: false, settings: [] as string[] };
        open = tx;
        try {
          const out = await fn({ query: (text, params) => run(text, params as unknown[]) } as Sql);
          open = null;
          if (tx.begun) {
            // COMMIT of a transaction that failed rolls it back without an error; say so.
            const done = await simple('COMMIT');
            if (done.some((m) => (m as { text?: string }).text === 'ROLLBACK'))
              throw new Error('The transaction was rolled back: a statement in it failed');
          }
          return out;
        } catch (err) {
          open = null;
          if (tx.begun) await simple('ROLLBACK').catch(() => {});
          throw err;
        }
      }),
    close: () => exclusive(() => lite.close()),
  };
}
