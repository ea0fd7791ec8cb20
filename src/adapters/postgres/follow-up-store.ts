import type { Sql } from '../../ports.ts';
import {
  type FollowUpBasis,
  followUpBasisKey,
  type FollowUpPlan,
  type FollowUpStore,
  type FollowUpSubjectRow,
} from '../../ports/follow-up-store.ts';
import { appendMessage, getContact } from './contacts-repo.ts';
import { lastOtherSendAt } from './deliveries-repo.ts';
import {
  finishFollowUp,
  holdFollowUp,
  lastFollowUpSentAt,
  listDueFollowUps,
  lockDueFollowUp,
  postponeFollowUp,
  saveDocument,
} from './follow-ups-repo.ts';
import { recordModelCall } from './model-usage-repo.ts';
import { enqueueOutbox, initiatedMessagesSentSince } from './outbox-repo.ts';
import type { FollowUpRow } from './follow-ups-repo.ts';

/** The follow-up runner's store on PostgreSQL and PGlite (ports/follow-up-store.ts). */
export const postgresFollowUpStore: FollowUpStore = {
  listDue: listDueFollowUps,
  async load(sql, id, opts) {
    const { rows } = await sql.query<FollowUpRow>(
      `SELECT * FROM follow_ups WHERE id = $1 AND status = 'pending' AND due_at <= $2`,
      [id, opts.now],
    );
    const step = rows[0];
    return step ? loadBasis(sql, step, opts.sentSince) : null;
  },
  commit: (db, id, opts, expectedKey, plan) =>
    db.transaction(async (tx) => {
      const step = await lockDueFollowUp(tx, id, opts.now);
      if (!step) return { kind: 'lost' as const };
      const now = await loadBasis(tx, step, opts.sentSince);
      if (followUpBasisKey(now) !== expectedKey) return { kind: 'moved' as const };
      await writePlan(tx, id, plan);
      return { kind: 'done' as const };
    }),
};

async function loadBasis(sql: Sql, step: FollowUpRow, sentSince: Date): Promise<FollowUpBasis> {
  const loc = step.location_id;
  const cid = step.contact_id;
  return {
    step,
    subject: await loadSubject(sql, loc, cid),
    lastSentAt: await lastFollowUpSentAt(sql, loc, cid),
    lastOtherSendAt: await lastOtherSendAt(sql, loc, cid),
    initiatedSent: await initiatedMessagesSentSince(sql, loc, cid, sentSince),
  };
}

async function loadSubject(sql: Sql, loc: string, cid: string): Promise<FollowUpSubjectRow | null> {
  const contact = await getContact(sql, loc, cid);
  if (!contact) return null;
  const { rows } = await sql.query<NonNullable<FollowUpSubjectRow['conversation']>>(
    `SELECT bot, state, needs_human_review, compliance_hold FROM conversations WHERE location_id = $1 AND contact_id = $2`,
    [loc, cid],
  );
  return { contact, conversation: rows[0] ?? null };
}

async function writePlan(tx: Sql, id: number, p: FollowUpPlan): Promise<void> {
  const loc = p.locationId;
  const cid = p.contactId;
  for (const record of p.modelCalls)
    await recordModelCall(tx, { locationId: loc, contactId: cid, inboxId: null, record, at: p.at });
  if (p.document) await saveDocument(tx, { ...p.document, at: p.at });
  const outboxIds = new Map<string, number>();
  for (const o of p.outbox) {
    const outboxId = await enqueueOutbox(tx, {
      locationId: loc,
      contactId: cid,
      inboxId: null,
      action: o.action,
      idempotencyKey: o.key,
      at: p.at,
    });
    if (outboxId !== null) outboxIds.set(o.key, outboxId);
  }
  if (p.transcript) {
    const outboxId = p.transcript.outboxKey ? outboxIds.get(p.transcript.outboxKey) : undefined;
    await appendMessage(tx, {
      locationId: loc,
      contactId: cid,
      direction: 'outbound',
      channel: p.transcript.channel,
      body: p.transcript.body,
      ...(outboxId !== undefined ? { outboxId } : {}),
      at: p.at,
    });
  }
  const o = p.outcome;
  if (o.status !== 'pending') await finishFollowUp(tx, id, o);
  else if (o.reason === null) await postponeFollowUp(tx, id, o.dueAt);
  else await holdFollowUp(tx, id, o.dueAt, o.reason);
}
