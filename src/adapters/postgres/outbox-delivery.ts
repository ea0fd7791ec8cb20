import type { OutboxDeliveryStore } from '../../ports/outbox-delivery.ts';
import {
  claimLaterRecordWrites,
  claimOutbox,
  markOutboxCancelled,
  markOutboxFailed,
  markOutboxRetry,
  markOutboxEachSent,
  openOutboxForContact,
  releaseOutbox,
  releaseOutboxMany,
  sendConsentFacts,
} from './outbox-repo.ts';
import { claimInIdOrder } from './claim-order.ts';
import { commitWithoutWaitingForDisk, relaxedTransaction } from './relaxed-commit.ts';

/** The outbox drainer's store on PostgreSQL and PGlite (ports/outbox-delivery.ts). */
export const postgresOutboxDelivery: OutboxDeliveryStore = {
  // In its own transaction only for the scan setting (claim-order.ts); it still commits durably.
  claim: (db, opts) =>
    db.transaction(async (tx) => {
      await claimInIdOrder(tx);
      return claimOutbox(tx, opts);
    }),
  claimLaterRecordWrites,
  async markEachSent(tx, entries) {
    await commitWithoutWaitingForDisk(tx);
    return markOutboxEachSent(tx, entries);
  },
  releaseMany: releaseOutboxMany,
  markRetry: markOutboxRetry,
  markFailed: markOutboxFailed,
  markCancelled: markOutboxCancelled,
  release: releaseOutbox,
  sendConsentFacts,
  openForContact: openOutboxForContact,
  async sendingForContact(sql, locationId, contactId) {
    const { rows } = await sql.query(
      `SELECT 1 FROM outbox WHERE location_id = $1 AND contact_id = $2 AND status = 'sending' LIMIT 1`,
      [locationId, contactId],
    );
    return rows.length > 0;
  },
  async readCrmDnd(sql, locationId, contactId) {
    const { rows } = await sql.query<{ sms: boolean; email: boolean; read_at: Date }>(
      `SELECT sms, email, read_at FROM crm_dnd_reads WHERE location_id = $1 AND contact_id = $2`,
      [locationId, contactId],
    );
    const r = rows[0];
    return r ? { blocked: { SMS: r.sms, Email: r.email }, at: new Date(r.read_at) } : null;
  },
  async saveCrmDnd(db, locationId, contactId, blocked, at) {
    // A cache: a read lost in a database crash is read from the CRM again.
    await relaxedTransaction(db, (tx) =>
      tx.query(
        `INSERT INTO crm_dnd_reads (location_id, contact_id, sms, email, read_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (location_id, contact_id) DO UPDATE
         SET sms = EXCLUDED.sms, email = EXCLUDED.email, read_at = EXCLUDED.read_at
         WHERE crm_dnd_reads.read_at < EXCLUDED.read_at`,
        [locationId, contactId, blocked.SMS, blocked.Email, at],
      ),
    );
  },
};
