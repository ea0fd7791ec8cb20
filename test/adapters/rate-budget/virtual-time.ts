/** A virtual clock: sleeping schedules a wake-up; `settle` runs time forward until nobody sleeps. */
export function virtualTime(start = 0) {
  let t = start;
  const timers: { at: number; wake: () => void }[] = [];
  const flush = async () => {
    for (let i = 0; i < 20; i++) await Promise.resolve();
  };
  return {
    now: () => t,
    sleep: (ms: number) =>
      new Promise<void>((wake) => {
        timers.push({ at: t + ms, wake });
      }),
    /** Moves the clock forward without waking anyone (for tests that never sleep). */
    advance(ms: number) {
      t += ms;
    },
    async settle() {
      await flush();
      while (timers.length > 0) {
        timers.sort((a, b) => a.at - b.at);
        const next = timers.shift()!;
        t = Math.max(t, next.at);
        next.wake();
        await flush();
      }
    },
  };
}

/** The most of `times` that fall within any span of `windowMs`. */
export function busiestWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < sorted.length; hi++) {
    while ((sorted[lo] ?? 0) <= (sorted[hi] ?? 0) - windowMs) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}
