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

  async function run() {
    while (running) {
      let progressed = false;
      try {
        progressed = await step();
      } catch (err) {
        opts.onError(err);
      }
      if (!running) break;
      if (progressed) continue;
      if (woken) {
        woken = false;
        continue;
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, opts.idleMs);
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
