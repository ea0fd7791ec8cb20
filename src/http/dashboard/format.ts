import type { InboxFlag } from '../../ports/dashboard-read.ts';
import { html, type SafeHtml } from './escape.ts';

/** "+19095550142" → "••• 0142": enough to tell leads apart on a shared screen. */
export function maskPhone(phone: string | null): string {
  if (!phone) return '';
  const digits = phone.replace(/\D/g, '');
  return digits.length <= 4 ? '••••' : `••• ${digits.slice(-4)}`;
}

/** "just now", "5 min ago", "3 h ago", "2 days ago". */
export function timeAgo(at: Date, now: Date): string {
  const s = Math.max(0, Math.round((now.getTime() - at.getTime()) / 1000));
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  const d = Math.floor(s / 86_400);
  return d === 1 ? '1 day ago' : `${d} days ago`;
}

/** A <time> element: readable text, machine-readable datetime, the exact moment on hover. */
export const when = (at: Date, now: Date): SafeHtml =>
  html`<time datetime="${at.toISOString()}" title="${at.toISOString()}">${timeAgo(at, now)}</time>`;

export const FLAG_LABELS: Record<InboxFlag, { label: string; tone: 'warn' | 'bad' | 'good' | '' }> = {
  escalated: { label: 'Escalated', tone: 'bad' },
  compliance_hold: { label: 'Compliance hold', tone: 'bad' },
  paused: { label: 'Paused', tone: 'warn' },
  opted_out: { label: 'Opted out', tone: '' },
  human_takeover: { label: 'Human takeover', tone: 'warn' },
  booked: { label: 'Booked', tone: 'good' },
  delivery_failed: { label: 'Delivery failed', tone: 'bad' },
};

export const flagBadge = (f: InboxFlag): SafeHtml =>
  html`<span class="flag ${FLAG_LABELS[f].tone}">${FLAG_LABELS[f].label}</span>`;

export function temperatureBadge(t: string | null): SafeHtml {
  if (!t) return html`<span class="muted">no temperature</span>`;
  const k = t.toLowerCase();
  return html`<span class="${['hot', 'warm', 'cold'].includes(k) ? `t-${k}` : ''}">${k[0]?.toUpperCase()}${k.slice(1)}</span>`;
}

export const contactHref = (locationId: string, contactId: string): string =>
  `/contacts/${encodeURIComponent(locationId)}/${encodeURIComponent(contactId)}`;

/** Long texts in lists: the start, cut at a word. */
export function excerpt(text: string, max = 140): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}
