import { DailyBudgetExhaustedError, type RateBudget } from '../../ports.ts';
import { type Breaker, refusedByBreaker } from '../../resilience/breaker.ts';
import { defaultRetryConfig, type RetryConfig, sleepFor, withRetry } from '../../resilience/retry.ts';
import {
  classifyGhlError,
  GhlRequestError,
  GhlUnavailableError,
  parseRetryAfter,
  statusError,
  transportError,
} from './errors.ts';

/** The Version header each GHL API declares (sending the declared one keeps path gating predictable). */
export const ghlVersions = {
  conversations: '2021-04-15',
  calendars: '2021-04-15',
  contacts: '2021-07-28',
  opportunities: '2021-07-28',
  workflows: '2021-07-28',
  locations: '2021-07-28',
} as const;

export type GhlVersion = (typeof ghlVersions)[keyof typeof ghlVersions];

export interface GhlObserver {
  onCall?(op: string, status: number | 'network_error' | 'timeout', ms: number): void;
  onRateLimitWait?(ms: number): void;
  onRetry?(op: string, attempt: number, delayMs: number): void;
}

export interface GhlLogger {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

/** Bearer tokens per location: a Private Integration token, or each installed location's OAuth token. */
export interface GhlTokenProvider {
  token(locationId: string): Promise<string>;
  /** After GHL refused `rejected` with 401: a renewed token to retry once with, or undefined. */
  refreshAfterRejection?(locationId: string, rejected: string): Promise<string | undefined>;
}

export interface GhlHttpOptions {
  baseUrl: string;
  /** One Private Integration token for every call (single-location mode); or `tokens`. */
  token?: string;
  tokens?: GhlTokenProvider;
  budget: RateBudget;
  retry?: RetryConfig;
  timeoutMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  observer?: GhlObserver;
  logger?: GhlLogger;
  /**
   * Opens after repeated network errors, timeouts and 5xx; 4xx and 429 mean GHL is up. Given a
   * function, one breaker per endpoint family (see endpointFamily), created on first use: GHL's
   * services fail apart (sending SMS while contacts answer), and a success elsewhere must not keep
   * a failing family's circuit closed. Given one breaker, every call shares it.
   */
  breaker?: Breaker | ((family: GhlEndpointFamily) => Breaker);
}

const RESOURCES = ['conversations', 'contacts', 'calendars', 'opportunities', 'locations'] as const;

/** `<resource>:<read|write>`, e.g. `conversations:write` (sending), `contacts:read`. */
export type GhlEndpointFamily = `${(typeof RESOURCES)[number] | 'other'}:${'read' | 'write'}`;

/** Calls that fail together: the API resource (first path segment) and whether the call reads or writes. */
export function endpointFamily(req: Pick<GhlRequest, 'method' | 'path'>): GhlEndpointFamily {
  const first = req.path.split('/')[1] ?? '';
  const resource = (RESOURCES as readonly string[]).includes(first)
    ? (first as (typeof RESOURCES)[number])
    : 'other';
  return `${resource}:${req.method === 'GET' ? 'read' : 'write'}`;
}

export interface GhlRequest {
  /** A stable operation name for metrics and logs (never contains contact data). */
  op: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  version: GhlVersion;
  /** Whose rate budget the call spends. */
  locationId: string;
  query?: Record<string, string | number | undefined>;
  json?: unknown;
  form?: FormData;
  /** Creates something that must not happen twice: a failure after sending is ambiguous. */
  sideEffect?: boolean;
}

export interface GhlHttp {
  /** One attempt, with budget and timeout, no retry. */
  once<T>(req: GhlRequest): Promise<T>;
  /** `once` under the retry policy: network errors, timeouts, 429 and 5xx are retried. */
  request<T>(req: GhlRequest): Promise<T>;
  /** Runs any sequence of calls under the retry policy (for calls that need a check between attempts). */
  retrying<T>(op: string, fn: (attempt: number) => Promise<T>): Promise<T>;
}

const defaultRateIntervalMs = 10_000;

export function createGhlHttp(opts: GhlHttpOptions): GhlHttp {
  const doFetch = opts.fetch ?? globalThis.fetch;
  const sleep = opts.sleep ?? sleepFor;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const retryConfig = opts.retry ?? defaultRetryConfig;
  const baseUrl = opts.baseUrl.replace(/\/+$/, '');
  const staticToken = opts.token;
  const tokens: GhlTokenProvider =
    opts.tokens ??
    (staticToken !== undefined
      ? { token: async () => staticToken }
      : {
          token: async () => {
            throw new Error('GHL client built without a token or token provider');
          },
        });

  const breakers = new Map<GhlEndpointFamily, Breaker>();
  const breakerFor = (req: GhlRequest): Breaker | undefined => {
    const b = opts.breaker;
    if (b === undefined || typeof b !== 'function') return b;
    const family = endpointFamily(req);
    let made = breakers.get(family);
    if (!made) {
      made = b(family);
      breakers.set(family, made);
    }
    return made;
  };

  function buildUrl(req: GhlRequest): string {
    const url = new URL(baseUrl + req.path);
    for (const [k, v] of Object.entries(req.query ?? {})) {
      if (v !== undefined) url.searchParams.set(k, String(v));
    }
    return url.toString();
  }

  async function respectRateHeaders(req: GhlRequest, res: Response, retryAfterMs: number | undefined) {
    const dailyRemaining = headerCount(res, 'x-ratelimit-daily-remaining');
    if (dailyRemaining !== undefined && opts.budget.observeDaily) {
      const dailyLimit = headerCount(res, 'x-ratelimit-limit-daily');
      await opts.budget.observeDaily(req.locationId, {
        remaining: dailyRemaining,
        ...(dailyLimit !== undefined ? { limit: dailyLimit } : {}),
      });
    }
    const remaining = res.headers.get('x-ratelimit-remaining');
    const interval = Number(res.headers.get('x-ratelimit-interval-milliseconds'));
    const intervalMs = Number.isFinite(interval) && interval > 0 ? interval : defaultRateIntervalMs;
    let pauseMs: number | undefined;
    if (retryAfterMs !== undefined) pauseMs = retryAfterMs;
    else if (remaining !== null && remaining.trim() !== '' && Number(remaining) <= 0) pauseMs = intervalMs;
    if (pauseMs !== undefined && pauseMs > 0) {
      opts.logger?.info(
        { op: req.op, status: res.status, pauseMs },
        'GHL rate limit reached; pausing location',
      );
      await opts.budget.pause(req.locationId, pauseMs);
    }
  }

  async function once<T>(req: GhlRequest, afterRefresh = false): Promise<T> {
    const breaker = breakerFor(req);
    if (breaker?.state() === 'open') throw refusedByBreaker(new GhlUnavailableError(req.op), breaker);
    const waited = await opts.budget.acquire(req.locationId);
    if (waited > 0) opts.observer?.onRateLimitWait?.(waited);
    // Only now take the half-open trial: a budget that refuses (day used up) must not hold it.
    if (breaker && !breaker.allow()) throw refusedByBreaker(new GhlUnavailableError(req.op), breaker);
    const token = await tokens.token(req.locationId);
    const headers: Record<string, string> = {
      Authorization: `Bearer ${token}`,
      Version: req.version,
      Accept: 'application/json',
    };
    let body: string | FormData | undefined;
    if (req.form) body = req.form;
    else if (req.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(req.json);
    }
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    let res: Response;
    let text: string;
    try {
      const init: RequestInit = { method: req.method, headers, signal: AbortSignal.timeout(timeoutMs) };
      if (body !== undefined) init.body = body;
      res = await doFetch(buildUrl(req), init);
      text = await res.text();
    } catch (err) {
      const failure = transportError(req.op, err, req.sideEffect ?? false);
      breaker?.failure();
      opts.observer?.onCall?.(req.op, failure.kind === 'timeout' ? 'timeout' : 'network_error', elapsed());
      throw failure;
    }
    opts.observer?.onCall?.(req.op, res.status, elapsed());
    if (res.status >= 500) breaker?.failure();
    else breaker?.success();
    const parsed = parseJson(text);
    const retryAfterMs =
      res.status === 429 ? parseRetryAfter(res.headers.get('retry-after'), Date.now()) : undefined;
    await respectRateHeaders(req, res, retryAfterMs);
    if (!res.ok) {
      // An expired or revoked OAuth token: renew once and repeat (GHL performed nothing on a 401).
      if (res.status === 401 && !afterRefresh && tokens.refreshAfterRejection && tokenRefused(parsed)) {
        const fresh = await tokens.refreshAfterRejection(req.locationId, token);
        if (fresh !== undefined) return once<T>(req, true);
      }
      throw statusError({
        op: req.op,
        status: res.status,
        statusText: res.statusText,
        body: parsed,
        sideEffect: req.sideEffect ?? false,
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      });
    }
    return parsed as T;
  }

  function retrying<T>(op: string, fn: (attempt: number) => Promise<T>): Promise<T> {
    // The day's budget frees up in minutes or hours, not within a quick retry: the outbox retries.
    const classify = (err: unknown) =>
      err instanceof DailyBudgetExhaustedError ? { retry: false as const } : classifyGhlError(err);
    return withRetry(fn, classify, {
      config: retryConfig,
      sleep,
      onRetry: ({ attempt, delayMs, error }) => {
        opts.observer?.onRetry?.(op, attempt, delayMs);
        const detail =
          error instanceof GhlRequestError ? { status: error.status, kind: error.kind } : { kind: 'unknown' };
        opts.logger?.warn({ op, attempt, delayMs, ...detail }, 'GHL call failed; retrying');
      },
    });
  }

  return {
    once: <T>(req: GhlRequest) => once<T>(req),
    request: <T>(req: GhlRequest) => retrying(req.op, () => once<T>(req)),
    retrying,
  };
}

const NOT_A_TOKEN_PROBLEM = /version header|not authorized for this scope/i;

/** A 401 about the token itself; scope and Version problems are 401 too, and renewing cannot help them. */
function tokenRefused(body: unknown): boolean {
  const message = body && typeof body === 'object' ? (body as { message?: unknown }).message : undefined;
  return !(typeof message === 'string' && NOT_A_TOKEN_PROBLEM.test(message));
}

/** A non-negative whole number from a header, or undefined when absent or not a number. */
function headerCount(res: Response, name: string): number | undefined {
  const raw = res.headers.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  const n = Number(raw);
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : undefined;
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
