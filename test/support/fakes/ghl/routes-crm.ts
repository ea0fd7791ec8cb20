import { randomUUID } from 'node:crypto';
import { displayName, getContact } from './contact-model.ts';
import { type Ctx, type Route, route } from './router.ts';
import type { FakeState } from './state.ts';
import type { FakeOpportunity } from './types.ts';
import {
  badRequest,
  forbiddenLocation,
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

function listCustomFields({ state, params }: Ctx) {
  if (params.locationId !== state.locationId) throw forbiddenLocation();
  const customFields = [...state.customFieldDefs.values()].map((d, position) => ({
    ...d,
    model: 'contact',
    locationId: state.locationId,
    position,
  }));
  return ok({ customFields, traceId: traceId() });
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
  route('GET', '/locations/:locationId', getLocation),
];
