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
 * Staff are contacts too. The recipient is looked up by phone or email first, so a contact that
 * turns out to be a lead is refused before anything about it changes; a new recipient is created
 * with `POST /contacts/upsert` without `tags` (they would replace every tag the contact has). The
 * staff-alerts tag is added with the tag-add endpoint, then the contact is messaged.
 */
export function createStaffAlerts(http: GhlHttp, send: Send, opts: StaffAlertOptions) {
  const address = (n: StaffNotification) => (n.channel === 'SMS' ? { phone: n.to } : { email: n.to });

  async function refuseLead(locationId: string, n: StaffNotification, contact: Record<string, unknown>) {
    const id = optString(contact.id) ?? '';
    const tags = asArray(contact.tags).filter((t): t is string => typeof t === 'string');
    const knownLead = (await opts.isLeadContact?.(locationId, { id, tags })) === true;
    if (!staffAlertAllowed({ tags, knownLead }, opts.leadTags)) {
      throw new CrmError(
        `staff alert refused: the ${n.channel === 'SMS' ? 'phone' : 'email'} it is addressed to belongs to ` +
          `contact ${id}, a lead of the bots (docs/ESCALATIONS.md, "Staff alerts")`,
        null,
        false,
      );
    }
    return tags;
  }

  return async function notifyStaff(
    locationId: string,
    n: StaffNotification,
  ): Promise<SentMessage & { contactId: string }> {
    // GET /contacts/search/duplicate {contact | null} (apps/contacts.json, "Get Duplicate Contact").
    const found = asObj(
      await http.request<unknown>({
        op: 'findStaffContact',
        method: 'GET',
        path: '/contacts/search/duplicate',
        version: ghlVersions.contacts,
        locationId,
        query: { locationId, ...(n.channel === 'SMS' ? { number: n.to } : { email: n.to }) },
      }),
    ).contact;
    let contact = asObj(found);
    let tags: string[] = [];
    if (optString(contact.id)) tags = await refuseLead(locationId, n, contact);
    else {
      const up = asObj(
        await http.request<unknown>({
          op: 'upsertStaffContact',
          method: 'POST',
          path: '/contacts/upsert',
          version: ghlVersions.contacts,
          locationId,
          json: { locationId, name: n.name, ...address(n) },
        }),
      );
      contact = asObj(up.contact);
      // Created by someone else since the lookup: the same check applies.
      if (up.new !== true) tags = await refuseLead(locationId, n, contact);
    }
    const contactId = optString(contact.id);
    if (!contactId) throw new CrmError('GHL upsert returned no contact id for the staff alert', null, false);
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
