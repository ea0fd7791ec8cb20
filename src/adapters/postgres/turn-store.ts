import type { Db, Sql } from '../../ports.ts';
import {
  basisKey,
  type TurnBasis,
  type TurnCommit,
  type TurnPlan,
  type TurnStore,
} from '../../ports/turn-store.ts';
import { recordModelCall } from './model-usage-repo.ts';
import { claimedInboxEvent, lockContact, markInboxDone } from './inbox-repo.ts';
import { MESSAGE_KINDS } from './outbox-repo.ts';

const NO_CONVERSATION = {
  bot: 'lead',
  state: {},
  version: 0,
  needs_human_review: false,
  compliance_hold: false,
};

/** The turn's reads and its one write, on PostgreSQL or PGlite. */
export const postgresTurnStore: TurnStore = {
  load: loadTurnBasis,
  commit: (db: Db, claim, expectedKey, plan, also) =>
    db.transaction(async (tx): Promise<TurnCommit> => {
      if (!(await lockContact(tx, plan.locationId, plan.contactId, claim.lockWaitMs)))
        return { kind: 'lost' };
      if (!(await claimedInboxEvent(tx, claim.inboxId, claim.attempt))) return { kind: 'lost' };
      const now = await loadTurnBasis(tx, plan.locationId, plan.contactId);
      if (basisKey(now) !== expectedKey) return { kind: 'moved' };
      let outboxRows = await writePlan(tx, plan);
      if (also) outboxRows += await also(tx);
      await markInboxDone(tx, claim.inboxId, plan.at);
      return { kind: 'done', outboxRows };
    }),
};

/** Contact, conversation and latest assessment in one statement. */
export async function loadTurnBasis(sql: Sql, loc: string, cid: string): Promise<TurnBasis> {
  const { rows } = await sql.query<{
    contact: TurnBasis['contact'];
    conversation: TurnBasis['conversation'] | null;
    assessment: { source: 'service' | 'heuristic' | 'default'; pre_approved: boolean } | null;
  }>(
    `SELECT
       (SELECT row_to_json(c) FROM (SELECT first_name, last_name, email, phone, timezone, state, postal_code,
               tags, custom_fields, opted_out, paused, paused_reason
          FROM contacts WHERE location_id = $1 AND id = $2) c) AS contact,
       (SELECT row_to_json(v) FROM (SELECT bot, state, version, needs_human_review, compliance_hold
          FROM conversations WHERE location_id = $1 AND contact_id = $2) v) AS conversation,
       (SELECT row_to_json(a) FROM (SELECT source, pre_approved FROM financial_assessments
          WHERE location_id = $1 AND contact_id = $2 ORDER BY id DESC LIMIT 1) a) AS assessment`,
    [loc, cid],
  );
  const r = rows[0];
  const a = r?.assessment ?? null;
  return {
    contact: r?.contact ?? null,
    conversation: r?.conversation ?? { ...NO_CONVERSATION },
    assessment: a ? { preApproved: a.pre_approved, source: a.source } : null,
  };
}

/** `(${1}, ${2}, …), (…)` for `rows` rows of `cols` parameters each. */
function values(rows: number, cols: number, cast: Record<number, string> = {}): string {
  return Array.from(
    { length: rows },
    (_, r) =>
      `(${Array.from({ length: cols }, (_, c) => `$${r * cols + c + 1}${cast[c] ?? ''}`).join(', ')})`,
  ).join(', ');
}

/** Writes the plan; returns how many outbox rows were newly queued. */
async function writePlan(tx: Sql, p: TurnPlan): Promise<number> {
  const loc = p.locationId;
  const cid = p.contactId;
  const c = p.contact;
  // Untyped VALUES lists read every parameter as text: timestamps go in as ISO strings.
  const at = p.at.toISOString();
  if (c.isNew) await tx.query(`INSERT INTO locations (id) VALUES ($1) ON CONFLICT (id) DO NOTHING`, [loc]);
  await tx.query(
    `INSERT INTO contacts AS c (location_id, id, first_name, last_name, email, phone, timezone, state, postal_code,
            tags, custom_fields, opted_out, paused, paused_reason, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11::jsonb, $12, $13, $14, $15, $15)
     ON CONFLICT (location_id, id) DO UPDATE SET first_name = EXCLUDED.first_name,
       last_name = EXCLUDED.last_name, email = EXCLUDED.email, phone = EXCLUDED.phone,
       timezone = EXCLUDED.timezone, state = EXCLUDED.state, postal_code = EXCLUDED.postal_code,
       tags = EXCLUDED.tags, custom_fields = EXCLUDED.custom_fields, opted_out = EXCLUDED.opted_out,
       paused = EXCLUDED.paused, paused_reason = EXCLUDED.paused_reason, updated_at = EXCLUDED.updated_at`,
    [
      loc,
      cid,
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
      p.at,
    ],
  );
  if (p.cancelQueuedMessages !== null) {
    await tx.query(
      `UPDATE outbox SET status = 'cancelled', last_error = $3, locked_until = NULL
        WHERE location_id = $1 AND contact_id = $2 AND status = 'pending' AND kind = ANY($4::text[])`,
      [loc, cid, p.cancelQueuedMessages, MESSAGE_KINDS],
    );
  }
  const outboxIds = new Map<string, number>();
  if (p.outbox.length > 0) {
    const params = p.outbox.flatMap((o) => [
      loc,
      cid,
      p.inboxId,
      o.action.kind,
      JSON.stringify(o.action),
      o.key,
      at,
    ]);
    const { rows } = await tx.query<{ id: number; idempotency_key: string }>(
      `INSERT INTO outbox (location_id, contact_id, inbox_id, kind, payload, idempotency_key, next_attempt_at, created_at)
       SELECT v.l, v.c, v.i::bigint, v.k, v.p::jsonb, v.key, v.t::timestamptz, v.t::timestamptz
         FROM (VALUES ${values(p.outbox.length, 7)}) AS v(l, c, i, k, p, key, t)
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING id, idempotency_key`,
      params,
    );
    for (const r of rows) outboxIds.set(r.idempotency_key, Number(r.id));
  }
  if (p.transcript.length > 0) {
    const params = p.transcript.flatMap((m, n) => [
      n,
      loc,
      cid,
      m.direction,
      m.channel,
      m.body,
      p.inboxId,
      (m.outboxKey && outboxIds.get(m.outboxKey)) ?? null,
      at,
      m.reading ? JSON.stringify(m.reading) : null,
    ]);
    await tx.query(
      `INSERT INTO messages (location_id, contact_id, direction, channel, body, inbox_id, outbox_id, created_at, reading)
       SELECT v.l, v.c, v.d, v.ch, v.b, v.i::bigint, v.o::bigint, v.t::timestamptz, v.r::jsonb
         FROM (VALUES ${values(p.transcript.length, 10)}) AS v(n, l, c, d, ch, b, i, o, t, r)
        ORDER BY v.n::int`,
      params,
    );
  }
  if (p.audits.length > 0) {
    const params = p.audits.flatMap((a) => [loc, cid, a.actor, a.action, JSON.stringify(a.detail), at]);
    await tx.query(
      `INSERT INTO audit_log (location_id, contact_id, actor, action, detail, at)
       SELECT v.l, v.c, v.a, v.x, v.d::jsonb, v.t::timestamptz
         FROM (VALUES ${values(p.audits.length, 6)}) AS v(l, c, a, x, d, t)`,
      params,
    );
  }
  for (const record of p.modelCalls)
    await recordModelCall(tx, { locationId: loc, contactId: cid, inboxId: p.inboxId, record, at: p.at });
  if (p.conversation) {
    const { rows } = await tx.query(
      `INSERT INTO conversations AS v (location_id, contact_id, bot, state, version, last_inbound_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4::jsonb, 1, $5, $5, $5)
       ON CONFLICT (location_id, contact_id) DO UPDATE SET bot = EXCLUDED.bot, state = EXCLUDED.state,
         version = v.version + 1, last_inbound_at = EXCLUDED.last_inbound_at, updated_at = EXCLUDED.updated_at
       WHERE v.version = $6 RETURNING version`,
      [
        loc,
        cid,
        p.conversation.bot,
        JSON.stringify(p.conversation.state),
        p.at,
        p.conversation.expectedVersion,
      ],
    );
    // The lock and the basis check make this impossible; if it ever happens, fail rather than lose an update.
    if (rows.length !== 1) throw new Error('conversation changed concurrently');
  }
  if (p.followUps) await writeFollowUps(tx, p, p.followUps);
  return outboxIds.size;
}

async function writeFollowUps(tx: Sql, p: TurnPlan, f: NonNullable<TurnPlan['followUps']>): Promise<void> {
  const loc = p.locationId;
  const cid = p.contactId;
  if (f.cancel) {
    await tx.query(
      `UPDATE follow_ups SET status = 'cancelled', reason = 'lead_replied'
        WHERE location_id = $1 AND contact_id = $2 AND status = 'pending'`,
      [loc, cid],
    );
    // A follow-up already queued (held for the lead's quiet hours) would now arrive out of place.
    await tx.query(
      `UPDATE outbox SET status = 'cancelled', last_error = 'the lead wrote before it was sent', locked_until = NULL
        WHERE location_id = $1 AND contact_id = $2 AND status = 'pending' AND inbox_id IS NULL
          AND kind = ANY($3::text[])`,
      [loc, cid, MESSAGE_KINDS],
    );
  }
  const steps = f.schedule ?? [];
  if (steps.length === 0) return;
  await tx.query(
    `INSERT INTO follow_ups (location_id, contact_id, sequence_start, step, due_at, created_at)
     SELECT v.l, v.c, v.s::timestamptz, v.st, v.d::timestamptz, v.s::timestamptz
       FROM (VALUES ${values(steps.length, 5)}) AS v(l, c, s, st, d)
     ON CONFLICT (location_id, contact_id, sequence_start, step) DO NOTHING`,
    steps.flatMap((s) => [loc, cid, p.at.toISOString(), s.step, s.dueAt.toISOString()]),
  );
}
