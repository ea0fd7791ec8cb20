import { createSign, sign } from 'node:crypto';
import { testWebhookKeys, type WebhookKeys } from './test-keys.ts';

export {
  type ContactPayloadInput,
  contactTagUpdatePayload,
  inboundMessagePayload,
  type MessagePayloadInput,
  outboundMessagePayload,
  type WorkflowPayloadInput,
  workflowWebhookPayload,
} from './ghl/webhook-payloads.ts';

/** Base64 signature over the exact bytes: Ed25519 (x-ghl-signature) or RSA PKCS#1 v1.5 SHA-256 (x-wh-signature). */
export function signWebhookBody(
  raw: string | Buffer,
  alg: 'ed25519' | 'rsa',
  keys: WebhookKeys = testWebhookKeys,
): string {
  const data = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
  if (alg === 'ed25519') return sign(null, data, keys.ed25519.privateKeyPem).toString('base64');
  return createSign('sha256').update(data).sign(keys.rsa.privateKeyPem, 'base64');
}

export interface EmitOptions {
  /** Default 'ed25519' (GHL dropped the RSA header after the 2026 migration). */
  sign?: 'ed25519' | 'rsa' | 'both' | 'none';
  /** Default true: GHL retries only when the receiver answers 429. */
  retryOn429?: boolean;
  /** Applied last, so a test can overwrite a signature header with a forged one. */
  headers?: Record<string, string>;
  keys?: WebhookKeys;
  /** GHL waits about 10 minutes between retries; tests use a short delay. Default 20 ms. */
  retryDelayMs?: number;
  timeoutMs?: number;
}

export interface EmitResult {
  status: number;
  body: unknown;
  attempts: number;
}

const MAX_RETRIES = 6;

/** Serialises once and sends those exact bytes on every attempt, like GHL's delivery. */
export async function emitWebhook(
  targetUrl: string,
  payload: object | string,
  opts: EmitOptions = {},
): Promise<EmitResult> {
  const raw = Buffer.from(typeof payload === 'string' ? payload : JSON.stringify(payload), 'utf8');
  const mode = opts.sign ?? 'ed25519';
  const keys = opts.keys ?? testWebhookKeys;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (mode === 'ed25519' || mode === 'both')
    headers['x-ghl-signature'] = signWebhookBody(raw, 'ed25519', keys);
  if (mode === 'rsa' || mode === 'both') headers['x-wh-signature'] = signWebhookBody(raw, 'rsa', keys);
  Object.assign(headers, opts.headers);
  const retry = opts.retryOn429 ?? true;
  for (let attempts = 1; ; attempts++) {
    const res = await fetch(targetUrl, {
      method: 'POST',
      headers,
      body: raw,
      signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      // Non-JSON answers are returned as text.
    }
    if (res.status === 429 && retry && attempts <= MAX_RETRIES) {
      await new Promise((r) => setTimeout(r, opts.retryDelayMs ?? 20));
      continue;
    }
    return { status: res.status, body, attempts };
  }
}
