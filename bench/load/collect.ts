import type pg from 'pg';
import type { FakeGhl } from '../../test/support/fakes/ghl-server.ts';
import { type Percentiles, percentiles } from '../lib/percentiles.ts';
import type { SentWebhook } from './leads.ts';

const OFF_SWITCH_TAGS = ['ai-off', 'stop-bot', 'qualified', 'human-takeover'];

export interface Backlog {
  inboxPending: number;
  /** Replies written but not yet handed to GHL that are due now (not held for later on purpose). */
  repliesDue: number;
  /** Every open outbox action due now (replies, tags, fields, notes…). */
  actionsDue: number;
}

export async function backlog(pool: pg.Pool): Promise<Backlog> {
  const { rows } = await pool.query<Backlog>(
    `SELECT (SELECT count(*) FROM inbox WHERE status = 'pending')::int AS "inboxPending",
            (SELECT count(*) FROM outbox WHERE kind = 'send_message' AND status IN ('pending', 'sending')
                AND next_attempt_at <= now() + interval '60 seconds')::int AS "repliesDue",
            (SELECT count(*) FROM outbox WHERE status IN ('pending', 'sending')
                AND next_attempt_at <= now() + interval '60 seconds')::int AS "actionsDue"`,
  );
  return rows[0] ?? { inboxPending: 0, repliesDue: 0, actionsDue: 0 };
}

/** Waits until nothing is pending in the inbox and no action is due, or `timeoutS` passes. */
export async function drain(pool: pg.Pool, timeoutS: number, log: (m: string) => void) {
  const t0 = Date.now();
  let last = await backlog(pool);
  let printed = 0;
  while (last.inboxPending + last.actionsDue > 0 && Date.now() - t0 < timeoutS * 1000) {
    if (Date.now() - printed > 5000) {
      printed = Date.now();
      log(`  draining: inbox ${last.inboxPending} pending, ${last.actionsDue} CRM actions due`);
    }
    await new Promise((r) => setTimeout(r, 500));
    last = await backlog(pool);
  }
  return { waitedS: (Date.now() - t0) / 1000, complete: last.inboxPending + last.actionsDue === 0, last };
}

export interface AnswerAccount {
  accepted: number;
  answeredOnce: number;
  /** No reply because the bot was held back for the contact on purpose (escalation, opt-out…). */
  heldBack: number;
  /** Reply written but held for later on purpose (quiet hours, daily cap) — not lost. */
  heldForLater: number;
  /** Accepted without a reply and without a reason to stay silent: the sum of the four below. */
  lost: number;
  /** Processed, no reply written, no hold on the contact. */
  lostNoReply: number;
  /** The turn failed (inbox row failed or dead) or the reply's send failed. */
  lostFailed: number;
  /** Still pending after the drain wait. */
  lostUnprocessed: number;
  /** Answered "accepted" but no inbox row holds it. */
  lostNotStored: number;
  /** Inbound messages with two or more replies. */
  duplicates: number;
  /** Outbound messages GHL received for the bench's contacts that no outbox row sent (a double send). */
  unclaimedAtGhl: number;
  /** Why inbox rows or reply sends failed: error text (ids folded) → count. */
  failureReasons: Record<string, number>;
  /** Webhook sent → reply stored at the fake GHL, for each answered inbound message. */
  botTurnMs: Percentiles;
  /** The same by bot kind. */
  botTurnByKind: Record<string, Percentiles>;
  /**
   * Where an answered message's time went, from the service's own timestamps: in the inbox
   * (received → the claim's last renewal: the wait for a worker plus the turn's network gathering,
   * the model calls included, since the claim is renewed after it), the locked turn (→ committed),
   * the reply in the outbox until GHL accepted it (committed → sent, budget waits included).
   */
  stagesMs: { queued: Percentiles; turn: Percentiles; outbox: Percentiles };
}

interface Row {
  message_id: string;
  status: string;
  n: number;
  sent_ids: string[] | null;
  open_later: number;
  failed_sends: number;
  held: boolean;
}

/** Every accepted inbound message matched to its reply at the fake GHL through the outbox. */
export async function accountAnswers(
  pool: pg.Pool,
  ghl: FakeGhl,
  sent: readonly SentWebhook[],
): Promise<AnswerAccount> {
  const accepted = sent.filter((w) => w.outcome === 'accepted');
  const byMessage = new Map(accepted.map((w) => [w.messageId, w]));
  const { rows } = await pool.query<Row>(
    `WITH ours AS (
       SELECT i.id, i.location_id, i.contact_id, i.message_id, i.status, i.processed_at
         FROM inbox i WHERE i.message_id = ANY($1::text[])),
     holds AS (
       SELECT location_id, id AS contact_id, '-infinity'::timestamptz AS since FROM contacts
        WHERE opted_out OR paused
           OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(tags) t WHERE lower(t) = ANY($2::text[]))
       UNION ALL SELECT location_id, contact_id, created_at FROM escalations
       UNION ALL SELECT location_id, contact_id, created_at FROM compliance_tickets)
     SELECT ours.message_id, ours.status,
            (SELECT count(*) FROM outbox o WHERE o.inbox_id = ours.id AND o.kind = 'send_message')::int AS n,
            (SELECT array_agg(o.result ->> 'messageId' ORDER BY o.id) FROM outbox o
              WHERE o.inbox_id = ours.id AND o.kind = 'send_message' AND o.status = 'sent') AS sent_ids,
            (SELECT count(*) FROM outbox o WHERE o.inbox_id = ours.id AND o.kind = 'send_message'
                AND o.status = 'pending' AND o.next_attempt_at > now() + interval '60 seconds')::int AS open_later,
            (SELECT count(*) FROM outbox o WHERE o.inbox_id = ours.id AND o.kind = 'send_message'
                AND o.status = 'failed')::int AS failed_sends,
            EXISTS (SELECT 1 FROM holds h WHERE h.location_id = ours.location_id
                      AND h.contact_id = ours.contact_id AND h.since <= ours.processed_at) AS held
       FROM ours`,
    [accepted.map((w) => w.messageId), OFF_SWITCH_TAGS],
  );
  const arrived = new Map<string, number>();
  const ours = new Set(sent.map((w) => w.contactId));
  for (const m of ghl.messages)
    if (m.direction === 'outbound' && ours.has(m.contactId)) arrived.set(m.id, Date.parse(m.dateAdded));
  const { rows: claimed } = await pool.query<{ id: string }>(
    `SELECT DISTINCT result ->> 'messageId' AS id FROM outbox WHERE result ->> 'messageId' IS NOT NULL`,
  );
  const claimedIds = new Set(claimed.map((c) => c.id));

  const acc = {
    answeredOnce: 0,
    heldBack: 0,
    heldForLater: 0,
    lostNoReply: 0,
    lostFailed: 0,
    lostUnprocessed: 0,
    lostNotStored: 0,
    duplicates: 0,
  };
  const turns: number[] = [];
  const byKind: Record<string, number[]> = {};
  const stored = new Set<string>();
  for (const r of rows) {
    stored.add(r.message_id);
    if (r.n > 1) acc.duplicates++;
    if (r.status === 'pending') acc.lostUnprocessed++;
    else if (r.status !== 'done' || r.failed_sends > 0) acc.lostFailed++;
    else if (r.n >= 1 && r.sent_ids?.length) {
      acc.answeredOnce++;
      const w = byMessage.get(r.message_id);
      const at = arrived.get(r.sent_ids[0] ?? '');
      if (w && at !== undefined) {
        const ms = at - w.sentAt;
        turns.push(ms);
        const list = byKind[w.kind] ?? [];
        list.push(ms);
        byKind[w.kind] = list;
      }
    } else if (r.open_later > 0) acc.heldForLater++;
    else if (r.n === 0 && r.held) acc.heldBack++;
    else if (r.n === 0) acc.lostNoReply++;
    else acc.lostUnprocessed++;
  }
  for (const w of accepted) if (!stored.has(w.messageId)) acc.lostNotStored++;
  const { rows: reasons } = await pool.query<{ reason: string; n: number }>(
    `SELECT reason, count(*)::int AS n FROM (
       SELECT 'inbox ' || status || ': ' || coalesce(last_error, '?') AS reason FROM inbox
        WHERE message_id = ANY($1::text[]) AND status NOT IN ('done', 'pending')
       UNION ALL
       SELECT 'outbox ' || kind || ' failed: ' || coalesce(last_error, '?') FROM outbox WHERE status = 'failed') f
      GROUP BY reason ORDER BY n DESC LIMIT 20`,
    [accepted.map((w) => w.messageId)],
  );
  const failureReasons: Record<string, number> = {};
  for (const x of reasons) {
    const k = x.reason.replace(/[A-Za-z0-9]{16,}/g, ':id').slice(0, 200);
    failureReasons[k] = (failureReasons[k] ?? 0) + x.n;
  }
  // The stages by the service's own timestamps: receipt → a worker claims the event
  // (`started_at`); → the drainer first claims the reply (`first_attempt_at`: the turn's network
  // gathering and model calls, its commit and the drainer's wake-up); → GHL accepted it (`sent_at`:
  // send consent, DND check, the location's budget, the call). `processed_at` is not used: the
  // turn stamps it with the time it started, before its model calls. A turn longer than 2.5 s has
  // its `started_at` renewed (the claim's heartbeat), so its wait shows in the first stage.
  const { rows: stages } = await pool.query<{ queued: number; turn: number; outbox: number }>(
    `SELECT extract(epoch FROM (i.started_at - i.received_at)) * 1000 AS queued,
            extract(epoch FROM (o.first_attempt_at - i.started_at)) * 1000 AS turn,
            extract(epoch FROM (o.sent_at - o.first_attempt_at)) * 1000 AS outbox
       FROM inbox i JOIN outbox o ON o.inbox_id = i.id AND o.kind = 'send_message' AND o.status = 'sent'
      WHERE i.message_id = ANY($1::text[]) AND i.started_at IS NOT NULL AND o.first_attempt_at IS NOT NULL`,
    [accepted.map((w) => w.messageId)],
  );
  const stagesMs = {
    queued: percentiles(stages.map((x) => Number(x.queued))),
    turn: percentiles(stages.map((x) => Number(x.turn))),
    outbox: percentiles(stages.map((x) => Number(x.outbox))),
  };
  let unclaimedAtGhl = 0;
  for (const id of arrived.keys()) if (!claimedIds.has(id)) unclaimedAtGhl++;
  return {
    accepted: accepted.length,
    ...acc,
    lost: acc.lostNoReply + acc.lostFailed + acc.lostUnprocessed + acc.lostNotStored,
    unclaimedAtGhl,
    failureReasons,
    stagesMs,
    botTurnMs: percentiles(turns),
    botTurnByKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, percentiles(v)])),
  };
}
