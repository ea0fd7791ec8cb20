import {
  applyContactWrite,
  displayName,
  findDuplicate,
  getContact,
  newContact,
  UPDATE_KEYS,
} from './contact-model.ts';
import { type Ctx, type Route, route } from './router.ts';
import type { FakeState } from './state.ts';
import type { FakeContact } from './types.ts';
import { badRequest, forbiddenLocation, ok, requireFields, str, traceId, unprocessable } from './wire.ts';

function assertLocation(state: FakeState, body: Record<string, unknown>): void {
  requireFields(body, { locationId: 'string' });
  if (body.locationId !== state.locationId) throw forbiddenLocation();
}

function getContactRoute({ state, params }: Ctx) {
  return ok({ contact: getContact(state, params.id), traceId: traceId() });
}

function updateContact({ state, params, body }: Ctx) {
  const unknown = Object.keys(body).filter((k) => !UPDATE_KEYS.has(k));
  if (unknown.length > 0) throw unprocessable(unknown.map((k) => `property ${k} should not exist`));
  const contact = getContact(state, params.id);
  const dup = findDuplicate(state, body.email, body.phone);
  if (dup && dup.contact.id !== contact.id) throw duplicateError(dup.contact, dup.matchingField);
  applyContactWrite(state, contact, body);
  return ok({ succeded: true, contact, traceId: traceId() });
}

function duplicateError(existing: FakeContact, matchingField: string) {
  return badRequest('This location does not allow duplicated contacts.', {
    meta: { contactId: existing.id, contactName: displayName(existing), matchingField },
  });
}

function createContact({ state, body }: Ctx) {
  assertLocation(state, body);
  const dup = findDuplicate(state, body.email, body.phone);
  if (dup) throw duplicateError(dup.contact, dup.matchingField);
  const contact = newContact(state);
  applyContactWrite(state, contact, body);
  state.contacts.set(contact.id, contact);
  return ok({ contact, traceId: traceId() }, 201);
}

function upsertContact({ state, body }: Ctx) {
  assertLocation(state, body);
  const dup =
    body.createNewIfDuplicateAllowed === true ? undefined : findDuplicate(state, body.email, body.phone);
  const contact = dup?.contact ?? newContact(state);
  // `tags` on upsert REPLACES the contact's tags: "This field will overwrite all current tags
  // associated with the contact. To update a tags, it is recommended to use the Add Tag or Remove
  // Tag API instead." (GoHighLevel/highlevel-api-docs apps/contacts.json, UpsertContactDto.tags)
  applyContactWrite(state, contact, body);
  state.contacts.set(contact.id, contact);
  return ok({ new: dup === undefined, contact, traceId: traceId() });
}

function searchDuplicate({ state, query }: Ctx) {
  if (!str(query.locationId)) throw unprocessable(['locationId should not be empty']);
  if (query.locationId !== state.locationId) throw forbiddenLocation();
  const dup = findDuplicate(state, query.email, query.number);
  return ok({ contact: dup?.contact ?? null, traceId: traceId() });
}

function searchContacts({ state, body }: Ctx) {
  assertLocation(state, body);
  const q = typeof body.query === 'string' ? body.query.toLowerCase() : '';
  const found = [...state.contacts.values()].filter(
    (c) =>
      c.locationId === state.locationId &&
      [c.name, c.firstName, c.lastName, c.emailLowerCase, c.phone].some((v) => v?.toLowerCase().includes(q)),
  );
  const limit = typeof body.pageLimit === 'number' ? body.pageLimit : 20;
  return ok({ contacts: found.slice(0, limit), total: found.length, traceId: traceId() });
}

function contactAppointments({ state, params }: Ctx) {
  const contact = getContact(state, params.id);
  return ok({ events: state.appointments.filter((a) => a.contactId === contact.id), traceId: traceId() });
}

export const contactRoutes: Route[] = [
  route('GET', '/contacts/search/duplicate', searchDuplicate),
  route('POST', '/contacts/search', searchContacts),
  route('POST', '/contacts/upsert', upsertContact),
  route('POST', '/contacts', createContact),
  route('GET', '/contacts/:id/appointments', contactAppointments),
  route('GET', '/contacts/:id', getContactRoute),
  route('PUT', '/contacts/:id', updateContact),
];
