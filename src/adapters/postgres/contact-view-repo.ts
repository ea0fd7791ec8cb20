import type {
  ContactViewRow,
  ContactViewStore,
  DocumentStore,
  TranscriptMessageRow,
} from '../../ports/contact-view.ts';
import { listFollowUps, loadDocument, saveDocument } from './follow-ups-repo.ts';
import { modelUsageTotals } from './model-usage-repo.ts';

/** The contact view's reads (ports/contact-view.ts) on PostgreSQL and PGlite. */
export const contactViewRepo: ContactViewStore = {
  async find(sql, contactId, locationId) {
    const { rows } = await sql.query<ContactViewRow>(
      `SELECT c.location_id, c.id, c.tags, c.custom_fields, c.opted_out, c.paused, v.bot, v.state, v.needs_human_review, v.compliance_hold
         FROM contacts c LEFT JOIN conversations v ON v.location_id = c.location_id AND v.contact_id = c.id
        WHERE c.id = $1 AND ($2::text IS NULL OR c.location_id = $2)
        ORDER BY c.updated_at DESC LIMIT 1`,
      [contactId, locationId ?? null],
    );
    return rows[0] ?? null;
  },

  async transcript(sql, locationId, contactId) {
    const { rows } = await sql.query<TranscriptMessageRow>(
      `SELECT m.direction, m.channel, m.body, m.created_at, o.status AS delivery,
              d.status AS delivery_status, d.error AS delivery_error
         FROM messages m LEFT JOIN outbox o ON o.id = m.outbox_id
         LEFT JOIN message_deliveries d ON d.location_id = m.location_id
          AND d.message_id = COALESCE(m.remote_message_id, o.result ->> 'messageId')
        WHERE m.location_id = $1 AND m.contact_id = $2 ORDER BY m.id`,
      [locationId, contactId],
    );
    return rows;
  },

  followUps: listFollowUps,
  modelUsage: modelUsageTotals,

  async repliesFor(sql, inboxId) {
    const { rows } = await sql.query<{ payload: { type: string; message: string } }>(
      `SELECT payload FROM outbox WHERE inbox_id = $1 AND kind = 'send_message' ORDER BY id`,
      [inboxId],
    );
    return rows.map((r) => ({ channel: r.payload.type, body: r.payload.message }));
  },
};

/** Generated documents and the sandbox CRM's uploads, behind attachment links. */
export const documentsRepo: DocumentStore = {
  save: saveDocument,
  load: loadDocument,
  async loadSandboxAttachment(sql, key) {
    const { rows } = await sql.query<{
      payload: { filename?: string; contentType?: string };
      data: Uint8Array | null;
    }>(`SELECT payload, data FROM sandbox_crm_records WHERE kind = 'attachment' AND payload ->> 'key' = $1`, [
      key,
    ]);
    const r = rows[0];
    if (!r?.data) return null;
    return {
      filename: r.payload.filename ?? 'attachment',
      contentType: r.payload.contentType ?? 'application/octet-stream',
      bytes: Buffer.from(r.data),
    };
  },
};
