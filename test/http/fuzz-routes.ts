import * as fc from 'fast-check';
import { type Draft, draft, type FuzzTarget, JSON_TYPE, jsonBody } from './fuzz-draft.ts';
import { pageDrafts } from './fuzz-discover.ts';
import { id, LOCATION, message, signedWebhook, workflowWebhook } from './fuzz-webhooks.ts';

const apiHeaders = (t: FuzzTarget) => ({ authorization: `Bearer ${t.token}` });

function sandboxMessage(t: FuzzTarget): fc.Arbitrary<Draft> {
  const body = fc.record(
    {
      contactId: id('fz-s', 300),
      message,
      channel: fc.constantFrom('SMS', 'Email'),
      tags: fc.subarray(['Seller-Lead', 'Buyer-Lead', 'VIP', 'AI-Off']),
      contact: fc.record(
        {
          firstName: fc.constantFrom('Lupe', 'Ana', 'José'),
          email: fc.constantFrom('lupe@example.com', 'ana@example.org'),
          phone: fc.constantFrom('+15555550100', '555-0101'),
          timezone: fc.constantFrom('America/Los_Angeles', 'Europe/Madrid'),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ['contactId', 'message'] },
  );
  return body.map((b) =>
    draft('POST /api/v1/sandbox/messages', 'POST', ['api', 'v1', 'sandbox', 'messages'], {
      headers: { ...apiHeaders(t), ...JSON_TYPE },
      body: jsonBody(b),
    }),
  );
}

const paramOf = (route: string) => {
  const at = route.split(' ').at(-1)!.split('/').indexOf(':id');
  return at > 0 ? { param: at - 1 } : {};
};

function apiPost(t: FuzzTarget, route: string, path: fc.Arbitrary<string[]>, body: fc.Arbitrary<unknown>) {
  return fc.tuple(path, body).map(([p, b]) =>
    draft(route, 'POST', p, {
      headers: { ...apiHeaders(t), ...JSON_TYPE },
      body: jsonBody(b),
      ...paramOf(route),
    }),
  );
}

function apiGet(
  t: FuzzTarget,
  route: string,
  path: fc.Arbitrary<string[]>,
  query: fc.Arbitrary<[string, string][]>,
) {
  return fc
    .tuple(path, query)
    .map(([p, q]) => draft(route, 'GET', p, { headers: apiHeaders(t), query: q, ...paramOf(route) }));
}

const known = (list: string[], fallback: string) =>
  fc.constantFrom(...(list.length ? list : [fallback]), fallback);
const pairs = (entries: Record<string, fc.Arbitrary<string>>) =>
  fc
    .record(entries, { requiredKeys: [] })
    .map((r) => Object.entries(r).filter((e): e is [string, string] => typeof e[1] === 'string'));

function locationSettings(t: FuzzTarget): fc.Arbitrary<Draft> {
  const location = fc.constantFrom('sandbox', LOCATION, 'locNeverSeen01');
  const body = fc.record(
    {
      agentName: fc.constantFrom('Maria', 'José', null),
      assistantName: fc.constantFrom('Alex', null),
      brokerage: fc.constantFrom('Sunrise Realty', null),
      licenseNumber: fc.constantFrom('DRE 01234567', null),
      market: fc.constantFrom('Austin, TX', null),
      timezone: fc.constantFrom('America/Chicago', 'Europe/Madrid', null),
      calendarId: fc.constantFrom('calFuzz0001', null),
      assignedUserId: fc.constantFrom('userFuzz0001', null),
    },
    { requiredKeys: [] },
  );
  return fc.tuple(location, fc.constantFrom('GET', 'PUT', 'PATCH'), body).map(([loc, method, b]) =>
    draft(
      `${method} /api/v1/locations/:locationId/settings`,
      method,
      ['api', 'v1', 'locations', loc, 'settings'],
      {
        headers: { ...apiHeaders(t), ...(method === 'GET' ? {} : JSON_TYPE) },
        param: 3,
        ...(method === 'GET' ? {} : { body: jsonBody(b) }),
      },
    ),
  );
}

function mcpCall(t: FuzzTarget): fc.Arbitrary<Draft> {
  const call = fc.oneof(
    fc.constant({ method: 'tools/list' }),
    fc.constant({
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'fz', version: '1' } },
    }),
    fc
      .record({
        name: fc.constantFrom('get_contact', 'get_conversation', 'list_escalations', 'list_hot_leads'),
        contactId: known(t.known.contacts, 'fz-s1'),
      })
      .map((a) => ({
        method: 'tools/call',
        params: { name: a.name, arguments: { contactId: a.contactId } },
      })),
  );
  return fc
    .tuple(call, fc.nat(1000), fc.constantFrom('POST', 'POST', 'POST', 'GET', 'DELETE'))
    .map(([c, n, m]) =>
      draft('/mcp', m, ['mcp'], {
        headers: { ...apiHeaders(t), ...JSON_TYPE, accept: 'application/json, text/event-stream' },
        ...(m === 'POST' ? { body: jsonBody({ jsonrpc: '2.0', id: n, ...c }) } : {}),
      }),
    );
}

/** Every route of the service with a valid request; mutations turn most of them into bad ones. */
export function routeDrafts(t: FuzzTarget): fc.Arbitrary<Draft> {
  const status = fc.constantFrom('open', 'resolved');
  const limit = fc.integer({ min: 1, max: 500 }).map(String);
  const note = fc.record({ note: fc.constantFrom('called them back', 'done', '') }, { requiredKeys: [] });
  const ops = ['healthz', 'readyz', 'metrics', 'openapi.json', 'docs', ''];
  const routes: Array<{ weight: number; arbitrary: fc.Arbitrary<Draft> }> = [
    { weight: 16, arbitrary: signedWebhook() },
    { weight: 10, arbitrary: workflowWebhook(t) },
    { weight: 5, arbitrary: sandboxMessage(t) },
    {
      weight: 1,
      arbitrary: apiPost(
        t,
        'POST /api/v1/sandbox/advance-clock',
        fc.constant(['api', 'v1', 'sandbox', 'advance-clock']),
        fc.record({ days: fc.constantFrom(0.5, 1) }),
      ),
    },
    {
      weight: 8,
      arbitrary: apiGet(
        t,
        'GET /api/v1/contacts/:id',
        known(t.known.contacts, 'nobody').map((c) => ['api', 'v1', 'contacts', c]),
        pairs({ locationId: fc.constantFrom('sandbox', LOCATION) }),
      ),
    },
    {
      weight: 5,
      arbitrary: apiGet(
        t,
        'GET /api/v1/attachments/:id',
        fc
          .constantFrom('1', 'att_AAAAAAAAAAAAAAAAAAAAAA', '00000000-0000-4000-8000-000000000000')
          .map((a) => ['api', 'v1', 'attachments', a]),
        fc.constant([]),
      ),
    },
    {
      weight: 5,
      arbitrary: apiGet(
        t,
        'GET /api/v1/escalations',
        fc.constant(['api', 'v1', 'escalations']),
        pairs({
          status,
          kind: fc.constantFrom('human_review', 'compliance'),
          contactId: known(t.known.contacts, 'nobody'),
          limit,
        }),
      ),
    },
    {
      weight: 5,
      arbitrary: apiPost(
        t,
        'POST /api/v1/escalations/:id/resolve',
        known(t.known.escalations, 'no-such').map((e) => ['api', 'v1', 'escalations', e, 'resolve']),
        note,
      ),
    },
    {
      weight: 4,
      arbitrary: apiGet(
        t,
        'GET /api/v1/compliance/tickets',
        fc.constant(['api', 'v1', 'compliance', 'tickets']),
        pairs({ status, type: fc.constantFrom('fair_housing', 'nope'), limit }),
      ),
    },
    {
      weight: 4,
      arbitrary: apiPost(
        t,
        'POST /api/v1/compliance/tickets/:id/resolve',
        known(t.known.tickets, 'no-such').map((e) => ['api', 'v1', 'compliance', 'tickets', e, 'resolve']),
        note,
      ),
    },
    {
      weight: 4,
      arbitrary: fc
        .constantFrom('features', 'mesh')
        .map((r) => draft(`GET /api/v1/${r}`, 'GET', ['api', 'v1', r], { headers: apiHeaders(t) })),
    },
    { weight: 4, arbitrary: locationSettings(t) },
    {
      weight: 8,
      arbitrary: fc
        .constantFrom(...ops)
        .map((p) => draft(`GET /${p}`, 'GET', p ? [p] : [''], p ? {} : { headers: apiHeaders(t) })),
    },
    {
      weight: 3,
      arbitrary: fc
        .constantFrom('nope', 'api/v2/contacts', 'webhooks', '.env')
        .map((p) => draft('unknown route', 'GET', p.split('/'))),
    },
  ];
  if (t.mcp) routes.push({ weight: 6, arbitrary: mcpCall(t) });
  if (t.pages?.length) routes.push({ weight: 8, arbitrary: pageDrafts(t, t.pages) });
  return fc.oneof(...routes);
}
