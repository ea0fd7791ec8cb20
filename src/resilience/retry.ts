// One retry policy for every call to an outside system: exponential backoff with jitter, and a
// server-given wait (Retry-After) when there is one. Time only passes through the injected `sleep`,
// so callers and tests decide what waiting means.

export interface RetryConfig {
  /** Retries after the first attempt (3 → at most 4 attempts). */
  maxRetries: number;
  initialBackoffMs: number;
  maxBackoffMs: number;
  base: number;
  /** Relative spread: 0.1 = ±10%. */
  jitter: number;
}

/** Waits 0.5 s, 1 s, 2 s (±10%) between four attempts. */
export const defaultRetryConfig: RetryConfig = {
  maxRetries: 3,
  initialBackoffMs: 500,
  maxBackoffMs: 10_000,
  base: 2,
  jitter: 0.1,
};

/** A server may ask for a long wait, but a worker should not sit on a call for minutes. */
export const maxServerRequestedDelayMs = 60_000;

/**
 * Delay before the next attempt once attempt number `attempt` (1 = the first try) has failed.
 * `random` returns a number in [0, 1).
 */
export function backoffDelay(attempt: number, cfg: RetryConfig, random: () => number): number {
  const exponent = Math.max(0, attempt - 1);
  const raw = Math.min(cfg.initialBackoffMs * cfg.base ** exponent, cfg.maxBackoffMs);
  const spread = cfg.jitter * (2 * random() - 1);
  return Math.round(Math.min(Math.max(0, raw * (1 + spread)), cfg.maxBackoffMs));
}

export type RetryVerdict = { retry: false } | { retry: true; afterMs?: number };

export interface RetryInfo {
  /** The attempt that failed (1 = the first try). */
  attempt: number;
  delayMs: number;
  error: unknown;
}

export interface RetryOptions {
  config: RetryConfig;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  onRetry?: (info: RetryInfo) => void;
}

export const sleepFor = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

/**
 * Runs `fn` (with the 1-based attempt number) until it succeeds, `classify` says the error is
 * final, or the retries run out; then the last error is thrown unchanged.
 */
export async function withRetry<T>(
  fn: (attempt: number) => Promise<T>,
  classify: (err: unknown) => RetryVerdict,
  opts: RetryOptions,
): Promise<T> {
  const sleep = opts.sleep ?? sleepFor;
  const random = opts.random ?? Math.random;
  const totalAttempts = 1 + Math.max(0, opts.config.maxRetries);
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (attempt >= totalAttempts) throw error;
      const verdict = classify(error);
      if (!verdict.retry) throw error;
      const delayMs =
        verdict.afterMs !== undefined
          ? Math.min(Math.max(0, verdict.afterMs), maxServerRequestedDelayMs)
          : backoffDelay(attempt, opts.config, random);
      opts.onRetry?.({ attempt, delayMs, error });
      await sleep(delayMs);
    }
  }
}
