import { STAFF_ALERTS_TAG, type StaffDirectory } from '../../domain/staff.ts';
import type { Sql } from '../../ports.ts';
import type { ContactStore } from '../../ports/contact-store.ts';
import type { EscalationDeps } from './escalation-deps.ts';

/** The staff the settings name: the agent's and the compliance officer's alert phones and emails. */
export function staffDirectory(e: EscalationDeps): StaffDirectory {
  return {
    phones: [e.agentPhone, e.officerPhone].filter((v): v is string => !!v),
    emails: [e.agentEmail, e.officerEmail].filter((v): v is string => !!v),
  };
}

/**
 * Keeps the contact a staff alert went to as staff in our own records (its phone or email and the
 * staff-alerts tag), so its answers are recognised even when GHL's event carries neither.
 */
export async function rememberStaffContact(
  contacts: Pick<ContactStore, 'upsert' | 'changeTags'>,
  sql: Sql,
  locationId: string,
  contactId: string,
  to: { channel: 'SMS' | 'Email'; to: string },
  now: Date,
): Promise<void> {
  const patch = to.channel === 'SMS' ? { phone: to.to } : { email: to.to };
  await contacts.upsert(sql, locationId, contactId, patch, now);
  await contacts.changeTags(sql, locationId, contactId, [STAFF_ALERTS_TAG], []);
}
