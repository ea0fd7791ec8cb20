import type { Logger } from '../../observability/logger.ts';
import type { Clock } from '../../ports.ts';
import { type FollowUpRun, type FollowUpRunnerDeps, runDueFollowUps } from './run-due-follow-ups.ts';
import type { SandboxClock } from './sandbox-clock.ts';
import { SANDBOX_LOCATION_ID } from '../locations/sandbox.ts';
import { createWakeableLoop } from '../../resilience/wakeable-loop.ts';

const DAY_MS = 86_400_000;

export interface FollowUpLoopDeps extends FollowUpRunnerDeps {
  clock: Clock;
  sandboxClock: SandboxClock;
  logger: Logger;
  /** Wakes the outbox drainer after steps wrote outbox rows. */
  onOutbox: () => void;
  pollMs: number;
}

/**
 * The background runner (every location on the real clock, the sandbox on its own clock) and the
 * sandbox's "advance the clock" operation.
 */
export function createFollowUpLoop(deps: FollowUpLoopDeps) {
  const runSandbox = () =>
    runDueFollowUps(deps, { now: deps.sandboxClock.now(), locationId: SANDBOX_LOCATION_ID, only: true });

  async function runOnce(): Promise<boolean> {
    const live = await runDueFollowUps(deps, {
      now: deps.clock.now(),
      locationId: SANDBOX_LOCATION_ID,
      only: false,
    });
    const sandbox = await runSandbox();
    const sent = [...live, ...sandbox].filter((r) => r.status === 'sent').length;
    if (sent > 0) deps.onOutbox();
    return live.some((r) => r.status !== 'pending') || sandbox.some((r) => r.status !== 'pending');
  }

  /**
   * Moves the sandbox clock `days` ahead and runs every sandbox step that became due, until none is
   * left (a step pushed to the next morning stays pending). Other locations are never touched.
   */
  async function advanceSandbox(days: number): Promise<{ now: Date; ran: FollowUpRun[] }> {
    const now = await deps.sandboxClock.advance(days * DAY_MS);
    const ran: FollowUpRun[] = [];
    for (;;) {
      const batch = await runSandbox();
      ran.push(...batch);
      if (!batch.some((r) => r.status !== 'pending')) break;
    }
    return { now, ran };
  }

  const loop = createWakeableLoop(runOnce, {
    idleMs: deps.pollMs,
    onError: (err) => deps.logger.error({ err }, 'follow-up runner error'),
  });
  return { runOnce, advanceSandbox, start: loop.start, stop: loop.stop };
}

export type FollowUpLoop = ReturnType<typeof createFollowUpLoop>;
