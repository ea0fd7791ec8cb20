import type { Sql } from '../../ports.ts';
import type { FollowUpRow, ModelUsageTotals, TranscriptMessageRow } from '../../ports/contact-view.ts';
import type { EscalationView } from '../../ports/escalation-store.ts';
import type { Stores } from '../../ports/stores.ts';

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
  financialAssessment: Awaited<ReturnType<Stores['financing']['latest']>>;
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
  const c = await stores.contactView.find(sql, contactId, locationId);
  if (!c) return null;
  const msgs = await stores.contactView.transcript(sql, c.location_id, c.id);
  const followUps = (await stores.contactView.followUps(sql, c.location_id, c.id)).map(toFollowUpView);
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
    transcript: msgs.map(toTranscriptEntry),
    pendingFollowUps: followUps.filter((f) => f.status === 'pending' || f.status === 'sent'),
    followUps,
    escalations: (await stores.escalations.list(sql, { contactId: c.id })).filter(
      (e) => e.locationId === c.location_id,
    ),
    financialAssessment: await stores.financing.latest(sql, c.location_id, c.id),
    botPaused: c.paused || Boolean(c.needs_human_review) || Boolean(c.compliance_hold),
    modelUsage: await stores.contactView.modelUsage(sql, c.location_id, c.id),
  };
}

/** A transcript row with the outbox status and GHL's delivery report of an outbound message. */

function toTranscriptEntry(m: TranscriptMessageRow): TranscriptEntry {
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
