import * as fc from 'fast-check';
import { signWebhookBody } from '../support/fakes/webhook-signer.ts';
import type { WebhookKeys } from '../support/fakes/test-keys.ts';

/** A path segment or query part: text (sent as UTF-8), raw bytes, or text sent exactly as written. */
export type Part = string | { bytes: number[] } | { verbatim: string };

/**
 * A request before it is put into bytes. Bodies are JSON values with markers: a string equal to
 * a marker key is replaced (quotes included) by raw JSON text, and a marker inside a string is
 * replaced by raw bytes, so deep nesting, broken UTF-8 and numbers JSON.stringify cannot write
 * still reach the service as a client would send them.
 */
export interface Draft {
  route: string;
  method: string;
  path: Part[];
  /** Index of the route's path parameter (`:id`), the segment path mutations aim at most. */
  param?: number;
  query: Array<[Part, Part]> | { verbatim: string };
  headers: Record<string, string>;
  body?: { json: unknown; splices: Record<string, Splice> } | { raw: Buffer };
  /** How a webhook proves itself, decided once the body bytes are final. */
  sign?: 'ed25519' | 'rsa' | 'both' | 'forged' | 'garbage';
  mutations: string[];
}

/** Raw JSON text, raw bytes inside a string, a timestamp `now` ms from the send, or a string that makes the body exactly `fill` bytes. */
/** What the generator needs to know about the service under test. */
export interface FuzzTarget {
  token: string;
  workflowSecret: string;
  mcp: boolean;
  /** Ids that exist, so some requests get past the lookup to the code behind it. */
  known: { escalations: string[]; tickets: string[]; contacts: string[] };
  /** Routes found in the app without a tailored generator (the dashboard's), fuzzed generically. */
  pages?: Array<{ method: string; path: string }>;
  /**
   * A signed-in realtor's dashboard session (`jorge_session=…` and the CSRF token its pages carry):
   * with it, dashboard routes are also sent with the cookie instead of the bearer token.
   */
  session?: { cookie: string; csrf: string };
}

/** Body markers replaced at send time by the current time, or two hours before it (past WEBHOOK_MAX_AGE_MS). */
export const NOW = '\u0001now\u0001';
export const STALE = '\u0001stale\u0001';

export const draft = (route: string, method: string, path: string[], extra: Partial<Draft> = {}): Draft => ({
  route,
  method,
  path,
  query: [],
  headers: {},
  mutations: [],
  ...extra,
});

export const jsonBody = (value: unknown) => ({
  json: value,
  splices: { [NOW]: { now: 0 }, [STALE]: { now: -7_200_000 } },
});
export const JSON_TYPE = { 'content-type': 'application/json' };

export type Splice = { text: string } | { bytes: number[] } | { now: number } | { fill: number };

/** What goes on the wire; the same object is sent by app.inject and over a socket. */
export interface FuzzRequest {
  route: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: Buffer;
  mutations: string[];
  [fc.toStringMethod](): string;
}

export interface SignContext {
  keys: WebhookKeys;
  now: () => number;
}

const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

function encodePart(p: Part): string {
  if (typeof p === 'object' && 'verbatim' in p) return p.verbatim;
  const bytes = typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p.bytes);
  let out = '';
  for (const b of bytes) {
    const c = String.fromCharCode(b);
    out += UNRESERVED.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export function encodeUrl(d: Pick<Draft, 'path' | 'query'>): string {
  const path = `/${d.path.map(encodePart).join('/')}`;
  const query = Array.isArray(d.query)
    ? d.query.map(([k, v]) => `${encodePart(k)}=${encodePart(v)}`).join('&')
    : d.query.verbatim;
  return query ? `${path}?${query}` : path;
}

/** Marker text as JSON.stringify writes it inside a string ("\u0001" becomes the six characters \u0001). */
const escaped = (marker: string) => JSON.stringify(marker).slice(1, -1);

export function bodyBytes(body: NonNullable<Draft['body']>, now: number): Buffer {
  if ('raw' in body) return body.raw;
  let pieces: Array<string | Buffer> = [JSON.stringify(body.json) ?? ''];
  const replace = (needle: string, replacement: string | Buffer) => {
    pieces = pieces.flatMap((p) => {
      if (typeof p !== 'string' || !p.includes(needle)) return [p];
      return p.split(needle).flatMap((part, i) => (i === 0 ? [part] : [replacement, part]));
    });
  };
  const splices = Object.entries(body.splices);
  for (const [marker, splice] of splices) {
    if ('bytes' in splice) replace(escaped(marker), Buffer.from(splice.bytes));
    else if ('now' in splice) replace(escaped(marker), new Date(now + splice.now).toISOString());
    // A whole-value marker takes its quotes with it.
    else if ('text' in splice) replace(JSON.stringify(marker), splice.text);
  }
  for (const [marker, splice] of splices) {
    if (!('fill' in splice)) continue;
    const needle = JSON.stringify(marker);
    const size = pieces.reduce((n, p) => n + Buffer.byteLength(p), 0);
    replace(
      needle,
      JSON.stringify('x'.repeat(Math.max(0, splice.fill - size + Buffer.byteLength(needle) - 2))),
    );
  }
  return Buffer.concat(pieces.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));
}

export function finalize(d: Draft, ctx: SignContext): FuzzRequest {
  const headers = { ...d.headers };
  const body = d.body ? bodyBytes(d.body, ctx.now()) : undefined;
  if (d.sign) {
    const raw = body ?? Buffer.alloc(0);
    if (d.sign === 'ed25519' || d.sign === 'both')
      headers['x-ghl-signature'] = signWebhookBody(raw, 'ed25519', ctx.keys);
    if (d.sign === 'rsa' || d.sign === 'both')
      headers['x-wh-signature'] = signWebhookBody(raw, 'rsa', ctx.keys);
    // Signed over other bytes: well-formed, but not for this body.
    if (d.sign === 'forged')
      headers['x-ghl-signature'] = signWebhookBody(
        Buffer.concat([raw, Buffer.from(' ')]),
        'ed25519',
        ctx.keys,
      );
    if (d.sign === 'garbage') headers['x-ghl-signature'] = '!!not base64!!';
  }
  const req: FuzzRequest = {
    route: d.route,
    method: d.method,
    url: encodeUrl(d),
    headers,
    ...(body ? { body } : {}),
    mutations: d.mutations,
    [fc.toStringMethod]: () => describeRequest(req),
  };
  return req;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);

/** One readable block per request: what a failure report prints, and enough to replay it. */
export function describeRequest(r: FuzzRequest): string {
  const body = r.body
    ? `${r.body.length} bytes: ${clip(JSON.stringify(r.body.toString('latin1')), 600)}`
    : '(none)';
  const headers = Object.entries(r.headers)
    .map(([k, v]) => `${k}: ${clip(v, 120)}`)
    .join(' | ');
  return [
    `${r.method} ${clip(r.url, 400)}`,
    `  route: ${r.route}; mutations: ${r.mutations.join(', ') || 'none'}`,
    `  headers: ${headers || '(none)'}`,
    `  body (latin1 view): ${body}`,
  ].join('\n');
}
