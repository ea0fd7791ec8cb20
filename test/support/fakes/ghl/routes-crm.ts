import { randomUUID } from 'node:crypto';
import { displayName, getContact } from './contact-model.ts';
import { type Ctx, type Route, route } from './router.ts';
import type { FakeState } from './state.ts';
import type { CustomFieldDef, FakeOpportunity } from './types.ts';
import {
  badRequest,
  forbiddenLocation,
  GhlError,
  newId,
  ok,
  requireFields,
  str,
  traceId,
  unprocessable,
} from './wire.ts';

// Opportunities, workflows and location reads (reference §6, §7, §4c).

const STATUSES = ['open', 'won', 'lost', 'abandoned'];

function checkStatus(body: Record<string, unknown>): void {
  if (body.status !== undefined && (typeof body.status !== 'string' || !STATUSES.includes(body.status))) {
    throw unprocessable([`status must be one of the following values: ${STATUSES.join(', ')}`]);
  }
}

function queryLocation(state: FakeState, value: string | undefined, name: string): void {
  if (!str(value)) throw unprocessable([`${name} should not be empty`]);
  if (value !== state.locationId) throw forbiddenLocation();
}

function opportunityToWire(state: FakeState, o: FakeOpportunity) {
  const c = state.contacts.get(o.contactId);
  const contact = c
    ? {
        id: c.id,
        name: displayName(c),
        companyName: c.companyName,
        email: c.email,
        phone: c.phone,
        tags: c.tags,
      }
    : undefined;
  return { ...o, contact, notes: [], tasks: [], calendarEvents: [], followers: [] };
}

function applyOpportunity(state: FakeState, o: FakeOpportunity, body: Record<string, unknown>): void {
  const now = state.nowIso();
  if (typeof body.name === 'string') o.name = body.name;
  if (typeof body.monetaryValue === 'number') o.monetaryValue = body.monetaryValue;
  if (typeof body.pipelineId === 'string') o.pipelineId = body.pipelineId;
  if (typeof body.assignedTo === 'string') o.assignedTo = body.assignedTo;
  if (typeof body.source === 'string') o.source = body.source;
  if (typeof body.pipelineStageId === 'string' && body.pipelineStageId !== o.pipelineStageId) {
    o.pipelineStageId = body.pipelineStageId;
    o.lastStageChangeAt = now;
  }
  if (typeof body.status === 'string' && body.status !== o.status) {
    o.status = body.status;
    o.lastStatusChangeAt = now;
  }
  if (Array.isArray(body.customFields)) o.customFields = body.customFields;
  o.updatedAt = now;
}

function blankOpportunity(state: FakeState, body: Record<string, unknown>): FakeOpportunity {
  const now = state.nowIso();
  return {
    id: newId(),
    name: '',
    monetaryValue: 0,
    pipelineId: body.pipelineId as string,
    status: 'open',
    contactId: body.contactId as string,
    locationId: state.locationId,
    createdAt: now,
    updatedAt: now,
    lastStatusChangeAt: now,
    lastStageChangeAt: now,
    customFields: [],
  };
}

function createOpportunity({ state, body }: Ctx) {
  requireFields(body, {
    pipelineId: 'string',
    locationId: 'string',
    name: 'string',
    status: 'string',
    contactId: 'string',
  });
  checkStatus(body);
  if (body.locationId !== state.locationId) throw forbiddenLocation();
  getContact(state, body.contactId as string);
  const o = blankOpportunity(state, body);
  applyOpportunity(state, o, body);
  state.opportunities.push(o);
  return ok({ opportunity: opportunityToWire(state, o), traceId: traceId() }, 201);
}

function upsertOpportunity({ state, body }: Ctx) {
  requireFields(body, { pipelineId: 'string', locationId: 'string' });
  checkStatus(body);
  if (body.locationId !== state.locationId) throw forbiddenLocation();
  let o = state.opportunities.find((x) =>
    typeof body.id === 'string'
      ? x.id === body.id
      : x.contactId === body.contactId && x.pipelineId === body.pipelineId,
  );
  const isNew = o === undefined;
  if (!o) {
    requireFields(body, { contactId: 'string' });
    getContact(state, body.contactId as string);
    o = blankOpportunity(state, body);
    state.opportunities.push(o);
  }
  applyOpportunity(state, o, body);
  return ok({ opportunity: opportunityToWire(state, o), new: isNew, traceId: traceId() });
}

function findOpportunity(state: FakeState, id: string | undefined): FakeOpportunity {
  const o = state.opportunities.find((x) => x.id === id);
  if (!o) throw badRequest(`Opportunity with id ${id ?? ''} not found`);
  return o;
}

function updateOpportunity({ state, params, body }: Ctx) {
  checkStatus(body);
  const o = findOpportunity(state, params.id);
  applyOpportunity(state, o, body);
  return ok({ opportunity: opportunityToWire(state, o), traceId: traceId() });
}

function updateOpportunityStatus({ state, params, body }: Ctx) {
  requireFields(body, { status: 'string' });
  checkStatus(body);
  applyOpportunity(state, findOpportunity(state, params.id), { status: body.status });
  return ok({ succeded: true });
}

// Search takes snake_case query parameters (reference §6).
function searchOpportunities({ state, query }: Ctx) {
  queryLocation(state, query.location_id, 'location_id');
  const found = state.opportunities.filter(
    (o) =>
      (query.contact_id === undefined || o.contactId === query.contact_id) &&
      (query.pipeline_id === undefined || o.pipelineId === query.pipeline_id) &&
      (query.status === undefined || query.status === 'all' || o.status === query.status),
  );
  const limit = Math.min(Number(query.limit ?? 20) || 20, 100);
  return ok({
    opportunities: found.slice(0, limit).map((o) => opportunityToWire(state, o)),
    meta: {
      total: found.length,
      currentPage: 1,
      nextPage: null,
      prevPage: null,
      startAfterId: null,
      startAfter: null,
    },
    traceId: traceId(),
  });
}

function listPipelines({ state, query }: Ctx) {
  queryLocation(state, query.locationId, 'locationId');
  const pipelines = state.pipelines.map((p) => ({
    ...p,
    locationId: state.locationId,
    stages: p.stages.map((s, position) => ({ ...s, id: s.id || randomUUID(), position })),
    showInFunnel: true,
    showInPieChart: true,
  }));
  return ok({ pipelines, traceId: traceId() });
}

function listWorkflows({ state, query }: Ctx) {
  queryLocation(state, query.locationId, 'locationId');
  const workflows = state.workflows.map((w) => ({ ...w, version: 1, locationId: state.locationId }));
  return ok({ workflows, traceId: traceId() });
}

// Custom fields of a location: GoHighLevel/highlevel-api-docs apps/locations.json, operations
// get-custom-fields (scope locations/customFields.readonly, `?model=contact|opportunity|all`) and
// create-custom-field (scope locations/customFields.write, 201 `{customField}`).

const SCOPE_DENIED = {
  statusCode: 401,
  message: 'The token is not authorized for this scope.',
  error: 'Unauthorized',
};

/** A token without the scope an endpoint declares gets GHL's 401 (reference §2a, §10). */
function requireScope(state: FakeState, ...accepted: string[]): void {
  if (state.scopes === undefined) return;
  if (!accepted.some((s) => state.scopes?.includes(s)))
    throw new GhlError({ status: 401, body: SCOPE_DENIED });
}

// Each location has its own fields (one fake may serve several installed locations).
const fieldsOf = (state: FakeState) =>
  [...state.customFieldDefs.values()].filter((d) => d.locationId === state.locationId);

const fieldToWire = (d: CustomFieldDef, position: number) => ({
  ...d,
  model: d.model ?? 'contact',
  position,
});

function listCustomFields({ state, params, query }: Ctx) {
  // ASSUMPTION: a write scope does not imply the read scope (the spec lists each per operation).
  requireScope(state, 'locations/customFields.readonly');
  if (params.locationId !== state.locationId) throw forbiddenLocation();
  const model = query.model ?? 'all';
  if (!['contact', 'opportunity', 'all'].includes(model)) {
    throw unprocessable(['model must be one of the following values: contact, opportunity, all']);
  }
  const customFields = fieldsOf(state)
    .map((d, position) => fieldToWire(d, position))
    .filter((d) => model === 'all' || d.model === model);
  return ok({ customFields, traceId: traceId() });
}

/** "Lead Score" → "lead_score". ASSUMPTION: how GHL derives a key from the name is not documented. */
const keyFromName = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

const FIELD_TYPES = [
  'TEXT',
  'LARGE_TEXT',
  'NUMERICAL',
  'PHONE',
  'MONETORY',
  'CHECKBOX',
  'SINGLE_OPTIONS',
  'MULTIPLE_OPTIONS',
  'DATE',
  'TEXTBOX_LIST',
  'FILE_UPLOAD',
  'RADIO',
  'EMAIL',
];

function createCustomField({ state, params, body }: Ctx) {
  requireScope(state, 'locations/customFields.write');
  if (params.locationId !== state.locationId) throw forbiddenLocation();
  // CreateCustomFieldsDTO requires name and dataType; `fieldKey` is accepted though not in the spec
  // (maintainers' answer in https://github.com/GoHighLevel/highlevel-api-docs/issues/300).
  requireFields(body, { name: 'string', dataType: 'string' });
  // The dataType list is the one apps/custom-fields.json enumerates for the same field types.
  if (!FIELD_TYPES.includes(body.dataType as string)) {
    throw unprocessable([`dataType must be one of the following values: ${FIELD_TYPES.join(', ')}`]);
  }
  const model = body.model ?? 'contact';
  if (model !== 'contact' && model !== 'opportunity') {
    throw unprocessable(['model must be one of the following values: contact, opportunity']);
  }
  const given =
    typeof body.fieldKey === 'string' ? body.fieldKey.replace(/^(?:contact|opportunity)\./, '') : '';
  const bare = given !== '' ? given : keyFromName(body.name as string);
  const fieldKey = `${model}.${bare}`;
  // ASSUMPTION: a key already used in the location is refused with a 400 (GHL keys are unique
  // per location, since contacts are written by key; the exact answer is not documented).
  if (fieldsOf(state).some((d) => d.fieldKey === fieldKey)) {
    throw badRequest(`Custom field with key ${bare} already exists`);
  }
  const def: CustomFieldDef = {
    id: newId(),
    name: body.name as string,
    fieldKey,
    dataType: body.dataType as string,
    model,
    locationId: state.locationId,
    ...(typeof body.placeholder === 'string' ? { placeholder: body.placeholder } : {}),
  };
  state.customFieldDefs.set(def.id, def);
  return ok({ customField: fieldToWire(def, fieldsOf(state).length - 1) }, 201);
}

function getLocation({ state, params }: Ctx) {
  if (params.locationId !== state.locationId) throw forbiddenLocation();
  return ok({ location: { id: state.locationId, name: 'Test Location', timezone: 'America/Los_Angeles' } });
}

export const crmRoutes: Route[] = [
  route('GET', '/opportunities/search', searchOpportunities),
  route('GET', '/opportunities/pipelines', listPipelines),
  route('POST', '/opportunities/upsert', upsertOpportunity),
  route('POST', '/opportunities', createOpportunity),
  route('GET', '/opportunities/:id', ({ state, params }) =>
    ok({ opportunity: opportunityToWire(state, findOpportunity(state, params.id)) }),
  ),
  route('PUT', '/opportunities/:id/status', updateOpportunityStatus),
  route('PUT', '/opportunities/:id', updateOpportunity),
  route('GET', '/workflows', listWorkflows),
  route('GET', '/locations/:locationId/customFields', listCustomFields),
  route('POST', '/locations/:locationId/customFields', createCustomField),
  route('GET', '/locations/:locationId', getLocation),
];
