import type { ContactFields } from '../domain/contact-fields.ts';
import type { CrmAction } from '../domain/conversation.ts';
import type { Channel } from '../ports.ts';

/** One durable CRM call waiting in the outbox. */
export type OutboxAction =
  | {
      kind: 'send_message';
      type: Channel;
      message: string;
      subject?: string;
      html?: string;
      attachments?: string[];
      /** Email answers: the lead's email replied to and its thread (GHL's ids). */
      replyToMessageId?: string;
      threadId?: string;
      /** Decided with the contact's opt-out known (its confirmation, a HELP answer): may still go. */
      afterOptOut?: boolean;
      /** Written by a person on the dashboard: the human takeover that silences the bot lets it pass. */
      byAgent?: boolean;
    }
  | { kind: 'add_tags'; tags: string[] }
  | { kind: 'remove_tags'; tags: string[] }
  | { kind: 'set_fields'; fields: ContactFields }
  | { kind: 'add_note'; body: string }
  | { kind: 'create_task'; title: string; body?: string; dueDate: string }
  | { kind: 'create_appointment'; calendarId: string; startTime: string; title: string }
  | { kind: 'notify_staff'; channel: Channel; to: string; name: string; subject?: string; message: string }
  /**
   * The day-14 CMA email: through SMTP when configured, else through the CRM (upload the PDF,
   * then send an Email message with its URL). No `documentId` = the PDF could not be made.
   */
  | {
      kind: 'send_cma_email';
      subject: string;
      text: string;
      html: string;
      attachmentName: string;
      documentId?: string;
    }
  /** Not a CRM call: asks the financial readiness service and stores the assessment. */
  | { kind: 'assess_financing' };

/** The CRM call for a bot action; actions that only touch our own records are mapped by the caller. */
export function fromCrmAction(a: CrmAction): OutboxAction | null {
  switch (a.type) {
    case 'add_tags':
      return { kind: 'add_tags', tags: a.tags };
    case 'remove_tags':
      return { kind: 'remove_tags', tags: a.tags };
    case 'set_fields':
      return { kind: 'set_fields', fields: a.fields };
    case 'add_note':
      return { kind: 'add_note', body: a.body };
    case 'create_task':
      return { kind: 'create_task', title: a.title, ...(a.body ? { body: a.body } : {}), dueDate: a.dueAt };
    default:
      return null;
  }
}
