import { type FollowUpRow, listFollowUps } from '../adapters/postgres/follow-ups-repo.ts';
import { type ModelUsageTotals, modelUsageTotals } from '../adapters/postgres/model-usage-repo.ts';
import type { Sql } from '../ports.ts';
import { latestAssessment } from './assess-financing.ts';
import type { EscalationView } from '../ports/escalation-store.ts';
import type { Stores } from '../ports/stores.ts';

export interface ContactSummary {
  contactId: string;
  locationId: string;
  bot: string;
  temperature: string | null;
  tags: string[];
  fields: Record<string, unknown>;
  optedOut: boolean;
  paused: boolean;
  /**
   * Outbound messages carry what became of them: queued, sent, failed, or cancelled (opt-out); once
   * GHL reported on the message, also its `deliveryStatus` (pending, delivered, failed, undelivered,
   * read…) and, when it failed and GHL said why, `deliveryError`. A message GHL reports failed or
   * undelivered shows `delivery: failed`.
   */
  transcript: TranscriptEntry[];
  /** Pending and sent follow-up steps of the contact (latest sequence first). */
  pendingFollowUps: FollowUpView[];
  /** Every follow-up step, including skipped and cancelled ones. */
  followUps: FollowUpView[];
  escalations: EscalationView[];
  /** Latest financial readiness assessment (buyers), with its source: service, heuristic or default. */
  financialAssessment: Awaited<ReturnType<typeof latestAssessment>>;
  /** The bot is holding back for this contact: open escalation, compliance ticket, or a pause. */
  botPaused: boolean;
  /** Language-model calls on this contact's turns: tokens and estimated cost (zero when offline). */
  modelUsage: ModelUsageTotals;
}

export interface TranscriptEntry {
  direction: string;
  channel: string;
  body: string;
  at: string;
  delivery?: Delivery;
  deliveryStatus?: string;
  deliveryError?: { code?: string; message?: string };
}

export type Delivery = 'queued' | 'sent' | 'failed' | 'cancelled';
const UNDELIVERED = new Set(['failed', 'undelivered']);
const DELIVERY: Record<string, Delivery> = {
  pending: 'queued',
  sending: 'queued',
  sent: 'sent',
  failed: 'failed',
  cancelled: 'cancelled',
};

/** Reads what the API shows for a contact. Without a location, the most recently updated match wins. */
export async function readContact(
  { db: sql, stores }: { db: Sql; stores: Stores },
  contactId: string,
  locationId?: string,
): Promise<ContactSummary | null> {
  const { rows } = await sql.query<{
    location_id: string;
    id: string;
    tags: string[];
    custom_fields: Record<string, unknown>;
    opted_out: boolean;
    paused: boolean;
    bot: string | null;
    state: Record<string, unknown> | null;
    needs_human_review: boolean | null;
    compliance_hold: boolean | null;
  }>(
    `SELECT c.location_id, c.id, c.tags, c.custom_fields, c.opted_out, c.paused, v.bot, v.state, v.needs_human_review, v.compliance_hold
       FROM contacts c LEFT JOIN conversations v ON v.location_id = c.location_id AND v.contact_id = c.id
      WHERE c.id = $1 AND ($2::text IS NULL OR c.location_id = $2)
      ORDER BY c.updated_at DESC LIMIT 1`,
    [contactId, locationId ?? null],
  );
  const c = rows[0];
  if (!c) return null;
  const msgs = await sql.query<MessageRow>(
    `SELECT m.direction, m.channel, m.body, m.created_at, o.status AS delivery,
            d.status AS delivery_status, d.error AS delivery_error
       FROM messages m LEFT JOIN outbox o ON o.id = m.outbox_id
       LEFT JOIN message_deliveries d ON d.location_id = m.location_id
        AND d.message_id = COALESCE(m.remote_message_id, o.result ->> 'messageId')
      WHERE m.location_id = $1 AND m.contact_id = $2 ORDER BY m.id`,
    [c.location_id, c.id],
  );
  const followUps = (await listFollowUps(sql, c.location_id, c.id)).map(toFollowUpView);
  const temperature = c.state && typeof c.state.temperature === 'string' ? c.state.temperature : null;
  return {
    contactId: c.id,
    locationId: c.location_id,
    bot: c.bot ?? 'lead',
    temperature,
    tags: c.tags,
    fields: c.custom_fields,
    optedOut: c.opted_out,
    paused: c.paused,
    transcript: msgs.rows.map(toTranscriptEntry),
    pendingFollowUps: followUps.filter((f) => f.status === 'pending' || f.status === 'sent'),
    followUps,
    escalations: (await stores.escalations.list(sql, { contactId: c.id })).filter(
      (e) => e.locationId === c.location_id,
    ),
    financialAssessment: await latestAssessment(sql, c.location_id, c.id),
    botPaused: c.paused || Boolean(c.needs_human_review) || Boolean(c.compliance_hold),
    modelUsage: await modelUsageTotals(sql, c.location_id, c.id),
  };
}

/** A transcript row with the outbox status and GHL's delivery report of an outbound message. */
interface MessageRow {
  direction: string;
  channel: string;
  body: string;
  created_at: Date;
  delivery: string | null;
  delivery_status: string | null;
  delivery_error: { code?: string; message?: string } | null;
}

function toTranscriptEntry(m: MessageRow): TranscriptEntry {
  const undelivered = m.delivery_status !== null && UNDELIVERED.has(m.delivery_status);
  const delivery = undelivered ? 'failed' : m.delivery ? DELIVERY[m.delivery] : undefined;
  return {
    direction: m.direction,
    channel: m.channel,
    body: m.body,
    at: new Date(m.created_at).toISOString(),
    ...(delivery ? { delivery } : {}),
    ...(m.delivery_status ? { deliveryStatus: m.delivery_status } : {}),
    ...(m.delivery_error ? { deliveryError: m.delivery_error } : {}),
  };
}

/** The replies a given inbound event produced (what the sandbox API returns). */
export async function repliesFor(sql: Sql, inboxId: number): Promise<{ channel: string; body: string }[]> {
  const { rows } = await sql.query<{ payload: { type: string; message: string } }>(
    `SELECT payload FROM outbox WHERE inbox_id = $1 AND kind = 'send_message' ORDER BY id`,
    [inboxId],
  );
  return rows.map((r) => ({ channel: r.payload.type, body: r.payload.message }));
}

export interface FollowUpView {
  step: string;
  status: string;
  dueAt: string;
  sentAt: string | null;
  channel: string | null;
  reason: string | null;
  /** The CMA PDF a day-14 email carried (GET it with the API token), when one was made. */
  attachment: string | null;
  /** Why the day-14 CMA could not be made, when it could not. */
  cmaError: string | null;
}

function toFollowUpView(f: FollowUpRow): FollowUpView {
  const { documentId, cmaError } = f.detail;
  return {
    step: f.step,
    status: f.status,
    dueAt: new Date(f.due_at).toISOString(),
    sentAt: f.sent_at ? new Date(f.sent_at).toISOString() : null,
    channel: f.channel,
    reason: f.reason,
    attachment: typeof documentId === 'string' ? `/api/v1/attachments/${documentId}` : null,
    cmaError: typeof cmaError === 'string' ? cmaError : null,
  };
}
