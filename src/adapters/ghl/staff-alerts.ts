import { STAFF_ALERTS_TAG, staffAlertAllowed } from '../../domain/staff.ts';
import { CrmError, type SentMessage, type StaffNotification } from '../../ports.ts';
import { type GhlHttp, ghlVersions } from './http.ts';
import { asArray, asObj, optString, seg } from './read.ts';

export interface StaffAlertOptions {
  /** Tags that mark a contact as a lead of the bots (domain/staff.ts leadMarkingTags). */
  leadTags: readonly string[];
  /** Whether the bots know this contact as a lead (a conversation of theirs); default: no. */
  isLeadContact?: (locationId: string, contact: { id: string; tags: string[] }) => Promise<boolean> | boolean;
}

type Send = (
  locationId: string,
  input: { contactId: string; type: StaffNotification['channel']; message: string; subject?: string },
) => Promise<SentMessage>;

/**
 * Staff are contacts too: upsert the recipient by phone or email (without `tags`, which would
 * replace every tag the contact has), refuse if that contact is a lead, tag it with the
 * tag-add endpoint, then message it like anyone else.
 */
export function createStaffAlerts(http: GhlHttp, send: Send, opts: StaffAlertOptions) {
  return async function notifyStaff(
    locationId: string,
    n: StaffNotification,
  ): Promise<SentMessage & { contactId: string }> {
    const up = asObj(
      await http.request<unknown>({
        op: 'upsertStaffContact',
        method: 'POST',
        path: '/contacts/upsert',
        version: ghlVersions.contacts,
        locationId,
        json: { locationId, name: n.name, ...(n.channel === 'SMS' ? { phone: n.to } : { email: n.to }) },
      }),
    );
    const contact = asObj(up.contact);
    const contactId = optString(contact.id);
    if (!contactId) throw new CrmError('GHL upsert returned no contact id for the staff alert', null, false);
    const tags = asArray(contact.tags).filter((t): t is string => typeof t === 'string');
    const knownLead =
      up.new !== true && (await opts.isLeadContact?.(locationId, { id: contactId, tags })) === true;
    if (!staffAlertAllowed({ tags, knownLead }, opts.leadTags)) {
      throw new CrmError(
        `staff alert refused: the ${n.channel === 'SMS' ? 'phone' : 'email'} it is addressed to belongs to ` +
          `contact ${contactId}, a lead of the bots (docs/ESCALATIONS.md, "Staff alerts")`,
        null,
        false,
      );
    }
    if (!tags.some((t) => t.toLowerCase() === STAFF_ALERTS_TAG)) {
      await http.request({
        op: 'tagStaffContact',
        method: 'POST',
        path: `/contacts/${seg(contactId)}/tags`,
        version: ghlVersions.contacts,
        locationId,
        json: { tags: [STAFF_ALERTS_TAG] },
      });
    }
    const sent = await send(locationId, {
      contactId,
      type: n.channel,
      message: n.message,
      ...(n.subject ? { subject: n.subject } : {}),
    });
    return { ...sent, contactId };
  };
}
