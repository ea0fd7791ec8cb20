import type { BotsConfig } from '../../domain/bots-config.ts';
import { type FollowUpBlockedReason, followUpBlockedReason } from '../../domain/follow-up/index.ts';
import { silencingTags } from '../../domain/human-takeover.ts';
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
  const blocked = followUpBlockedReason(
    {
      optedOut: contact.opted_out,
      paused: contact.paused,
      tags: contact.tags,
      needsHumanReview: Boolean(conv?.needs_human_review),
      complianceHold: Boolean(conv?.compliance_hold),
      booked: state.stage === 'booked',
      offSwitchTags: silencingTags(bots.tags),
    },
    {
      optOut: bots.tags.optOut,
      humanTakeover: bots.tags.humanTakeover,
      appointmentBooked: bots.tags.appointmentBooked,
    },
  );
  return { contact, bot: conv?.bot ?? 'lead', state, blocked };
}
