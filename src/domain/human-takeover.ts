import type { TagNames } from './bots-config.ts';
import { hasTag } from './conversation.ts';

// Sources of outbound messages that are automation, not a person typing in GHL.
const AUTOMATED_SOURCES = new Set(['api', 'workflow', 'campaign', 'bulk_actions']);

/** An outbound message the CRM reported for a contact. */
export interface OutboundSeen {
  /** We sent it (our own send echoed back). */
  ours: boolean;
  /** GHL's `source` of the message (`app`, `api`, `workflow`…), when given. */
  source?: string | undefined;
  /** The GHL user who sent it, when given. */
  userId?: string | undefined;
}

/** Whether a person wrote the message from the CRM: not our own send, not a workflow or campaign. */
export function writtenByPerson(m: OutboundSeen): boolean {
  if (m.ours) return false;
  if (m.source && AUTOMATED_SOURCES.has(m.source)) return false;
  return Boolean(m.source || m.userId);
}

/**
 * A person wrote to the lead from the CRM: the tag (its configured name) that makes every bot step
 * back until someone removes it, or null when nothing changes (automation, our own send, or the
 * contact already carries it; tags compare case-insensitively because GHL lower-cases them).
 */
export function takeoverTag(
  m: OutboundSeen,
  contactTags: readonly string[],
  tags: Pick<TagNames, 'humanTakeover'>,
): string | null {
  if (!writtenByPerson(m)) return null;
  return hasTag(contactTags, tags.humanTakeover) ? null : tags.humanTakeover;
}

/**
 * Every tag that keeps the bots silent for a contact: the configured off switches and, whatever
 * that list says, the configured names of the tags the bots put on to step back themselves (human
 * takeover, AI off, do not solicit), so renaming one of them never lets a bot talk over a person.
 */
export function silencingTags(
  tags: Pick<TagNames, 'offSwitches' | 'humanTakeover' | 'aiOff' | 'doNotSolicit'>,
): string[] {
  const out: string[] = [];
  for (const t of [...tags.offSwitches, tags.humanTakeover, tags.aiOff, tags.doNotSolicit]) {
    if (!hasTag(out, t)) out.push(t);
  }
  return out;
}
