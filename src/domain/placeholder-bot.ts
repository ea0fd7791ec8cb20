import type { ContactView, Decision, InboundTurn } from './conversation.ts';
import { hasTag } from './conversation.ts';

/** Tags that switch the bot off for a contact: no reply at all. */
export const OFF_SWITCH_TAGS = ['AI-Off', 'Stop-Bot', 'Qualified', 'Human-Takeover'] as const;

export function isSwitchedOff(contact: ContactView): boolean {
  return contact.optedOut || OFF_SWITCH_TAGS.some((t) => hasTag(contact.tags, t));
}

/**
 * Stand-in bot that drives the pipeline until the real Lead/Seller/Buyer bots land: it answers
 * every message with the same triage question and counts turns.
 */
export function decidePlaceholder(
  state: Record<string, unknown>,
  contact: ContactView,
  turn: InboundTurn,
  persona: { agentName: string },
): Decision {
  const turns = typeof state.turns === 'number' ? state.turns + 1 : 1;
  const next = { ...state, turns, lastInboundAt: turn.at.toISOString() };
  if (isSwitchedOff(contact) || turn.text.trim() === '') {
    return { bot: 'lead', reply: null, actions: [], state: next };
  }
  const name = contact.firstName ? ` ${contact.firstName}` : '';
  return {
    bot: 'lead',
    reply: `Hi${name}, it's ${persona.agentName}. Are you looking to buy a home or sell one?`,
    actions: [],
    state: next,
  };
}
