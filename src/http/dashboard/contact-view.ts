import type { ContactView, TranscriptItem, WhyReply } from '../../ports/dashboard-read.ts';
import { html, type SafeHtml } from './escape.ts';
import { contactHref, flagBadge, temperatureBadge, when } from './format.ts';
import { csrfField } from './layout.ts';

const AUTHOR_LABEL = { lead: 'Lead', bot: 'Bot', agent: 'Agent', follow_up: 'Follow-up' } as const;

/** Notices shown after an action; the query names one of these, never free text. */
export const NOTICES: Record<string, string> = {
  paused: 'The bot is paused for this contact.',
  resumed: 'The bot is answering this contact again.',
  takeover: 'You have taken over: the bot stays silent until you release it.',
  released: 'Released: the bot answers this contact again.',
  sent: 'Your message is queued and goes out through the CRM.',
  resolved: 'Resolved.',
  cma: 'A fresh CMA is queued; it goes out by email (or asks for the address) within a minute, within sending hours.',
  opted_out: 'The contact is marked opted out: no more messages or follow-ups.',
};

function scalarEntries(o: Record<string, unknown>): [string, string][] {
  return Object.entries(o)
    .filter((e): e is [string, string | number | boolean] =>
      ['string', 'number', 'boolean'].includes(typeof e[1]),
    )
    .map(([k, v]) => [k, String(v)]);
}

/** Bookkeeping of the conversation engine, not something the lead told us. */
const INTERNAL_STATE = new Set([
  'v',
  'owner',
  'pending',
  'lastAsked',
  'lastReply',
  'misunderstood',
  'evasive',
  'inbound',
  'addressAsked',
  'temperature',
]);

/** The bot's state as facts: its scalar entries, and one level into nested records ("seller · price"). */
function collectedFacts(state: Record<string, unknown>): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(state)) {
    if (INTERNAL_STATE.has(k) || v === null || v === undefined) continue;
    if (typeof v === 'object' && !Array.isArray(v))
      for (const [sub, value] of scalarEntries(v as Record<string, unknown>))
        out.push([`${k} · ${sub}`, value]);
    else if (Array.isArray(v)) {
      if (v.length && v.every((x) => typeof x === 'string' || typeof x === 'number'))
        out.push([k, v.join(', ')]);
    } else out.push([k, String(v)]);
  }
  return out;
}

function detailText(d: Record<string, unknown>): string {
  return scalarEntries(d)
    .filter(([k]) => k !== 'inboxId')
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');
}

/** `question:home_value`, `objection:has_agent`, `answer`: an act with its one detail, if any. */
export function actLabel(a: Record<string, unknown>): string {
  const detail = a.topic ?? a.type ?? a.kind;
  return typeof detail === 'string' ? `${String(a.act)}:${detail}` : String(a.act);
}

function readingLines(r: WhyReply['reading']): SafeHtml | '' {
  if (!r) return '';
  const slots = scalarEntries(r.slots);
  return html`<li>Read in the lead's message: ${
    r.acts.length
      ? r.acts.map((a, i) => html`${i ? ', ' : ''}<code>${actLabel(a)}</code>`)
      : 'nothing in particular'
  }</li>${
    slots.length
      ? html`<li>Values read: ${slots.map(([k, v], i) => html`${i ? ', ' : ''}${k.replace(/_/g, ' ')} = ${v}`)}</li>`
      : ''
  }`;
}

function whyBlock(w: WhyReply | null): SafeHtml | '' {
  if (!w || (!w.reading && w.events.length === 0 && w.actions.length === 0 && w.modelCalls.length === 0))
    return '';
  return html`<details><summary>Why this reply</summary><ul>
${readingLines(w.reading)}
${w.events.map((e) => html`<li>Rule: ${e.action.replace(/_/g, ' ')}${detailText(e.detail) ? html` (${detailText(e.detail)})` : ''}</li>`)}
${w.actions.map((a) => html`<li>CRM: ${a.summary}</li>`)}
${w.modelCalls.map(
  (m) => html`<li>Model: ${m.task} with ${m.model}, ${m.outcome}${m.detail ? html` (${m.detail})` : ''}</li>`,
)}
</ul></details>`;
}

function deliveryText(m: TranscriptItem): string {
  if (m.direction !== 'outbound') return '';
  const queued = m.outboxStatus === 'pending' || m.outboxStatus === 'sending';
  const parts = [queued ? 'queued' : (m.outboxStatus ?? '')];
  if (m.deliveryStatus) parts.push(m.deliveryStatus);
  if (m.outboxStatus === 'failed' && m.outboxError) parts.push(m.outboxError);
  return parts.filter(Boolean).join(' · ');
}

function bubble(m: TranscriptItem, base: string, now: Date): SafeHtml {
  const side = m.direction === 'inbound' ? 'in' : 'out';
  const kind = m.author === 'agent' ? ' agent' : m.author === 'follow_up' ? ' follow-up' : '';
  const delivery = deliveryText(m);
  return html`<li class="bubble ${side}${kind}">
<div>${m.body}</div>
${m.documentId ? html`<div><a href="${base}/documents/${m.documentId}">CMA PDF</a></div>` : ''}
<div class="meta">${AUTHOR_LABEL[m.author]} · ${m.channel} · ${when(m.at, now)}${delivery ? html` · <span>${delivery}</span>` : ''}</div>
${whyBlock(m.why)}
</li>`;
}

export function transcriptList(c: ContactView, now: Date): SafeHtml {
  const base = contactHref(c.locationId, c.contactId);
  if (c.transcript.length === 0) return html`<p class="muted">No messages yet.</p>`;
  return html`<ol class="chat" aria-label="Transcript">${c.transcript.map((m) => bubble(m, base, now))}</ol>`;
}

const post = (action: string, csrf: string, body: SafeHtml) =>
  html`<form method="post" action="${action}">${csrfField(csrf)}${body}</form>`;

function actions(c: ContactView, csrf: string, takeover: boolean, nonce: string): SafeHtml {
  const base = contactHref(c.locationId, c.contactId);
  return html`<section class="card actions" aria-labelledby="actions-h"><h2 id="actions-h">Controls</h2>
${
  c.paused
    ? post(`${base}/resume`, csrf, html`<button type="submit">Resume the bot</button>`)
    : post(`${base}/pause`, csrf, html`<button type="submit" class="secondary">Pause the bot</button>`)
}
${
  takeover
    ? post(`${base}/release`, csrf, html`<button type="submit">Release to the bot</button>`)
    : post(`${base}/takeover`, csrf, html`<button type="submit" class="secondary">Take over</button>`)
}
${
  c.optedOut
    ? html`<p class="muted">Opted out: nothing more can be sent.</p>`
    : post(
        `${base}/send`,
        csrf,
        html`<input type="hidden" name="nonce" value="${nonce}">
<label for="agent-message">Message to the lead, sent as you</label>
<textarea id="agent-message" name="message" required maxlength="1600"></textarea>
<label for="agent-channel">Channel</label>
<select id="agent-channel" name="channel"><option value="SMS">SMS</option>${c.email ? html`<option value="Email">Email</option>` : ''}</select>
<p class="muted">Sending takes the conversation over: the bot stays silent until you release it.</p>
<button type="submit">Send as the agent</button>`,
      )
}
${c.optedOut ? '' : post(`${base}/cma`, csrf, html`<button type="submit" class="secondary">Re-run and send the CMA</button>`)}
${
  c.optedOut
    ? ''
    : post(
        `${base}/opt-out`,
        csrf,
        html`<p><input type="checkbox" id="confirm-opt-out" name="confirm" value="yes" required>
<label for="confirm-opt-out" style="display:inline">The lead asked to stop hearing from us</label></p>
<button type="submit" class="danger">Mark opted out</button>`,
      )
}
</section>`;
}

function escalationsBlock(c: ContactView, csrf: string, now: Date): SafeHtml {
  const base = contactHref(c.locationId, c.contactId);
  if (c.escalations.length === 0) return html`<p class="muted">None.</p>`;
  return html`<ul class="list">${c.escalations.map(
    (
      e,
    ) => html`<li><div class="top"><strong>${e.kind === 'compliance' ? 'Compliance ticket' : 'Escalation'}</strong>
<span>${e.reason}</span> <span class="flag ${e.status === 'open' ? 'bad' : ''}">${e.status}</span> ${when(e.createdAt, now)}</div>
${e.note ? html`<p>Note: ${e.note}</p>` : ''}
${
  e.status === 'open'
    ? post(
        `${base}/${e.kind === 'compliance' ? 'tickets' : 'escalations'}/${encodeURIComponent(e.id)}/resolve`,
        csrf,
        html`<label for="note-${e.id}">Resolution note</label><textarea id="note-${e.id}" name="note" maxlength="2000"></textarea>
<button type="submit">Resolve</button>`,
      )
    : ''
}</li>`,
  )}</ul>`;
}

function table(rows: [string, string | SafeHtml][], empty: string): SafeHtml {
  if (rows.length === 0) return html`<p class="muted">${empty}</p>`;
  return html`<div class="table-wrap"><table><tbody>${rows.map(([k, v]) => html`<tr><th scope="row">${k}</th><td>${v}</td></tr>`)}</tbody></table></div>`;
}

export function contactPage(
  c: ContactView,
  o: { csrf: string; now: Date; takeover: boolean; nonce: string; notice?: string },
): SafeHtml {
  const base = contactHref(c.locationId, c.contactId);
  const flags = [
    c.needsHumanReview ? flagBadge('escalated') : '',
    c.complianceHold ? flagBadge('compliance_hold') : '',
    c.paused ? flagBadge('paused') : '',
    c.optedOut ? flagBadge('opted_out') : '',
    o.takeover ? flagBadge('human_takeover') : '',
  ];
  const temperature = typeof c.state.temperature === 'string' ? c.state.temperature : null;
  const facts = collectedFacts(c.state);
  return html`<p><a href="/inbox">← Inbox</a></p>
<h1>${c.name ?? c.contactId}</h1>
${o.notice ? html`<p class="notice" role="status">${o.notice}</p>` : ''}
<p>${c.phone ?? 'no phone'} · ${c.email ?? 'no email'} · ${c.bot} bot · ${temperatureBadge(temperature)} ${flags}
${c.paused && c.pausedReason ? html`<span class="muted">(paused: ${c.pausedReason.replace(/_/g, ' ')})</span>` : ''}</p>
<div class="grid two">
<section class="card" aria-labelledby="transcript-h"><h2 id="transcript-h">Conversation</h2>
<div id="transcript" data-live="/inbox/events" hx-get="${base}/transcript" hx-trigger="live">${transcriptList(c, o.now)}</div></section>
<div>
${actions(c, o.csrf, o.takeover, o.nonce)}
<section class="card" aria-labelledby="esc-h"><h2 id="esc-h">Escalations and compliance tickets</h2>${escalationsBlock(c, o.csrf, o.now)}</section>
<section class="card" aria-labelledby="facts-h"><h2 id="facts-h">Collected facts</h2>${table(facts, 'Nothing collected yet.')}
<h3>CRM fields</h3>${table(scalarEntries(c.customFields), 'No fields set.')}</section>
<section class="card" aria-labelledby="temp-h"><h2 id="temp-h">Temperature history</h2>${
    c.temperatureHistory.length
      ? html`<ol>${c.temperatureHistory.map((t) => html`<li>${t.tag} · ${when(t.at, o.now)}</li>`)}</ol>`
      : html`<p class="muted">No temperature set yet.</p>`
  }</section>
<section class="card" aria-labelledby="tags-h"><h2 id="tags-h">Tags</h2>${
    c.tags.length
      ? html`<p>${c.tags.map((t) => html`<span class="flag">${t}</span> `)}</p>`
      : html`<p class="muted">No tags.</p>`
  }</section>
<section class="card" aria-labelledby="fu-h"><h2 id="fu-h">Follow-ups</h2>${
    c.followUps.length
      ? html`<div class="table-wrap"><table><thead><tr><th scope="col">Step</th><th scope="col">Status</th><th scope="col">Due</th><th scope="col">Reason</th></tr></thead><tbody>${c.followUps.map(
          (f) =>
            html`<tr><td>${f.step}${f.channel ? ` (${f.channel})` : ''}</td><td>${f.status}</td><td>${f.dueAt.toISOString().slice(0, 16).replace('T', ' ')} UTC</td><td>${f.reason ?? ''}${
              f.documentId ? html` <a href="${base}/documents/${f.documentId}">CMA PDF</a>` : ''
            }</td></tr>`,
        )}</tbody></table></div>`
      : html`<p class="muted">None planned.</p>`
  }</section>
<section class="card" aria-labelledby="cma-h"><h2 id="cma-h">CMA PDFs</h2>${
    c.documents.length
      ? html`<ul>${c.documents.map((d) => html`<li><a href="${base}/documents/${d.id}">${d.filename}</a> · ${when(d.at, o.now)}</li>`)}</ul>`
      : html`<p class="muted">None made yet.</p>`
  }</section>
</div></div>`;
}
