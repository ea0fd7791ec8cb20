import type { Db, Sql } from '../ports.ts';
import type { ContactRow } from './contact-store.ts';
import type { FollowUpRow } from './contact-view.ts';
import type { ModelCallRecord } from './model-call-record.ts';
import type { OutboxAction } from './outbox-action.ts';

export type { OutboxEnqueue, TranscriptLine } from './contact-store.ts';

/** The contact a follow-up step would reach, with its conversation (null: none stored yet). */
export interface FollowUpSubjectRow {
  contact: ContactRow;
  conversation: {
    bot: string;
    state: Record<string, unknown>;
    needs_human_review: boolean;
    compliance_hold: boolean;
  } | null;
}

/** How a follow-up step ended. */
export interface FollowUpOutcome {
  status: 'sent' | 'skipped';
  reason?: string;
  channel?: string;
  detail?: Record<string, unknown>;
  at: Date;
}

/**
 * Everything stored that a due step's checks and wording read: loaded once without any lock to
 * gather what the step needs from the network (the CMA and its model-written explanation), and
 * again under the step's row lock to check nothing moved meanwhile.
 */
export interface FollowUpBasis {
  step: FollowUpRow;
  /** Null: the contact is not in our mirror. */
  subject: FollowUpSubjectRow | null;
  /** When the contact's last follow-up step was sent. */
  lastSentAt: Date | null;
  /** When someone other than the bots (a GHL workflow, a campaign, a person) last texted the contact. */
  lastOtherSendAt: Date | null;
  /** When the messages we started (no inbox row) to the contact went out since `sentSince`. */
  initiatedSent: Date[];
}

/** Two loads of the basis give the same key exactly when the step's checks would see the same data. */
export function followUpBasisKey(b: FollowUpBasis): string {
  return JSON.stringify([b.step, b.subject, b.lastSentAt, b.lastOtherSendAt, b.initiatedSent]);
}

/** Every effect of one step, as data; committed in one transaction. */
export interface FollowUpPlan {
  locationId: string;
  contactId: string;
  at: Date;
  /** Sent or skipped for good, or still pending until `dueAt` (`reason` null keeps the one shown). */
  outcome: FollowUpOutcome | { status: 'pending'; dueAt: Date; reason: string | null };
  /** The CMA PDF the email links to. */
  document: { id: string; filename: string; contentType: string; bytes: Buffer } | null;
  outbox: { key: string; action: OutboxAction }[];
  /** The transcript line of the sent step; `outboxKey` names the outbox row that sends it. */
  transcript: { channel: string; body: string; outboxKey: string | null } | null;
  modelCalls: ModelCallRecord[];
}

export type FollowUpCommit =
  | { kind: 'done' }
  /** The step is no longer pending and due, or another runner holds it: nothing was written. */
  | { kind: 'lost' }
  /** The stored basis changed since it was loaded: nothing was written, load and gather again. */
  | { kind: 'moved' };

/** What the follow-up runner reads and its one write per step. */
export interface FollowUpStore {
  /** Ids of pending steps due at `now`, oldest first; `only` selects `locationId`, else every other location. */
  listDue(sql: Sql, opts: { now: Date; locationId: string; only: boolean; limit: number }): Promise<number[]>;
  /** The step's basis, read without taking any lock; null when it is not pending and due at `now`. */
  load(sql: Sql, id: number, opts: { now: Date; sentSince: Date }): Promise<FollowUpBasis | null>;
  /**
   * One transaction: lock the step if it is still pending and due and nobody else holds it, check
   * the basis is still the one loaded, write the plan.
   */
  commit(
    db: Db,
    id: number,
    opts: { now: Date; sentSince: Date },
    expectedKey: string,
    plan: FollowUpPlan,
  ): Promise<FollowUpCommit>;
}
