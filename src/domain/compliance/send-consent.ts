import { detectOptOut } from './opt-out.ts';
import { type LeadSendWindow, nextAllowedSend } from './quiet-hours.ts';

export type SendConsent =
  | { action: 'send' }
  /** `until`: when to look again; null = as soon as the pending turn has run. */
  | { action: 'hold'; until: Date | null; reason: 'unread_opt_out' | 'quiet_hours' | 'daily_limit' }
  | { action: 'cancel'; reason: 'opted_out' | 'lead_wrote_first' | 'person_took_over' };

/**
 * A reply goes out at any hour while it is this fresh: the lead just wrote and is waiting for it.
 * Later (the CRM was down, the queue was stuck) it is no longer the answer they are waiting for,
 * and it waits for the window like a text we start.
 */
export const REPLY_GRACE_MS = 30 * 60_000;

export interface SendTiming {
  now: Date;
  /** The lead's sending window (`sendWindowFor`). */
  window: LeadSendWindow;
  /** The message answers an inbound message of the lead (not a follow-up or another text we start). */
  isReply: boolean;
  /** When the message was queued. */
  queuedAt: Date;
  /** The lead's newest stored message, read or not. */
  leadLastWroteAt: Date | null;
  /** A person has taken the conversation over (they wrote to the lead from the CRM). */
  humanTakeover: boolean;
  /** When the texts we started in the last 24 hours went out. */
  sentInLast24h: readonly Date[];
}

/**
 * Whether a queued message may go to the lead now. Decided right before the send, because a
 * message queued earlier may meet an opt-out, a quiet hour or a new message that arrived since.
 *
 * Consent (TCPA: nothing after an opt-out but its one confirmation):
 * - the contact has opted out: cancel, unless the message was decided with the opt-out known (the
 *   confirmation itself, or a HELP answer to an opted-out lead);
 * - an inbound text not yet processed is an opt-out: hold until the turn that reads it has run
 *   (that turn cancels what is queued and confirms).
 *
 * Timing (with `timing`): quiet hours and daily caps govern texts we start, not answers.
 * - A reply to the lead's own message goes out at any hour while fresh (REPLY_GRACE_MS). The TCPA
 *   and the state rules restrict solicitations; a text the lead asked for minutes ago is not one
 *   (Washington says so expressly: a call in response to the called party's request or inquiry is
 *   not telephone solicitation, RCW 80.36.390(1)(a)).
 *   Holding it would also hold everything queued after it for the contact, since a contact's
 *   messages go out in order.
 * - A follow-up or any other text we start, or a stale reply, is dropped when a person took the
 *   conversation over or the lead wrote after it was queued (the lead's new message gets its own
 *   answer; the old text would arrive out of place), and otherwise waits for the lead's window
 *   and daily cap.
 */
export function decideSendConsent(facts: {
  optedOut: boolean;
  unreadTexts: readonly string[];
  decidedAfterOptOut: boolean;
  timing?: SendTiming;
}): SendConsent {
  if (facts.optedOut && !facts.decidedAfterOptOut) return { action: 'cancel', reason: 'opted_out' };
  if (facts.unreadTexts.some((t) => detectOptOut(t)))
    return { action: 'hold', until: null, reason: 'unread_opt_out' };
  const t = facts.timing;
  if (!t) return { action: 'send' };
  if (t.isReply && t.now.getTime() - t.queuedAt.getTime() <= REPLY_GRACE_MS) return { action: 'send' };
  if (t.humanTakeover) return { action: 'cancel', reason: 'person_took_over' };
  const wroteSince = t.leadLastWroteAt !== null && t.leadLastWroteAt.getTime() > t.queuedAt.getTime();
  if (wroteSince || facts.unreadTexts.length > 0) return { action: 'cancel', reason: 'lead_wrote_first' };
  // A cap counts the texts we start; a stale reply answers the lead and is only held to the clock.
  const at = nextAllowedSend(t.now, t.window, t.isReply ? [] : t.sentInLast24h);
  if (at.getTime() <= t.now.getTime()) return { action: 'send' };
  const clockOnly = nextAllowedSend(t.now, t.window, []);
  return {
    action: 'hold',
    until: at,
    reason: clockOnly.getTime() < at.getTime() ? 'daily_limit' : 'quiet_hours',
  };
}
