import { type ContactRow, getContact } from '../../adapters/postgres/contacts-repo.ts';
import type { BotsConfig } from '../../domain/bots-config.ts';
import { type FollowUpBlockedReason, followUpBlockedReason } from '../../domain/follow-up/index.ts';
import { silencingTags } from '../../domain/human-takeover.ts';
import type { Sql } from '../../ports.ts';

export interface FollowUpSubject {
  contact: ContactRow;
  bot: string;
  state: Record<string, unknown>;
  blocked: FollowUpBlockedReason | null;
}

/** The contact, its conversation, and whether automated follow-ups may reach it right now. */
export async function loadFollowUpSubject(
  sql: Sql,
  loc: string,
  cid: string,
  bots: BotsConfig,
): Promise<FollowUpSubject | null> {
  const contact = await getContact(sql, loc, cid);
  if (!contact) return null;
  const { rows } = await sql.query<{
    bot: string;
    state: Record<string, unknown>;
    needs_human_review: boolean;
    compliance_hold: boolean;
  }>(
    `SELECT bot, state, needs_human_review, compliance_hold FROM conversations WHERE location_id = $1 AND contact_id = $2`,
    [loc, cid],
  );
  const conv = rows[0];
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
