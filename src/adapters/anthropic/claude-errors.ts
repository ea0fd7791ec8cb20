import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
} from '@anthropic-ai/sdk';
import { ModelError } from '../../ports.ts';
import type { RetryVerdict } from '../../resilience/retry.ts';

/** Statuses worth another try: rate limits, transient server errors, Anthropic's 529 "overloaded". */
const retryableStatuses = new Set([429, 500, 502, 503, 504, 529]);

// The wait a 429/529 asked for, kept beside the error it came with (ModelError has no field for it).
const serverRequestedDelay = new WeakMap<ModelError, number>();

/** Milliseconds from `retry-after-ms`, or `retry-after` in seconds or as an HTTP date. */
export function parseRetryAfter(headers: Headers | undefined, nowMs: number): number | undefined {
  const ms = Number(headers?.get('retry-after-ms') ?? Number.NaN);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers?.get('retry-after')?.trim();
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** A call stopped by the caller's signal: the turn's time budget is spent. */
export function abortedError(): ModelError {
  return new ModelError('Claude call aborted: the time budget ran out', 'timeout');
}

/** Any failure of one SDK call as a ModelError with the kind callers branch on. */
export function toModelError(err: unknown, signal: AbortSignal | undefined): ModelError {
  if (err instanceof ModelError) return err;
  if (err instanceof APIUserAbortError || signal?.aborted) return abortedError();
  if (err instanceof APIConnectionTimeoutError)
    return new ModelError('Claude did not answer in time', 'timeout');
  if (err instanceof APIConnectionError) return new ModelError('Claude could not be reached', 'network');
  if (err instanceof APIError && typeof err.status === 'number') {
    const status = err.status;
    const detail = `Claude answered ${status}${err.type ? ` ${err.type}` : ''}${
      err.apiMessage ? `: ${err.apiMessage.slice(0, 200)}` : ''
    }`;
    const kind =
      status === 429
        ? 'rate_limited'
        : status === 529
          ? 'overloaded'
          : status === 401 || status === 403
            ? 'auth'
            : status >= 500
              ? 'server'
              : 'bad_request';
    const error = new ModelError(detail, kind, status);
    const after = parseRetryAfter(err.headers, Date.now());
    if (after !== undefined) serverRequestedDelay.set(error, after);
    return error;
  }
  return new ModelError(`Claude call failed: ${(err as Error)?.name ?? 'unknown error'}`, 'network');
}

/** The status reported to `onCall` for a failed attempt. */
export function callStatus(err: ModelError): number | 'timeout' | 'network' {
  return err.status ?? (err.kind === 'timeout' ? 'timeout' : 'network');
}

/** Whether a failure says the service itself is unwell (a 4xx answer means it is up). */
export function countsAgainstBreaker(err: ModelError): boolean {
  return (
    err.kind === 'server' || err.kind === 'overloaded' || err.kind === 'network' || err.kind === 'timeout'
  );
}

/**
 * Retry policy: network errors, per-attempt timeouts and retryable statuses are tried again
 * (after the server's requested wait when it gave one); nothing is retried once the caller's
 * signal has fired, nor any 4xx other than 429.
 */
export function classifyModelError(err: unknown, signal: AbortSignal | undefined): RetryVerdict {
  if (!(err instanceof ModelError) || signal?.aborted) return { retry: false };
  const retryable =
    err.kind === 'network' ||
    err.kind === 'timeout' ||
    (err.status !== null && retryableStatuses.has(err.status));
  if (!retryable) return { retry: false };
  const afterMs = serverRequestedDelay.get(err);
  return afterMs !== undefined ? { retry: true, afterMs } : { retry: true };
}
