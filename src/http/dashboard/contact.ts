import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  type ControlResult,
  markOptedOut,
  queueCmaRerun,
  sendAsAgent,
  setBotPaused,
  setTakeover,
} from '../../app/contacts/contact-controls.ts';
import { resolveComplianceTicket } from '../../app/escalations/escalate-compliance-violation.ts';
import { resolveEscalation } from '../../app/escalations/escalate-to-human-review.ts';
import { ApiError } from '../errors.ts';
import { contactPage, NOTICES, transcriptList } from './contact-view.ts';
import { contactHref } from './format.ts';
import { csrfOf, type DashboardPage, PAGE_ROUTE, sendFragment, sendPage } from './page.ts';

type Params = { loc: string; cid: string };
type Req = FastifyRequest<{ Params: Params; Body: Record<string, unknown> | undefined }>;
const BASE = '/contacts/:loc/:cid';

const field = (req: Req, name: string): string => {
  const v = req.body?.[name];
  return typeof v === 'string' ? v : '';
};

const REFUSALS: Record<Exclude<ControlResult, { ok: true }>['reason'], ApiError> = {
  not_found: new ApiError('not_found', 'no such contact'),
  deletion_request: new ApiError(
    'conflict',
    'the bot paused itself because the lead asked for their data to be deleted; it cannot be resumed from here',
  ),
  opted_out: new ApiError('conflict', 'the contact has opted out; nothing more may be sent'),
};

/** The contact page, its live transcript, its PDFs, and every control on it. */
export const contactPages: DashboardPage = async (scope, deps) => {
  const read = deps.read;
  const tags = deps.escalation.tags;
  const load = async (p: Params) => {
    const c = await read.contact(p.loc, p.cid);
    if (!c) throw new ApiError('not_found', 'no such contact');
    return c;
  };
  const done = (reply: FastifyReply, p: Params, notice: keyof typeof NOTICES) =>
    reply.redirect(`${contactHref(p.loc, p.cid)}?done=${notice}`, 303);
  const target = (p: Params) => ({ locationId: p.loc, contactId: p.cid, now: deps.clock.now() });
  const check = (r: ControlResult) => {
    if (!r.ok) throw REFUSALS[r.reason];
  };

  scope.get<{ Params: Params; Querystring: { done?: string } }>(BASE, PAGE_ROUTE, async (req, reply) => {
    const c = await load(req.params);
    const notice = req.query.done ? NOTICES[req.query.done] : undefined;
    return sendPage(reply, req, {
      title: c.name ?? c.contactId,
      current: 'inbox',
      body: contactPage(c, {
        csrf: csrfOf(req),
        now: deps.clock.now(),
        takeover: c.tags.some((t) => t.toLowerCase() === tags.humanTakeover.toLowerCase()),
        nonce: randomUUID(),
        ...(notice ? { notice } : {}),
      }),
    });
  });
  scope.get<{ Params: Params }>(`${BASE}/transcript`, PAGE_ROUTE, async (req, reply) =>
    sendFragment(reply, transcriptList(await load(req.params), deps.clock.now())),
  );
  scope.get<{ Params: Params & { id: string } }>(`${BASE}/documents/:id`, PAGE_ROUTE, async (req, reply) => {
    const doc = await read.document(req.params.id);
    if (!doc) throw new ApiError('not_found', 'no such document');
    const name = doc.filename.replace(/[^\w.-]/g, '_');
    return reply
      .type(doc.contentType)
      .header('content-disposition', `inline; filename="${name}"`)
      .send(doc.bytes);
  });

  scope.post<{ Params: Params }>(`${BASE}/pause`, PAGE_ROUTE, async (req, reply) => {
    check(await setBotPaused(deps, target(req.params), true));
    return done(reply, req.params, 'paused');
  });
  scope.post<{ Params: Params }>(`${BASE}/resume`, PAGE_ROUTE, async (req, reply) => {
    check(await setBotPaused(deps, target(req.params), false));
    return done(reply, req.params, 'resumed');
  });
  scope.post<{ Params: Params }>(`${BASE}/takeover`, PAGE_ROUTE, async (req, reply) => {
    check(await setTakeover(deps, tags, target(req.params), true));
    deps.drainer.notify();
    return done(reply, req.params, 'takeover');
  });
  scope.post<{ Params: Params }>(`${BASE}/release`, PAGE_ROUTE, async (req, reply) => {
    check(await setTakeover(deps, tags, target(req.params), false));
    deps.drainer.notify();
    return done(reply, req.params, 'released');
  });
  scope.post<{ Params: Params; Body: Record<string, unknown> | undefined }>(
    `${BASE}/send`,
    PAGE_ROUTE,
    async (req, reply) => {
      const message = field(req, 'message').trim();
      if (!message) throw new ApiError('invalid_request', 'message: write the message to send');
      if (message.length > 1600) throw new ApiError('invalid_request', 'message: at most 1600 characters');
      const channel = field(req, 'channel') || 'SMS';
      if (channel !== 'SMS' && channel !== 'Email')
        throw new ApiError('invalid_request', 'channel must be SMS or Email');
      const nonce = field(req, 'nonce');
      if (!/^[A-Za-z0-9-]{8,64}$/.test(nonce))
        throw new ApiError('invalid_request', 'nonce: reload the page and send again');
      check(await sendAsAgent(deps, tags, { ...target(req.params), channel, message, nonce }));
      deps.drainer.notify();
      return done(reply, req.params, 'sent');
    },
  );
  scope.post<{ Params: Params }>(`${BASE}/cma`, PAGE_ROUTE, async (req, reply) => {
    check(await queueCmaRerun(deps, target(req.params)));
    if (deps.followUps) await deps.followUps.runOnce();
    deps.drainer.notify();
    return done(reply, req.params, 'cma');
  });
  scope.post<{ Params: Params; Body: Record<string, unknown> | undefined }>(
    `${BASE}/opt-out`,
    PAGE_ROUTE,
    async (req, reply) => {
      if (field(req, 'confirm') !== 'yes')
        throw new ApiError('invalid_request', 'confirm: tick the box to say the lead asked to stop');
      check(await markOptedOut(deps, tags, target(req.params)));
      deps.drainer.notify();
      return done(reply, req.params, 'opted_out');
    },
  );

  const resolveRoute = (kind: 'escalations' | 'tickets') =>
    scope.post<{ Params: Params & { id: string }; Body: Record<string, unknown> | undefined }>(
      `${BASE}/${kind}/:id/resolve`,
      PAGE_ROUTE,
      async (r, reply) => {
        const c = await load(r.params);
        const wanted = kind === 'tickets' ? 'compliance' : 'escalation';
        if (!c.escalations.some((e) => e.id === r.params.id && e.kind === wanted))
          throw new ApiError(
            'not_found',
            `no such ${kind === 'tickets' ? 'compliance ticket' : 'escalation'} on this contact`,
          );
        const note = typeof r.body?.note === 'string' ? r.body.note.trim() : '';
        if (note.length > 2000) throw new ApiError('invalid_request', 'note: at most 2000 characters');
        const now = deps.clock.now();
        const out = await deps.db.transaction((tx) =>
          kind === 'tickets'
            ? resolveComplianceTicket(tx, deps.escalation.stores, r.params.id, note || null, now)
            : resolveEscalation(tx, deps.escalation, r.params.id, note || null, now),
        );
        if (!out.ok && out.reason === 'already_resolved')
          throw new ApiError('conflict', 'it is already resolved');
        deps.drainer.notify();
        return done(reply, r.params, 'resolved');
      },
    );
  resolveRoute('escalations');
  resolveRoute('tickets');
};
