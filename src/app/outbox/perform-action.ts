import type { OutboxRow } from '../../ports/outbox-delivery.ts';
import { rememberStaffContact } from '../escalations/staff-senders.ts';
import { type DrainerContext, SEND_CHECK_SKEW_MS } from './drainer-deps.ts';
import { sendCmaEmail } from './send-cma-email.ts';

/**
 * Carries out one outbox action against the CRM (or the mailer, for the CMA email) and returns what
 * the outside system answered, stored with the row. A message whose earlier attempt may have gone
 * out is looked up first and not sent twice.
 */
export async function performAction(deps: DrainerContext, row: OutboxRow): Promise<Record<string, unknown>> {
  const crm = deps.crmFor(row.location_id);
  const loc = row.location_id;
  const cid = row.contact_id;
  const a = row.payload;
  switch (a.kind) {
    case 'send_message': {
      if (row.attempts > 1 && row.first_attempt_at) {
        const since = new Date(new Date(row.first_attempt_at).getTime() - SEND_CHECK_SKEW_MS);
        const found = await crm.findRecentOutbound(loc, cid, a.message, since, {
          type: a.type,
          ...(a.subject ? { subject: a.subject } : {}),
          ...(a.html ? { html: a.html } : {}),
        });
        if (found) return { ...found, deduplicated: true };
      }
      const sent = await crm.sendMessage(loc, {
        contactId: cid,
        type: a.type,
        message: a.message,
        ...(a.subject ? { subject: a.subject } : {}),
        ...(a.html ? { html: a.html } : {}),
        ...(a.attachments ? { attachments: a.attachments } : {}),
        ...(a.replyToMessageId ? { replyToMessageId: a.replyToMessageId } : {}),
        ...(a.threadId ? { threadId: a.threadId } : {}),
      });
      return { ...sent };
    }
    case 'add_tags':
      await crm.addTags(loc, cid, a.tags);
      return {};
    case 'remove_tags':
      await crm.removeTags(loc, cid, a.tags);
      return {};
    case 'set_fields':
      await deps.fields.write(crm, loc, cid, a.fields);
      return {};
    case 'add_note':
      return { ...(await crm.addNote(loc, cid, a.body)) };
    case 'create_task':
      return {
        ...(await crm.createTask(loc, cid, {
          title: a.title,
          ...(a.body ? { body: a.body } : {}),
          dueDate: a.dueDate,
        })),
      };
    case 'create_appointment':
      return {
        ...(await crm.createAppointment(loc, {
          calendarId: a.calendarId,
          contactId: cid,
          startTime: a.startTime,
          title: a.title,
        })),
      };
    case 'notify_staff': {
      const sent = await crm.notifyStaff(loc, {
        channel: a.channel,
        to: a.to,
        name: a.name,
        message: a.message,
        ...(a.subject ? { subject: a.subject } : {}),
      });
      // Their answer must never start a bot, even when GHL's event names only the contact id.
      if (sent.contactId)
        await rememberStaffContact(
          deps.escalation.stores.contacts,
          deps.db,
          loc,
          sent.contactId,
          a,
          deps.clockOf(loc).now(),
        );
      return { ...sent };
    }
    case 'assess_financing':
      return deps.assessFinancing(loc, cid, `outbox:${row.id}`);
    case 'send_cma_email':
      return sendCmaEmail(
        {
          db: deps.db,
          stores: deps.stores,
          crm,
          mailer: deps.mailer ?? null,
          mailFrom: deps.mailFrom ?? 'no-reply@localhost',
        },
        loc,
        cid,
        a,
        {
          since:
            row.attempts > 1 && row.first_attempt_at
              ? new Date(new Date(row.first_attempt_at).getTime() - SEND_CHECK_SKEW_MS)
              : null,
        },
      );
  }
}
