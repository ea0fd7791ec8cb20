import type { InboxFilter, InboxFlag, InboxItem } from '../../ports/dashboard-read.ts';
import type { Sql } from '../../ports.ts';

/** The tag names behind two of the flags (configurable, compared case-insensitively). */
export interface FlagTags {
  humanTakeover: string;
  appointmentBooked: string;
}

const hasTag = (param: string) =>
  `EXISTS (SELECT 1 FROM jsonb_array_elements_text(c.tags) AS t(v) WHERE lower(t.v) = ${param})`;
const DELIVERY_FAILED = `(EXISTS (SELECT 1 FROM message_deliveries d WHERE d.location_id = c.location_id
      AND d.contact_id = c.id AND d.status IN ('failed', 'undelivered'))
   OR EXISTS (SELECT 1 FROM outbox o WHERE o.location_id = c.location_id AND o.contact_id = c.id
      AND o.status = 'failed' AND o.kind IN ('send_message', 'send_cma_email')))`;

/** SQL condition of each flag, over contacts c and conversations v ($1/$2 are the two tag names). */
const FLAG_SQL: Record<InboxFlag, string> = {
  escalated: 'COALESCE(v.needs_human_review, false)',
  compliance_hold: 'COALESCE(v.compliance_hold, false)',
  paused: 'c.paused',
  opted_out: 'c.opted_out',
  human_takeover: hasTag('$1'),
  booked: hasTag('$2'),
  delivery_failed: DELIVERY_FAILED,
};

interface Row {
  location_id: string;
  id: string;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  source: string | null;
  bot: string | null;
  temperature: string | null;
  updated_at: Date;
  updated_at_text: string;
  last_direction: string | null;
  last_channel: string | null;
  last_body: string | null;
  last_at: Date | null;
  escalated: boolean;
  compliance_hold: boolean;
  paused: boolean;
  opted_out: boolean;
  human_takeover: boolean;
  booked: boolean;
  delivery_failed: boolean;
}

/**
 * Conversations newest first, one page at a time: `after` continues below the last row of the
 * previous page (keyset, so a page deep in the list costs what the first one does). The filters and
 * the order run on contacts alone (index on updated_at, migration 013), and the last message and
 * flags are looked up only for the rows shown.
 */
export async function readInbox(sql: Sql, tags: FlagTags, f: InboxFilter): Promise<InboxItem[]> {
  const params: unknown[] = [tags.humanTakeover.toLowerCase(), tags.appointmentBooked.toLowerCase()];
  const where: string[] = [];
  if (f.search) {
    params.push(`%${f.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const p = `$${params.length}`;
    const digits = f.search.replace(/\D/g, '');
    let phone = '';
    if (digits.length >= 3) {
      params.push(`%${digits}%`);
      phone = ` OR c.phone LIKE $${params.length}`;
    }
    where.push(
      `(concat_ws(' ', c.first_name, c.last_name) ILIKE ${p} OR c.email ILIKE ${p} OR c.id ILIKE ${p}${phone})`,
    );
  }
  if (f.bot) {
    params.push(f.bot);
    where.push(`COALESCE(v.bot, 'lead') = $${params.length}`);
  }
  if (f.temperature) {
    params.push(f.temperature);
    where.push(`lower(v.state ->> 'temperature') = $${params.length}`);
  }
  if (f.flag) where.push(FLAG_SQL[f.flag]);
  if (f.after) {
    params.push(f.after.updatedAt, f.after.locationId, f.after.contactId);
    const n = params.length;
    where.push(
      `(c.updated_at, c.location_id, c.id) < ($${n - 2}::timestamptz, $${n - 1}::text, $${n}::text)`,
    );
  }
  params.push(f.limit);
  const { rows } = await sql.query<Row>(
    `WITH page AS (
       SELECT c.location_id, c.id, c.first_name, c.last_name, c.phone, c.tags, c.paused, c.opted_out,
              c.updated_at, to_char(c.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS updated_at_text,
              c.custom_fields ->> 'source' AS source, v.bot, v.state ->> 'temperature' AS temperature,
              COALESCE(v.needs_human_review, false) AS escalated, COALESCE(v.compliance_hold, false) AS compliance_hold
         FROM contacts c LEFT JOIN conversations v ON v.location_id = c.location_id AND v.contact_id = c.id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY c.updated_at DESC, c.location_id DESC, c.id DESC LIMIT $${params.length})
     SELECT c.*, m.direction AS last_direction, m.channel AS last_channel, m.body AS last_body, m.created_at AS last_at,
            ${FLAG_SQL.human_takeover} AS human_takeover, ${FLAG_SQL.booked} AS booked,
            ${DELIVERY_FAILED} AS delivery_failed
       FROM page c
       LEFT JOIN LATERAL (SELECT direction, channel, body, created_at FROM messages
                           WHERE location_id = c.location_id AND contact_id = c.id ORDER BY id DESC LIMIT 1) m ON true
      ORDER BY c.updated_at DESC, c.location_id DESC, c.id DESC`,
    params,
  );
  return rows.map(toItem);
}

function toItem(r: Row): InboxItem {
  const name = [r.first_name, r.last_name].filter(Boolean).join(' ');
  const flags = (
    [
      'escalated',
      'compliance_hold',
      'paused',
      'opted_out',
      'human_takeover',
      'booked',
      'delivery_failed',
    ] as const
  ).filter((k) => r[k]);
  return {
    locationId: r.location_id,
    contactId: r.id,
    name: name || null,
    phone: r.phone,
    source: r.source ?? r.last_channel,
    bot: r.bot ?? 'lead',
    temperature: r.temperature,
    lastMessage:
      r.last_at && r.last_body !== null
        ? {
            direction: r.last_direction ?? 'inbound',
            channel: r.last_channel ?? '',
            body: r.last_body,
            at: new Date(r.last_at),
          }
        : null,
    updatedAt: new Date(r.updated_at),
    flags,
    position: { updatedAt: r.updated_at_text, locationId: r.location_id, contactId: r.id },
  };
}

/** Moves with every new message, contact change and audited action (all read from indexes). */
export async function inboxChangeStamp(sql: Sql): Promise<string> {
  const { rows } = await sql.query<{ m: string | null; c: Date | null; a: string | null; d: string | null }>(
    `SELECT (SELECT max(id) FROM messages)::text AS m, (SELECT max(updated_at) FROM contacts) AS c,
            (SELECT max(id) FROM audit_log)::text AS a, (SELECT max(id) FROM message_deliveries)::text AS d`,
  );
  const r = rows[0];
  return `${r?.m}|${r?.c ? new Date(r.c).getTime() : ''}|${r?.a}|${r?.d}`;
}
