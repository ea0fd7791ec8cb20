import type { OutboxAction } from './outbox-action.ts';

// Escalation SLA re-alerts and what falls due on the sandbox's clock.
// PostgreSQL/PGlite: adapters/postgres/escalation-alerts-repo.ts, adapters/postgres/sandbox-due-repo.ts.

export interface DueRealert {
  id: string;
  locationId: string;
  contactId: string;
  reason: string;
  createdAt: Date;
  /** The stage already reached: 0 = first alert only, 1 = agent alerted again. */
  stage: number;
}

export type PickUpResult =
  | { ok: true; locationId: string; contactId: string }
  | { ok: false; reason: 'not_found' | 'not_open' };

export interface EscalationAlertStore {
  /**
   * Open escalations nobody picked up whose next re-alert is due at `now`: the agent again after
   * one SLA, the backup after two. `only` picks one location (the sandbox) or every other one.
   */
  listDue(opts: {
    now: Date;
    locationId: string;
    only: boolean;
    slaMs: number;
    limit: number;
  }): Promise<DueRealert[]>;
  /**
   * In one transaction: moves the escalation to its next stage, queues `steps` and notes `action`
   * in the audit log. False (nothing queued) when another replica did it first, or someone picked
   * it up or resolved it meanwhile.
   */
  realert(e: DueRealert, steps: readonly OutboxAction[], action: string, now: Date): Promise<boolean>;
  /** Marks an open escalation as picked up; its re-alerts stop. */
  pickUp(id: string, by: string, now: Date): Promise<PickUpResult>;
}

export interface SandboxDueStore {
  /**
   * The earliest moment after `after` something of the location falls due: a pending follow-up
   * step or, with `slaMs`, the next re-alert of an open escalation nobody picked up.
   */
  nextDueAt(opts: { locationId: string; after: Date; slaMs: number | null }): Promise<Date | null>;
}
