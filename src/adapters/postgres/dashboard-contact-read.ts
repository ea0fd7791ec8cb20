import type { ContactView, MessageAuthor, TranscriptItem, WhyReply } from '../../ports/dashboard-read.ts';
import type { Sql } from '../../ports.ts';

const TEMPERATURE_TAG = /^(hot|warm|cold)-/i;

interface MessageRow {
  id: string | number;
  direction: string;
  channel: string;
  body: string;
  inbox_id: string | number | null;
  created_at: Date;
  outbox_status: string | null;
  outbox_error: string | null;
  outbox_kind: string | null;
  outbox_payload: Record<string, unknown> | null;
  delivery_status: string | null;
  reading: { acts?: unknown; slots?: unknown } | null;
}

/** Everything the Contact page shows, in a handful of indexed reads of one contact. */
export async function readContactView(sql: Sql, loc: string, cid: string): Promise<ContactView | null> {
  const { rows } = await sql.query<{
    first_name: string | null;
    last_name: string | null;
    phone: string | null;
    email: string | null;
    tags: string[];
    custom_fields: Record<string, unknown>;
    opted_out: boolean;
    paused: boolean;
    paused_reason: string | null;
    bot: string | null;
    state: Record<string, unknown> | null;
    needs_human_review: boolean | null;
    compliance_hold: boolean | null;
  }>(
    `SELECT c.first_name, c.last_name, c.phone, c.email, c.tags, c.custom_fields, c.opted_out, c.paused,
            c.paused_reason, v.bot, v.state, v.needs_human_review, v.compliance_hold
       FROM contacts c LEFT JOIN conversations v ON v.location_id = c.location_id AND v.contact_id = c.id
      WHERE c.location_id = $1 AND c.id = $2`,
    [loc, cid],
  );
  const c = rows[0];
  if (!c) return null;
  const args = [loc, cid];
  const [messages, audits, outbox, models, followUps, escalations, tickets] = await Promise.all([
    sql.query<MessageRow>(
      `SELECT m.id, m.direction, m.channel, m.body, m.inbox_id, m.created_at, o.status AS outbox_status,
              o.last_error AS outbox_error, o.kind AS outbox_kind, o.payload AS outbox_payload, d.status AS delivery_status,
              m.reading
         FROM messages m LEFT JOIN outbox o ON o.id = m.outbox_id
         LEFT JOIN message_deliveries d ON d.location_id = m.location_id
          AND d.message_id = COALESCE(m.remote_message_id, o.result ->> 'messageId')
        WHERE m.location_id = $1 AND m.contact_id = $2 ORDER BY m.id`,
      args,
    ),
    sql.query<{ action: string; detail: Record<string, unknown> }>(
      `SELECT action, detail FROM audit_log WHERE location_id = $1 AND contact_id = $2 AND detail ? 'inboxId' ORDER BY id`,
      args,
    ),
    sql.query<{
      inbox_id: string | number | null;
      kind: string;
      payload: Record<string, unknown>;
      created_at: Date;
    }>(
      // The turns' CRM changes, found by their inbox rows (indexed) rather than by contact (not indexed).
      `SELECT o.inbox_id, o.kind, o.payload, o.created_at FROM outbox o
        WHERE o.inbox_id IN (SELECT inbox_id FROM messages
                              WHERE location_id = $1 AND contact_id = $2 AND inbox_id IS NOT NULL)
          AND o.kind <> 'send_message' ORDER BY o.id`,
      args,
    ),
    sql.query<{
      inbox_id: string | number | null;
      task: string;
      model: string;
      outcome: string;
      detail: string | null;
    }>(
      `SELECT inbox_id, task, model, outcome, detail FROM model_usage WHERE location_id = $1 AND contact_id = $2 ORDER BY id`,
      args,
    ),
    sql.query<{
      step: string;
      status: string;
      due_at: Date;
      sent_at: Date | null;
      reason: string | null;
      channel: string | null;
      detail: Record<string, unknown>;
    }>(
      `SELECT step, status, due_at, sent_at, reason, channel, detail FROM follow_ups
        WHERE location_id = $1 AND contact_id = $2 ORDER BY sequence_start DESC, due_at, id`,
      args,
    ),
    sql.query<{
      id: string;
      reason: string;
      status: string;
      created_at: Date;
      resolved_at: Date | null;
      resolution_note: string | null;
    }>(
      `SELECT id, reason, status, created_at, resolved_at, resolution_note FROM escalations
        WHERE location_id = $1 AND contact_id = $2 ORDER BY created_at`,
      args,
    ),
    sql.query<{
      id: string;
      violation_type: string;
      rule: string;
      status: string;
      created_at: Date;
      resolved_at: Date | null;
      resolution_note: string | null;
    }>(
      `SELECT id, violation_type, rule, status, created_at, resolved_at, resolution_note FROM compliance_tickets
        WHERE location_id = $1 AND contact_id = $2 ORDER BY created_at`,
      args,
    ),
  ]);

  const why = new Map<string, WhyReply>();
  const whyOf = (inboxId: string | number) => {
    const key = String(inboxId);
    const found = why.get(key);
    if (found) return found;
    const w: WhyReply = { reading: null, events: [], actions: [], modelCalls: [] };
    why.set(key, w);
    return w;
  };
  for (const m of messages.rows)
    if (m.direction === 'inbound' && m.inbox_id !== null && m.reading)
      whyOf(m.inbox_id).reading = readingOf(m.reading);
  for (const a of audits.rows)
    whyOf(String(a.detail.inboxId)).events.push({ action: a.action, detail: a.detail });
  for (const o of outbox.rows)
    if (o.inbox_id !== null)
      whyOf(o.inbox_id).actions.push({ kind: o.kind, summary: summarize(o.kind, o.payload) });
  for (const m of models.rows)
    if (m.inbox_id !== null)
      whyOf(m.inbox_id).modelCalls.push({
        task: m.task,
        model: m.model,
        outcome: m.outcome,
        detail: m.detail,
      });

  const temperatureHistory = outbox.rows.flatMap((o) =>
    o.kind === 'add_tags' && Array.isArray(o.payload.tags)
      ? (o.payload.tags as unknown[])
          .filter((t): t is string => typeof t === 'string' && TEMPERATURE_TAG.test(t))
          .map((tag) => ({ at: new Date(o.created_at), tag }))
      : [],
  );
  const docId = (d: Record<string, unknown> | null | undefined) =>
    d && typeof d.documentId === 'string' ? d.documentId : null;
  const followUpViews = followUps.rows.map((f) => ({
    step: f.step,
    status: f.status,
    dueAt: new Date(f.due_at),
    sentAt: f.sent_at ? new Date(f.sent_at) : null,
    reason: f.reason,
    channel: f.channel,
    documentId: docId(f.detail),
  }));
  const documentIds = [
    ...new Set(followUpViews.map((f) => f.documentId).filter((d): d is string => d !== null)),
  ];
  const documents = documentIds.length
    ? (
        await sql.query<{ id: string; filename: string; created_at: Date }>(
          `SELECT id, filename, created_at FROM documents WHERE id = ANY($1::text[]) ORDER BY created_at`,
          [documentIds],
        )
      ).rows.map((d) => ({ id: d.id, filename: d.filename, at: new Date(d.created_at) }))
    : [];

  return {
    locationId: loc,
    contactId: cid,
    name: [c.first_name, c.last_name].filter(Boolean).join(' ') || null,
    phone: c.phone,
    email: c.email,
    tags: c.tags,
    customFields: c.custom_fields,
    optedOut: c.opted_out,
    paused: c.paused,
    pausedReason: c.paused_reason,
    bot: c.bot ?? 'lead',
    state: c.state ?? {},
    needsHumanReview: Boolean(c.needs_human_review),
    complianceHold: Boolean(c.compliance_hold),
    transcript: messages.rows.map((m) => toTranscriptItem(m, why)),
    temperatureHistory,
    followUps: followUpViews,
    escalations: [
      ...escalations.rows.map((e) => ({
        id: e.id,
        kind: 'escalation' as const,
        reason: e.reason,
        status: e.status,
        createdAt: new Date(e.created_at),
        resolvedAt: e.resolved_at ? new Date(e.resolved_at) : null,
        note: e.resolution_note,
      })),
      ...tickets.rows.map((t) => ({
        id: t.id,
        kind: 'compliance' as const,
        reason: `${t.violation_type.replace(/_/g, ' ')}: ${t.rule}`,
        status: t.status,
        createdAt: new Date(t.created_at),
        resolvedAt: t.resolved_at ? new Date(t.resolved_at) : null,
        note: t.resolution_note,
      })),
    ],
    documents,
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The stored reading of a lead's message (messages.reading), keeping only well-formed parts. */
function readingOf(r: NonNullable<MessageRow['reading']>): NonNullable<WhyReply['reading']> {
  const acts = Array.isArray(r.acts) ? r.acts.filter(isRecord) : [];
  return { acts, slots: isRecord(r.slots) ? r.slots : {} };
}

function authorOf(m: MessageRow): MessageAuthor {
  if (m.direction === 'inbound') return 'lead';
  if (m.outbox_payload?.byAgent === true) return 'agent';
  if (m.inbox_id !== null) return 'bot';
  return 'follow_up';
}

function toTranscriptItem(m: MessageRow, why: Map<string, WhyReply>): TranscriptItem {
  const author = authorOf(m);
  const documentId =
    m.outbox_kind === 'send_cma_email'
      ? ((m.outbox_payload?.documentId as string | undefined) ?? null)
      : null;
  return {
    id: Number(m.id),
    author,
    direction: m.direction,
    channel: m.channel,
    body: m.body,
    at: new Date(m.created_at),
    outboxStatus: m.outbox_status,
    outboxError: m.outbox_error,
    deliveryStatus: m.delivery_status,
    documentId: typeof documentId === 'string' ? documentId : null,
    why: author === 'bot' && m.inbox_id !== null ? (why.get(String(m.inbox_id)) ?? null) : null,
  };
}

/** One line per queued CRM change, for the "why" of a reply. */
function summarize(kind: string, p: Record<string, unknown>): string {
  const list = (v: unknown) => (Array.isArray(v) ? v.join(', ') : '');
  switch (kind) {
    case 'add_tags':
      return `tags added: ${list(p.tags)}`;
    case 'remove_tags':
      return `tags removed: ${list(p.tags)}`;
    case 'set_fields':
      return `fields set: ${Object.entries((p.fields as Record<string, unknown>) ?? {})
        .map(([k, v]) => `${k} = ${String(v)}`)
        .join(', ')}`;
    case 'add_note':
      return 'note added';
    default:
      return kind.replace(/_/g, ' ');
  }
}

export async function readDocument(
  sql: Sql,
  id: string,
): Promise<{ filename: string; contentType: string; bytes: Buffer } | null> {
  const { rows } = await sql.query<{ filename: string; content_type: string; bytes: Uint8Array }>(
    `SELECT filename, content_type, bytes FROM documents WHERE id = $1`,
    [id],
  );
  const d = rows[0];
  return d ? { filename: d.filename, contentType: d.content_type, bytes: Buffer.from(d.bytes) } : null;
}
