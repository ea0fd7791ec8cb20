import type { ContactPatch } from '../../ports/inbox-event.ts';
import type { Sql } from '../../ports.ts';
import type {
  ContactRow,
  ContactWithFacts,
  ConversationRow,
  TranscriptLine,
} from '../../ports/contact-store.ts';

export type { ContactRow, ConversationRow };

export async function ensureLocation(tx: Sql, locationId: string): Promise<void> {
  await tx.query(`INSERT INTO locations (id) VALUES ($1) ON CONFLICT (id) DO NOTHING`, [locationId]);
}

/** Creates the contact if new and applies what the event told us; returns the current row. */
export async function upsertContact(
  tx: Sql,
  locationId: string,
  contactId: string,
  patch: ContactPatch | undefined,
  now: Date,
): Promise<ContactRow> {
  await ensureLocation(tx, locationId);
  const p = patch ?? {};
  const { rows } = await tx.query<ContactRow>(
    `INSERT INTO contacts AS c (location_id, id, first_name, last_name, email, phone, timezone, tags, custom_fields, created_at, updated_at, state, postal_code)
     VALUES ($1, $2, $3, $4, $5, $6, $7, COALESCE($8::jsonb, '[]'::jsonb), COALESCE($9::jsonb, '{}'::jsonb), $10, $10, $11, $12)
     ON CONFLICT (location_id, id) DO UPDATE SET
       first_name = COALESCE(EXCLUDED.first_name, c.first_name),
       last_name = COALESCE(EXCLUDED.last_name, c.last_name),
       email = COALESCE(EXCLUDED.email, c.email),
       phone = COALESCE(EXCLUDED.phone, c.phone),
       timezone = COALESCE(EXCLUDED.timezone, c.timezone),
       state = COALESCE(EXCLUDED.state, c.state),
       postal_code = COALESCE(EXCLUDED.postal_code, c.postal_code),
       tags = CASE WHEN $8::jsonb IS NULL THEN c.tags ELSE $8::jsonb END,
       custom_fields = c.custom_fields || COALESCE($9::jsonb, '{}'::jsonb),
       updated_at = $10
     RETURNING *`,
    [
      locationId,
      contactId,
      p.firstName ?? null,
      p.lastName ?? null,
      p.email ?? null,
      p.phone ?? null,
      p.timezone ?? null,
      p.tags ? JSON.stringify(p.tags) : null,
      p.customFields ? JSON.stringify(p.customFields) : null,
      now,
      p.state ?? null,
      p.postalCode ?? null,
    ],
  );
  return rows[0]!;
}

export async function getContact(
  sql: Sql,
  locationId: string,
  contactId: string,
): Promise<ContactRow | null> {
  const { rows } = await sql.query<ContactRow>(`SELECT * FROM contacts WHERE location_id = $1 AND id = $2`, [
    locationId,
    contactId,
  ]);
  return rows[0] ?? null;
}

/** Case-insensitive tag set changes on our mirror (GHL lower-cases tags; we keep the first spelling). */
export async function changeTags(
  tx: Sql,
  locationId: string,
  contactId: string,
  add: string[],
  remove: string[],
): Promise<string[]> {
  const c = await getContact(tx, locationId, contactId);
  if (!c) return [];
  const drop = new Set(remove.map((t) => t.toLowerCase()));
  const next = c.tags.filter((t) => !drop.has(t.toLowerCase()));
  for (const t of add) if (!next.some((x) => x.toLowerCase() === t.toLowerCase())) next.push(t);
  await tx.query(`UPDATE contacts SET tags = $3::jsonb WHERE location_id = $1 AND id = $2`, [
    locationId,
    contactId,
    JSON.stringify(next),
  ]);
  return next;
}

export async function mergeFields(
  tx: Sql,
  locationId: string,
  contactId: string,
  fields: Record<string, unknown>,
): Promise<void> {
  await tx.query(
    `UPDATE contacts SET custom_fields = custom_fields || $3::jsonb WHERE location_id = $1 AND id = $2`,
    [locationId, contactId, JSON.stringify(fields)],
  );
}

export async function setOptedOut(
  tx: Sql,
  locationId: string,
  contactId: string,
  optedOut: boolean,
): Promise<void> {
  await tx.query(`UPDATE contacts SET opted_out = $3 WHERE location_id = $1 AND id = $2`, [
    locationId,
    contactId,
    optedOut,
  ]);
}

export async function setPaused(
  tx: Sql,
  locationId: string,
  contactId: string,
  paused: boolean,
  reason: string | null,
): Promise<void> {
  await tx.query(`UPDATE contacts SET paused = $3, paused_reason = $4 WHERE location_id = $1 AND id = $2`, [
    locationId,
    contactId,
    paused,
    reason,
  ]);
}

export async function loadConversation(
  tx: Sql,
  locationId: string,
  contactId: string,
): Promise<ConversationRow> {
  const { rows } = await tx.query<ConversationRow>(
    `INSERT INTO conversations (location_id, contact_id) VALUES ($1, $2)
     ON CONFLICT (location_id, contact_id) DO UPDATE SET location_id = EXCLUDED.location_id
     RETURNING bot, state, version, last_inbound_at, needs_human_review, compliance_hold`,
    [locationId, contactId],
  );
  return rows[0]!;
}

export async function saveConversation(
  tx: Sql,
  locationId: string,
  contactId: string,
  expectedVersion: number,
  next: { bot: string; state: Record<string, unknown>; lastInboundAt: Date | null },
  now: Date,
): Promise<void> {
  const { rows } = await tx.query(
    `UPDATE conversations SET bot = $3, state = $4::jsonb, version = version + 1,
            last_inbound_at = COALESCE($5, last_inbound_at), updated_at = $6
      WHERE location_id = $1 AND contact_id = $2 AND version = $7 RETURNING version`,
    [locationId, contactId, next.bot, JSON.stringify(next.state), next.lastInboundAt, now, expectedVersion],
  );
  // The per-contact lock makes this impossible; if it ever happens, fail the turn rather than lose an update.
  if (rows.length !== 1) throw new Error('conversation changed concurrently');
}

export async function appendMessage(tx: Sql, m: TranscriptLine): Promise<void> {
  await tx.query(
    `INSERT INTO messages (location_id, contact_id, direction, channel, body, inbox_id, outbox_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [m.locationId, m.contactId, m.direction, m.channel, m.body, m.inboxId ?? null, m.outboxId ?? null, m.at],
  );
}

export async function audit(
  sql: Sql,
  e: {
    locationId?: string;
    contactId?: string;
    actor: string;
    action: string;
    detail?: Record<string, unknown>;
    at: Date;
  },
): Promise<void> {
  await sql.query(
    `INSERT INTO audit_log (location_id, contact_id, actor, action, detail, at) VALUES ($1, $2, $3, $4, $5::jsonb, $6)`,
    [e.locationId ?? null, e.contactId ?? null, e.actor, e.action, JSON.stringify(e.detail ?? {}), e.at],
  );
}

/** Marks the contact's latest activity: the inbox orders by it and its live stream notices the change. */
export async function touchContact(tx: Sql, locationId: string, contactId: string, at: Date): Promise<void> {
  await tx.query(`UPDATE contacts SET updated_at = $3 WHERE location_id = $1 AND id = $2`, [
    locationId,
    contactId,
    at,
  ]);
}

/** The contact's names and ways to reach them, with the conversation's state (its facts). */
export async function contactWithFacts(
  sql: Sql,
  locationId: string,
  contactId: string,
): Promise<ContactWithFacts | null> {
  const { rows } = await sql.query<ContactWithFacts>(
    `SELECT c.first_name, c.last_name, c.email, c.phone, v.state FROM contacts c
       LEFT JOIN conversations v ON v.location_id = c.location_id AND v.contact_id = c.id
      WHERE c.location_id = $1 AND c.id = $2`,
    [locationId, contactId],
  );
  return rows[0] ?? null;
}
