import type { FollowUpStore, FollowUpSubjectRow } from '../../ports/follow-up-store.ts';
import { appendMessage, getContact } from './contacts-repo.ts';
import { lastOtherSendAt } from './deliveries-repo.ts';
import {
  finishFollowUp,
  holdFollowUp,
  lastFollowUpSentAt,
  listDueFollowUps,
  lockDueFollowUp,
  postponeFollowUp,
  saveDocument,
} from './follow-ups-repo.ts';
import { recordModelCall } from './model-usage-repo.ts';
import { enqueueOutbox, initiatedMessagesSentSince } from './outbox-repo.ts';

/** The follow-up runner's store on PostgreSQL and PGlite (ports/follow-up-store.ts). */
export const postgresFollowUpStore: FollowUpStore = {
  listDue: listDueFollowUps,
  lockDue: lockDueFollowUp,
  async loadSubject(sql, locationId, contactId) {
    const contact = await getContact(sql, locationId, contactId);
    if (!contact) return null;
    const { rows } = await sql.query<NonNullable<FollowUpSubjectRow['conversation']>>(
      `SELECT bot, state, needs_human_review, compliance_hold FROM conversations WHERE location_id = $1 AND contact_id = $2`,
      [locationId, contactId],
    );
    return { contact, conversation: rows[0] ?? null };
  },
  lastSentAt: lastFollowUpSentAt,
  lastOtherSendAt,
  initiatedMessagesSentSince,
  finish: finishFollowUp,
  postpone: postponeFollowUp,
  hold: holdFollowUp,
  saveDocument,
  enqueue: enqueueOutbox,
  appendMessage,
  recordModelCall,
};
