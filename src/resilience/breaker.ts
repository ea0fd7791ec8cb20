export type BreakerState = 'closed' | 'open' | 'half_open';

export interface BreakerConfig {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long the circuit stays open before one trial call is let through. */
  halfOpenAfterMs: number;
}

export const defaultBreakerConfig: BreakerConfig = { failureThreshold: 5, halfOpenAfterMs: 30_000 };

export interface Breaker {
  readonly name: string;
  state(): BreakerState;
  /** False while open (callers fail fast and try again later); in half-open, lets one trial through. */
  allow(): boolean;
  success(): void;
  failure(): void;
  /** Milliseconds until an open circuit lets a trial call through; 0 when it is not open. */
  retryInMs(): number;
}

// Errors an adapter raised because its breaker refused the call: nothing was tried, so a caller
// that counts attempts (the outbox) waits for the circuit instead of counting one. A mark rather
// than a class, because each adapter already throws its own error type (CrmError, MailError).
const refusals = new WeakMap<object, number>();

/** Marks `err` as a refusal of `breaker`'s open circuit, to be tried again in `breaker.retryInMs()`. */
export function refusedByBreaker<E extends object>(err: E, breaker: Breaker): E {
  refusals.set(err, breaker.retryInMs());
  return err;
}

/** For an error marked by refusedByBreaker: how long until the circuit lets a trial through. */
export function breakerRefusal(err: unknown): { retryInMs: number } | null {
  if (typeof err !== 'object' || err === null) return null;
  const retryInMs = refusals.get(err);
  return retryInMs === undefined ? null : { retryInMs };
}

/**
 * A circuit breaker per outside dependency: after `failureThreshold` consecutive failures it
 * opens, so a dead dependency is not hammered; after `halfOpenAfterMs` one trial call decides
 * whether it closes again. Callers decide what counts as a failure (429 and other 4xx do not).
 */
export function createBreaker(
  name: string,
  config: BreakerConfig = defaultBreakerConfig,
  opts: { now?: () => number; onChange?: (name: string, state: BreakerState) => void } = {},
): Breaker {
  const now = opts.now ?? Date.now;
  let current: BreakerState = 'closed';
  let failures = 0;
  let openedAt = 0;
  let trialInFlight = false;
  const set = (s: BreakerState) => {
    if (s === current) return;
    current = s;
    opts.onChange?.(name, s);
  };
  return {
    name,
    state: () => {
      if (current === 'open' && now() - openedAt >= config.halfOpenAfterMs) set('half_open');
      return current;
    },
    allow() {
      const s = this.state();
      if (s === 'closed') return true;
      if (s === 'half_open' && !trialInFlight) {
        trialInFlight = true;
        return true;
      }
      return false;
    },
    success() {
      failures = 0;
      trialInFlight = false;
      set('closed');
    },
    failure() {
      trialInFlight = false;
      failures += 1;
      if (current === 'half_open' || failures >= config.failureThreshold) {
        openedAt = now();
        set('open');
      }
    },
    retryInMs() {
      return this.state() === 'open' ? Math.max(0, openedAt + config.halfOpenAfterMs - now()) : 0;
    },
  };
}
