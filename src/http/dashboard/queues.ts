import type { FastifyReply, FastifyRequest } from 'fastify';
import { resolveComplianceTicket } from '../../app/escalations/escalate-compliance-violation.ts';
import { describeReason, resolveEscalation } from '../../app/escalations/escalate-to-human-review.ts';
import type { QueueItem } from '../../ports/queue-read.ts';
import { ApiError } from '../errors.ts';
import { html, type SafeHtml } from './escape.ts';
import { contactHref, when } from './format.ts';
import { csrfField } from './layout.ts';
import {
  csrfOf,
  type DashboardDeps,
  type DashboardPage,
  isHtmx,
  PAGE_ROUTE,
  sendFragment,
  sendPage,
} from './page.ts';

const MAX_NOTE = 2000;

/** "12 min", "3 h 5 min", "2 days 4 h". */
export function span(ms: number): string {
  const m = Math.floor(Math.abs(ms) / 60_000);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} days ${h % 24} h` : `${d} days`;
}

/** The SLA clock of an escalation: time left, or how long it is overdue and who has been alerted. */
export function slaClock(item: QueueItem, now: Date, slaMs: number): SafeHtml {
  if (item.kind === 'ticket') return html`<span class="muted">Compliance review</span>`;
  if (item.pickedUpAt)
    return html`<span class="flag good">Picked up by ${item.pickedUpBy ?? 'someone'}</span> ${when(item.pickedUpAt, now)}`;
  const left = item.createdAt.getTime() + slaMs - now.getTime();
  const alerted =
    item.alertStage >= 2
      ? 'agent alerted again, backup alerted'
      : item.alertStage === 1
        ? 'agent alerted again'
        : '';
  return left >= 0
    ? html`<span class="flag warn">SLA: ${span(left)} left</span>`
    : html`<span class="flag bad">Overdue by ${span(left)}</span>${alerted ? html` <span class="muted">(${alerted})</span>` : ''}`;
}

function itemHtml(item: QueueItem, now: Date, slaMs: number, csrf: string): SafeHtml {
  const base =
    item.kind === 'ticket'
      ? `/queues/tickets/${encodeURIComponent(item.id)}`
      : `/queues/escalations/${encodeURIComponent(item.id)}`;
  const label = item.contactName ?? item.contactId;
  const noteId = `note-${item.id}`;
  const why = item.kind === 'escalation' ? describeReason(item.reason) : item.reason;
  return html`<li id="q-${item.id}">
<div class="top"><a class="name" href="${contactHref(item.locationId, item.contactId)}">${label}</a>
<span class="flag ${item.kind === 'ticket' ? 'bad' : ''}">${item.kind === 'ticket' ? 'Compliance ticket' : 'Escalation'}</span>
<span>waiting since ${when(item.createdAt, now)}</span> ${slaClock(item, now, slaMs)}</div>
<p class="last">${why} <span class="muted">(${item.id})</span></p>
<div class="actions">
${
  item.kind === 'escalation' && !item.pickedUpAt
    ? html`<form method="post" action="${base}/pick-up" hx-post="${base}/pick-up" hx-target="#queue" hx-select="#queue" hx-swap="outerHTML">${csrfField(csrf)}<button type="submit" class="secondary">I'm on it</button></form>`
    : ''
}
<form method="post" action="${base}/resolve" hx-post="${base}/resolve" hx-target="#queue" hx-select="#queue" hx-swap="outerHTML">${csrfField(csrf)}
<label for="${noteId}">Resolution note</label><textarea id="${noteId}" name="note" maxlength="${MAX_NOTE}" required></textarea>
<button type="submit">Resolve</button></form>
</div></li>`;
}

/** The queue list: open escalations and tickets, oldest first. */
export function queueList(
  items: readonly QueueItem[],
  now: Date,
  slaMs: number,
  csrf: string,
  notice?: string,
): SafeHtml {
  return html`<section id="queue" aria-labelledby="queue-h">
<h2 id="queue-h">${items.length} open</h2>
${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
${
  items.length === 0
    ? html`<p>Nothing is waiting for a person.</p>`
    : html`<ol class="list">${items.map((i) => itemHtml(i, now, slaMs, csrf))}</ol>`
}</section>`;
}

function note(req: FastifyRequest): string {
  const v = (req.body as Record<string, unknown> | undefined)?.note;
  const text = typeof v === 'string' ? v.trim() : '';
  if (!text) throw new ApiError('invalid_request', 'note: write what was done (it goes in the CRM note)');
  if (text.length > MAX_NOTE)
    throw new ApiError('invalid_request', `note must be at most ${MAX_NOTE} characters`);
  return text;
}

/** GET /queues and its actions: pick up an escalation, resolve an escalation or ticket with a note. */
export const queuesPage: DashboardPage = (scope, deps: DashboardDeps) => {
  const read = deps.dashboardOps?.queues;
  const alerts = deps.escalationAlerts ?? null;
  if (!read) return;
  {
    const slaMs = deps.config.ESCALATION_SLA_MINUTES * 60_000;
    const render = async (req: FastifyRequest, reply: FastifyReply, notice?: string) => {
      const now = deps.clock.now();
      const list = queueList(await read.openItems(200), now, slaMs, csrfOf(req), notice);
      if (isHtmx(req)) return sendFragment(reply, list);
      return sendPage(reply, req, {
        title: 'Queues',
        current: 'queues',
        body: html`<h1>Queues</h1><p class="muted">Escalations and compliance tickets waiting for a person, oldest first. An escalation nobody picks up within ${span(slaMs)} alerts the agent again, then the backup contact.</p>${list}`,
      });
    };
    scope.get('/queues', PAGE_ROUTE, (req, reply) => render(req, reply));
    scope.post<{ Params: { id: string } }>(
      '/queues/escalations/:id/pick-up',
      PAGE_ROUTE,
      async (req, reply) => {
        if (!alerts) throw new ApiError('internal', 'escalation alerts are not configured');
        const r = await alerts.pickUp(req.params.id, 'dashboard');
        if (!r.ok && r.reason === 'not_found')
          throw new ApiError('not_found', `no escalation ${req.params.id}`);
        if (!r.ok) throw new ApiError('conflict', 'that escalation is already picked up or resolved');
        return render(req, reply, 'Picked up: the re-alerts stop. Resolve it when done.');
      },
    );
    for (const kind of ['escalations', 'tickets'] as const) {
      scope.post<{ Params: { id: string } }>(
        `/queues/${kind}/:id/resolve`,
        PAGE_ROUTE,
        async (req, reply) => {
          const text = note(req);
          const now = deps.clock.now();
          const out = await deps.db.transaction((tx) =>
            kind === 'tickets'
              ? resolveComplianceTicket(tx, deps.escalation.stores, req.params.id, text, now)
              : resolveEscalation(tx, deps.escalation, req.params.id, text, now),
          );
          if (!out.ok && out.reason === 'not_found')
            throw new ApiError(
              'not_found',
              `no ${kind === 'tickets' ? 'ticket' : 'escalation'} ${req.params.id}`,
            );
          if (!out.ok) throw new ApiError('conflict', 'it is already resolved');
          deps.drainer.notify();
          return render(req, reply, out.resumed ? 'Resolved; the bot answers this lead again.' : 'Resolved.');
        },
      );
    }
  }
};
