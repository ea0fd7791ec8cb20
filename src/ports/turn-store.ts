import type { PlannedFollowUp } from '../domain/follow-up/index.ts';
import type { Understanding } from '../domain/understand/types.ts';
import type { Db, Sql } from '../ports.ts';
import type { ContactRow } from './contact-store.ts';
import type { ModelCallRecord } from './model-call-record.ts';
import type { OutboxAction } from './outbox-action.ts';

/** The contact as our mirror holds it, before the event being handled is applied. */
export type TurnContact = Omit<ContactRow, 'location_id' | 'id'>;

export interface TurnConversation {
  bot: string;
  state: Record<string, unknown>;
  /** 0 = no conversation stored yet. */
  version: number;
  needs_human_review: boolean;
  compliance_hold: boolean;
}

/**
 * Everything stored that a turn's decision reads: loaded once without the lock to gather what the
 * decision needs from the network, and again under the lock to check nothing moved meanwhile.
 */
export interface TurnBasis {
  contact: TurnContact | null;
  conversation: TurnConversation;
  /** The latest financial readiness assessment of the contact (buyers read it). */
  assessment: { preApproved: boolean; source: 'service' | 'heuristic' | 'default' } | null;
}

/** Two loads of the basis give the same key exactly when the decision would see the same data. */
export function basisKey(b: TurnBasis): string {
  return JSON.stringify([b.contact, b.conversation, b.assessment]);
}

export interface TranscriptRow {
  direction: 'inbound' | 'outbound';
  channel: string;
  body: string;
  /** Outbound rows: the idempotency key of the outbox row that sends this text. */
  outboxKey?: string;
  /** The lead's message: the dialogue acts and slot values the bot read in it (messages.reading). */
  reading?: Understanding;
}

export interface AuditRow {
  actor: string;
  action: string;
  detail: Record<string, unknown>;
}

/**
 * Every effect of one turn, as data. The contact's values are final (the event's patch and the
 * turn's tag, field and consent changes already applied to the basis), so committing is a handful
 * of statements in one transaction, whatever the bot decided.
 */
export interface TurnPlan {
  locationId: string;
  contactId: string;
  inboxId: number;
  at: Date;
  /** The contact after the turn; `isNew` = no row yet (its location may be new too). */
  contact: TurnContact & { isNew: boolean };
  /** Queued, unclaimed messages to the lead are cancelled first (the lead opted out), with this reason. */
  cancelQueuedMessages: string | null;
  transcript: TranscriptRow[];
  outbox: { key: string; action: OutboxAction }[];
  audits: AuditRow[];
  modelCalls: ModelCallRecord[];
  /** The conversation to save, at the version the basis had (null: staff message, none saved). */
  conversation: { bot: string; state: Record<string, unknown>; expectedVersion: number } | null;
  /** The lead wrote: pending follow-ups are cancelled and, unless null, this sequence is stored. */
  followUps: { cancel: boolean; schedule: PlannedFollowUp[] | null } | null;
}

/** Which claim of which inbox event the turn runs under (the attempt number is the claim's token). */
export interface TurnClaim {
  inboxId: number;
  attempt: number;
  lockWaitMs: number;
}

export type TurnCommit =
  /** Committed; `outboxRows` rows were newly queued. */
  | { kind: 'done'; outboxRows: number }
  /** Another worker holds or took over the event: nothing was written. */
  | { kind: 'lost' }
  /** The stored basis changed since it was gathered against: nothing was written, gather again. */
  | { kind: 'moved' };

export interface TurnStore {
  /** The basis, read without taking any lock (one statement). */
  load(sql: Sql, locationId: string, contactId: string): Promise<TurnBasis>;
  /**
   * One transaction: take the contact's lock, check the claim and that the basis is still the one
   * gathered against, write the plan, run `also` (escalation records that read what was just
   * written), mark the event done.
   */
  commit(
    db: Db,
    claim: TurnClaim,
    expectedKey: string,
    plan: TurnPlan,
    also?: (tx: Sql) => Promise<number>,
  ): Promise<TurnCommit>;
}
