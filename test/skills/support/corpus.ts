import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadListings } from '../../../src/adapters/listings/load-listings.ts';
import { sandboxSlots } from '../../../src/adapters/sandbox-crm/sandbox-crm.ts';
import { type PromptTurn, rulesUnsure } from '../../../src/app/language-model/model-assist.ts';
import { defaultBotsConfig } from '../../../src/domain/bots-config.ts';
import type { BotName, Channel } from '../../../src/domain/conversation.ts';
import { detectLanguage } from '../../../src/domain/language/index.ts';
import { readMessage } from '../../../src/domain/read-message.ts';
import { resolveOwner } from '../../../src/domain/routing.ts';
import { replyCues } from '../../../src/domain/skills/turn-cues.ts';
import { readState } from '../../../src/domain/state.ts';
import { decideTurn, type TurnDecision, type TurnInput } from '../../../src/domain/turn.ts';
import { loadScenarios } from '../../scenarios/scenario-format.ts';

// The scenario corpus (test/scenarios/*.yaml) replayed through the pure decideTurn(), with the
// contact kept the way the service keeps it between turns (tags, fields, opt-out, pause), and at
// every turn the model calls the live path would make: a reply to phrase whenever the bot
// answers, and an extraction whenever the rules were unsure of the message.

export const cfg = defaultBotsConfig({
  agentName: 'Jorge',
  market: 'Rancho Cucamonga, CA',
  timezone: 'America/Los_Angeles',
});

export interface CorpusCall {
  /** scenario id, turn number and task, e.g. "scn-seller-3#2:reply". */
  id: string;
  scenario: string;
  turn: PromptTurn;
  decision: TurnDecision;
  pendingBefore: string | null;
  ownerBefore: BotName;
}

// As in scenarios.test.ts: each conversation starts on its own Tuesday, 10:00 Pacific.
const FIRST_TUESDAY = Date.parse('2026-03-03T18:00:00Z');
const WEEK = 7 * 86_400_000;
const SLOT_WINDOW_MS = 7 * 86_400_000;

export function corpusCalls(): CorpusCall[] {
  const scenarios = loadScenarios(join(dirname(fileURLToPath(import.meta.url)), '../../scenarios'));
  const listings = loadListings();
  const calls: CorpusCall[] = [];
  scenarios.forEach((s, index) => {
    let nowMs = FIRST_TUESDAY + index * WEEK;
    let stored: Record<string, unknown> | null = null;
    let tags: string[] = [];
    let fields: Record<string, unknown> = {};
    let optedOut = false;
    let paused = false;
    s.turns.forEach((step, n) => {
      nowMs += (step.advanceMinutes ?? 0) * 60_000;
      const now = new Date(nowMs);
      tags = [...tags, ...(n === 0 ? (s.tags ?? []) : []), ...(step.tags ?? [])];
      const channel: Channel = step.channel ?? 'SMS';
      const before = readState(stored, 'lead');
      const isNew = stored?.v !== 1;
      const ownerBefore = resolveOwner(before, isNew, tags, cfg);
      const input: TurnInput = {
        cfg,
        stored,
        contact: {
          ...(n === 0 && s.contact?.firstName ? { firstName: s.contact.firstName } : {}),
          tags,
          fields,
          optedOut,
          paused,
        },
        text: step.say,
        channel,
        now,
        calendar: true,
        listings,
      };
      let decision = decideTurn(input);
      if (decision.needsSlots) {
        const slots = sandboxSlots(now, new Date(nowMs + SLOT_WINDOW_MS), cfg.persona.timezone);
        decision = decideTurn({ ...input, slots });
      }

      const text = step.say.trim();
      const reading = readMessage(text, before.pending, cfg.neighborhoods, now);
      const common = {
        intent: reading.intent.intent,
        intentConfidence: reading.intent.confidence,
        leadMessage: step.say,
        channel,
        maxLength: channel === 'SMS' ? cfg.thresholds.smsMaxLength : 1000,
      };
      const base = { scenario: s.id, decision, pendingBefore: before.pending, ownerBefore };
      if (decision.reply !== null && rulesUnsure(reading, text, before.pending, isNew)) {
        // Read before the bot decides: the owner, stage and question as they stood.
        const detected = detectLanguage(text);
        const lang =
          detected && (before.inbound === 0 || text.split(/\s+/).length >= 3) ? detected : before.lang;
        calls.push({
          ...base,
          id: `${s.id}#${n + 1}:extraction`,
          turn: {
            ...common,
            task: 'extraction',
            bot: ownerBefore,
            stage: before.stage,
            pending: before.pending,
            lang,
            cues: [],
          },
        });
      }
      if (decision.reply !== null) {
        calls.push({
          ...base,
          id: `${s.id}#${n + 1}:reply`,
          turn: {
            ...common,
            task: 'reply',
            bot: decision.bot,
            stage: decision.state.stage,
            pending: decision.state.pending,
            lang: decision.state.lang,
            decidedReply: decision.reply,
            cues: replyCues(step.say, decision, before.pending),
          },
        });
      }

      // What the service stores after the turn.
      stored = decision.state as unknown as Record<string, unknown>;
      for (const a of decision.actions) {
        if (a.type === 'add_tags') tags = [...tags, ...a.tags];
        if (a.type === 'remove_tags') tags = tags.filter((x) => !a.tags.includes(x));
        if (a.type === 'set_fields') fields = { ...fields, ...a.fields };
        if (a.type === 'set_contact') {
          if (a.optedOut !== undefined) optedOut = a.optedOut;
          if (a.paused !== undefined) paused = a.paused;
        }
      }
      // An open escalation or compliance ticket holds the bot back like a pause.
      if (decision.escalation || decision.compliance) paused = true;
    });
  });
  return calls;
}
