import type { FakeState } from './state.ts';
import type { FakeContact } from './types.ts';
import { badRequest, isRecord, newId, normalizePhone, unprocessable } from './wire.ts';

const TEXT_FIELDS = [
  'firstName',
  'lastName',
  'name',
  'timezone',
  'companyName',
  'source',
  'assignedTo',
  'address1',
  'city',
  'state',
  'country',
  'postalCode',
  'website',
  'dateOfBirth',
  'gender',
] as const;

/** PUT /contacts/{id} is a strict DTO: anything else is "property X should not exist" (e.g. locationId). */
export const UPDATE_KEYS = new Set<string>([
  ...TEXT_FIELDS,
  'email',
  'phone',
  'dnd',
  'dndSettings',
  'inboundDndSettings',
  'tags',
  'customFields',
  'additionalEmails',
]);

export function getContact(state: FakeState, id: string | undefined): FakeContact {
  const c = id === undefined ? undefined : state.contacts.get(id);
  if (!c || c.locationId !== state.locationId) throw badRequest(`Contact with id ${id ?? ''} not found`);
  return c;
}

export function normalizeTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim().toLowerCase()).filter((t) => t !== ''))];
}

export function newContact(state: FakeState, id: string = newId()): FakeContact {
  const now = state.nowIso();
  return {
    id,
    locationId: state.locationId,
    dnd: false,
    dndSettings: {},
    type: 'lead',
    tags: [],
    customFields: [],
    dateAdded: now,
    dateUpdated: now,
  };
}

/**
 * Maps one write-shaped custom field (id or key, any of three value spellings) to a defined field.
 * GHL never creates a field from a contact write: fields are defined per location first
 * (`POST /locations/{id}/customFields`, apps/locations.json in GoHighLevel/highlevel-api-docs), and
 * contacts are written with the defined field's id or key (reference §4c).
 * ASSUMPTION: an id or key that is not a field of the location is refused with a 400 naming it, the
 * way GHL refuses an unknown contact id ("Contact with id X not found", reference §4a). GHL does not
 * document this case; refusing is the safer reading, since a silent drop would hide lost data.
 */
function resolveFieldId(state: FakeState, item: Record<string, unknown>): string {
  if (typeof item.id === 'string' && item.id !== '') {
    if (state.customFieldDefs.get(item.id)?.locationId !== state.locationId)
      throw badRequest(`Custom field with id ${item.id} not found`);
    return item.id;
  }
  if (typeof item.key !== 'string' || item.key === '')
    throw unprocessable(['customFields.id or key is required']);
  const bare = item.key.replace(/^contact\./, '');
  for (const def of state.customFieldDefs.values()) {
    if (def.locationId === state.locationId && def.fieldKey === `contact.${bare}`) return def.id;
  }
  throw badRequest(`Custom field with key ${bare} not found`);
}

export function writeCustomFields(state: FakeState, current: FakeContact['customFields'], input: unknown) {
  if (input === undefined) return current;
  if (!Array.isArray(input)) throw unprocessable(['customFields must be an array']);
  const out = [...current];
  for (const item of input) {
    if (!isRecord(item)) throw unprocessable(['each value in customFields must be an object']);
    const id = resolveFieldId(state, item);
    const value = item.field_value ?? item.fieldValue ?? item.value;
    const at = out.findIndex((f) => f.id === id);
    if (at >= 0) out.splice(at, 1);
    if (value !== undefined && value !== null && value !== '') out.push({ id, value });
  }
  return out;
}

/** Applies create/update fields onto a contact the way GHL stores them. */
export function applyContactWrite(state: FakeState, c: FakeContact, body: Record<string, unknown>): void {
  // Checked before anything changes: a refused write leaves the contact as it was.
  const customFields = writeCustomFields(state, c.customFields, body.customFields);
  for (const key of TEXT_FIELDS) {
    const v = body[key];
    if (v === null || v === '') delete c[key];
    else if (typeof v === 'string') c[key] = v;
  }
  if (body.email === null || body.email === '') {
    delete c.email;
    delete c.emailLowerCase;
  } else if (typeof body.email === 'string') {
    c.email = body.email;
    c.emailLowerCase = body.email.toLowerCase();
  }
  if (body.phone === null || body.phone === '') delete c.phone;
  else if (typeof body.phone === 'string') c.phone = normalizePhone(body.phone);
  if (typeof body.dnd === 'boolean') c.dnd = body.dnd;
  if (isRecord(body.dndSettings)) {
    c.dndSettings = { ...c.dndSettings, ...(body.dndSettings as FakeContact['dndSettings']) };
  }
  if (Array.isArray(body.tags)) c.tags = normalizeTags(body.tags.filter((t) => typeof t === 'string'));
  if (Array.isArray(body.additionalEmails)) c.additionalEmails = body.additionalEmails;
  c.customFields = customFields;
  const renamed = typeof body.firstName === 'string' || typeof body.lastName === 'string';
  if (renamed && typeof body.name !== 'string') {
    c.name = [c.firstName, c.lastName].filter(Boolean).join(' ');
  }
  c.dateUpdated = state.nowIso();
}

export function findDuplicate(
  state: FakeState,
  email: unknown,
  phone: unknown,
): { contact: FakeContact; matchingField: 'email' | 'phone' } | undefined {
  const lower = typeof email === 'string' && email !== '' ? email.toLowerCase() : undefined;
  const e164 = typeof phone === 'string' && phone !== '' ? normalizePhone(phone) : undefined;
  for (const c of state.contacts.values()) {
    if (c.locationId !== state.locationId) continue;
    if (lower !== undefined && c.emailLowerCase === lower) return { contact: c, matchingField: 'email' };
    if (e164 !== undefined && c.phone === e164) return { contact: c, matchingField: 'phone' };
  }
  return undefined;
}

/** Builds a contact from seed data; accepts read-shaped or write-shaped custom fields. */
export function seedContact(state: FakeState, seed: Partial<FakeContact> & { id: string }): FakeContact {
  const c = newContact(state, seed.id);
  const { customFields, tags, email, phone, ...rest } = seed;
  Object.assign(c, rest);
  applyContactWrite(state, c, { email, phone, tags: tags ?? [], customFields: customFields ?? [] });
  if (seed.name === undefined && (c.firstName !== undefined || c.lastName !== undefined)) {
    c.name = [c.firstName, c.lastName].filter(Boolean).join(' ');
  }
  if (seed.dateUpdated !== undefined) c.dateUpdated = seed.dateUpdated;
  state.contacts.set(c.id, c);
  return c;
}

export const displayName = (c: FakeContact): string =>
  c.name ?? ([c.firstName, c.lastName].filter(Boolean).join(' ') || '');
