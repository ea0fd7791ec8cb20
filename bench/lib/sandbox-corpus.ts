import { fileURLToPath } from 'node:url';
import { type LoadedScenario, loadScenarios } from '../../test/scenarios/scenario-format.ts';

/** One lead message as `POST /api/v1/sandbox/messages` takes it, and when the service should see it. */
export interface PlannedTurn {
  kind: 'seller' | 'buyer';
  conversation: string;
  atMs: number;
  body: {
    contactId: string;
    message: string;
    channel: 'SMS' | 'Email';
    tags?: string[];
    contact?: NonNullable<LoadedScenario['contact']>;
  };
}

// As in the scenario suite: each conversation starts on its own Tuesday at 10:00 in the market's
// time zone, a week after the previous one, so slots are offered alike and time never runs back.
const FIRST_TUESDAY = Date.parse('2026-03-03T18:00:00Z');
const WEEK = 7 * 86_400_000;

/** The seller and buyer conversations of test/scenarios, alternating seller and buyer. */
export function sellerAndBuyerConversations(): LoadedScenario[] {
  const all = loadScenarios(fileURLToPath(new URL('../../test/scenarios/', import.meta.url)));
  const sellers = all.filter((s) => s.file === 'seller.yaml');
  const buyers = all.filter((s) => s.file === 'buyer.yaml');
  const out: LoadedScenario[] = [];
  for (let i = 0; i < Math.max(sellers.length, buyers.length); i++) {
    if (sellers[i]) out.push(sellers[i]!);
    if (buyers[i]) out.push(buyers[i]!);
  }
  return out;
}

/**
 * The first `count` turns of those conversations, in order, each conversation under its own
 * contact id (`<prefix>-<scenario id>`, with a round suffix once the corpus starts over).
 * `weekOffset` moves the whole plan in time (a warm-up plan before the measured one).
 */
export function planTurns(count: number, opts: { prefix: string; weekOffset?: number }): PlannedTurn[] {
  const conversations = sellerAndBuyerConversations();
  const out: PlannedTurn[] = [];
  for (let k = 0; out.length < count; k++) {
    const s = conversations[k % conversations.length]!;
    const round = Math.floor(k / conversations.length);
    const contactId = `${opts.prefix}-${s.id}${round > 0 ? `-r${round + 1}` : ''}`;
    let atMs = FIRST_TUESDAY + (k + (opts.weekOffset ?? 0)) * WEEK;
    for (const [n, turn] of s.turns.entries()) {
      if (out.length >= count) break;
      atMs += (turn.advanceMinutes ?? 0) * 60_000;
      const tags = [...(n === 0 ? (s.tags ?? []) : []), ...(turn.tags ?? [])];
      out.push({
        kind: s.file === 'seller.yaml' ? 'seller' : 'buyer',
        conversation: s.name,
        atMs,
        body: {
          contactId,
          message: turn.say,
          channel: turn.channel ?? 'SMS',
          ...(tags.length > 0 ? { tags } : {}),
          ...(n === 0 && s.contact ? { contact: s.contact } : {}),
        },
      });
    }
  }
  return out;
}
