import { createGhlCrm, type GhlCrmOptions } from '../../../src/adapters/ghl/ghl-client.ts';
import { createMemoryRateBudget } from '../../../src/adapters/rate-budget/memory-rate-budget.ts';
import type { Crm, RateBudget } from '../../../src/ports.ts';
import type { RetryConfig } from '../../../src/resilience/retry.ts';
import { type FakeGhl, type FakeGhlOptions, startFakeGhl } from '../../support/fakes/ghl-server.ts';

/** Same shape as production, scaled down so a test never waits long. */
export const fastRetry: RetryConfig = {
  maxRetries: 3,
  initialBackoffMs: 20,
  maxBackoffMs: 200,
  base: 2,
  jitter: 0.1,
};

export interface Harness {
  fake: FakeGhl;
  crm: Crm;
  /** Every delay the client asked the retry policy for. */
  retries: { op: string; attempt: number; delayMs: number }[];
  /** Every pause the client put on the budget. */
  pauses: { key: string; ms: number }[];
  rateLimitWaits: number[];
  calls: { op: string; status: number | string }[];
  logs: { level: 'warn' | 'info'; obj: object; msg: string }[];
}

/** A budget that records the pauses the client asks for, around a real in-memory budget. */
function recordingBudget(inner: RateBudget, pauses: Harness['pauses']): RateBudget {
  return {
    mode: inner.mode,
    acquire: (key) => inner.acquire(key),
    pause: (key, ms) => {
      pauses.push({ key, ms });
      return inner.pause(key, ms);
    },
    close: () => inner.close(),
  };
}

/**
 * Time that passes instantly: sleeping moves the clock forward instead of waiting, so server-given
 * waits (Retry-After: seconds) are honoured without slowing the suite.
 */
export function warpClock() {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    sleep: async (ms: number) => {
      offset += ms;
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

export async function startHarness(
  fakeOpts: FakeGhlOptions = {},
  clientOpts: Partial<GhlCrmOptions> & { budget?: RateBudget } = {},
): Promise<Harness> {
  const fake = await startFakeGhl({ strictVersion: true, ...fakeOpts });
  const h: Omit<Harness, 'crm'> = { fake, retries: [], pauses: [], rateLimitWaits: [], calls: [], logs: [] };
  const clock = warpClock();
  const inner = clientOpts.budget ?? createMemoryRateBudget({ points: 100, durationMs: 10_000, ...clock });
  const crm = createGhlCrm({
    baseUrl: fake.url,
    token: fake.token,
    retry: fastRetry,
    timeoutMs: 2_000,
    sleep: clock.sleep,
    observer: {
      onCall: (op, status) => h.calls.push({ op, status }),
      onRateLimitWait: (ms) => h.rateLimitWaits.push(ms),
      onRetry: (op, attempt, delayMs) => h.retries.push({ op, attempt, delayMs }),
    },
    logger: {
      warn: (obj, msg) => h.logs.push({ level: 'warn', obj, msg }),
      info: (obj, msg) => h.logs.push({ level: 'info', obj, msg }),
    },
    ...clientOpts,
    budget: recordingBudget(inner, h.pauses),
  });
  return { ...h, crm };
}

export const sendsOf = (fake: FakeGhl) =>
  fake.requests.filter((r) => r.method === 'POST' && r.path === '/conversations/messages');
