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

// GHL's delivery policy for marketplace webhooks, from the help article "Automated Webhook Retries"
// (https://help.gohighlevel.com/support/solutions/articles/155000007071-automated-webhook-retries,
// also the Marketplace changelog "Automated webhook retries"; reference §8c):
// - only an HTTP 429 answer is retried; any other status (2xx, 4xx, 5xx) is final;
// - HighLevel "will automatically re-send the same payload up to six times";
// - "every retry happens 10 minutes after the previous attempt", each interval randomised by a small
//   jitter; the worst case is "~1 hr 10 min".
// ASSUMPTION: the jitter is added to the 10 minutes and is at most 100 s, read from the stated worst
// case (six intervals of 10 min + 100 s make 70 min); GHL does not give its size.
// ASSUMPTION: "the same payload" means the same bytes, so the same `webhookId`, `timestamp` and
// signature (both sit inside the signed body); a retry is not re-stamped.
// ASSUMPTION: a timeout or network error is final too, like 5xx (the article names only 429 as retried).
export const GHL_WEBHOOK_RETRY = { maxRetries: 6, intervalMs: 10 * 60_000, maxJitterMs: 100_000 } as const;

/** Real time a retry interval takes by default: 10 minutes pass in 20 ms. */
const DEFAULT_TIME_SCALE = 1 / 30_000;

export interface EmitOptions {
  /** Default 'ed25519' (GHL dropped the RSA header after the 2026 migration). */
  sign?: 'ed25519' | 'rsa' | 'both' | 'none';
  /** Default true: GHL retries only when the receiver answers 429. */
  retryOn429?: boolean;
  /** Applied last, so a test can overwrite a signature header with a forged one. */
  headers?: Record<string, string>;
  keys?: WebhookKeys;
  /**
   * Lets one retry interval (about 10 minutes, in GHL's time) pass before the next attempt. A test
   * that cares about time moves its service clock forward by `ms` here, and may change what the
   * service will answer. Default: waits `ms` / 30 000 of real time, so 10 minutes take 20 ms.
   */
  wait?: (ms: number) => Promise<void>;
  /** Jitter source, 0 ≤ x < 1 (default Math.random); () => 1 gives the worst case. */
  random?: () => number;
  timeoutMs?: number;
}

export interface EmitResult {
  /** The last answer's status. */
  status: number;
  body: unknown;
  /** Deliveries made: the first one plus the retries. */
  attempts: number;
  /** The status of each attempt, in order. */
  statuses: number[];
  /** GHL time between the first attempt and the last (the sum of the retry intervals). */
  elapsedMs: number;
}

const realWait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms * DEFAULT_TIME_SCALE));

/**
 * Delivers a webhook as GHL does: serialised and signed once, and on each 429 the same bytes and
 * headers are sent again after about 10 minutes, at most six more times.
 */
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
  const wait = opts.wait ?? realWait;
  const random = opts.random ?? Math.random;
  const statuses: number[] = [];
  let elapsedMs = 0;
  for (;;) {
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
    statuses.push(res.status);
    if (res.status === 429 && retry && statuses.length <= GHL_WEBHOOK_RETRY.maxRetries) {
      const interval =
        GHL_WEBHOOK_RETRY.intervalMs + Math.round(Math.min(1, random()) * GHL_WEBHOOK_RETRY.maxJitterMs);
      elapsedMs += interval;
      await wait(interval);
      continue;
    }
    return { status: res.status, body, attempts: statuses.length, statuses, elapsedMs };
  }
}
