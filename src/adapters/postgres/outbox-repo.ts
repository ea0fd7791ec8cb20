import type { OutboxAction } from '../../ports/outbox-action.ts';
import {
  COALESCED_KINDS,
  type LeadWhereaboutsRow,
  MESSAGE_KINDS,
  type OutboxClaimOptions,
  type OutboxRow,
  type SendConsentFacts,
  type SentRow,
} from '../../ports/outbox-delivery.ts';
import type { Sql } from '../../ports.ts';
import type { OutboxEnqueue } from '../../ports/follow-up-store.ts';
import { PLANNED_EACH_RUN } from './db.ts';

export { type LeadWhereaboutsRow, MESSAGE_KINDS, type OutboxRow } from '../../ports/outbox-delivery.ts';

export async function enqueueOutbox(tx: Sql, row: OutboxEnqueue): Promise<number | null> {
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO outbox (location_id, contact_id, inbox_id, kind, payload, idempotency_key, next_attempt_at, created_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $7)
     ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
    [
      row.locationId,
      row.contactId,
      row.inboxId,
      row.action.kind,
      JSON.stringify(row.action),
      row.idempotencyKey,
      row.at,
    ],
  );
  return rows[0]?.id ?? null;
}

// A contact's rows go out in three lanes, each in order and independent of the others: messages
// (and the appointments and staff alerts they speak of), tag and field writes, and the record's other
// steps (notes, tasks, financing checks). A reply never waits behind a CRM write, and a tag or field
// write may wait to be merged with the next ones without holding up a note or a task.
const COALESCED_KINDS_SQL = `(${COALESCED_KINDS.map((k) => `'${k}'`).join(', ')})`;
const laneOf = (t: string) =>
  `(CASE WHEN ${t}.kind IN ${COALESCED_KINDS_SQL} THEN 1
         WHEN ${t}.kind IN ('add_note', 'create_task', 'assess_financing') THEN 2 ELSE 0 END)`;

/**
 * Claims due actions, at most the oldest open one per contact and lane (messages, tag and field
 * writes, other record steps), so each lane of a contact goes out in order. A tag or field write is due only
 * once it is `coalesceMs` old, so the writes of a contact's next turns can join it (see
 * `claimLaterRecordWrites`). A row stuck in 'sending' past its lease (the worker died mid-call) is
 * claimed again; the attempt is recorded before the call so a re-claim knows to check before
 * re-sending. It commits durably (waits for the disk), and so writes out every commit made before
 * it, the turn's that queued the row included (relaxed-commit.ts): nothing goes to the CRM on a
 * record a database crash could still lose.
 */
export async function claimOutbox(tx: Sql, opts: OutboxClaimOptions): Promise<OutboxRow[]> {
  // Replies and emails to leads first, then the rest: when the drainer has more due rows than
  // places, a lead's reply does not wait behind other contacts' tag, field and task writes.
  const messages = opts.contact ? [] : await claimDue(tx, opts, opts.limit, MESSAGES_ONLY);
  const rest = opts.limit - messages.length;
  const others = rest > 0 ? await claimDue(tx, opts, rest, '') : [];
  return [...messages, ...others].sort((a, b) => a.id - b.id);
}

const MESSAGE_KINDS_SQL = `(${MESSAGE_KINDS.map((k) => `'${k}'`).join(', ')})`;
// Read through the partial index outbox_open_messages (migration 022).
const MESSAGES_ONLY = `AND o.kind IN ${MESSAGE_KINDS_SQL}`;

async function claimDue(
  tx: Sql,
  opts: OutboxClaimOptions,
  limit: number,
  kindFilter: string,
): Promise<OutboxRow[]> {
  const params: unknown[] = [
    opts.now,
    new Date(opts.now.getTime() + opts.leaseMs),
    limit,
    new Date(opts.now.getTime() - (opts.coalesceMs ?? 0)),
  ];
  let contactFilter = '';
  if (opts.contact) {
    params.push(opts.contact.locationId, opts.contact.contactId);
    contactFilter = 'AND o.location_id = $5 AND o.contact_id = $6';
  }
  const { rows } = await tx.query<OutboxRow>(
    `${PLANNED_EACH_RUN} UPDATE outbox SET status = 'sending', attempts = attempts + 1, locked_until = $2,
            first_attempt_at = COALESCE(first_attempt_at, $1)
      WHERE id IN (
        SELECT o.id FROM outbox o
         WHERE o.status IN ('pending', 'sending')
           AND ((o.status = 'pending' AND o.next_attempt_at <= $1
                 AND (o.kind NOT IN ${COALESCED_KINDS_SQL} OR o.created_at <= $4))
                OR (o.status = 'sending' AND o.locked_until < $1))
           ${kindFilter}
           ${contactFilter}
           AND NOT EXISTS (
             SELECT 1 FROM outbox p
              WHERE p.location_id = o.location_id AND p.contact_id = o.contact_id
                AND p.id < o.id AND p.status IN ('pending', 'sending')
                AND ${laneOf('p')} = ${laneOf('o')})
         ORDER BY o.id
         LIMIT $3
         FOR UPDATE SKIP LOCKED)
      RETURNING id, location_id, contact_id, inbox_id, kind, payload, idempotency_key, status, attempts,
                first_attempt_at, created_at, result, last_error`,
    params,
  );
  return rows;
}

/**
 * Claims the contact's queued tag and field writes that follow `row`, whether due yet or not, under
 * the same lease as `row`: the drainer merges them into one set of CRM calls.
 */
export async function claimLaterRecordWrites(
  tx: Sql,
  row: OutboxRow,
  opts: { now: Date; leaseMs: number },
): Promise<OutboxRow[]> {
  const { rows } = await tx.query<OutboxRow>(
    `UPDATE outbox SET status = 'sending', attempts = attempts + 1, locked_until = $4,
            first_attempt_at = COALESCE(first_attempt_at, $5)
      WHERE id IN (
        SELECT o.id FROM outbox o
         WHERE o.location_id = $1 AND o.contact_id = $2 AND o.id > $3 AND o.status = 'pending'
           AND o.kind IN ${COALESCED_KINDS_SQL}
         ORDER BY o.id
         LIMIT 200
         FOR UPDATE SKIP LOCKED)
      RETURNING id, location_id, contact_id, inbox_id, kind, payload, idempotency_key, status, attempts,
                first_attempt_at, created_at, result, last_error`,
    [row.location_id, row.contact_id, row.id, new Date(opts.now.getTime() + opts.leaseMs), opts.now],
  );
  return rows.sort((a, b) => a.id - b.id);
}

/**
 * Records several rows' results in one statement (the drainer's group of rows finished together),
 * each with the receipt time of the inbound message its row answers.
 */
export async function markOutboxEachSent(
  sql: Sql,
  entries: { id: number; result: Record<string, unknown>; at: Date }[],
): Promise<Map<number, SentRow>> {
  const sent = new Map<number, SentRow>();
  if (entries.length === 0) return sent;
  const { rows } = await sql.query<{ id: number; received_at: Date | null }>(
    `UPDATE outbox o SET status = 'sent', result = v.result::jsonb, sent_at = v.sent_at, locked_until = NULL,
            last_error = NULL
       FROM unnest($1::bigint[], $2::text[], $3::timestamptz[]) AS v(id, result, sent_at)
      WHERE o.id = v.id
      RETURNING o.id, (SELECT received_at FROM inbox WHERE inbox.id = o.inbox_id) AS received_at`,
    [entries.map((e) => e.id), entries.map((e) => JSON.stringify(e.result)), entries.map((e) => e.at)],
  );
  for (const r of rows)
    sent.set(Number(r.id), { inboxReceivedAt: r.received_at ? new Date(r.received_at) : null });
  return sent;
}

/** Gives several claimed rows back untouched and due now (their attempts are not counted). */
export async function releaseOutboxMany(sql: Sql, ids: number[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await sql.query(
    `UPDATE outbox SET status = 'pending', attempts = greatest(attempts - 1, 0), locked_until = NULL,
            next_attempt_at = $2 WHERE id = ANY($1::bigint[])`,
    [ids, at],
  );
}

export async function markOutboxRetry(
  sql: Sql,
  id: number,
  error: string,
  nextAttemptAt: Date,
): Promise<void> {
  await sql.query(
    `UPDATE outbox SET status = 'pending', last_error = $2, next_attempt_at = $3, locked_until = NULL WHERE id = $1`,
    [id, error.slice(0, 500), nextAttemptAt],
  );
}

/**
 * Cancels every queued, unclaimed message to the contact (an opt-out in the same transaction).
 * A row already claimed by a sender is left to the sender's own consent check.
 */
export async function cancelQueuedMessages(
  tx: Sql,
  locationId: string,
  contactId: string,
  reason: string,
): Promise<number> {
  const { rows } = await tx.query<{ id: number }>(
    `UPDATE outbox SET status = 'cancelled', last_error = $3, locked_until = NULL
      WHERE location_id = $1 AND contact_id = $2 AND status = 'pending' AND kind = ANY($4::text[])
      RETURNING id`,
    [locationId, contactId, reason, MESSAGE_KINDS],
  );
  return rows.length;
}

/** Drops the senders' shared read of the contact's CRM DND, so the next send reads it afresh. */
export async function forgetCrmDnd(tx: Sql, locationId: string, contactId: string): Promise<void> {
  await tx.query(`DELETE FROM crm_dnd_reads WHERE location_id = $1 AND contact_id = $2`, [
    locationId,
    contactId,
  ]);
}

/** Cancels one claimed row (the sender found it must not go out). */
export async function markOutboxCancelled(sql: Sql, id: number, reason: string): Promise<void> {
  await sql.query(
    `UPDATE outbox SET status = 'cancelled', last_error = $2, locked_until = NULL WHERE id = $1`,
    [id, reason],
  );
}

/** Gives a claimed row back untouched, to be claimed again after `at` (its attempt is not counted). */
export async function releaseOutbox(sql: Sql, id: number, at: Date): Promise<void> {
  await sql.query(
    `UPDATE outbox SET status = 'pending', attempts = greatest(attempts - 1, 0), locked_until = NULL,
            next_attempt_at = $2 WHERE id = $1`,
    [id, at],
  );
}

/**
 * What a sender must know right before a message goes to the lead: whether the contact has opted
 * out, the texts of the contact's inbound messages that are stored but not yet processed (an
 * opt-out among them must hold the send although no turn has recorded it yet), where the lead is,
 * when they last wrote, and when the messages we started (no inbox row) since `since` went out.
 */
export async function sendConsentFacts(
  sql: Sql,
  locationId: string,
  contactId: string,
  since: Date,
): Promise<SendConsentFacts> {
  const { rows } = await sql.query<{
    contact: (LeadWhereaboutsRow & { opted_out: boolean }) | null;
    texts: string[] | null;
    last_inbound_at: Date | null;
    sent: (string | Date)[] | null;
  }>(
    `SELECT (SELECT json_build_object('opted_out', opted_out, 'phone', phone, 'timezone', timezone,
                    'state', state, 'postal_code', postal_code, 'tags', tags)
               FROM contacts WHERE location_id = $1 AND id = $2) AS contact,
            (SELECT array_agg(payload ->> 'body') FROM inbox
              WHERE location_id = $1 AND contact_id = $2 AND status = 'pending'
                AND kind = 'inbound_message') AS texts,
            (SELECT max(created_at) FROM messages
              WHERE location_id = $1 AND contact_id = $2 AND direction = 'inbound') AS last_inbound_at,
            (SELECT array_agg(sent_at) FROM outbox
              WHERE location_id = $1 AND contact_id = $2 AND inbox_id IS NULL AND status = 'sent'
                AND kind = ANY($3::text[]) AND sent_at > $4) AS sent`,
    [locationId, contactId, MESSAGE_KINDS, since],
  );
  const r = rows[0];
  const c = r?.contact ?? null;
  return {
    optedOut: c?.opted_out === true,
    unreadTexts: (r?.texts ?? []).filter(Boolean),
    contact: c
      ? {
          phone: c.phone,
          timezone: c.timezone,
          state: c.state,
          postal_code: c.postal_code,
          tags: c.tags ?? [],
        }
      : null,
    lastInboundAt: r?.last_inbound_at ? new Date(r.last_inbound_at) : null,
    initiatedSentAt: (r?.sent ?? []).map((d) => new Date(d)),
  };
}

/** When the messages we started (follow-ups: no inbox row) to the contact went out since `since`. */
export async function initiatedMessagesSentSince(
  sql: Sql,
  locationId: string,
  contactId: string,
  since: Date,
): Promise<Date[]> {
  const { rows } = await sql.query<{ sent_at: Date }>(
    `SELECT sent_at FROM outbox
      WHERE location_id = $1 AND contact_id = $2 AND inbox_id IS NULL AND status = 'sent'
        AND kind = ANY($3::text[]) AND sent_at > $4`,
    [locationId, contactId, MESSAGE_KINDS, since],
  );
  return rows.map((r) => new Date(r.sent_at));
}

/**
 * Cancels the messages we started (follow-ups) that still wait in the queue: the lead wrote, so
 * they would arrive out of place. Replies to the lead (with an inbox row) are left alone.
 */
export async function cancelQueuedInitiatedMessages(
  tx: Sql,
  locationId: string,
  contactId: string,
  reason: string,
): Promise<number> {
  const { rows } = await tx.query<{ id: number }>(
    `UPDATE outbox SET status = 'cancelled', last_error = $3, locked_until = NULL
      WHERE location_id = $1 AND contact_id = $2 AND status = 'pending' AND inbox_id IS NULL
        AND kind = ANY($4::text[])
      RETURNING id`,
    [locationId, contactId, reason, MESSAGE_KINDS],
  );
  return rows.length;
}

export async function markOutboxFailed(sql: Sql, id: number, error: string): Promise<void> {
  await sql.query(`UPDATE outbox SET status = 'failed', last_error = $2, locked_until = NULL WHERE id = $1`, [
    id,
    error.slice(0, 500),
  ]);
}

export async function openOutboxForContact(sql: Sql, locationId: string, contactId: string): Promise<number> {
  const { rows } = await sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM outbox WHERE location_id = $1 AND contact_id = $2 AND status IN ('pending', 'sending')`,
    [locationId, contactId],
  );
  return rows[0]?.n ?? 0;
}

export async function outboxStats(sql: Sql, now: Date): Promise<{ depth: number; oldestAgeSeconds: number }> {
  const { rows } = await sql.query<{ n: number; oldest: Date | null }>(
    `SELECT count(*)::int AS n, min(created_at) AS oldest FROM outbox WHERE status IN ('pending', 'sending')`,
  );
  const r = rows[0];
  return {
    depth: r?.n ?? 0,
    oldestAgeSeconds: r?.oldest ? Math.max(0, (now.getTime() - new Date(r.oldest).getTime()) / 1000) : 0,
  };
}

/** Queues several CRM steps of one record (escalation, ticket…), keyed `<keyPrefix>:<n>` so a retry never adds them twice. */
export async function enqueueSteps(
  tx: Sql,
  row: { locationId: string; contactId: string; keyPrefix: string; at: Date },
  steps: readonly OutboxAction[],
): Promise<void> {
  for (const [n, action] of steps.entries()) {
    await enqueueOutbox(tx, {
      locationId: row.locationId,
      contactId: row.contactId,
      inboxId: null,
      action,
      idempotencyKey: `${row.keyPrefix}:${n}`,
      at: row.at,
    });
  }
}
