import type { BotsConfig } from '../../domain/bots-config.ts';
import { type FollowUpBlockedReason, followUpBlockedFor } from '../../domain/follow-up/index.ts';
import type { ContactRow } from '../../ports/contact-store.ts';
import type { FollowUpSubjectRow } from '../../ports/follow-up-store.ts';

export interface FollowUpSubject {
  contact: ContactRow;
  bot: string;
  state: Record<string, unknown>;
  blocked: FollowUpBlockedReason | null;
}

/** The contact, its conversation, and whether automated follow-ups may reach it right now. */
export function followUpSubject(found: FollowUpSubjectRow | null, bots: BotsConfig): FollowUpSubject | null {
  if (!found) return null;
  const { contact, conversation: conv } = found;
  const state = conv?.state ?? {};
  const blocked = followUpBlockedFor(
    {
      optedOut: contact.opted_out,
      paused: contact.paused,
      tags: contact.tags,
      needsHumanReview: Boolean(conv?.needs_human_review),
      complianceHold: Boolean(conv?.compliance_hold),
      booked: state.stage === 'booked',
    },
    bots.tags,
  );
  return { contact, bot: conv?.bot ?? 'lead', state, blocked };
}
