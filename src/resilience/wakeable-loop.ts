const ERROR_BACKOFF_CAP_MS = 5_000;

/**
 * Runs `step` while it reports progress; when idle, sleeps `idleMs` or until woken. stop() lets the
 * step in flight finish (graceful drain on SIGTERM).
 */
export function createWakeableLoop(
  step: () => Promise<boolean>,
  opts: { idleMs: number; onError: (err: unknown) => void },
) {
  let running = false;
  let done: Promise<void> = Promise.resolve();
  let wakeUp: (() => void) | null = null;
  let woken = false;

  // While steps keep failing (database restarting, say) the loop waits longer each time, up to
  // ERROR_BACKOFF_CAP_MS, so an outage is not a flood of errors; a wake() still tries at once.
  let failures = 0;

  async function run() {
    while (running) {
      let progressed = false;
      try {
        progressed = await step();
        failures = 0;
      } catch (err) {
        failures++;
        opts.onError(err);
      }
      if (!running) break;
      if (progressed) continue;
      if (woken) {
        woken = false;
        continue;
      }
      const waitMs =
        failures === 0
          ? opts.idleMs
          : Math.min(opts.idleMs * 2 ** (failures - 1), Math.max(opts.idleMs, ERROR_BACKOFF_CAP_MS));
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, waitMs);
        wakeUp = () => {
          clearTimeout(t);
          resolve();
        };
      });
      wakeUp = null;
      woken = false;
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      done = run();
    },
    wake() {
      woken = true;
      wakeUp?.();
    },
    async stop() {
      running = false;
      wakeUp?.();
      await done;
    },
  };
}
