import type { FastifyRequest } from 'fastify';
import { type InboxFilter, INBOX_FLAGS, type InboxFlag, type InboxItem } from '../../ports/dashboard-read.ts';
import { ApiError } from '../errors.ts';
import { html, type SafeHtml } from './escape.ts';
import { contactHref, excerpt, FLAG_LABELS, flagBadge, maskPhone, temperatureBadge, when } from './format.ts';
import { changeFeed } from './live.ts';
import { type DashboardPage, isHtmx, PAGE_ROUTE, sendFragment, sendPage } from './page.ts';

const BOTS = ['lead', 'buyer', 'seller'] as const;
const TEMPERATURES = ['hot', 'warm', 'cold'] as const;
const PAGE_SIZE = 100;

type Query = Record<string, string | undefined>;

function oneOf<T extends string>(q: Query, name: string, allowed: readonly T[]): T | undefined {
  const v = q[name];
  if (v === undefined || v === '') return undefined;
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new ApiError('invalid_request', `${name} must be one of: ${allowed.join(', ')}`);
}

/** The filters from the query string; a bad value is a 400 that names it. */
export function parseInboxFilter(q: Query): InboxFilter {
  const search = (q.q ?? '').trim();
  if (search.length > 100) throw new ApiError('invalid_request', 'q must be at most 100 characters');
  const bot = oneOf(q, 'bot', BOTS);
  const temperature = oneOf(q, 'temperature', TEMPERATURES);
  const flag = oneOf<InboxFlag>(q, 'flag', INBOX_FLAGS);
  return {
    limit: PAGE_SIZE,
    ...(search ? { search } : {}),
    ...(bot ? { bot } : {}),
    ...(temperature ? { temperature } : {}),
    ...(flag ? { flag } : {}),
  };
}

function select(
  name: string,
  label: string,
  options: readonly string[],
  value: string | undefined,
  labels?: Record<string, string>,
) {
  return html`<div><label for="f-${name}">${label}</label><select id="f-${name}" name="${name}">
<option value="">Any</option>${options.map(
    (o) => html`<option value="${o}"${o === value ? html` selected` : ''}>${labels?.[o] ?? o}</option>`,
  )}</select></div>`;
}

function filtersForm(f: InboxFilter): SafeHtml {
  const flagLabels = Object.fromEntries(INBOX_FLAGS.map((k) => [k, FLAG_LABELS[k].label]));
  return html`<form id="inbox-filters" class="filters card" method="get" action="/inbox" role="search"
 hx-get="/inbox/rows" hx-target="#inbox-list" hx-trigger="input changed delay:300ms from:#f-q, change" hx-push-url="false">
<div><label for="f-q">Search</label><input type="search" id="f-q" name="q" value="${f.search ?? ''}" placeholder="Name, phone, email or id" maxlength="100"></div>
${select('bot', 'Bot', BOTS, f.bot)}
${select('temperature', 'Temperature', TEMPERATURES, f.temperature)}
${select('flag', 'Flag', INBOX_FLAGS, f.flag, flagLabels)}
<div><button type="submit">Filter</button></div>
</form>`;
}

function row(c: InboxItem, now: Date): SafeHtml {
  const last = c.lastMessage;
  return html`<li>
<div class="top"><a class="name" href="${contactHref(c.locationId, c.contactId)}">${c.name ?? c.contactId}</a>
${c.phone ? html`<span class="muted" aria-label="phone ending ${c.phone.replace(/\D/g, '').slice(-4)}">${maskPhone(c.phone)}</span>` : ''}
<span>${c.bot} bot</span> ${temperatureBadge(c.temperature)}
${c.source ? html`<span class="muted">via ${c.source}</span>` : ''}
<span class="muted">${when(last?.at ?? c.updatedAt, now)}</span>
${c.flags.map(flagBadge)}</div>
${last ? html`<p class="last"><span class="muted">${last.direction === 'inbound' ? 'Lead' : 'Us'}:</span> ${excerpt(last.body)}</p>` : ''}
</li>`;
}

function list(items: InboxItem[], now: Date, filtered: boolean): SafeHtml {
  if (items.length === 0)
    return html`<p class="card">${filtered ? 'No conversation matches these filters.' : 'No conversations yet. Try the Simulator to send one as a lead.'}</p>`;
  return html`<p class="visually-hidden" role="status">${items.length} conversations</p>
<ul class="list">${items.map((c) => row(c, now))}</ul>${
    items.length === PAGE_SIZE
      ? html`<p class="muted">Showing the ${PAGE_SIZE} most recent; narrow the filters to see others.</p>`
      : ''
  }`;
}

const filtered = (f: InboxFilter) => Boolean(f.search || f.bot || f.temperature || f.flag);

/** GET /inbox (page), /inbox/rows (the list, for htmx) and /inbox/events (live changes). */
export const inboxPages: DashboardPage = async (scope, deps) => {
  const read = deps.read;
  const rows = async (req: FastifyRequest<{ Querystring: Query }>) => {
    const f = parseInboxFilter(req.query);
    return { f, body: list(await read.inbox(f), deps.clock.now(), filtered(f)) };
  };
  scope.get<{ Querystring: Query }>('/inbox', PAGE_ROUTE, async (req, reply) => {
    const { f, body } = await rows(req);
    if (isHtmx(req)) return sendFragment(reply, body);
    return sendPage(reply, req, {
      title: 'Inbox',
      current: 'inbox',
      body: html`<h1>Inbox</h1>${filtersForm(f)}
<section aria-label="Conversations" id="inbox-list" data-live="/inbox/events"
 hx-get="/inbox/rows" hx-trigger="live" hx-include="#inbox-filters">${body}</section>`,
    });
  });
  scope.get<{ Querystring: Query }>('/inbox/rows', PAGE_ROUTE, async (req, reply) =>
    sendFragment(reply, (await rows(req)).body),
  );
  changeFeed(scope, '/inbox/events', { probe: () => read.changeStamp() });
};
