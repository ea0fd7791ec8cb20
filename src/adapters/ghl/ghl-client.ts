// GoHighLevel API v2 as the `Crm` port. Hand-written on fetch rather than the official SDK: the SDK
// has no 429 handling, retry or rate budget, and it verifies webhooks over re-serialised JSON.
import { defaultTagNames } from '../../domain/bots-config.ts';
import { leadMarkingTags } from '../../domain/staff.ts';
import type { Crm } from '../../ports.ts';
import { type AssignmentOptions, createAssignment } from './assignment.ts';
import { createCalendarOps } from './calendars.ts';
import { createContactOps } from './contacts.ts';
import { createConversationOps } from './conversations.ts';
import { createGhlHttp, type GhlHttpOptions } from './http.ts';
import { createOpportunityOps } from './opportunities.ts';
import { createStaffAlerts, type StaffAlertOptions } from './staff-alerts.ts';

/**
 * The HTTP layer's settings (base URL, token, rate budget, retry, breaker), plus who appointments
 * and tasks are assigned to and how a staff alert tells a lead from a team member.
 */
export interface GhlCrmOptions extends GhlHttpOptions {
  assignment?: AssignmentOptions;
  /** Tags that mark a lead of the bots; default: those of the default bots config. */
  leadTags?: readonly string[];
  isLeadContact?: StaffAlertOptions['isLeadContact'];
}

export function createGhlCrm(opts: GhlCrmOptions): Crm {
  const http = createGhlHttp(opts);
  const conversations = createConversationOps(http, opts.logger);
  const assignment = createAssignment(http, opts.assignment);
  const contacts = createContactOps(http, assignment);
  const calendars = createCalendarOps(http, assignment);
  const opportunities = createOpportunityOps(http);
  return {
    mode: 'ghl',
    sendMessage: conversations.sendMessage,
    findRecentOutbound: conversations.findRecentOutbound,
    uploadAttachment: conversations.uploadAttachment,
    getContact: contacts.getContact,
    updateContact: contacts.updateContact,
    listCustomFields: contacts.listCustomFields,
    createCustomField: contacts.createCustomField,
    setCustomFields: contacts.setCustomFields,
    addTags: contacts.addTags,
    removeTags: contacts.removeTags,
    addNote: contacts.addNote,
    createTask: contacts.createTask,
    getFreeSlots: calendars.getFreeSlots,
    createAppointment: calendars.createAppointment,
    upsertOpportunity: opportunities.upsertOpportunity,
    addToWorkflow: contacts.addToWorkflow,
    notifyStaff: createStaffAlerts(http, conversations.sendMessage, {
      leadTags: opts.leadTags ?? leadMarkingTags(defaultTagNames),
      ...(opts.isLeadContact ? { isLeadContact: opts.isLeadContact } : {}),
    }),
  };
}
