import { CrmError } from '../../ports.ts';
import type { RetryVerdict } from '../../resilience/retry.ts';

export type GhlFailureKind = 'status' | 'network' | 'timeout';

/** A failed GHL call, with what the retry policy needs to decide the next step. */
export class GhlRequestError extends CrmError {
  constructor(
    message: string,
    status: number | null,
    retryable: boolean,
    ambiguous: boolean,
    readonly kind: GhlFailureKind,
    /** From Retry-After on a 429, in ms. */
    readonly retryAfterMs?: number,
  ) {
    super(message, status, retryable, ambiguous);
    this.name = 'GhlRequestError';
  }
}

/** The GHL circuit is open: fail fast now; the outbox tries again later. */
export class GhlUnavailableError extends CrmError {
  constructor(op: string) {
    super(`GHL ${op} skipped: GHL is failing repeatedly (circuit open); will retry later`, null, true, false);
    this.name = 'GhlUnavailableError';
  }
}

// GHL echoes request values in some validation messages; keep contact details out of logs.
export function redactContactDetails(text: string): string {
  return text
    .replace(/[^\s@"'<>]+@[^\s@"'<>]+\.[^\s@"'<>]+/g, '[email]')
    .replace(/(?<![A-Za-z0-9])\+?\d[\d\s().-]{5,}\d(?![A-Za-z0-9])/g, (run) =>
      /\d{4}-\d{2}-\d{2}/.test(run) || run.replace(/\D/g, '').length < 7 ? run : '[number]',
    );
}

/** NestJS-style body: `message` (string or string[]), else `error`, else the status text. */
export function messageFromBody(body: unknown, statusText: string): string {
  if (body && typeof body === 'object') {
    const { message, error } = body as { message?: unknown; error?: unknown };
    if (typeof message === 'string' && message.trim() !== '') return message;
    if (Array.isArray(message) && message.length > 0) return message.map(String).join('; ');
    if (typeof error === 'string' && error.trim() !== '') return error;
  }
  return statusText || 'request failed';
}

/** Seconds or an HTTP date, as RFC 9110 allows. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

export interface StatusFailure {
  op: string;
  status: number;
  statusText: string;
  body: unknown;
  retryAfterMs?: number;
  /** The request creates something that must not happen twice (sending a message). */
  sideEffect: boolean;
}

export function statusError(f: StatusFailure): GhlRequestError {
  const text = redactContactDetails(messageFromBody(f.body, f.statusText));
  const retryable = f.status === 429 || f.status >= 500;
  // A 429 is refused before anything happens; a 5xx on a send may have sent it anyway.
  const ambiguous = f.sideEffect && f.status >= 500;
  return new GhlRequestError(
    `GHL ${f.op} failed (${f.status}): ${text}`,
    f.status,
    retryable,
    ambiguous,
    'status',
    f.retryAfterMs,
  );
}

// These fail before a connection exists, so the request cannot have reached GHL.
const notConnectedCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function causeCode(err: unknown): string | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function isTimeout(err: unknown): boolean {
  return (
    err instanceof Error && (err.name === 'TimeoutError' || causeCode(err) === 'UND_ERR_HEADERS_TIMEOUT')
  );
}

export function transportError(op: string, err: unknown, sideEffect: boolean): GhlRequestError {
  if (isTimeout(err)) {
    return new GhlRequestError(`GHL ${op} timed out`, null, true, sideEffect, 'timeout');
  }
  const code = causeCode(err);
  const reachedServer = code === undefined || !notConnectedCodes.has(code);
  return new GhlRequestError(
    `GHL ${op} network error${code ? ` (${code})` : ''}`,
    null,
    true,
    sideEffect && reachedServer,
    'network',
  );
}

export function classifyGhlError(err: unknown): RetryVerdict {
  if (!(err instanceof CrmError) || !err.retryable || err instanceof GhlUnavailableError)
    return { retry: false };
  if (err instanceof GhlRequestError && err.retryAfterMs !== undefined) {
    return { retry: true, afterMs: err.retryAfterMs };
  }
  return { retry: true };
}
