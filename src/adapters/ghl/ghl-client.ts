// GoHighLevel API v2 as the `Crm` port. Hand-written on fetch rather than the official SDK: the SDK
// has no 429 handling, retry or rate budget, and it verifies webhooks over re-serialised JSON.
import type { Crm } from '../../ports.ts';
import { createCalendarOps } from './calendars.ts';
import { createContactOps } from './contacts.ts';
import { createConversationOps } from './conversations.ts';
import { CrmError } from '../../ports.ts';
import { createGhlHttp, type GhlHttpOptions, ghlVersions } from './http.ts';
import { createOpportunityOps } from './opportunities.ts';

/** The client's settings are exactly its HTTP layer's: base URL, token, rate budget, retry, breaker. */
export type GhlCrmOptions = GhlHttpOptions;

export function createGhlCrm(opts: GhlCrmOptions): Crm {
  const http = createGhlHttp(opts);
  const conversations = createConversationOps(http, opts.logger);
  const contacts = createContactOps(http);
  const calendars = createCalendarOps(http);
  const opportunities = createOpportunityOps(http);
  return {
    mode: 'ghl',
    sendMessage: conversations.sendMessage,
    findRecentOutbound: conversations.findRecentOutbound,
    uploadAttachment: conversations.uploadAttachment,
    getContact: contacts.getContact,
    updateContact: contacts.updateContact,
    listCustomFields: contacts.listCustomFields,
    setCustomFields: contacts.setCustomFields,
    addTags: contacts.addTags,
    removeTags: contacts.removeTags,
    addNote: contacts.addNote,
    createTask: contacts.createTask,
    getFreeSlots: calendars.getFreeSlots,
    createAppointment: calendars.createAppointment,
    upsertOpportunity: opportunities.upsertOpportunity,
    addToWorkflow: contacts.addToWorkflow,
    async notifyStaff(locationId, n) {
      // Staff are contacts too: upsert by phone or email, then message them like anyone else.
      const up = await http.request<{ contact?: { id?: string } }>({
        op: 'upsertStaffContact',
        method: 'POST',
        path: '/contacts/upsert',
        version: ghlVersions.contacts,
        locationId,
        json: {
          locationId,
          name: n.name,
          tags: ['staff-alerts'],
          ...(n.channel === 'SMS' ? { phone: n.to } : { email: n.to }),
        },
      });
      const contactId = up.contact?.id;
      if (!contactId)
        throw new CrmError('GHL upsert returned no contact id for the staff alert', null, false);
      return conversations.sendMessage(locationId, {
        contactId,
        type: n.channel,
        message: n.message,
        ...(n.subject ? { subject: n.subject } : {}),
      });
    },
  };
}
