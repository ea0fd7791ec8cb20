import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The URL with any password hidden, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

export interface BenchSchema {
  schema: string;
  /** DATABASE_URL for the service: same server, search_path set to the bench schema. */
  url: string;
  pool: pg.Pool;
  serverVersion: string;
  /** PostgreSQL backend pids of the service's connections. */
  servicePids(): Promise<number[]>;
  drop(): Promise<void>;
}

/** Creates a throwaway schema so the run never reads or writes anything else in the database. */
export async function openBenchSchema(baseUrl: string): Promise<BenchSchema> {
  const admin = new pg.Client({ connectionString: baseUrl, connectionTimeoutMillis: 5000 });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(
      `PostgreSQL is not reachable at ${redactUrl(baseUrl)} (${(err as Error).message}).\n` +
        'Start PostgreSQL or point DATABASE_URL at a server this user may create schemas in.',
    );
  }
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  let serverVersion = '';
  try {
    const { rows } = await admin.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
    serverVersion = rows[0]?.v ?? '';
    await admin.query(`CREATE SCHEMA ${schema}`);
  } catch (err) {
    await admin.end();
    throw new Error(`could not create schema ${schema}: ${(err as Error).message}`);
  }
  const u = new URL(baseUrl);
  u.searchParams.set('options', `-c search_path=${schema}`);
  // Tags the service's connections so their backends (and CPU) can be told apart from other clients.
  u.searchParams.set('application_name', schema);
  const url = u.toString();
  // The bench's own queries get another name so they never count as the service's work.
  u.searchParams.set('application_name', `${schema}_bench`);
  const pool = new pg.Pool({ connectionString: u.toString(), max: 2 });
  pool.on('error', () => {});
  let dropped = false;
  return {
    schema,
    url,
    pool,
    serverVersion,
    async servicePids() {
      const { rows } = await pool.query<{ pid: number }>(
        'SELECT pid FROM pg_stat_activity WHERE application_name = $1',
        [schema],
      );
      return rows.map((r) => r.pid);
    },
    async drop() {
      if (dropped) return;
      dropped = true;
      await pool.end().catch(() => {});
      try {
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      } finally {
        await admin.end().catch(() => {});
      }
    },
  };
}

export interface InboxProgress {
  total: number;
  processed: number;
  failed: number;
  repliesSent: number;
  /** Replies written to the outbox but not delivered yet. */
  repliesOpen: number;
}

export async function inboxProgress(pool: pg.Pool): Promise<InboxProgress> {
  const { rows } = await pool.query<InboxProgress>(
    `SELECT i.total, i.processed, i.failed, o.sent AS "repliesSent", o.open AS "repliesOpen"
       FROM (SELECT count(*)::int AS total,
                    count(*) FILTER (WHERE status <> 'pending')::int AS processed,
                    count(*) FILTER (WHERE status = 'failed')::int AS failed
               FROM inbox) i,
            (SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent,
                    count(*) FILTER (WHERE status IN ('pending', 'sending'))::int AS open
               FROM outbox WHERE kind = 'send_message') o`,
  );
  return rows[0] ?? { total: 0, processed: 0, failed: 0, repliesSent: 0, repliesOpen: 0 };
}

/** Polls until every stored message is processed and its reply delivered, or `timeoutS` passes. */
export async function waitForDrain(pool: pg.Pool, timeoutS: number, log: (msg: string) => void) {
  const started = Date.now();
  const deadline = started + timeoutS * 1000;
  let last = await inboxProgress(pool);
  let lastPrint = 0;
  for (;;) {
    const complete = last.total > 0 && last.processed === last.total && last.repliesOpen === 0;
    const line = `  processed ${last.processed} / ${last.total}, replies delivered ${last.repliesSent}`;
    if (complete || Date.now() >= deadline) {
      log(`${line}${complete ? '' : ' (gave up waiting)'}`);
      return { waitedS: (Date.now() - started) / 1000, complete, last };
    }
    if (Date.now() - lastPrint >= 5000) {
      lastPrint = Date.now();
      log(line);
    }
    await new Promise((r) => setTimeout(r, 1000));
    last = await inboxProgress(pool);
  }
}

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/**
 * Webhook receipt (inbox.received_at) to the turn's last claim (inbox.started_at: the wait for a
 * worker), to the reply's outbox row, and to its delivery to the CRM.
 */
export async function endToEndLatency(
  pool: pg.Pool,
): Promise<{ toClaim: LatencySummary; toOutbox: LatencySummary; toCrm: LatencySummary }> {
  const summary = async (end: 'i.started_at' | 'o.created_at' | 'o.sent_at'): Promise<LatencySummary> => {
    const { rows } = await pool.query<Record<keyof LatencySummary, number | null>>(
      `WITH d AS (
         SELECT extract(epoch FROM (${end} - i.received_at)) * 1000 AS ms
           FROM inbox i JOIN outbox o ON o.inbox_id = i.id AND o.kind = 'send_message'
          WHERE ${end} IS NOT NULL)
       SELECT count(*)::int AS count,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50,
              percentile_cont(0.95) WITHIN GROUP (ORDER BY ms) AS p95,
              percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99,
              max(ms) AS max
         FROM d`,
    );
    const r = rows[0];
    const n = (v: number | null | undefined) => Number(v ?? 0);
    return { count: n(r?.count), p50: n(r?.p50), p95: n(r?.p95), p99: n(r?.p99), max: n(r?.max) };
  };
  return {
    toClaim: await summary('i.started_at'),
    toOutbox: await summary('o.created_at'),
    toCrm: await summary('o.sent_at'),
  };
}

export interface AnswerCheck {
  inboxRows: number;
  answeredOnce: number;
  /**
   * Processed without a reply because the bot was held back on purpose for that contact: an
   * escalation or compliance ticket opened at or before that turn, or the contact is opted out,
   * paused or carries an off-switch tag.
   */
  heldBack: number;
  /** Processed without a reply and without any such reason: lost answers. */
  missing: number;
  /** Messages with more than one reply. */
  duplicated: number;
  /** Still waiting to be processed when the check ran (the wait timed out). */
  unprocessed: number;
  /** Given up after repeated errors (status failed). */
  failed: number;
  /** Ids the service returned with status "accepted" that have no inbox row. */
  acceptedButNotStored: number;
  pass: boolean;
}

const OFF_SWITCH_TAGS = ['ai-off', 'stop-bot', 'qualified', 'human-takeover'];

/**
 * Every stored message must have exactly one send_message outbox row, unless the bot was held back
 * for its contact on purpose; no message may ever have two.
 */
export async function checkAnsweredOnce(pool: pg.Pool, acceptedIds: number[]): Promise<AnswerCheck> {
  // Tables a checkout may not have yet (e.g. an older one run through --service-dir).
  const { rows: present } = await pool.query<{ esc: string | null; tickets: string | null }>(
    `SELECT to_regclass('escalations')::text AS esc, to_regclass('compliance_tickets')::text AS tickets`,
  );
  const holds = [
    `SELECT location_id, id AS contact_id, '-infinity'::timestamptz AS since FROM contacts
      WHERE opted_out OR paused
         OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(tags) t WHERE lower(t) = ANY($1::text[]))`,
    ...(present[0]?.esc ? ['SELECT location_id, contact_id, created_at FROM escalations'] : []),
    ...(present[0]?.tickets ? ['SELECT location_id, contact_id, created_at FROM compliance_tickets'] : []),
  ].join(' UNION ALL ');
  const { rows } = await pool.query<
    Record<'inbox_rows' | 'once' | 'held' | 'missing' | 'duplicated' | 'unprocessed' | 'failed', number>
  >(
    `WITH per AS (
       SELECT i.id, i.status, i.location_id, i.contact_id, i.processed_at, count(o.id) AS n
         FROM inbox i LEFT JOIN outbox o ON o.inbox_id = i.id AND o.kind = 'send_message'
        GROUP BY i.id),
     holds AS (${holds}),
     silent AS (
       SELECT per.id, EXISTS (SELECT 1 FROM holds h
                               WHERE h.location_id = per.location_id AND h.contact_id = per.contact_id
                                 AND h.since <= per.processed_at) AS held
         FROM per WHERE n = 0 AND status = 'done')
     SELECT (SELECT count(*)::int FROM per) AS inbox_rows,
            (SELECT count(*)::int FROM per WHERE n = 1) AS once,
            (SELECT count(*)::int FROM silent WHERE held) AS held,
            (SELECT count(*)::int FROM silent WHERE NOT held) AS missing,
            (SELECT count(*)::int FROM per WHERE n > 1) AS duplicated,
            (SELECT count(*)::int FROM per WHERE n = 0 AND status = 'pending') AS unprocessed,
            (SELECT count(*)::int FROM per WHERE status = 'failed') AS failed`,
    [OFF_SWITCH_TAGS],
  );
  const lost = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM unnest($1::bigint[]) AS a(id) WHERE NOT EXISTS (SELECT 1 FROM inbox i WHERE i.id = a.id)`,
    [acceptedIds],
  );
  const r = rows[0] ?? {
    inbox_rows: 0,
    once: 0,
    held: 0,
    missing: 0,
    duplicated: 0,
    unprocessed: 0,
    failed: 0,
  };
  const acceptedButNotStored = lost.rows[0]?.n ?? 0;
  return {
    inboxRows: r.inbox_rows,
    answeredOnce: r.once,
    heldBack: r.held,
    missing: r.missing,
    duplicated: r.duplicated,
    unprocessed: r.unprocessed,
    failed: r.failed,
    acceptedButNotStored,
    pass: r.inbox_rows > 0 && r.once + r.held === r.inbox_rows && acceptedButNotStored === 0,
  };
}
