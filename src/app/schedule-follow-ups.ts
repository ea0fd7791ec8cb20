import { cancelPendingFollowUps, insertFollowUps } from '../adapters/postgres/follow-ups-repo.ts';
import { cancelQueuedInitiatedMessages } from '../adapters/postgres/outbox-repo.ts';
import type { BotsConfig } from '../domain/bots-config.ts';
import { planFollowUps } from '../domain/follow-up/index.ts';
import { CHECK_IN_ONLY, NO_FOLLOW_UP } from '../domain/policy/objections.ts';
import type { Sql } from '../ports.ts';
import { loadFollowUpSubject } from './follow-up-status.ts';

/**
 * Runs inside the turn's transaction, after the decision is saved: the lead just wrote, so any
 * pending step is cancelled and a new day 3/7/14/30 sequence counts from this message. A contact
 * the turn left opted out, paused, escalated or booked gets no new sequence (the runner checks
 * again at send time, since all of that can change in between).
 */
export async function scheduleFollowUps(
  tx: Sql,
  loc: string,
  cid: string,
  bots: BotsConfig,
  lastInboundAt: Date,
): Promise<{ cancelled: number; scheduled: boolean }> {
  const cancelled = await cancelPendingFollowUps(tx, loc, cid, 'lead_replied');
  // A follow-up already queued (held for the lead's quiet hours) would now arrive out of place.
  await cancelQueuedInitiatedMessages(tx, loc, cid, 'the lead wrote before it was sent');
  const subject = await loadFollowUpSubject(tx, loc, cid, bots);
  if (!subject || subject.blocked) return { cancelled, scheduled: false };
  // A lead who said no gets no sequence, or only the one long-horizon check-in.
  const reason = subject.state.stage === 'closed' ? String(subject.state.closedReason ?? '') : '';
  if (NO_FOLLOW_UP.has(reason)) return { cancelled, scheduled: false };
  const steps = planFollowUps(lastInboundAt).filter((s) => !CHECK_IN_ONLY.has(reason) || s.step === 'day30');
  await insertFollowUps(tx, loc, cid, lastInboundAt, steps);
  return { cancelled, scheduled: true };
}
