import type { Db, Sql } from '../../ports.ts';
import { basisKey, type TurnClaim, type TurnStore } from '../../ports/turn-store.ts';
import { escalateComplianceViolation } from '../escalations/escalate-compliance-violation.ts';
import { escalateToHumanReview } from '../escalations/escalate-to-human-review.ts';
import type { TurnDeps, TurnOutcome } from './handle-inbox-event.ts';
import type { ModelCallRecord } from '../language-model/model-assist.ts';
import { createModelTurnMemo } from '../language-model/model-turn.ts';
import { type Gathered, gatherTurn, type InboundTurnEvent } from './gather-turn.ts';
import { planTurn } from './plan-turn.ts';

/** Gathers that may use the network before the turn decides offline (the contact's record kept moving). */
const NETWORK_GATHERS = 3;
/** Offline rounds after those; still moving after them, the turn fails and is retried later. */
const OFFLINE_ROUNDS = 5;

export type InboundTurnResult = { result: 'done'; turn: TurnOutcome } | { result: 'lost' };

/**
 * One inbound message's turn: load the basis (no lock), gather and decide against it, plan every
 * effect, commit the plan in one transaction that takes the contact's lock and checks the basis
 * still holds. If it moved meanwhile (another event, an escalation resolved, a DND change), the
 * turn is redone against the new basis. Nothing that waits on the network holds the lock or a
 * database connection.
 */
export async function runInboundTurn(
  store: TurnStore,
  db: Db,
  ev: InboundTurnEvent,
  deps: TurnDeps,
  claim: TurnClaim,
  now: Date,
): Promise<InboundTurnResult> {
  const earlierModelCalls: ModelCallRecord[] = [];
  // A redone round that words the same reply (or reads the same message) gets the earlier answer.
  const memo = createModelTurnMemo();
  for (let round = 0; round < NETWORK_GATHERS + OFFLINE_ROUNDS; round++) {
    const basis = await store.load(db, ev.locationId, ev.contactId);
    // Keyed before deciding: the decision works on the stored state in place.
    const key = basisKey(basis);
    const gathered = await gatherTurn(ev, basis, deps, now, { network: round < NETWORK_GATHERS, memo });
    // Model calls of a redone gather were made and paid for: the ledger keeps them.
    const g: Gathered = { ...gathered, modelCalls: [...earlierModelCalls, ...gathered.modelCalls] };
    const planned = planTurn(ev, g, deps.bots, deps.calendarFor(ev.locationId)?.calendarId, now);
    const followOn = planned.followOn;
    const also =
      followOn.escalation || followOn.compliance ? (tx: Sql) => escalate(tx, ev, g, deps, now) : undefined;
    if (planned.plan.outbox.some((o) => o.action.kind === 'send_message'))
      deps.warmSend?.(ev.locationId, ev.contactId);
    const res = await store.commit(db, claim, key, planned.plan, also);
    if (res.kind === 'lost') return { result: 'lost' };
    if (res.kind === 'moved') {
      earlierModelCalls.push(...gathered.modelCalls);
      continue;
    }
    return {
      result: 'done',
      turn: {
        bot: planned.bot,
        outboxRows: res.outboxRows,
        ...(planned.ignored ? { ignored: planned.ignored } : {}),
        ...(planned.optOut ? { optOut: planned.optOut } : {}),
      },
    };
  }
  throw new Error('the contact’s record kept changing while its turn was decided');
}

/** The escalation and compliance records of the turn, in its transaction; returns outbox rows queued. */
async function escalate(
  tx: Sql,
  ev: InboundTurnEvent,
  g: Gathered,
  deps: TurnDeps,
  now: Date,
): Promise<number> {
  const decision = g.decision;
  if (!decision) return 0;
  let rows = 0;
  if (decision.escalation) {
    await escalateToHumanReview(
      tx,
      deps.escalation,
      {
        locationId: ev.locationId,
        contactId: ev.contactId,
        reason: decision.escalation.reason,
        context: { ...decision.escalation.detail, inboxId: ev.id },
      },
      now,
    );
    rows++;
  }
  if (decision.compliance) {
    await escalateComplianceViolation(
      tx,
      deps.escalation,
      {
        locationId: ev.locationId,
        contactId: ev.contactId,
        violationType: decision.compliance.type,
        evidence: {
          rule: decision.compliance.rule,
          messageIds: [`inbox:${ev.id}`],
          text: ev.payload.body,
          reply: decision.compliance.reply,
          ...(decision.reply ? { replyText: decision.reply } : {}),
        },
      },
      now,
    );
    rows++;
  }
  return rows;
}
