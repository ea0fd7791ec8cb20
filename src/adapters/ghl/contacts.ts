import type { CrmContact, CustomFieldDef, CustomFieldWrite, NewCustomField, TaskInput } from '../../ports.ts';
import { CrmError } from '../../ports.ts';
import type { Assignment } from './assignment.ts';
import { customFieldDef, customFieldDefs, customFieldValues, customFieldWrites } from './custom-fields.ts';
import { type GhlHttp, ghlVersions } from './http.ts';
import { asArray, asObj, optString, requireString, seg } from './read.ts';

const version = ghlVersions.contacts;

const DND_CHANNELS = ['SMS', 'Email', 'WhatsApp', 'GMB', 'FB', 'Call'] as const;

/** `dndSettings` as GET /contacts/{id} has it: {SMS: {status, message, code}, …} (DndSettingsSchema). */
function dndSettingsOf(raw: unknown): CrmContact['dndSettings'] | undefined {
  const out: NonNullable<CrmContact['dndSettings']> = {};
  for (const channel of DND_CHANNELS) {
    const status = optString(asObj(asObj(raw)[channel]).status);
    if (status !== undefined) out[channel] = { status };
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

export function toCrmContact(body: unknown, contactId: string): CrmContact {
  const c = asObj(asObj(body).contact);
  const contact: CrmContact = {
    id: optString(c.id) ?? contactId,
    tags: asArray(c.tags).filter((t): t is string => typeof t === 'string'),
    dnd: c.dnd === true,
    customFields: customFieldValues(c.customFields),
  };
  const dnd = dndSettingsOf(c.dndSettings);
  if (dnd) contact.dndSettings = dnd;
  for (const key of ['firstName', 'lastName', 'email', 'phone', 'timezone'] as const) {
    const value = optString(c[key]);
    if (value !== undefined) contact[key] = value;
  }
  return contact;
}

export function createContactOps(http: GhlHttp, assignment?: Assignment) {
  const contactPath = (contactId: string) => `/contacts/${seg(contactId)}`;

  return {
    async getContact(locationId: string, contactId: string): Promise<CrmContact> {
      const res = await http.request<unknown>({
        op: 'getContact',
        method: 'GET',
        path: contactPath(contactId),
        version,
        locationId,
      });
      return toCrmContact(res, contactId);
    },

    async updateContact(
      locationId: string,
      contactId: string,
      patch: { firstName?: string; lastName?: string; email?: string; phone?: string; timezone?: string },
    ): Promise<void> {
      await http.request({
        op: 'updateContact',
        method: 'PUT',
        path: contactPath(contactId),
        version,
        locationId,
        json: patch,
      });
    },

    async listCustomFields(locationId: string): Promise<CustomFieldDef[]> {
      const res = await http.request<unknown>({
        op: 'listCustomFields',
        method: 'GET',
        path: `/locations/${seg(locationId)}/customFields`,
        query: { model: 'contact' },
        version: ghlVersions.locations,
        locationId,
      });
      return customFieldDefs(res);
    },

    async createCustomField(locationId: string, field: NewCustomField): Promise<CustomFieldDef> {
      // `fieldKey` is not in the published DTO but GHL takes it (highlevel-api-docs issue #300);
      // callers still match the answer by name in case a location derives the key itself.
      const res = await http.request<unknown>({
        op: 'createCustomField',
        method: 'POST',
        path: `/locations/${seg(locationId)}/customFields`,
        version: ghlVersions.locations,
        locationId,
        json: { name: field.name, dataType: field.dataType, fieldKey: field.fieldKey, model: 'contact' },
      });
      const def = customFieldDef(res);
      if (!def) throw new CrmError('GHL createCustomField answered without customField.id', null, false);
      return def;
    },

    async setCustomFields(locationId: string, contactId: string, values: CustomFieldWrite[]): Promise<void> {
      if (values.length === 0) return;
      await http.request({
        op: 'setCustomFields',
        method: 'PUT',
        path: contactPath(contactId),
        version,
        locationId,
        json: { customFields: customFieldWrites(values) },
      });
    },

    async addTags(locationId: string, contactId: string, tags: string[]): Promise<void> {
      if (tags.length === 0) return;
      await http.request({
        op: 'addTags',
        method: 'POST',
        path: `${contactPath(contactId)}/tags`,
        version,
        locationId,
        json: { tags },
      });
    },

    async removeTags(locationId: string, contactId: string, tags: string[]): Promise<void> {
      if (tags.length === 0) return;
      await http.request({
        op: 'removeTags',
        method: 'DELETE',
        path: `${contactPath(contactId)}/tags`,
        version,
        locationId,
        json: { tags },
      });
    },

    async addNote(locationId: string, contactId: string, body: string): Promise<{ id: string }> {
      const res = await http.request<unknown>({
        op: 'addNote',
        method: 'POST',
        path: `${contactPath(contactId)}/notes`,
        version,
        locationId,
        json: { body },
      });
      return { id: requireString(asObj(asObj(res).note).id, 'addNote', 'note.id') };
    },

    async createTask(locationId: string, contactId: string, task: TaskInput): Promise<{ id: string }> {
      const json: Record<string, unknown> = { title: task.title, dueDate: task.dueDate, completed: false };
      if (task.body !== undefined) json.body = task.body;
      const assignedTo = await assignment?.forTask(locationId);
      if (assignedTo) json.assignedTo = assignedTo;
      const res = await http.request<unknown>({
        op: 'createTask',
        method: 'POST',
        path: `${contactPath(contactId)}/tasks`,
        version,
        locationId,
        json,
      });
      return { id: requireString(asObj(asObj(res).task).id, 'createTask', 'task.id') };
    },

    async addToWorkflow(locationId: string, contactId: string, workflowId: string): Promise<void> {
      await http.request({
        op: 'addToWorkflow',
        method: 'POST',
        path: `${contactPath(contactId)}/workflow/${seg(workflowId)}`,
        version: ghlVersions.workflows,
        locationId,
        json: {},
      });
    },
  };
}
