import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookKeys } from '../test-keys.ts';
import { emitWebhook } from '../webhook-signer.ts';
import { getContact, seedContact } from './contact-model.ts';
import { storeMessage } from './conversation-model.ts';
import { type DeliveryReports, deliveryStatusEvent } from './delivery-status.ts';
import { checkAuth, RateWindow, takeFailure, UNAUTHORIZED } from './guard.ts';
import { type Ctx, type Handler, matchRoute } from './router.ts';
import { calendarRoutes, setCalendar } from './routes-calendars.ts';
import { contactExtraRoutes } from './routes-contact-extras.ts';
import { contactRoutes } from './routes-contacts.ts';
import { conversationRoutes } from './routes-conversations.ts';
import { crmRoutes } from './routes-crm.ts';
import { createFakeOAuth } from './routes-oauth.ts';
import { fileRoutes } from './routes-upload.ts';
import { createState, type FakeState } from './state.ts';
import type { FailureRule, FakeGhl, FakeGhlOptions, FakeMessage, RecordedRequest } from './types.ts';
import { outboundMessagePayload } from './webhook-payloads.ts';
import { defaultErrorBody, GhlError, isRecord, newId, type Reply } from './wire.ts';

const ROUTES = [
  ...conversationRoutes,
  ...contactExtraRoutes,
  ...contactRoutes,
  ...calendarRoutes,
  ...crmRoutes,
];

function flattenHeaders(h: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** body-parser semantics: only JSON content types are parsed; anything else leaves the body empty. */
function parseBody(
  contentType: string,
  raw: Buffer,
): { body: Record<string, unknown>; recorded: unknown; error?: Reply } {
  if (/[/+]json/i.test(contentType)) {
    if (raw.length === 0) return { body: {}, recorded: undefined };
    try {
      const parsed: unknown = JSON.parse(raw.toString('utf8'));
      return { body: isRecord(parsed) ? parsed : {}, recorded: parsed };
    } catch (err) {
      const message = err instanceof Error ? err.message : 'Invalid JSON';
      return {
        body: {},
        recorded: raw.toString('utf8'),
        error: { status: 400, body: { statusCode: 400, message, error: 'Bad Request' } },
      };
    }
  }
  if (contentType.toLowerCase().startsWith('multipart/')) {
    return { body: {}, recorded: { multipart: true, bytes: raw.length } };
  }
  return { body: {}, recorded: raw.length > 0 ? raw.toString('utf8') : undefined };
}

/** A throwaway record for answers that are not kept (test controls). */
const EMPTY_RECORD: RecordedRequest = {
  method: '',
  path: '',
  query: {},
  headers: {},
  body: undefined,
  status: 0,
  at: 0,
};

async function run(handler: Handler, ctx: Ctx): Promise<Reply> {
  try {
    return await handler(ctx);
  } catch (err) {
    if (err instanceof GhlError) return err.reply;
    throw err;
  }
}

function write(res: ServerResponse, rec: RecordedRequest, r: Reply, base: Record<string, string>): void {
  rec.status = r.status;
  const headers: Record<string, string | number> = { ...base, ...r.headers };
  if (r.raw) {
    res.writeHead(r.status, {
      ...headers,
      'Content-Type': r.raw.contentType,
      'Content-Length': r.raw.data.length,
    });
    res.end(r.raw.data);
    return;
  }
  const text = r.body === undefined ? '' : JSON.stringify(r.body);
  headers['Content-Type'] = 'application/json; charset=utf-8';
  headers['Content-Length'] = Buffer.byteLength(text);
  res.writeHead(r.status, headers);
  res.end(text);
}

function echoOutbound(
  state: FakeState,
  url: string,
  m: FakeMessage,
  pending: Set<Promise<unknown>>,
  delivery: DeliveryReports,
  keys: WebhookKeys | undefined,
): void {
  if (m.direction !== 'outbound') return;
  const payload = outboundMessagePayload({
    // The contact's own location: with OAuth installs one fake serves several.
    locationId: state.contacts.get(m.contactId)?.locationId ?? state.locationId,
    contactId: m.contactId,
    conversationId: m.conversationId,
    messageId: m.id,
    body: m.body,
    messageType: m.type,
    // The send is reported pending first, its outcome in a later event (delivery-status.ts).
    status: 'pending',
    timestamp: delivery.now().toISOString(),
  });
  // GHL echoes sends asynchronously, after the API call has answered.
  const p = new Promise((r) => setTimeout(r, 5))
    .then(() => emitWebhook(url, payload, keys ? { keys } : {}))
    .then(({ status, attempts }) => state.webhookDeliveries.push({ messageId: m.id, status, attempts }))
    .catch(() => state.webhookDeliveries.push({ messageId: m.id, status: 0, attempts: 1 }))
    .then(() => emitWebhook(url, deliveryStatusEvent(state, delivery, m), keys ? { keys } : {}))
    .then(({ status, attempts }) => state.webhookDeliveries.push({ messageId: m.id, status, attempts }))
    .catch(() => state.webhookDeliveries.push({ messageId: m.id, status: 0, attempts: 1 }))
    .finally(() => pending.delete(p));
  pending.add(p);
}

export async function startFakeGhl(opts: FakeGhlOptions = {}): Promise<FakeGhl> {
  const token = opts.token ?? 'pit-test-token';
  const state = createState(token, opts.locationId ?? 'loc_test_0000000000001');
  if (opts.scopes) state.scopes = opts.scopes;
  const limiter = new RateWindow(
    opts.rateLimit?.max ?? 100,
    opts.rateLimit?.intervalMs ?? 10_000,
    opts.dailyLimit ?? 200_000,
  );
  const retryAfter = String(opts.retryAfterSeconds ?? 1);
  const oauth = createFakeOAuth(opts.oauth);
  // Budgets are per app per resource (docs/oauth/Faqs.md): each OAuth location has its own window.
  const oauthLimiters = new Map<string, RateWindow>();
  const limiterFor = (locationId: string) => {
    if (locationId === state.locationId) return limiter;
    let l = oauthLimiters.get(locationId);
    if (!l) {
      l = new RateWindow(limiter.max, limiter.intervalMs, opts.dailyLimit ?? 200_000);
      oauthLimiters.set(locationId, l);
    }
    return l;
  };
  const rules: FailureRule[] = [];
  // Test control, not GHL behaviour: requests a 'delay' rule holds, each released by its timer or
  // by releaseDelayed().
  const held = new Set<() => void>();
  const hold = (ms: number) =>
    new Promise<void>((resolve) => {
      const release = () => {
        clearTimeout(timer);
        held.delete(release);
        resolve();
      };
      const timer = setTimeout(release, ms);
      held.add(release);
    });
  const pending = new Set<Promise<unknown>>();
  let baseUrl = '';
  const webhookUrl = opts.outboundWebhookUrl;
  const delivery: DeliveryReports = { rules: [], now: () => opts.webhookClock?.now() ?? new Date() };
  if (webhookUrl !== undefined)
    state.onMessageStored = (m) => echoOutbound(state, webhookUrl, m, pending, delivery, opts.webhookKeys);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', baseUrl);
    const method = (req.method ?? 'GET').toUpperCase();
    const headers = flattenHeaders(req.headers);
    // TEST CONTROL (FakeGhlOptions.testControls): not part of GHL's API, neither recorded nor limited.
    if (opts.testControls && url.pathname.startsWith('/_test/')) {
      const body = parseBody(headers['content-type'] ?? '', raw);
      const control = body.error
        ? body.error
        : ((await opts.testControls({
            method,
            path: url.pathname,
            query: url.searchParams,
            body: body.recorded,
          })) ?? {
            status: 404,
            body: { message: `no test control ${method} ${url.pathname}` },
          });
      return write(res, { ...EMPTY_RECORD }, control, {});
    }
    const now = Date.now();
    const rec: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      body: undefined,
      status: 0,
      at: now,
    };
    state.requests.push(rec);
    const parsed = parseBody(headers['content-type'] ?? '', raw);
    rec.body = parsed.recorded;
    const ctx: Ctx = {
      state,
      method,
      path: url.pathname,
      params: {},
      query: rec.query,
      headers,
      body: parsed.body,
      raw,
      baseUrl,
    };

    const file = matchRoute(fileRoutes, method, url.pathname);
    if (file) return write(res, rec, await run(file.route.handler, { ...ctx, params: file.params }), {});
    const oauthRoute = matchRoute(oauth.routes, method, url.pathname);
    if (oauthRoute) return write(res, rec, await run(oauthRoute.route.handler, ctx), {});
    if (parsed.error) return write(res, rec, parsed.error, limiter.headers(now));
    let caller = state.locationId;
    const denied = checkAuth(
      headers,
      url.pathname,
      (bearer) => {
        if (bearer === token) return undefined;
        const who = oauth.resolve(bearer, now);
        // ASSUMPTION: an expired access token is refused 401 "Invalid JWT" (wording inferred, reference §10).
        if (who === 'expired')
          return { status: 401, body: { statusCode: 401, message: 'Invalid JWT', error: 'Unauthorized' } };
        if (!who) return UNAUTHORIZED;
        // Company tokens cannot call location endpoints (reference §2a, observed 401 wording).
        if (!who.locationId) {
          const message = 'The token is not authorized for this scope.';
          return { status: 401, body: { statusCode: 401, message, error: 'Unauthorized' } };
        }
        caller = who.locationId;
        return undefined;
      },
      opts.strictVersion === true,
    );
    if (denied) return write(res, rec, denied, limiter.headers(now));
    const budget = limiterFor(caller);
    if (!budget.take(now)) {
      const tooMany = { status: 429, body: defaultErrorBody(429), headers: { 'Retry-After': retryAfter } };
      return write(res, rec, tooMany, budget.headers(now));
    }
    // A location token sees its own location's records only.
    if (caller !== state.locationId) ctx.state = { ...state, locationId: caller };
    const rate = budget.headers(now);
    const taken = takeFailure(rules, method, url.pathname);
    if (taken?.mode === 'hang') return;
    if (taken?.mode === 'delay') await hold(taken.delayMs ?? 30_000);
    const rule = taken?.mode === 'delay' ? undefined : taken;
    let reply: Reply | undefined;
    if (rule === undefined || rule.mode === 'record-then-status' || rule.mode === 'record-then-hang') {
      const match = matchRoute(ROUTES, method, url.pathname);
      reply = match
        ? await run(match.route.handler, { ...ctx, params: match.params })
        : {
            status: 404,
            body: { message: `Cannot ${method} ${url.pathname}`, error: 'Not Found', statusCode: 404 },
          };
    }
    if (rule?.mode === 'record-then-hang') return;
    if (rule) {
      const status = rule.status ?? 500;
      const extra = status === 429 ? { 'Retry-After': retryAfter } : {};
      reply = { status, body: rule.body ?? defaultErrorBody(status), headers: { ...extra, ...rule.headers } };
    }
    if (reply) write(res, rec, reply, rate);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent) return;
      const message = err instanceof Error ? err.message : 'Internal server error';
      res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ statusCode: 500, message }));
    });
  });
  const host = opts.listen?.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(opts.listen?.port ?? 0, host, resolve));
  baseUrl = opts.listen?.publicUrl ?? `http://${host}:${(server.address() as AddressInfo).port}`;

  return {
    url: baseUrl,
    token,
    locationId: state.locationId,
    messages: state.messages,
    requests: state.requests,
    contacts: state.contacts,
    conversations: state.conversations,
    notes: state.notes,
    tasks: state.tasks,
    appointments: state.appointments,
    opportunities: state.opportunities,
    workflowEnrollments: state.workflowEnrollments,
    uploads: state.uploads,
    customFieldDefs: state.customFieldDefs,
    webhookDeliveries: state.webhookDeliveries,
    seedContact: (c) => seedContact(state, c),
    addInboundMessage({ contactId, body, type, subject }) {
      const contact = state.contacts.get(contactId) ?? getContact(state, contactId);
      const emailMessageId = type === 'Email' ? newId() : undefined;
      return storeMessage(state, contact, {
        type: type ?? 'SMS',
        direction: 'inbound',
        body,
        attachments: [],
        ...(emailMessageId ? { emailMessageId, threadId: emailMessageId, subject: subject ?? '' } : {}),
      });
    },
    setFreeSlots: (calendarId, slots) => void state.freeSlots.set(calendarId, [...slots]),
    setCalendar: (c) => setCalendar(state, c),
    addCustomField(def) {
      const fieldKey = def.fieldKey.startsWith('contact.') ? def.fieldKey : `contact.${def.fieldKey}`;
      state.customFieldDefs.set(def.id, { locationId: state.locationId, ...def, fieldKey });
    },
    addPipeline: (p) => void state.pipelines.push(p),
    addWorkflow: (w) => void state.workflows.push(w),
    failNext: (rule) => void rules.push({ ...rule }),
    clearFailures: () => void rules.splice(0),
    releaseDelayed: () => {
      for (const release of [...held]) release();
    },
    failDelivery: (rule) => void delivery.rules.push({ ...rule }),
    setRateLimit(max, intervalMs) {
      limiter.max = max;
      limiter.intervalMs = intervalMs;
    },
    maxRequestsInAnyWindow: () => limiter.maxInAnyWindow(),
    budgetUse: () =>
      [[state.locationId, limiter] as const, ...oauthLimiters.entries()].map(([locationId, l]) => ({
        locationId,
        accepted: l.used,
        refusedBurst: l.refusedBurst,
        refusedDaily: l.refusedDaily,
        maxInAnyWindow: l.maxInAnyWindow(),
      })),
    oauth,
    async close() {
      for (const release of [...held]) release();
      await Promise.allSettled([...pending]);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
