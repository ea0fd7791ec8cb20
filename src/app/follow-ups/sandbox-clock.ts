import type { Clock } from '../../ports.ts';
import type { SandboxDueStore } from '../../ports/escalation-alert-store.ts';
import type { SandboxClockStore } from '../../ports/sandbox-clock-store.ts';
import type { FollowUpRun } from './plan-follow-up.ts';
import { SANDBOX_LOCATION_ID } from '../locations/sandbox.ts';

export interface SandboxClock extends Clock {
  /** How far the sandbox runs ahead of the real clock. */
  offsetMs(): number;
  /** Moves the sandbox ahead by `ms` and stores the new offset. */
  advance(ms: number): Promise<Date>;
}

/**
 * The sandbox location's clock: the real clock plus an offset kept in the database (table
 * sandbox_clock), so a user can watch a 30-day sequence in minutes and a restart keeps the time.
 */
export async function createSandboxClock(store: SandboxClockStore, base: Clock): Promise<SandboxClock> {
  let offset = await store.readOffsetMs();
  return {
    now: () => new Date(base.now().getTime() + offset),
    offsetMs: () => offset,
    async advance(ms) {
      const stored = await store.addOffsetMs(ms);
      offset = Number.isFinite(stored) ? stored : offset + ms;
      return new Date(base.now().getTime() + offset);
    },
  };
}

/** What one hop of the sandbox clock ran (follow-up steps, escalation re-alerts…). */
export interface SandboxHop<R> {
  now: Date;
  ran: R[];
}

export interface AdvanceThroughDeps<R> {
  /** The sandbox's current time. */
  now: () => Date;
  /** The earliest thing due strictly after `after`, or null. */
  nextDueAt: (after: Date) => Promise<Date | null>;
  /** Moves the clock `ms` ahead and runs everything due at the new time. */
  hop: (ms: number) => Promise<SandboxHop<R>>;
  /** Safety bound on hops (a 60-day advance of a 30-day sequence needs a few dozen). */
  maxHops?: number;
}

/**
 * Moves the sandbox clock `ms` ahead as if the time had passed: instead of one jump, the clock
 * stops at each moment something falls due on the way (a follow-up step, a step pushed to the
 * lead's 08:00, an SLA re-alert) and runs it there, then lands on the target. One jump of whole
 * days from a UTC morning would land outside every US lead's 08:00–21:00 window each time, so
 * the follow-ups it found were postponed again and again and never sent.
 */
export async function advanceThrough<R>(deps: AdvanceThroughDeps<R>, ms: number): Promise<SandboxHop<R>> {
  const target = deps.now().getTime() + ms;
  const ran: R[] = [];
  const max = deps.maxHops ?? 500;
  for (let hops = 0; hops < max; hops++) {
    const now = deps.now();
    const next = await deps.nextDueAt(now);
    if (!next || next.getTime() >= target) break;
    const r = await deps.hop(next.getTime() - now.getTime());
    ran.push(...r.ran);
  }
  const last = await deps.hop(Math.max(0, target - deps.now().getTime()));
  ran.push(...last.ran);
  return { now: last.now, ran };
}

const DAY_MS = 86_400_000;

/** One thing that ran while the sandbox clock moved, as the advance-clock route reports it. */
export type SandboxRun = Pick<FollowUpRun, 'contactId' | 'step' | 'status' | 'channel' | 'reason'>;

export interface SandboxTimeDeps {
  clock: SandboxClock;
  due: SandboxDueStore;
  /** The follow-up runner's sandbox operation: move the clock, run the steps now due. */
  followUps: { advanceSandbox(days: number): Promise<{ now: Date; ran: SandboxRun[] }> };
  /** The sandbox's escalation re-alerts, when the service runs them. */
  alerts: { slaMs: number; runSandbox(): Promise<SandboxRun[]> } | null;
  /** Sends what a contact's runs queued, through the sandbox CRM, at the current sandbox time. */
  drain: (contactId: string) => Promise<void>;
}

/** The sandbox's "time passes" operation (advance-clock route, dashboard simulator). */
export function createSandboxTime(deps: SandboxTimeDeps) {
  return {
    now: () => deps.clock.now(),
    advance: (ms: number) =>
      advanceThrough<SandboxRun>(
        {
          now: () => deps.clock.now(),
          nextDueAt: (after) =>
            deps.due.nextDueAt({
              locationId: SANDBOX_LOCATION_ID,
              after,
              slaMs: deps.alerts ? deps.alerts.slaMs : null,
            }),
          hop: async (step) => {
            const r = await deps.followUps.advanceSandbox(step / DAY_MS);
            const ran = [...r.ran, ...(deps.alerts ? await deps.alerts.runSandbox() : [])];
            // Sent at the hop's time: drained later, a message would meet the next night's quiet hours.
            const contacts = new Set(ran.filter((x) => x.status === 'sent').map((x) => x.contactId));
            for (const cid of contacts) await deps.drain(cid);
            return { now: r.now, ran };
          },
        },
        ms,
      ),
  };
}

export type SandboxTime = ReturnType<typeof createSandboxTime>;
