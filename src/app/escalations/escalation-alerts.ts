import type { Logger } from '../../observability/logger.ts';
import type { Clock } from '../../ports.ts';
import type { DueRealert, EscalationAlertStore } from '../../ports/escalation-alert-store.ts';
import type { OutboxAction } from '../../ports/outbox-action.ts';
import { describeReason } from './escalate-to-human-review.ts';
import type { EscalationDeps } from './escalation-deps.ts';
import { SANDBOX_LOCATION_ID } from '../locations/sandbox.ts';
import { createWakeableLoop } from '../../resilience/wakeable-loop.ts';

export interface EscalationAlertDeps {
  store: EscalationAlertStore;
  clock: Clock;
  /** The sandbox's own clock: its escalations re-alert on sandbox time. */
  sandboxClock: Clock;
  escalation: EscalationDeps;
  /** An escalation nobody picked up within this long alerts the agent again; after twice this, the backup. */
  slaMs: number;
  backup: { phone?: string; email?: string };
  logger: Logger;
  /** Wakes the outbox drainer after alerts were queued. */
  onOutbox: () => void;
  pollMs: number;
}

/** One re-alert sent, in the shape the sandbox clock reports what ran. */
export interface RealertRun {
  locationId: string;
  contactId: string;
  step: 'escalation_realert' | 'escalation_backup';
  status: 'sent' | 'skipped';
  channel: string | null;
  reason: string | null;
}

const minutes = (ms: number) => `${Math.max(1, Math.round(ms / 60_000))} min`;

function alertSteps(deps: EscalationAlertDeps, e: DueRealert, stage: 1 | 2, now: Date): OutboxAction[] {
  const why = describeReason(e.reason);
  const waited = minutes(now.getTime() - e.createdAt.getTime());
  const to =
    stage === 1
      ? {
          phone: deps.escalation.agentPhone,
          email: deps.escalation.agentEmail,
          name: deps.escalation.agentName,
        }
      : {
          phone: deps.backup.phone,
          email: deps.backup.email,
          name: `Backup for ${deps.escalation.agentName}`,
        };
  const text =
    stage === 1
      ? `Jorge Bots reminder: a lead has waited ${waited} for you (${why}) and nobody picked it up. Escalation ${e.id}.`
      : `Jorge Bots: a lead has waited ${waited} for ${deps.escalation.agentName} (${why}) and nobody picked it up; please step in. Escalation ${e.id}.`;
  const steps: OutboxAction[] = [];
  if (to.phone)
    steps.push({
      kind: 'notify_staff',
      channel: 'SMS',
      to: to.phone,
      name: `${to.name} (alerts)`,
      message: text,
    });
  if (to.email)
    steps.push({
      kind: 'notify_staff',
      channel: 'Email',
      to: to.email,
      name: `${to.name} (alerts)`,
      subject: `Still waiting: ${why}`,
      message: text,
    });
  return steps;
}

/**
 * Re-alerts for escalations nobody picked up within the SLA: the agent again after one SLA, the
 * backup contact after two. Each re-alert is claimed with the escalation's stage in one
 * transaction with its outbox rows, so two replicas never send it twice and a crash loses none.
 */
export function createEscalationAlerts(deps: EscalationAlertDeps) {
  async function run(now: Date, locationId: string, only: boolean): Promise<RealertRun[]> {
    const due = await deps.store.listDue({ now, locationId, only, slaMs: deps.slaMs, limit: 50 });
    const out: RealertRun[] = [];
    for (const e of due) {
      const stage = (e.stage + 1) as 1 | 2;
      const steps = alertSteps(deps, e, stage, now);
      const action = stage === 1 ? 'escalation_realert' : 'escalation_backup_alert';
      const done = await deps.store.realert(e, steps, action, now);
      if (!done) continue;
      out.push({
        locationId: e.locationId,
        contactId: e.contactId,
        step: stage === 1 ? 'escalation_realert' : 'escalation_backup',
        status: steps.length > 0 ? 'sent' : 'skipped',
        channel: steps.map((s) => (s.kind === 'notify_staff' ? s.channel : '')).join('+') || null,
        reason: steps.length > 0 ? null : 'no_recipient',
      });
    }
    return out;
  }

  const runLive = () => run(deps.clock.now(), SANDBOX_LOCATION_ID, false);
  const runSandbox = () => run(deps.sandboxClock.now(), SANDBOX_LOCATION_ID, true);

  async function runOnce(): Promise<boolean> {
    const ran = [...(await runLive()), ...(await runSandbox())];
    if (ran.some((r) => r.status === 'sent')) deps.onOutbox();
    return ran.length > 0;
  }

  const loop = createWakeableLoop(runOnce, {
    idleMs: deps.pollMs,
    onError: (err) => deps.logger.error({ err }, 'escalation re-alert error'),
  });
  return {
    slaMs: deps.slaMs,
    runOnce,
    runSandbox,
    /** Someone is on it: the re-alerts of this escalation stop. */
    pickUp: (id: string, by: string) => deps.store.pickUp(id, by, deps.clock.now()),
    start: loop.start,
    stop: loop.stop,
  };
}

export type EscalationAlerts = ReturnType<typeof createEscalationAlerts>;
