import type { Reading } from '../../domain/read-message.ts';
import { checkModelReply } from '../../domain/model-reply.ts';
import type { Understanding } from '../../domain/understand/types.ts';
import type { ModelTask, ModelUsage } from '../../ports.ts';
import { ModelError } from '../../ports.ts';
import type { AuditPrompt } from './audit-prompt.ts';
import type { NarrativeInput, NarrativePrompt } from './narrative-prompt.ts';
import type { ModelRoute, ModelRouter } from './mesh/model-router.ts';
import type { BuiltPrompt, PromptSource, PromptTurn } from './prompt.ts';
import type { ModelCallRecord, ModelOutcomeLabel } from '../../ports/model-call-record.ts';

export type { BuiltPrompt, PromptSource, PromptTurn } from './prompt.ts';
export type { ModelCallRecord, ModelOutcomeLabel } from '../../ports/model-call-record.ts';

export interface ModelAssistDeps {
  router: ModelRouter;
  prompts: PromptSource;
  /** A second call that audits every model wording for compliance before it is used (MODEL_COMPLIANCE_AUDIT). */
  audit?: AuditPrompt | null;
  /** The day-14 CMA email's explanation of the range (task `cma_narrative`). */
  narrative?: NarrativePrompt | null;
  /** Cost of a call in US dollars. */
  cost: (model: string, usage: ModelUsage) => number;
  agentName: string;
  placeNames: readonly string[];
  maxTokens?: { reply: number; extraction: number };
  now?: () => number;
  /** Every model call (or decision not to call), for metrics and the per-contact ledger. */
  onCall?: (record: ModelCallRecord) => void;
  logger?: { warn(obj: object, msg: string): void };
}

export interface PhraseResult {
  text: string;
  source: 'model' | 'offline';
  /** The wording call, then the audit call when there was one. */
  records: ModelCallRecord[];
}

/**
 * The live path's use of a language model. The bot has decided what to say; the model may only
 * reword it (checked by `checkModelReply`) or read a message the rules could not. Any failure —
 * timeout, error, open breaker, spend cap, a reply that breaks a rule — leaves the offline answer.
 */
export function createModelAssist(deps: ModelAssistDeps) {
  const now = deps.now ?? (() => performance.now());
  const maxTokens = deps.maxTokens ?? { reply: 300, extraction: 400 };

  async function call(
    task: ModelTask,
    prompt: BuiltPrompt,
    signal: AbortSignal,
  ): Promise<
    | { ok: true; route: ModelRoute; text: string; json: unknown; record: ModelCallRecord }
    | { ok: false; record: ModelCallRecord }
  > {
    const route = deps.router.route(task);
    const base = { task, promptMode: prompt.mode, usage: null, costUsd: 0, latencyMs: 0 };
    if (!route)
      return { ok: false, record: { ...base, agent: 'offline', model: 'offline', outcome: 'offline' } };
    const started = now();
    try {
      if (signal.aborted) throw new ModelError('turn budget spent', 'timeout');
      const res = await route.model.complete({
        model: route.modelId,
        system: prompt.system,
        messages: prompt.messages,
        maxTokens: task === 'extraction' ? maxTokens.extraction : maxTokens.reply,
        temperature: task === 'extraction' ? 0 : 0.4,
        ...(prompt.output ? { output: prompt.output } : {}),
        signal,
      });
      const latencyMs = now() - started;
      const costUsd = deps.cost(route.modelId, res.usage);
      deps.router.report(route, task, { ok: true, latencyMs, usage: res.usage, costUsd });
      return {
        ok: true,
        route,
        text: res.text.trim(),
        json: res.json,
        record: {
          ...base,
          agent: route.agent,
          model: route.modelId,
          outcome: 'used',
          usage: res.usage,
          costUsd,
          latencyMs,
        },
      };
    } catch (err) {
      const latencyMs = now() - started;
      const kind = err instanceof ModelError ? err.kind : signal.aborted ? 'timeout' : 'network';
      deps.router.report(route, task, { ok: false, latencyMs, error: kind });
      const outcome: ModelOutcomeLabel =
        kind === 'timeout' ? 'timeout' : kind === 'breaker_open' ? 'breaker_open' : 'error';
      deps.logger?.warn({ task, agent: route.agent, kind }, 'model call failed; the offline answer is used');
      return {
        ok: false,
        record: { ...base, agent: route.agent, model: route.modelId, outcome, latencyMs, detail: kind },
      };
    }
  }

  return {
    /**
     * The model's wording of `turn.decidedReply` (task `reply`, or `match_explanation` when the
     * reply presents matching homes), or the decided reply itself. `factsOnlyFromReply`: the reply
     * answers from the knowledge base or our data, so the wording may take no figure, name or date
     * from anywhere else, not even the lead's message.
     */
    async phrase(
      turn: PromptTurn,
      signal: AbortSignal,
      task: 'reply' | 'match_explanation' = 'reply',
      opts: { factsOnlyFromReply?: boolean } = {},
    ): Promise<PhraseResult> {
      const offline = turn.decidedReply ?? '';
      const prompt = deps.prompts.build({ ...turn, task: 'reply' });
      const res = await call(task, prompt, signal);
      const records: ModelCallRecord[] = [];
      const done = (text: string, source: PhraseResult['source']): PhraseResult => {
        for (const r of records) deps.onCall?.(r);
        return { text, source, records };
      };
      if (!res.ok) {
        records.push(res.record);
        return done(offline, 'offline');
      }
      const check = checkModelReply(res.text, {
        offline,
        leadMessage: turn.leadMessage,
        lang: turn.lang,
        maxLength: turn.maxLength,
        agentName: turn.persona?.agentName ?? deps.agentName,
        placeNames: deps.placeNames,
        factsOnlyFromOffline: opts.factsOnlyFromReply ?? false,
      });
      if (!check.ok) {
        records.push({ ...res.record, outcome: 'rejected', detail: check.violations.join(',') });
        return done(offline, 'offline');
      }
      if (deps.audit) {
        const audited = await call('compliance_audit', deps.audit.build(turn, res.text), signal);
        const verdict = audited.ok ? deps.audit.read(audited.json) : null;
        if (verdict?.compliant !== true) {
          records.push({
            ...res.record,
            outcome: 'rejected',
            detail: `audit:${verdict?.rule ?? 'unavailable'}`,
          });
          records.push(
            audited.ok && verdict === null
              ? { ...audited.record, outcome: 'rejected', detail: 'invalid_output' }
              : audited.record,
          );
          return done(offline, 'offline');
        }
        records.push(res.record, audited.record);
        return done(res.text, 'model');
      }
      records.push(res.record);
      return done(res.text, 'model');
    },

    /** A checked paragraph explaining a CMA for the day-14 email, or null (the email goes without). */
    async narrate(
      input: NarrativeInput,
      signal: AbortSignal,
    ): Promise<{ text: string | null; record: ModelCallRecord | null }> {
      if (!deps.narrative) return { text: null, record: null };
      const res = await call('cma_narrative', deps.narrative.build(input), signal);
      let record = res.record;
      let text: string | null = null;
      if (res.ok) {
        const check = checkModelReply(res.text, {
          offline: deps.narrative.facts(input),
          leadMessage: '',
          lang: input.lang,
          maxLength: 600,
          agentName: deps.agentName,
          placeNames: deps.placeNames,
        });
        if (check.ok && countSentences(res.text) <= 4) text = res.text;
        else record = { ...record, outcome: 'rejected', detail: check.violations.join(',') || 'too_long' };
      }
      deps.onCall?.(record);
      return { text, record };
    },

    /**
     * The acts and slots the model read from a message the rules were unsure about, unchecked
     * against the text (the turn cross-checks them); null when nothing fits the schema.
     */
    async extract(
      turn: PromptTurn,
      signal: AbortSignal,
    ): Promise<{ understanding: Understanding | null; record: ModelCallRecord }> {
      const prompt = deps.prompts.build({ ...turn, task: 'extraction' });
      const res = await call('extraction', prompt, signal);
      if (!res.ok) {
        deps.onCall?.(res.record);
        return { understanding: null, record: res.record };
      }
      const read = deps.prompts.readExtraction(res.json);
      const record: ModelCallRecord =
        read === null ? { ...res.record, outcome: 'rejected', detail: 'invalid_output' } : res.record;
      deps.onCall?.(record);
      const empty = read === null || (read.acts.length === 0 && Object.keys(read.slots).length === 0);
      return { understanding: empty ? null : read, record };
    },
  };
}

export type ModelAssist = ReturnType<typeof createModelAssist>;

/**
 * The rules are unsure when, in a real sentence, they found no fact and either the bot had asked
 * something, they understood nothing at all (no act but "other"), or a new lead gave no clear
 * buy/sell intent. A carrier keyword is never unsure: the deterministic reader alone decides it.
 */
export function rulesUnsure(reading: Reading, text: string, pending: string | null, isNew: boolean): boolean {
  if (reading.greeting || reading.mash || reading.code) return false;
  if (reading.acts.some((a) => a.act === 'keyword')) return false;
  if (text.trim().split(/\s+/).length < 3) return false;
  if (Object.keys(reading.facts).length > 0) return false;
  if (pending !== null) return true;
  if (reading.acts.every((a) => a.act === 'other')) return true;
  return isNew && reading.intent.confidence < 0.5;
}

const countSentences = (text: string) => (text.match(/[.!?](?:\s|$)/g) ?? []).length;
