import type { BotsConfig } from '../../domain/bots-config.ts';
import type { Listing } from '../../domain/buyer/listing.ts';
import type { SoldComp } from '../../domain/cma/types.ts';
import { hasTag } from '../../domain/conversation.ts';
import { decideTurn } from '../../domain/turn.ts';
import type { SavedConversation } from '../../ports/script-versions.ts';

export interface ReplayChange {
  locationId: string;
  contactId: string;
  name: string | null;
  /** 1-based: the lead's n-th message in the conversation. */
  turn: number;
  message: string;
  before: string | null;
  after: string | null;
}

export interface ReplayResult {
  conversations: number;
  replies: number;
  changes: ReplayChange[];
}

interface Run {
  stored: Record<string, unknown> | null;
  tags: string[];
  optedOut: boolean;
}

function step(
  run: Run,
  cfg: BotsConfig,
  conv: SavedConversation,
  m: SavedConversation['messages'][number],
  data: ReplayData,
) {
  const d = decideTurn({
    cfg,
    stored: run.stored,
    contact: {
      ...(conv.firstName ? { firstName: conv.firstName } : {}),
      tags: run.tags,
      fields: {},
      optedOut: run.optedOut,
      paused: false,
    },
    text: m.text,
    channel: m.channel,
    now: m.at,
    calendar: false,
    listings: data.listings,
    comps: data.comps,
  });
  run.stored = d.state as unknown as Record<string, unknown>;
  for (const a of d.actions) {
    if (a.type === 'add_tags') for (const t of a.tags) if (!hasTag(run.tags, t)) run.tags.push(t);
    if (a.type === 'remove_tags')
      run.tags = run.tags.filter((t) => !a.tags.some((x) => x.toLowerCase() === t.toLowerCase()));
    if (a.type === 'set_contact' && a.optedOut !== undefined) run.optedOut = a.optedOut;
  }
  return d.reply;
}

export interface ReplayData {
  listings: readonly Listing[];
  comps: readonly SoldComp[];
}

/**
 * Re-runs saved conversations, message by message, once with the live settings and once with the
 * draft, and lists every reply that differs. Both runs start from the same place (the contact's
 * bot activation tags, no state) and use the message's own time, so a difference comes from the
 * draft alone. The offline engine decides both: a model's rewording is not replayed.
 */
export function replayConversations(
  convs: readonly SavedConversation[],
  live: BotsConfig,
  draft: BotsConfig,
  data: ReplayData,
): ReplayResult {
  const activation = [live, draft].flatMap((c) => [
    ...c.tags.sellerActivation,
    ...c.tags.buyerActivation,
    ...c.tags.leadActivation,
  ]);
  const changes: ReplayChange[] = [];
  let replies = 0;
  for (const conv of convs) {
    const start = conv.tags.filter((t) => hasTag(activation, t));
    const a: Run = { stored: null, tags: [...start], optedOut: false };
    const b: Run = { stored: null, tags: [...start], optedOut: false };
    conv.messages.forEach((m, i) => {
      const before = step(a, live, conv, m, data);
      const after = step(b, draft, conv, m, data);
      if (before !== null || after !== null) replies += 1;
      if (before !== after)
        changes.push({
          locationId: conv.locationId,
          contactId: conv.contactId,
          name: conv.name,
          turn: i + 1,
          message: m.text,
          before,
          after,
        });
    });
  }
  return { conversations: convs.length, replies, changes };
}
