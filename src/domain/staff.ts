import type { TagNames } from './bots-config.ts';
import { hasTag } from './conversation.ts';

// The people on the team (the agent, the compliance officer) are contacts in the CRM too: their
// alerts are sent to them as messages, and their answers arrive as inbound messages. These rules
// keep the two worlds apart: a staff member never gets a bot, a lead never gets a staff alert.

/** Put on every contact a staff alert was sent to; a person may put it on a team member by hand. */
export const STAFF_ALERTS_TAG = 'staff-alerts';

/** Who is staff: the alert recipients from the settings (AGENT_PHONE, COMPLIANCE_OFFICER_EMAIL…). */
export interface StaffDirectory {
  phones: readonly string[];
  emails: readonly string[];
}

const nonDigit = /\D/g;

/** Compares phone numbers by their last ten digits, so "+1 (909) 555-0111" matches "+19095550111". */
function phoneKey(phone: string): string {
  const digits = phone.replace(nonDigit, '');
  return digits.length > 10 ? digits.slice(-10) : digits;
}

/** Whether a sender (by phone, email or tags) is a member of staff rather than a lead. */
export function isStaffSender(
  sender: { phone?: string | null; email?: string | null; tags?: readonly string[] },
  staff: StaffDirectory,
): boolean {
  if (sender.tags && hasTag(sender.tags, STAFF_ALERTS_TAG)) return true;
  const phone = sender.phone ? phoneKey(sender.phone) : '';
  if (phone.length >= 7 && staff.phones.some((p) => phoneKey(p) === phone)) return true;
  const email = sender.email?.trim().toLowerCase();
  return !!email && staff.emails.some((e) => e.trim().toLowerCase() === email);
}

/** Temperature tags the bots write ("Hot-Seller", "Warm-Lead"…), from the `{temp}-{who}` pattern. */
function temperatureTags(pattern: string): string[] {
  const out: string[] = [];
  for (const temp of ['Hot', 'Warm', 'Cold']) {
    for (const who of ['Lead', 'Seller', 'Buyer']) {
      out.push(pattern.replace('{temp}', temp).replace('{who}', who));
    }
  }
  return out;
}

/**
 * Tags that mark a contact as a lead of the bots: the activation tags that start a bot and the
 * tags the bots write on the leads they qualify.
 */
export function leadMarkingTags(tags: TagNames): string[] {
  return [
    ...tags.sellerActivation,
    ...tags.buyerActivation,
    ...tags.leadActivation,
    tags.sellerQualified,
    tags.buyerQualified,
    ...temperatureTags(tags.temperature),
  ];
}

/**
 * Whether a staff alert may be sent to this contact. A contact marked as staff may always get one;
 * otherwise a contact carrying a lead-marking tag, or known to the bots as a lead, never does.
 */
export function staffAlertAllowed(
  contact: { tags: readonly string[]; knownLead: boolean },
  leadTags: readonly string[],
): boolean {
  if (hasTag(contact.tags, STAFF_ALERTS_TAG)) return true;
  if (contact.knownLead) return false;
  return !leadTags.some((t) => hasTag(contact.tags, t));
}
