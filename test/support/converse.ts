import { defaultBotsConfig } from '../../src/domain/bots-config.ts';
import { decideTurn, type TurnDecision, type TurnInput } from '../../src/domain/turn.ts';

/** The shipped bots settings for Jorge in Rancho Cucamonga, as the pure-turn tests use them. */
export const jorgeBotsConfig = defaultBotsConfig({
  agentName: 'Jorge',
  market: 'Rancho Cucamonga, CA',
  timezone: 'America/Los_Angeles',
});

/**
 * One lead's texts through the pure turn, each on the state the one before left and on the contact
 * as the CRM would hold it after the turn's tag and opt-out changes, on 2026-12-04 (the corpus's
 * day) by SMS with no calendar. `input` sets anything else a turn reads (comps). From the text at
 * index `pausedFrom` on, the contact is paused (AI-Off, an open escalation), as the app passes it.
 */
export function converse(
  texts: readonly string[],
  tags: string[],
  input: Partial<Omit<TurnInput, 'text' | 'stored'>> = {},
  { pausedFrom = Number.POSITIVE_INFINITY }: { pausedFrom?: number } = {},
): TurnDecision[] {
  let stored: Record<string, unknown> | null = null;
  let current = [...tags];
  let optedOut = false;
  return texts.map((text, i) => {
    const d = decideTurn({
      cfg: jorgeBotsConfig,
      contact: { tags: current, fields: {}, optedOut, paused: i >= pausedFrom },
      channel: 'SMS',
      now: new Date('2026-12-04T18:00:00Z'),
      calendar: false,
      listings: [],
      ...input,
      stored,
      text,
    });
    for (const a of d.actions) {
      if (a.type === 'add_tags') current = [...current, ...a.tags];
      if (a.type === 'remove_tags') current = current.filter((t) => !a.tags.includes(t));
      if (a.type === 'set_contact' && a.optedOut !== undefined) optedOut = a.optedOut;
    }
    stored = d.state as unknown as Record<string, unknown>;
    return d;
  });
}
