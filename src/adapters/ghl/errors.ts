import { CrmError } from '../../ports.ts';
import type { RetryVerdict } from '../../resilience/retry.ts';
import { knownReasons } from './error-reasons.ts';

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

const ERROR_CODE = /^[A-Za-z][A-Za-z _-]{0,39}$/;

/**
 * What of a GHL error body may be logged and stored: its short error name ("Bad Request",
 * "Unprocessable Entity"). The `message` may echo request values; see knownReasons().
 */
export function errorCodeFromBody(body: unknown, statusText: string): string {
  if (body && typeof body === 'object') {
    const { error } = body as { error?: unknown };
    if (typeof error === 'string' && ERROR_CODE.test(error.trim())) return error.trim();
  }
  return ERROR_CODE.test(statusText) ? statusText : '';
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
  const code = errorCodeFromBody(f.body, f.statusText);
  const reasons = knownReasons(f.body);
  const retryable = f.status === 429 || f.status >= 500;
  // A 429 is refused before anything happens; a 5xx on a send may have sent it anyway.
  const ambiguous = f.sideEffect && f.status >= 500;
  return new GhlRequestError(
    `GHL ${f.op} failed (${f.status}${code ? ` ${code}` : ''})${reasons ? `: ${reasons}` : ''}`,
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
