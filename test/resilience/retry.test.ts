import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  defaultRetryConfig,
  type RetryVerdict,
  withRetry,
} from '../../src/resilience/retry.ts';

const always = (): RetryVerdict => ({ retry: true });
const never = (): RetryVerdict => ({ retry: false });

function recordingSleep() {
  const delays: number[] = [];
  return { delays, sleep: async (ms: number) => void delays.push(ms) };
}

function failingTimes<T>(failures: number, value: T) {
  const calls: number[] = [];
  const fn = async (attempt: number) => {
    calls.push(attempt);
    if (calls.length <= failures) throw new Error(`boom ${calls.length}`);
    return value;
  };
  return { calls, fn };
}

describe('backoffDelay', () => {
  it('doubles from 0.5 s with no jitter at the midpoint', () => {
    const mid = () => 0.5;
    expect([1, 2, 3].map((a) => backoffDelay(a, defaultRetryConfig, mid))).toEqual([500, 1000, 2000]);
  });

  it('stays within ±10% at the extremes of the random source', () => {
    const low = [1, 2, 3].map((a) => backoffDelay(a, defaultRetryConfig, () => 0));
    const high = [1, 2, 3].map((a) => backoffDelay(a, defaultRetryConfig, () => 0.999_999));
    expect(low).toEqual([450, 900, 1800]);
    expect(high).toEqual([550, 1100, 2200]);
  });

  it('never exceeds maxBackoffMs', () => {
    expect(backoffDelay(20, defaultRetryConfig, () => 0.999)).toBe(10_000);
  });
});

describe('withRetry', () => {
  it('returns the first success without sleeping', async () => {
    const { delays, sleep } = recordingSleep();
    const { calls, fn } = failingTimes(0, 'ok');
    await expect(withRetry(fn, always, { config: defaultRetryConfig, sleep })).resolves.toBe('ok');
    expect(calls).toEqual([1]);
    expect(delays).toEqual([]);
  });

  it('waits 0.5 s, 1 s, 2 s (±10%) between attempts and then succeeds', async () => {
    const { delays, sleep } = recordingSleep();
    const { calls, fn } = failingTimes(3, 'ok');
    const retries: number[] = [];
    const result = await withRetry(fn, always, {
      config: defaultRetryConfig,
      sleep,
      onRetry: (info) => retries.push(info.attempt),
    });
    expect(result).toBe('ok');
    expect(calls).toEqual([1, 2, 3, 4]);
    expect(retries).toEqual([1, 2, 3]);
    [500, 1000, 2000].forEach((expected, i) => {
      expect(delays[i]).toBeGreaterThanOrEqual(expected * 0.9);
      expect(delays[i]).toBeLessThanOrEqual(expected * 1.1);
    });
  });

  it('throws the last error once retries run out', async () => {
    const { sleep } = recordingSleep();
    const { calls, fn } = failingTimes(10, 'never');
    await expect(withRetry(fn, always, { config: defaultRetryConfig, sleep })).rejects.toThrow('boom 4');
    expect(calls).toHaveLength(4);
  });

  it('does not retry an error classified as final', async () => {
    const { delays, sleep } = recordingSleep();
    const { calls, fn } = failingTimes(10, 'never');
    await expect(withRetry(fn, never, { config: defaultRetryConfig, sleep })).rejects.toThrow('boom 1');
    expect(calls).toEqual([1]);
    expect(delays).toEqual([]);
  });

  it('uses the server-given wait instead of the backoff, capped at 60 s', async () => {
    const { delays, sleep } = recordingSleep();
    const { fn } = failingTimes(2, 'ok');
    const waits = [3_000, 600_000];
    let i = 0;
    const classify = (): RetryVerdict => ({ retry: true, afterMs: waits[i++] ?? 0 });
    await withRetry(fn, classify, { config: defaultRetryConfig, sleep });
    expect(delays).toEqual([3_000, 60_000]);
  });

  it('makes exactly one attempt when maxRetries is 0', async () => {
    const { sleep } = recordingSleep();
    const { calls, fn } = failingTimes(1, 'ok');
    await expect(
      withRetry(fn, always, { config: { ...defaultRetryConfig, maxRetries: 0 }, sleep }),
    ).rejects.toThrow('boom 1');
    expect(calls).toEqual([1]);
  });
});
