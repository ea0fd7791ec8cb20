import type { Db, Sql } from '../../ports.ts';
import {
  basisKey,
  type TurnBasis,
  type TurnClaim,
  type TurnCommit,
  type TurnPlan,
  type TurnStore,
} from '../../ports/turn-store.ts';
import { lockContact } from './inbox-repo.ts';
import { modelUsageColumns } from './model-usage-repo.ts';
import { MESSAGE_KINDS } from './outbox-repo.ts';
import { commitWithoutWaitingForDisk } from './relaxed-commit.ts';

const NO_CONVERSATION = {
  bot: 'lead',
  state: {},
  version: 0,
  needs_human_review: false,
  compliance_hold: false,
};

/**
 * The turn's reads and its one write, on PostgreSQL or PGlite. The commit is five round trips
 * whatever the plan holds: BEGIN with the transaction's commit setting, the contact's lock, the
 * claim and basis check, the plan's writes in one statement, COMMIT. (It was one statement per
 * kind of row, 12 to 16 round trips a turn; `npm run bench:webhooks`, docs/PERFORMANCE.md.)
 */
export const postgresTurnStore: TurnStore = {
  load: loadTurnBasis,
  commit: (db: Db, claim, expectedKey, plan, also) =>
    db.transaction(async (tx): Promise<TurnCommit> => {
      // Lost in a PostgreSQL crash, the commit is redone: the event is pending again and nothing
      // it queued has left (relaxed-commit.ts). First, so it goes out with BEGIN.
      await commitWithoutWaitingForDisk(tx);
      if (!(await lockContact(tx, plan.locationId, plan.contactId, claim.lockWaitMs)))
        return { kind: 'lost' };
      // After the lock, in a statement of its own: it reads what the lock's last holder committed.
      const now = await loadClaimedBasis(tx, plan.locationId, plan.contactId, claim);
      if (now === null) return { kind: 'lost' };
      if (basisKey(now) !== expectedKey) return { kind: 'moved' };
      let outboxRows = await writePlan(tx, plan, claim.inboxId);
      if (also) outboxRows += await also(tx);
      return { kind: 'done', outboxRows };
    }),
};

/** Contact, conversation and latest assessment ($1 location, $2 contact), as columns of one row. */
const BASIS_COLUMNS = `
       (SELECT row_to_json(c) FROM (SELECT first_name, last_name, email, phone, timezone, state, postal_code,
               tags, custom_fields, opted_out, paused, paused_reason
          FROM contacts WHERE location_id = $1 AND id = $2) c) AS contact,
       (SELECT row_to_json(v) FROM (SELECT bot, state, version, needs_human_review, compliance_hold
          FROM conversations WHERE location_id = $1 AND contact_id = $2) v) AS conversation,
       (SELECT row_to_json(a) FROM (SELECT source, pre_approved FROM financial_assessments
          WHERE location_id = $1 AND contact_id = $2 ORDER BY id DESC LIMIT 1) a) AS assessment`;

interface BasisRow {
  contact: TurnBasis['contact'];
  conversation: TurnBasis['conversation'] | null;
  assessment: { source: 'service' | 'heuristic' | 'default'; pre_approved: boolean } | null;
}

function toBasis(r: BasisRow | undefined): TurnBasis {
  const a = r?.assessment ?? null;
  return {
    contact: r?.contact ?? null,
    conversation: r?.conversation ?? { ...NO_CONVERSATION },
    assessment: a ? { preApproved: a.pre_approved, source: a.source } : null,
  };
}

/** Contact, conversation and latest assessment in one statement. */
export async function loadTurnBasis(sql: Sql, loc: string, cid: string): Promise<TurnBasis> {
  const { rows } = await sql.query<BasisRow>(`SELECT ${BASIS_COLUMNS}`, [loc, cid]);
  return toBasis(rows[0]);
}

/** The basis, or null when the claim's event is done or another attempt took it over. */
async function loadClaimedBasis(
  sql: Sql,
  loc: string,
  cid: string,
  claim: TurnClaim,
): Promise<TurnBasis | null> {
  const { rows } = await sql.query<BasisRow & { claimed: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM inbox WHERE id = $3 AND status = 'pending' AND attempts = $4) AS claimed,
            ${BASIS_COLUMNS}`,
    [loc, cid, claim.inboxId, claim.attempt],
  );
  return rows[0]?.claimed ? toBasis(rows[0]) : null;
}

// Every write of a turn as one statement of fixed text (kept prepared; the plan's rows go in as
// JSON arrays). Its parts run on one snapshot: the cancelling UPDATEs never see the rows the same
// statement inserts, as when they ran first; the foreign keys are checked at the statement's end,
// after the location and contact rows it may insert. The two cancellations of queued messages are
// one UPDATE: PostgreSQL leaves it undefined which of two updates of one row in a statement wins.
const WRITE_PLAN = `
WITH location_row AS (
  INSERT INTO locations (id) SELECT $1::text WHERE $5::boolean ON CONFLICT (id) DO NOTHING
), contact_row AS (
  INSERT INTO contacts AS c (location_id, id, first_name, last_name, email, phone, timezone, state, postal_code,
         tags, custom_fields, opted_out, paused, paused_reason, created_at, updated_at)
  VALUES ($1, $2, $6, $7, $8, $9, $10, $11, $12, $13::jsonb, $14::jsonb, $15, $16, $17, $3, $3)
  ON CONFLICT (location_id, id) DO UPDATE SET first_name = EXCLUDED.first_name,
    last_name = EXCLUDED.last_name, email = EXCLUDED.email, phone = EXCLUDED.phone,
    timezone = EXCLUDED.timezone, state = EXCLUDED.state, postal_code = EXCLUDED.postal_code,
    tags = EXCLUDED.tags, custom_fields = EXCLUDED.custom_fields, opted_out = EXCLUDED.opted_out,
    paused = EXCLUDED.paused, paused_reason = EXCLUDED.paused_reason, updated_at = EXCLUDED.updated_at
), cancelled AS (
  UPDATE outbox SET status = 'cancelled', locked_until = NULL,
         last_error = coalesce($18::text, 'the lead wrote before it was sent')
   WHERE location_id = $1 AND contact_id = $2 AND status = 'pending' AND kind = ANY($20::text[])
     AND ($18::text IS NOT NULL OR ($19::boolean AND inbox_id IS NULL))
), queued AS (
  INSERT INTO outbox (location_id, contact_id, inbox_id, kind, payload, idempotency_key, next_attempt_at, created_at)
  SELECT $1, $2, $4::bigint, o.kind, o.payload, o.key, $3::timestamptz, $3::timestamptz
    FROM jsonb_to_recordset($21::jsonb) AS o(kind text, payload jsonb, key text)
  ON CONFLICT (idempotency_key) DO NOTHING RETURNING id, idempotency_key
), transcript AS (
  INSERT INTO messages (location_id, contact_id, direction, channel, body, inbox_id, outbox_id, created_at, reading)
  SELECT $1, $2, m.direction, m.channel, m.body, $4::bigint, q.id, $3::timestamptz, m.reading
    FROM jsonb_to_recordset($22::jsonb) AS m(n int, direction text, channel text, body text, outbox_key text, reading jsonb)
    LEFT JOIN queued q ON q.idempotency_key = m.outbox_key
   ORDER BY m.n
), audited AS (
  INSERT INTO audit_log (location_id, contact_id, actor, action, detail, at)
  SELECT $1, $2, a.actor, a.action, a.detail, $3::timestamptz
    FROM jsonb_to_recordset($23::jsonb) AS a(actor text, action text, detail jsonb)
), model_calls AS (
  INSERT INTO model_usage (location_id, contact_id, inbox_id, task, agent, model, outcome, prompt_mode,
         input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, cost_usd, latency_ms, detail, created_at)
  SELECT $1, $2, $4::bigint, u.task, u.agent, u.model, u.outcome, u.prompt_mode, u.input_tokens, u.output_tokens,
         u.cache_read_tokens, u.cache_write_tokens, u.cost_usd, u.latency_ms, u.detail, $3::timestamptz
    FROM jsonb_to_recordset($24::jsonb) AS u(task text, agent text, model text, outcome text, prompt_mode text,
         input_tokens int, output_tokens int, cache_read_tokens int, cache_write_tokens int, cost_usd numeric,
         latency_ms int, detail text)
), conversation AS (
  INSERT INTO conversations AS v (location_id, contact_id, bot, state, version, last_inbound_at, created_at, updated_at)
  SELECT $1, $2, $25::text, $26::jsonb, 1, $3::timestamptz, $3::timestamptz, $3::timestamptz WHERE $25::text IS NOT NULL
  ON CONFLICT (location_id, contact_id) DO UPDATE SET bot = EXCLUDED.bot, state = EXCLUDED.state,
    version = v.version + 1, last_inbound_at = EXCLUDED.last_inbound_at, updated_at = EXCLUDED.updated_at
  WHERE v.version = $27::int RETURNING version
), follow_ups_stopped AS (
  UPDATE follow_ups SET status = 'cancelled', reason = 'lead_replied'
   WHERE $19::boolean AND location_id = $1 AND contact_id = $2 AND status = 'pending'
), follow_ups_planned AS (
  INSERT INTO follow_ups (location_id, contact_id, sequence_start, step, due_at, created_at)
  SELECT $1, $2, $3::timestamptz, f.step, f.due_at, $3::timestamptz
    FROM jsonb_to_recordset($28::jsonb) AS f(step text, due_at timestamptz)
  ON CONFLICT (location_id, contact_id, sequence_start, step) DO NOTHING
), event_done AS (
  UPDATE inbox SET status = 'done', processed_at = $3::timestamptz WHERE id = $29::bigint
)
SELECT (SELECT count(*) FROM queued)::int AS queued, (SELECT count(*) FROM conversation)::int AS saved`;

/** Writes the plan and marks the claimed event done; returns how many outbox rows were newly queued. */
async function writePlan(tx: Sql, p: TurnPlan, claimedInboxId: number): Promise<number> {
  const c = p.contact;
  const conv = p.conversation;
  const { rows } = await tx.query<{ queued: number; saved: number }>(WRITE_PLAN, [
    p.locationId,
    p.contactId,
    p.at,
    p.inboxId,
    c.isNew,
    c.first_name,
    c.last_name,
    c.email,
    c.phone,
    c.timezone,
    c.state,
    c.postal_code,
    JSON.stringify(c.tags),
    JSON.stringify(c.custom_fields),
    c.opted_out,
    c.paused,
    c.paused_reason,
    p.cancelQueuedMessages,
    p.followUps?.cancel ?? false,
    MESSAGE_KINDS,
    JSON.stringify(p.outbox.map((o) => ({ kind: o.action.kind, payload: o.action, key: o.key }))),
    JSON.stringify(
      p.transcript.map((m, n) => ({
        n,
        direction: m.direction,
        channel: m.channel,
        body: m.body,
        outbox_key: m.outboxKey ?? null,
        reading: m.reading ?? null,
      })),
    ),
    JSON.stringify(p.audits),
    JSON.stringify(p.modelCalls.map(modelUsageColumns)),
    conv?.bot ?? null,
    conv ? JSON.stringify(conv.state) : null,
    conv?.expectedVersion ?? 0,
    JSON.stringify(
      (p.followUps?.schedule ?? []).map((s) => ({ step: s.step, due_at: s.dueAt.toISOString() })),
    ),
    claimedInboxId,
  ]);
  // The lock and the basis check make this impossible; if it ever happens, fail rather than lose an update.
  if (conv && rows[0]?.saved !== 1) throw new Error('conversation changed concurrently');
  return rows[0]?.queued ?? 0;
}
