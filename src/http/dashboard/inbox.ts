import type { FastifyRequest } from 'fastify';
import {
  type InboxFilter,
  INBOX_FLAGS,
  type InboxFlag,
  type InboxItem,
  type InboxPosition,
} from '../../ports/dashboard-read.ts';
import { ApiError } from '../errors.ts';
import { html, type SafeHtml } from './escape.ts';
import { contactHref, excerpt, FLAG_LABELS, flagBadge, maskPhone, temperatureBadge, when } from './format.ts';
import { changeFeed } from './live.ts';
import { type DashboardPage, isHtmx, PAGE_ROUTE, sendFragment, sendPage } from './page.ts';

const BOTS = ['lead', 'buyer', 'seller'] as const;
const TEMPERATURES = ['hot', 'warm', 'cold'] as const;
/** Conversations per page; "Load more" brings the next page. */
export const PAGE_SIZE = 50;
/** The most rows a live refresh re-reads to keep every page already loaded on screen. */
const MAX_SHOWN = 500;

type Query = Record<string, string | undefined>;

function oneOf<T extends string>(q: Query, name: string, allowed: readonly T[]): T | undefined {
  const v = q[name];
  if (v === undefined || v === '') return undefined;
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new ApiError('invalid_request', `${name} must be one of: ${allowed.join(', ')}`);
}

/** A position as the `after` parameter: base64url of its three parts as JSON. */
export function encodePosition(p: InboxPosition): string {
  return Buffer.from(JSON.stringify([p.updatedAt, p.locationId, p.contactId])).toString('base64url');
}

const UTC_MICROS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

function parsePosition(after: string): InboxPosition {
  const bad = new ApiError('invalid_request', 'after is not a place in the inbox; open /inbox again');
  if (after.length > 1_000 || !/^[A-Za-z0-9_-]+$/.test(after)) throw bad;
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    throw bad;
  }
  if (!Array.isArray(parts) || parts.length !== 3 || !parts.every((x) => typeof x === 'string')) throw bad;
  const [updatedAt, locationId, contactId] = parts as [string, string, string];
  if (!UTC_MICROS.test(updatedAt) || Number.isNaN(Date.parse(updatedAt))) throw bad;
  return { updatedAt, locationId, contactId };
}

/** How many rows the browser shows now, so a live refresh keeps them all; a bad value is a 400. */
function parseShown(q: Query): number {
  const v = q.shown;
  if (v === undefined || v === '') return 0;
  if (!/^\d{1,6}$/.test(v)) throw new ApiError('invalid_request', 'shown must be a whole number');
  return Number(v);
}

/** The filters from the query string; a bad value is a 400 that names it. */
export function parseInboxFilter(q: Query): InboxFilter {
  const search = (q.q ?? '').trim();
  if (search.length > 100) throw new ApiError('invalid_request', 'q must be at most 100 characters');
  const bot = oneOf(q, 'bot', BOTS);
  const temperature = oneOf(q, 'temperature', TEMPERATURES);
  const flag = oneOf<InboxFlag>(q, 'flag', INBOX_FLAGS);
  const after = q.after ? parsePosition(q.after) : undefined;
  return {
    limit: PAGE_SIZE,
    ...(after ? { after } : {}),
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

/** The query string of the filters, for links that keep them. */
function filterQuery(f: InboxFilter): URLSearchParams {
  const q = new URLSearchParams();
  if (f.search) q.set('q', f.search);
  if (f.bot) q.set('bot', f.bot);
  if (f.temperature) q.set('temperature', f.temperature);
  if (f.flag) q.set('flag', f.flag);
  return q;
}

/** One page of rows as read: the rows shown, and where the next page starts if there is one. */
interface Page {
  items: InboxItem[];
  next: InboxPosition | null;
}

/**
 * The "Load more" row at the end of the list: a plain link to the next page (works without
 * JavaScript), which htmx turns into "append the next page here". Its URL holds everything the
 * request needs, so it takes none of the list's hx-include (which would send `shown` twice).
 */
function moreRow(f: InboxFilter, next: InboxPosition, shown: number): SafeHtml {
  const q = filterQuery(f);
  q.set('after', encodePosition(next));
  const page = `/inbox?${q}`;
  q.set('shown', String(shown));
  const rows = `/inbox/rows?${q}`;
  return html`<li class="more" id="inbox-more"><a href="${page}" hx-get="${rows}"
 hx-target="#inbox-more" hx-swap="outerHTML" hx-include="unset">Load more conversations</a></li>`;
}

/** What the live refresh re-reads (the count on screen) and what a screen reader hears. */
function counters(shown: number, more: boolean, oob: boolean): SafeHtml {
  const swap = oob ? html` hx-swap-oob="true"` : '';
  return html`<input type="hidden" id="inbox-shown" name="shown" value="${shown}"${swap}>
<p class="visually-hidden" role="status" id="inbox-count"${swap}>${shown} conversations${more ? ', more below' : ''}</p>`;
}

/** The list of a first page (or a page opened by link): count, rows and "Load more". */
function list(page: Page, f: InboxFilter, now: Date): SafeHtml {
  const { items, next } = page;
  const back = f.after
    ? html`<p><a href="/inbox${filterQuery(f).size ? `?${filterQuery(f)}` : ''}">Back to the newest conversations</a></p>`
    : '';
  if (items.length === 0)
    return html`${back}<p class="card">${
      f.after
        ? 'No older conversations.'
        : filtered(f)
          ? 'No conversation matches these filters.'
          : 'No conversations yet. Try the Simulator to send one as a lead.'
    }</p>`;
  return html`${back}${counters(items.length, next !== null, false)}
<ul class="list" id="inbox-items">${items.map((c) => row(c, now))}${next ? moreRow(f, next, items.length) : ''}</ul>`;
}

/** A page appended by "Load more": its rows and the next "Load more", replacing the old one. */
function appended(page: Page, f: InboxFilter, before: number, now: Date): SafeHtml {
  const shown = before + page.items.length;
  return html`${page.items.map((c) => row(c, now))}${page.next ? moreRow(f, page.next, shown) : ''}
${counters(shown, page.next !== null, true)}`;
}

const filtered = (f: InboxFilter) => Boolean(f.search || f.bot || f.temperature || f.flag);

/**
 * GET /inbox (page), /inbox/rows (the list, for htmx) and /inbox/events (live changes).
 * `after` opens the page after a row; `shown` on /inbox/rows says how many rows the browser has:
 * with `after` the new rows are appended to them, without it (a live refresh) that many rows are
 * re-read so the pages already loaded stay on screen.
 */
export const inboxPages: DashboardPage = async (scope, deps) => {
  const read = deps.read;
  const readPage = async (f: InboxFilter): Promise<Page> => {
    const rows = await read.inbox({ ...f, limit: f.limit + 1 });
    const items = rows.slice(0, f.limit);
    const last = items[items.length - 1];
    return { items, next: rows.length > f.limit && last ? last.position : null };
  };
  scope.get<{ Querystring: Query }>('/inbox', PAGE_ROUTE, async (req, reply) => {
    const f = parseInboxFilter(req.query);
    const body = list(await readPage(f), f, deps.clock.now());
    if (isHtmx(req)) return sendFragment(reply, body);
    return sendPage(reply, req, {
      title: 'Inbox',
      current: 'inbox',
      body: html`<h1>Inbox</h1>${filtersForm(f)}
<section aria-label="Conversations" id="inbox-list" data-live="/inbox/events"
 hx-get="/inbox/rows" hx-trigger="live" hx-include="#inbox-filters, #inbox-shown">${body}</section>`,
    });
  });
  scope.get<{ Querystring: Query }>('/inbox/rows', PAGE_ROUTE, async (req, reply) => {
    const f = parseInboxFilter(req.query);
    const shown = parseShown(req.query);
    const now = deps.clock.now();
    if (f.after) return sendFragment(reply, appended(await readPage(f), f, shown, now));
    const limit = Math.min(MAX_SHOWN, Math.max(PAGE_SIZE, shown));
    return sendFragment(reply, list(await readPage({ ...f, limit }), f, now));
  });
  changeFeed(scope, '/inbox/events', { probe: () => read.changeStamp() });
};
