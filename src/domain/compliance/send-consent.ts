import { detectOptOut } from './opt-out.ts';

export type SendConsent = 'send' | 'hold' | 'cancel';

/**
 * Whether a queued message may go to the lead now (TCPA: nothing after an opt-out but its one
 * confirmation). Decided right before the send, because a message queued earlier may meet an
 * opt-out that arrived since:
 * - the contact has opted out: cancel, unless the message was decided with the opt-out known (the
 *   confirmation itself, or a HELP answer to an opted-out lead);
 * - an inbound text not yet processed is an opt-out: hold until the turn that reads it has run
 *   (that turn cancels what is queued and confirms).
 */
export function decideSendConsent(facts: {
  optedOut: boolean;
  unreadTexts: readonly string[];
  decidedAfterOptOut: boolean;
}): SendConsent {
  if (facts.optedOut && !facts.decidedAfterOptOut) return 'cancel';
  if (facts.unreadTexts.some((t) => detectOptOut(t))) return 'hold';
  return 'send';
}
