import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWakeableLoop } from '../../src/resilience/wakeable-loop.ts';

// The inbox worker, outbox drainer and follow-up runner all run on this loop; while the database is
// away every step fails.
describe('a worker loop while its steps fail', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps trying with growing pauses (at most 5 s), carries on when the steps succeed again, and a wake tries at once', async () => {
    vi.useFakeTimers();
    let calls = 0;
    let failing = true;
    const errors: unknown[] = [];
    const loop = createWakeableLoop(
      async () => {
        calls++;
        if (failing) throw new Error('connect ECONNREFUSED');
        return false;
      },
      { idleMs: 250, onError: (err) => errors.push(err) },
    );
    loop.start();
    await vi.advanceTimersByTimeAsync(10_000);
    // Every 250 ms this would be 41 attempts (and 41 logged errors) in 10 s.
    expect(calls).toBeGreaterThanOrEqual(4);
    expect(calls).toBeLessThanOrEqual(8);
    expect(errors).toHaveLength(calls);

    // Woken (a webhook was stored, so the database is back): no waiting out the pause.
    const beforeWake = calls;
    loop.wake();
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toBe(beforeWake + 1);

    failing = false;
    const beforeRecovery = calls;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls).toBeGreaterThan(beforeRecovery);
    // Back at the idle pace once a step succeeded.
    const recovered = calls;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls - recovered).toBeGreaterThanOrEqual(3);
    expect(errors).toHaveLength(beforeRecovery);

    const stopped = loop.stop();
    await vi.advanceTimersByTimeAsync(1);
    await stopped;
  });
});
