import { detectOptOut } from '../../domain/compliance/index.ts';
import { type Reading, readMessage } from '../../domain/read-message.ts';
import { readState } from '../../domain/state.ts';
import type { TurnDecision, TurnInput } from '../../domain/turn.ts';
import type { Understanding } from '../../domain/understand/types.ts';
import { COMPLIANCE_EVENTS, namesHomes, replyCues } from '../../domain/skills/turn-cues.ts';
import { type ModelAssist, type ModelCallRecord, type PromptTurn, rulesUnsure } from './model-assist.ts';

export interface ModelTurnDeps {
  assist: ModelAssist;
  /** Budget for every model call of one turn (MODEL_TURN_TIMEOUT_MS). */
  timeoutMs: number;
}

// Replies that must go out exactly as written: compliance answers (the carrier HELP answer too),
// and the holding messages of escalations (commission, distress, a person asked for).
const WORDED_BY_THE_BOT = new Set([
  ...COMPLIANCE_EVENTS,
  'tcpa_help',
  'commission_question',
  'distress',
  'human_requested',
]);

/**
 * What the model answered during one inbound message's turn, kept across its rounds: a turn whose
 * basis moved before it committed is decided again, and a request it already made (the same
 * prompt, so the same answer) is not made a second time. Only readings and replies the turn used
 * are kept; their calls are already in the ledger.
 */
export interface ModelTurnMemo {
  readings: Map<string, Understanding | null>;
  wordings: Map<string, string | null>;
}

export const createModelTurnMemo = (): ModelTurnMemo => ({ readings: new Map(), wordings: new Map() });

/**
 * One turn's use of the model: optional hints before the bot decides, optional wording after.
 * Both share one time budget; the records are written to the contact's ledger by the caller.
 */
export function startModelTurn(
  deps: ModelTurnDeps,
  input: TurnInput,
  isNew: boolean,
  memo: ModelTurnMemo = createModelTurnMemo(),
) {
  const signal = AbortSignal.timeout(deps.timeoutMs);
  const records: ModelCallRecord[] = [];
  const state = readState(input.stored, 'lead');
  const blocked = input.contact.optedOut || input.contact.paused;
  const turn = (reading: Reading): Omit<PromptTurn, 'task'> => ({
    bot: state.owner,
    stage: state.stage,
    pending: state.pending,
    intent: reading.intent.intent,
    intentConfidence: reading.intent.confidence,
    lang: state.lang,
    leadMessage: input.text,
    channel: input.channel,
    maxLength: input.channel === 'SMS' ? input.cfg.thresholds.smsMaxLength : 1000,
    cues: [],
    today: input.now.toISOString().slice(0, 10),
    persona: { agentName: input.cfg.persona.agentName, market: input.cfg.persona.market },
  });

  // Read here, before the bot decides; the bot's own reading comes back with its decision.
  let rulesReading: Reading | null | undefined;
  const unsureReading = (): Reading | null => {
    if (rulesReading !== undefined) return rulesReading;
    rulesReading = null;
    if (blocked || detectOptOut(input.text)) return null;
    const reading = readMessage(input.text, state.pending, input.cfg.neighborhoods, input.now, state.owner);
    if (rulesUnsure(reading, input.text, state.pending, isNew)) rulesReading = reading;
    return rulesReading;
  };

  /** The wording request for a decision, or null when the reply goes out as the bot wrote it. */
  function wordingRequest(decision: TurnDecision) {
    const reply = decision.reply;
    if (reply === null || blocked || !decision.reading) return null;
    if (decision.escalation || decision.compliance) return null;
    if (decision.events.some((e) => WORDED_BY_THE_BOT.has(e.action))) return null;
    const prompt: PromptTurn = {
      ...turn(decision.reading),
      bot: decision.bot,
      stage: decision.state.stage,
      pending: decision.state.pending,
      lang: decision.state.lang,
      decidedReply: reply,
      cues: replyCues(input.text, decision, state.pending),
      task: 'reply',
    };
    const task = decision.bot === 'buyer' && namesHomes(decision) ? 'match_explanation' : 'reply';
    const opts = { factsOnlyFromReply: answersFromKnowledge(decision) };
    return { prompt, task, opts, key: JSON.stringify([task, prompt, opts]) } as const;
  }

  async function phrase(
    decision: TurnDecision,
  ): Promise<{ text: string | null; records: ModelCallRecord[]; key: string | null }> {
    const req = wordingRequest(decision);
    if (!req) return { text: decision.reply, records: [], key: null };
    // Worded in an earlier round of this turn: the same request, already answered and in the ledger.
    if (memo.wordings.has(req.key))
      return { text: memo.wordings.get(req.key) ?? null, records: [], key: null };
    const res = await deps.assist.phrase(req.prompt, signal, req.task, req.opts);
    return { text: res.text, records: res.records, key: req.key };
  }

  return {
    records,
    /** Whether the turn asks the model for a reading before the bot decides (see `hints`). */
    asksForReading: (): boolean => unsureReading() !== null,
    /**
     * The acts and slots the model read when the rules were unsure (the turn cross-checks them
     * against the text); never for opted-out or paused contacts, never for a STOP.
     */
    async hints(): Promise<Understanding | null> {
      const reading = unsureReading();
      if (!reading) return null;
      const prompt: PromptTurn = { ...turn(reading), task: 'extraction' };
      const key = JSON.stringify(prompt);
      if (memo.readings.has(key)) return memo.readings.get(key) ?? null;
      const got = await deps.assist.extract(prompt, signal);
      records.push(got.record);
      memo.readings.set(key, got.understanding);
      return got.understanding;
    },
    /** The decided reply in the model's wording when it passes every check; else as decided. */
    async wording(decision: TurnDecision): Promise<string | null> {
      const res = await phrase(decision);
      records.push(...res.records);
      if (res.key) memo.wordings.set(res.key, res.text);
      return res.text;
    },
    /**
     * Words a decision the turn may still replace (decided before the model's reading came back).
     * `settle(kept)` adds its calls to the ledger, marked as not sent when the reply was replaced.
     */
    speculativeWording(decision: TurnDecision) {
      const calls = phrase(decision);
      calls.catch(() => undefined);
      return {
        text: calls.then((r) => r.text),
        async settle(kept: boolean): Promise<void> {
          const res = await calls.catch(() => null);
          if (!res) return;
          if (kept && res.key) memo.wordings.set(res.key, res.text);
          records.push(
            ...(kept
              ? res.records
              : res.records.map((r) => ({
                  ...r,
                  detail: 'not sent: the model’s reading changed the reply',
                }))),
          );
        },
      };
    },
  };
}

/**
 * The reply carries an answer from the knowledge base or our data (not a hand-on to the agent):
 * its wording may add no figure, name or date, not even one the lead wrote.
 */
function answersFromKnowledge(decision: TurnDecision): boolean {
  return decision.events.some((e) => e.action === 'question_answered' && e.detail.source !== 'agent');
}
