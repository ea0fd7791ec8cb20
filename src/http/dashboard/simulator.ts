import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SANDBOX_LOCATION_ID } from '../../app/locations/sandbox.ts';
import type { SandboxRun } from '../../app/follow-ups/sandbox-clock.ts';
import type { CrmRecord, SimulatorConversation } from '../../ports/simulator-read.ts';
import { ApiError } from '../errors.ts';
import { html, type SafeHtml } from './escape.ts';
import { temperatureBadge } from './format.ts';
import { csrfField } from './layout.ts';
import { csrfOf, type DashboardDeps, type DashboardPage, PAGE_ROUTE, sendPage } from './page.ts';
import { ghlCallOf } from './simulator-ghl.ts';

const BOT_TAGS = { lead: 'lead-bot', seller: 'Seller-Lead', buyer: 'Buyer-Lead' } as const;
type Bot = keyof typeof BOT_TAGS;
const STARTERS: Record<'en' | 'es', string[]> = {
  en: [
    'Hi, I want to sell my house in Rancho Cucamonga',
    'Looking to buy a 3 bedroom under 700k',
    'Can I talk to Jorge directly please?',
    'STOP',
  ],
  es: [
    'Hola, quiero vender mi casa en Rancho Cucamonga',
    'Busco comprar una casa de 3 recámaras',
    '¿Puedo hablar con Jorge directamente?',
    'ALTO',
  ],
};
const ID_RE = /^[\w.:-]{1,100}$/;

export interface SimForm {
  contactId: string;
  bot: Bot;
  lang: 'en' | 'es';
  tags: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  state: string;
  postalCode: string;
  channel: 'SMS' | 'Email';
}

const DEFAULTS: SimForm = {
  contactId: 'sim-1',
  bot: 'seller',
  lang: 'en',
  tags: '',
  firstName: 'Ana',
  lastName: '',
  email: '',
  phone: '',
  state: 'CA',
  postalCode: '',
  channel: 'SMS',
};

function str(body: Record<string, unknown>, k: string, max: number): string {
  const v = body[k];
  const s = typeof v === 'string' ? v.trim() : '';
  if (s.length > max) throw new ApiError('invalid_request', `${k} must be at most ${max} characters`);
  return s;
}

/** The form's fields; a bad value is a 400 naming it. */
export function parseSimForm(body: Record<string, unknown>): SimForm {
  const contactId = str(body, 'contactId', 100) || DEFAULTS.contactId;
  if (!ID_RE.test(contactId))
    throw new ApiError('invalid_request', 'contactId: use letters, digits, "_", "-", "." or ":"');
  const bot = str(body, 'bot', 10) || DEFAULTS.bot;
  if (!(bot in BOT_TAGS)) throw new ApiError('invalid_request', 'bot must be lead, seller or buyer');
  const lang = str(body, 'lang', 2) || 'en';
  if (lang !== 'en' && lang !== 'es') throw new ApiError('invalid_request', 'lang must be en or es');
  const channel = str(body, 'channel', 5) || 'SMS';
  if (channel !== 'SMS' && channel !== 'Email')
    throw new ApiError('invalid_request', 'channel must be SMS or Email');
  const email = str(body, 'email', 200);
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    throw new ApiError('invalid_request', 'email is not an email address');
  return {
    contactId,
    bot: bot as Bot,
    lang,
    channel,
    tags: str(body, 'tags', 500),
    firstName: str(body, 'firstName', 100),
    lastName: str(body, 'lastName', 100),
    email,
    phone: str(body, 'phone', 30),
    state: str(body, 'state', 64),
    postalCode: str(body, 'postalCode', 16),
  };
}

const input = (id: string, name: keyof SimForm, label: string, f: SimForm, type = 'text') =>
  html`<div><label for="${id}">${label}</label><input type="${type}" id="${id}" name="${name}" value="${f[name]}"></div>`;

function conversationHtml(c: SimulatorConversation | null): SafeHtml {
  if (!c || c.messages.length === 0) return html`<p>No messages yet. Write as the lead below.</p>`;
  return html`<p>Bot: <strong>${c.bot ?? '—'}</strong> · ${temperatureBadge(c.temperature)}${c.optedOut ? html` · <span class="flag">Opted out</span>` : ''}</p>
<p>Tags: ${c.tags.length ? c.tags.join(', ') : 'none'}</p>
<ol class="chat" aria-label="Conversation">${c.messages.map(
    (m) =>
      html`<li class="bubble ${m.direction === 'inbound' ? 'in' : 'out'}"><span class="visually-hidden">${m.direction === 'inbound' ? 'Lead' : 'Bot'}: </span>${m.body}<div class="meta">${m.direction === 'inbound' ? 'Lead' : 'Bot'} · ${m.channel} · ${m.at.toISOString()}</div></li>`,
  )}</ol>`;
}

function ghlHtml(records: readonly CrmRecord[]): SafeHtml {
  if (records.length === 0) return html`<p>Nothing would be sent to GHL.</p>`;
  return html`<ol class="list">${records.map((r) => {
    const call = ghlCallOf(r);
    return html`<li><div class="top"><code>${call.method} ${call.path}</code> <span class="muted">${r.kind}</span></div><pre>${JSON.stringify(call.body, null, 2)}</pre></li>`;
  })}</ol>`;
}

function ranHtml(ran: readonly SandboxRun[], now: Date): SafeHtml {
  return html`<p role="status">Sandbox clock now ${now.toISOString()}. ${ran.length === 0 ? 'Nothing fell due.' : ''}</p>${
    ran.length
      ? html`<ul>${ran.map((r) => html`<li>${r.contactId}: ${r.step} ${r.status}${r.channel ? ` (${r.channel})` : ''}${r.reason ? ` — ${r.reason.replace(/_/g, ' ')}` : ''}</li>`)}</ul>`
      : ''
  }`;
}

/** GET /simulator and its actions: send as the lead, move the sandbox clock. */
export const simulatorPage: DashboardPage = (scope, deps: DashboardDeps) => {
  const read = deps.dashboardOps?.simulator;
  if (!read) return;
  const page = async (
    req: FastifyRequest,
    reply: FastifyReply,
    f: SimForm,
    extra: { sent?: CrmRecord[]; ran?: SafeHtml } = {},
  ) => {
    const csrf = csrfOf(req);
    const conv = await read.conversation(SANDBOX_LOCATION_ID, f.contactId);
    const now = deps.sandboxTime?.now() ?? deps.clock.now();
    const starters = STARTERS[f.lang].map((s) => html`<option value="${s}"></option>`);
    const body = html`<style>
.sim-ghl pre{white-space:pre-wrap;overflow-wrap:anywhere;margin:.25rem 0 0;font-size:13px}
main input[type=email],main input[type=tel],main input[type=number]{width:100%;max-width:32rem;padding:.45rem .5rem;border:1px solid #6b7785;border-radius:4px}
fieldset{border:1px solid #d7dce2;border-radius:6px;min-width:0}
</style><h1>Simulator</h1>
<p class="muted">Chat as a lead with the sandbox: the live pipeline runs, and the CRM steps are recorded instead of sent. Sandbox clock: ${now.toISOString()}.</p>
<div class="grid two"><section aria-labelledby="conv-h"><h2 id="conv-h">Conversation with ${f.contactId}</h2>${conversationHtml(conv)}
<form method="post" action="/simulator/send">${csrfField(csrf)}
<fieldset><legend>The lead</legend>
${input('s-cid', 'contactId', 'Contact id', f)}
<div><label for="s-bot">Bot</label><select id="s-bot" name="bot">${(Object.keys(BOT_TAGS) as Bot[]).map((b) => html`<option value="${b}"${b === f.bot ? html` selected` : ''}>${b[0]?.toUpperCase()}${b.slice(1)} (tag ${BOT_TAGS[b]})</option>`)}</select></div>
<div><label for="s-lang">Language of the examples</label><select id="s-lang" name="lang"><option value="en"${f.lang === 'en' ? html` selected` : ''}>English</option><option value="es"${f.lang === 'es' ? html` selected` : ''}>Spanish</option></select></div>
${input('s-tags', 'tags', 'More tags (comma separated)', f)}
${input('s-first', 'firstName', 'First name', f)}${input('s-last', 'lastName', 'Last name', f)}
${input('s-email', 'email', 'Email', f, 'email')}${input('s-phone', 'phone', 'Phone', f, 'tel')}
${input('s-state', 'state', 'State', f)}${input('s-zip', 'postalCode', 'ZIP code', f)}
</fieldset>
<div><label for="s-channel">Channel</label><select id="s-channel" name="channel"><option${f.channel === 'SMS' ? html` selected` : ''}>SMS</option><option${f.channel === 'Email' ? html` selected` : ''}>Email</option></select></div>
<label for="s-msg">Message from the lead</label><textarea id="s-msg" name="message" list="s-starters" required></textarea>
<datalist id="s-starters">${starters}</datalist>
<p class="muted">The bot answers in the language the lead writes in. Examples: ${STARTERS[f.lang].join(' · ')}</p>
<button type="submit">Send as the lead</button></form></section>
<section aria-labelledby="ghl-h" class="sim-ghl"><h2 id="ghl-h">Sent to GHL</h2>
${extra.sent ? ghlHtml(extra.sent) : html`<p>Send a message or move the clock to see the GHL calls it makes.</p>`}
<h2 id="clock-h">Sandbox clock</h2>${extra.ran ?? ''}
<form method="post" action="/simulator/clock" aria-labelledby="clock-h">${csrfField(csrf)}<input type="hidden" name="contactId" value="${f.contactId}">
<label for="s-amount">Move ahead by</label><input type="number" id="s-amount" name="amount" min="1" max="1440" value="1" required>
<label for="s-unit">Unit</label><select id="s-unit" name="unit"><option value="hours">hours</option><option value="days" selected>days</option></select>
<button type="submit">Move the clock</button></form></section></div>`;
    return sendPage(reply, req, { title: 'Simulator', current: 'simulator', body });
  };

  scope.get('/simulator', PAGE_ROUTE, async (req, reply) => {
    const q = req.query as Record<string, string | undefined>;
    return page(req, reply, parseSimForm({ contactId: q.contact ?? '' }));
  });

  scope.post('/simulator/send', PAGE_ROUTE, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const f = parseSimForm(body);
    const message = typeof body.message === 'string' ? body.message : '';
    if (!message.trim()) throw new ApiError('invalid_request', 'message: write what the lead says');
    if (message.length > 4000)
      throw new ApiError('invalid_request', 'message must be at most 4000 characters');
    const tags = [
      BOT_TAGS[f.bot],
      ...f.tags
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ].slice(0, 50);
    const before = await read.lastCrmRecordId(SANDBOX_LOCATION_ID);
    const contact = Object.fromEntries(
      Object.entries({
        firstName: f.firstName,
        lastName: f.lastName,
        email: f.email,
        phone: f.phone,
        state: f.state,
        postalCode: f.postalCode,
      }).filter(([, v]) => v),
    );
    const existing = await read.conversation(SANDBOX_LOCATION_ID, f.contactId);
    const merged = [...(existing?.tags ?? [])];
    for (const t of tags) if (!merged.some((x) => x.toLowerCase() === t.toLowerCase())) merged.push(t);
    const written = await deps.inboxWriter.write({
      locationId: SANDBOX_LOCATION_ID,
      contactId: f.contactId,
      source: 'sandbox',
      messageId: `sbx_${randomUUID()}`,
      payload: {
        kind: 'inbound_message',
        channel: f.channel,
        body: message,
        contact: { ...contact, tags: merged },
      },
    });
    if (!written.accepted) throw new ApiError('conflict', 'message was already received');
    await deps.inboxWorker.processThrough(SANDBOX_LOCATION_ID, f.contactId, written.id);
    await deps.drainer.drainContact(SANDBOX_LOCATION_ID, f.contactId);
    const sent = await read.crmRecords(SANDBOX_LOCATION_ID, f.contactId, before, 100);
    return page(req, reply, f, { sent });
  });

  scope.post('/simulator/clock', PAGE_ROUTE, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const f = parseSimForm({ contactId: body.contactId });
    const amount = Number(body.amount);
    const unit = body.unit;
    if (unit !== 'hours' && unit !== 'days')
      throw new ApiError('invalid_request', 'unit must be hours or days');
    const ms = amount * (unit === 'days' ? 86_400_000 : 3_600_000);
    if (!Number.isFinite(amount) || amount <= 0 || ms > 60 * 86_400_000)
      throw new ApiError('invalid_request', 'amount must be more than 0 and at most 60 days');
    if (!deps.sandboxTime) throw new ApiError('internal', 'the sandbox clock is not configured');
    const before = await read.lastCrmRecordId(SANDBOX_LOCATION_ID);
    const r = await deps.sandboxTime.advance(ms);
    const sent = await read.crmRecords(SANDBOX_LOCATION_ID, f.contactId, before, 100);
    return page(req, reply, f, { sent, ran: ranHtml(r.ran, r.now) });
  });
};
