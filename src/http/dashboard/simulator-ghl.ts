import type { CrmRecord } from '../../ports/simulator-read.ts';

/** The GHL API v2 request a sandbox CRM record stands for (reference: docs/GHL_SETUP.md, adapters/ghl/). */
export interface GhlCall {
  method: string;
  path: string;
  body: Record<string, unknown>;
}

const pick = (p: Record<string, unknown>, keys: string[]) =>
  Object.fromEntries(keys.filter((k) => p[k] !== undefined && p[k] !== null).map((k) => [k, p[k]]));

/**
 * What the GHL adapter sends for each kind of step the sandbox CRM recorded (the paths and bodies
 * of adapters/ghl/conversations.ts, contacts.ts, calendars.ts, opportunities.ts, staff-alerts.ts).
 */
export function ghlCallOf(r: CrmRecord): GhlCall {
  const p = r.payload;
  const cid = encodeURIComponent(r.contactId);
  switch (r.kind) {
    case 'message':
      return {
        method: 'POST',
        path: '/conversations/messages',
        body: pick(p, ['type', 'contactId', 'message', 'subject', 'html', 'attachments']),
      };
    case 'tags_added':
      return { method: 'POST', path: `/contacts/${cid}/tags`, body: pick(p, ['tags']) };
    case 'tags_removed':
      return { method: 'DELETE', path: `/contacts/${cid}/tags`, body: pick(p, ['tags']) };
    case 'fields':
      return { method: 'PUT', path: `/contacts/${cid}`, body: { customFields: p } };
    case 'contact_update':
      return { method: 'PUT', path: `/contacts/${cid}`, body: p };
    case 'note':
      return { method: 'POST', path: `/contacts/${cid}/notes`, body: pick(p, ['body']) };
    case 'task':
      return {
        method: 'POST',
        path: `/contacts/${cid}/tasks`,
        body: pick(p, ['title', 'body', 'dueDate', 'assignedTo']),
      };
    case 'appointment':
      return { method: 'POST', path: '/calendars/events/appointments', body: p };
    case 'opportunity':
      return { method: 'POST', path: '/opportunities/', body: p };
    case 'workflow':
      return {
        method: 'POST',
        path: `/contacts/${cid}/workflow/${encodeURIComponent(String(p.workflowId ?? ''))}`,
        body: {},
      };
    case 'staff_notification':
      return {
        method: 'POST',
        path: '/conversations/messages',
        body: { type: p.channel, to: p.to, message: p.message, ...(p.subject ? { subject: p.subject } : {}) },
      };
    default:
      return { method: '?', path: r.kind, body: p };
  }
}
