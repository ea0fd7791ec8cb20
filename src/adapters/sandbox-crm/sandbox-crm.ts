import { randomBytes } from 'node:crypto';
import type { Crm, CrmContact, CustomFieldDef, Db, SentMessage } from '../../ports.ts';
import { CrmError } from '../../ports.ts';
import { localParts } from '../../domain/scheduling.ts';
import { getContact } from '../postgres/contacts-repo.ts';

/** 20-character alphanumeric ids, like GHL's. */
export function crmId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(20);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

/** 128 random bits, URL-safe: the public name of an uploaded file. */
export function attachmentKey(): string {
  return `att_${randomBytes(16).toString('base64url')}`;
}

export const ATTACHMENT_KEY = /^att_[\w-]{22}$/;

/** The contact_id of records that belong to the location itself (custom field definitions). */
const LOCATION_RECORD = '';

/**
 * The CRM when no GHL token is configured: every call is recorded in the database (table
 * sandbox_crm_records) so a user can see exactly what would have reached GHL.
 */
export function createSandboxCrm(db: Db, opts: { timezone: string; publicBaseUrl: string }): Crm {
  const record = async (
    locationId: string,
    contactId: string,
    kind: string,
    payload: Record<string, unknown>,
    data?: Uint8Array,
  ) => {
    const { rows } = await db.query<{ id: number }>(
      `INSERT INTO sandbox_crm_records (location_id, contact_id, kind, payload, data) VALUES ($1, $2, $3, $4::jsonb, $5) RETURNING id`,
      [locationId, contactId, kind, JSON.stringify(payload), data ? Buffer.from(data) : null],
    );
    return rows[0]!.id;
  };

  // Definitions are records of the location, not of a contact.
  const listCustomFields = async (locationId: string): Promise<CustomFieldDef[]> => {
    const { rows } = await db.query<{ payload: CustomFieldDef }>(
      `SELECT payload FROM sandbox_crm_records WHERE location_id = $1 AND contact_id = $2 AND kind = 'custom_field' ORDER BY id`,
      [locationId, LOCATION_RECORD],
    );
    return rows.map((r) => r.payload);
  };

  return {
    mode: 'sandbox',
    async sendMessage(locationId, input): Promise<SentMessage> {
      const sent = { messageId: crmId(), conversationId: `conv_${contactIdKey(input.contactId)}` };
      await record(locationId, input.contactId, 'message', { ...input, ...sent, direction: 'outbound' });
      return sent;
    },
    async findRecentOutbound(locationId, contactId, body, since) {
      const { rows } = await db.query<{ payload: { messageId: string; conversationId: string } }>(
        `SELECT payload FROM sandbox_crm_records
          WHERE location_id = $1 AND contact_id = $2 AND kind = 'message' AND payload ->> 'message' = $3 AND created_at >= $4
          ORDER BY id DESC LIMIT 1`,
        [locationId, contactId, body, since],
      );
      const p = rows[0]?.payload;
      return p ? { messageId: p.messageId, conversationId: p.conversationId } : null;
    },
    async uploadAttachment(locationId, input) {
      // The link names an unguessable key, never the row id: ids are sequential, and a CMA PDF
      // carries the lead's address.
      const key = attachmentKey();
      await record(
        locationId,
        input.contactId,
        'attachment',
        { key, filename: input.filename, contentType: input.contentType, size: input.data.byteLength },
        input.data,
      );
      return { url: `${opts.publicBaseUrl}/api/v1/attachments/${key}` };
    },
    async getContact(locationId, contactId): Promise<CrmContact> {
      const c = await getContact(db, locationId, contactId);
      if (!c) throw new CrmError(`Contact with id ${contactId} not found`, 400, false);
      return {
        id: c.id,
        ...(c.first_name ? { firstName: c.first_name } : {}),
        ...(c.last_name ? { lastName: c.last_name } : {}),
        ...(c.email ? { email: c.email } : {}),
        ...(c.phone ? { phone: c.phone } : {}),
        ...(c.timezone ? { timezone: c.timezone } : {}),
        tags: c.tags,
        dnd: c.opted_out,
        customFields: Object.entries(c.custom_fields).map(([id, value]) => ({ id, value })),
      };
    },
    async updateContact(locationId, contactId, patch) {
      await record(locationId, contactId, 'contact_update', patch);
    },
    listCustomFields,
    async createCustomField(locationId, field) {
      const def: CustomFieldDef = {
        id: crmId(),
        name: field.name,
        fieldKey: `contact.${field.fieldKey}`,
        dataType: field.dataType,
      };
      await record(locationId, LOCATION_RECORD, 'custom_field', { ...def });
      return def;
    },
    async setCustomFields(locationId, contactId, values) {
      if (values.length === 0) return;
      // Like GHL: only fields the location defines; recorded by key so a person can read it.
      const keyOf = new Map((await listCustomFields(locationId)).map((d) => [d.id, d.fieldKey]));
      const fields: Record<string, unknown> = {};
      for (const { id, value } of values) {
        const key = keyOf.get(id);
        if (key === undefined) throw new CrmError(`Custom field with id ${id} not found`, 400, false);
        fields[key.replace(/^contact\./, '')] = value;
      }
      await record(locationId, contactId, 'fields', fields);
    },
    async addTags(locationId, contactId, tags) {
      await record(locationId, contactId, 'tags_added', { tags });
    },
    async removeTags(locationId, contactId, tags) {
      await record(locationId, contactId, 'tags_removed', { tags });
    },
    async addNote(locationId, contactId, body) {
      const id = crmId();
      await record(locationId, contactId, 'note', { id, body });
      return { id };
    },
    async createTask(locationId, contactId, task) {
      const id = crmId();
      await record(locationId, contactId, 'task', { id, ...task });
      return { id };
    },
    async getFreeSlots(_locationId, _calendarId, range) {
      return sandboxSlots(range.start, range.end, range.timezone || opts.timezone);
    },
    async createAppointment(locationId, input) {
      const id = crmId();
      await record(locationId, input.contactId, 'appointment', { id, ...input });
      return { id };
    },
    async upsertOpportunity(locationId, input) {
      const id = crmId();
      await record(locationId, input.contactId, 'opportunity', { id, ...input });
      return { id };
    },
    async addToWorkflow(locationId, contactId, workflowId) {
      await record(locationId, contactId, 'workflow', { workflowId });
    },
    async notifyStaff(locationId, n) {
      const sent = { messageId: crmId(), conversationId: crmId() };
      await record(locationId, `staff:${n.channel}`, 'staff_notification', { ...n, ...sent });
      return sent;
    },
  };
}

const contactIdKey = (id: string) => id.replace(/[^A-Za-z0-9]/g, '').slice(0, 20);

/** Weekday slots at 10:00, 13:00 and 16:00 local time: a believable calendar for the sandbox. */
export function sandboxSlots(start: Date, end: Date, timeZone: string): string[] {
  const out: string[] = [];
  const hours = [10, 13, 16];
  for (
    let t = Math.ceil(start.getTime() / 3_600_000) * 3_600_000;
    t < end.getTime() && out.length < 60;
    t += 3_600_000
  ) {
    const d = new Date(t);
    const parts = localParts(d.toISOString(), timeZone);
    if (parts.weekday === 'sat' || parts.weekday === 'sun') continue;
    if (parts.minute !== 0 || !hours.includes(parts.hour)) continue;
    out.push(d.toISOString());
  }
  return out;
}
