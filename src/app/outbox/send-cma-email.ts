import type { Mailer } from '../../ports/mailer.ts';
import { type Crm, CrmError, type Sql } from '../../ports.ts';
import type { OutboxAction } from '../../ports/outbox-action.ts';
import type { Stores } from '../../ports/stores.ts';

export type CmaEmailAction = Extract<OutboxAction, { kind: 'send_cma_email' }>;

export interface SendCmaEmailDeps {
  db: Sql;
  stores: Pick<Stores, 'contacts' | 'documents'>;
  crm: Crm;
  /** When set, the email goes through SMTP instead of the CRM. */
  mailer: Mailer | null;
  mailFrom: string;
}

/**
 * Sends the day-14 CMA email with its PDF (when one was made). SMTP when configured; otherwise the
 * CRM: the PDF is uploaded first and the Email message carries the returned URL.
 */
export async function sendCmaEmail(
  deps: SendCmaEmailDeps,
  loc: string,
  cid: string,
  a: CmaEmailAction,
  retry: { since: Date | null },
): Promise<Record<string, unknown>> {
  const doc = a.documentId ? await deps.stores.documents.load(deps.db, a.documentId) : null;
  if (deps.mailer) {
    const contact = await deps.stores.contacts.get(deps.db, loc, cid);
    if (!contact?.email) throw new CrmError('the contact has no email address', null, false);
    const sent = await deps.mailer.send({
      to: contact.email,
      from: deps.mailFrom,
      subject: a.subject,
      text: a.text,
      html: a.html,
      ...(doc
        ? { attachments: [{ filename: a.attachmentName, content: doc.bytes, contentType: doc.contentType }] }
        : {}),
    });
    return { via: 'smtp', messageId: sent.messageId, attached: Boolean(doc) };
  }
  if (retry.since) {
    const found = await deps.crm.findRecentOutbound(loc, cid, a.text, retry.since, {
      type: 'Email',
      subject: a.subject,
      html: a.html,
    });
    if (found) return { ...found, via: 'crm', deduplicated: true };
  }
  const attachments: string[] = [];
  if (doc) {
    const up = await deps.crm.uploadAttachment(loc, {
      contactId: cid,
      filename: a.attachmentName,
      contentType: doc.contentType,
      data: doc.bytes,
    });
    attachments.push(up.url);
  }
  const sent = await deps.crm.sendMessage(loc, {
    contactId: cid,
    type: 'Email',
    subject: a.subject,
    html: a.html,
    message: a.text,
    ...(attachments.length ? { attachments } : {}),
  });
  return { ...sent, via: 'crm', attachments };
}
