import type { InboundEmailRef } from '../../ports/inbox-event.ts';

// "Re:" in any case (Outlook writes "RE:", in Spanish too); a forward's "Fwd:" stays under "Re: ".
const ALREADY_REPLY = /^re\s*:/i;

/** The subject of an answer to `subject`: "Re: <subject>", without stacking "Re: Re:". */
export function replySubject(subject: string): string {
  const s = subject.trim();
  return ALREADY_REPLY.test(s) ? s : `Re: ${s}`;
}

/**
 * What an email answer carries so the lead's mail client shows it in the same thread: the
 * replied email's id, its thread, and "Re: <their subject>".
 */
export function emailReplyFields(ref: InboundEmailRef | undefined): {
  subject?: string;
  replyToMessageId?: string;
  threadId?: string;
} {
  if (!ref) return {};
  return {
    ...(ref.subject ? { subject: replySubject(ref.subject) } : {}),
    ...(ref.messageId ? { replyToMessageId: ref.messageId } : {}),
    ...(ref.threadId ? { threadId: ref.threadId } : {}),
  };
}
