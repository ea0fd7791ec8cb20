import type { ModelUsageTotals } from '../../src/adapters/postgres/model-usage-repo.ts';
import { pgliteBackend } from '../../test/support/db.ts';
import {
  type FakeAnthropicRequest,
  type FakeAnthropicStep,
  decidedReplyIn,
  delayed,
  startFakeAnthropic,
} from '../../test/support/fakes/anthropic-server.ts';
import { postJson, startTestService } from '../../test/support/service.ts';
import { type Percentiles, percentiles } from './percentiles.ts';
import { countLocally } from './token-counter.ts';
import { type PlannedTurn, planTurns } from './sandbox-corpus.ts';
import { type PromSample, parsePromText, promDelta, sumOf } from './prom-text.ts';

export const FAKE_KEY = 'sk-ant-bench-model-0001';

/** One way of running the service for the whole plan of turns. */
export interface ModeSpec {
  key: string;
  label: string;
  turns: number;
  /** Settings on top of the common ones (as the environment would give them). */
  env: Record<string, string>;
  /** How the fake Anthropic API answers each request; null: no API key, the service runs offline. */
  answer: ((req: FakeAnthropicRequest) => FakeAnthropicStep) | null;
  /** How it answers during the warm-up (default: as `answer`), e.g. healthy before an outage. */
  warmUpAnswer?: (req: FakeAnthropicRequest) => FakeAnthropicStep;
}

export interface TurnSample {
  ms: number;
  replies: string[];
  /** Requests the fake received during the turn. */
  calls: number;
}

export interface CallCount {
  task: string;
  agent: string;
  outcome: string;
  n: number;
}

export interface ModeResult {
  key: string;
  label: string;
  env: Record<string, string>;
  latency: Percentiles;
  samples: TurnSample[];
  repliesSent: number;
  /** jorge_model_calls_total over the measured turns. */
  modelCalls: CallCount[];
  /** jorge_model_call_duration_seconds over the measured turns. */
  callDuration: { count: number; meanMs: number };
  /** Summed over the measured contacts, from GET /api/v1/contacts/:id → modelUsage. */
  usage: ModelUsageTotals;
  contacts: number;
  /** Requests the fake answered, by model and kind. */
  requestsByModel: Record<string, { extraction: number; wording: number }>;
  costPer1000Turns: number;
  /** What the fake's own token counting of one request costs, timed again on the measured requests. */
  fakeCountingMsPerCall: number;
}

export const WARM_UP_TURNS = 5;

/** The decided reply a wording request carries in its last user message. */
export const decidedIn = decidedReplyIn;

export const isExtraction = (req: FakeAnthropicRequest) => req.body.tool_choice !== undefined;

/**
 * A model that agrees with the bot, after `ms`: the wording is the decided reply itself, the
 * extraction reads no fact beyond what the rules found (an empty tool input).
 */
export function faithfulAfter(ms: number) {
  return (req: FakeAnthropicRequest): FakeAnthropicStep =>
    delayed(ms, isExtraction(req) ? { toolInput: {} } : { text: decidedIn(req) ?? '' });
}

const zeroUsage = (): ModelUsageTotals => ({
  calls: 0,
  used: 0,
  fallbacks: 0,
  inputTokens: 0,
  outputTokens: 0,
  cacheReadTokens: 0,
  cacheWriteTokens: 0,
  costUsd: 0,
});

/**
 * Starts the service in-process (PGlite, sandbox CRM, workers off, a clock set to each message's
 * time), sends a warm-up, then the planned turns one at a time through the sandbox API, timing
 * each request as a client sees it.
 */
export async function runMode(spec: ModeSpec, commonEnv: Record<string, string>): Promise<ModeResult> {
  const claude = spec.answer ? await startFakeAnthropic({ apiKey: FAKE_KEY }) : null;
  if (claude && spec.answer) claude.onRequest = spec.warmUpAnswer ?? spec.answer;
  const tdb = await pgliteBackend.open();
  let nowMs = 0;
  const env = {
    ...commonEnv,
    ...(claude ? { ANTHROPIC_API_KEY: FAKE_KEY, ANTHROPIC_BASE_URL: claude.url } : {}),
    ...spec.env,
  };
  const svc = await startTestService(tdb, env, {
    workers: false,
    clock: { now: () => new Date(nowMs) },
  });
  const messageRequests = () => claude?.requests.filter((r) => r.path === '/v1/messages') ?? [];
  try {
    const say = async (t: PlannedTurn): Promise<string[]> => {
      nowMs = t.atMs;
      const res = await postJson(`${svc.url}/api/v1/sandbox/messages`, t.body);
      if (res.status !== 200) throw new Error(`${spec.key}: sandbox answered ${res.status}`);
      return (res.body.replies as { body: string }[]).map((r) => r.body);
    };
    const metrics = async (): Promise<PromSample[]> =>
      parsePromText(await (await fetch(`${svc.url}/metrics`)).text());

    for (const t of planTurns(WARM_UP_TURNS, { prefix: 'warm-up', weekOffset: -100 })) await say(t);
    if (claude && spec.answer) claude.onRequest = spec.answer;
    const plan = planTurns(spec.turns, { prefix: 'lead' });
    const before = await metrics();
    const firstRequest = messageRequests().length;
    const samples: TurnSample[] = [];
    for (const t of plan) {
      const callsBefore = messageRequests().length;
      const t0 = performance.now();
      const replies = await say(t);
      samples.push({ ms: performance.now() - t0, replies, calls: messageRequests().length - callsBefore });
    }
    const window = promDelta(before, await metrics());

    const usage = zeroUsage();
    const contactIds = [...new Set(plan.map((t) => t.body.contactId))];
    for (const id of contactIds) {
      const res = await fetch(`${svc.url}/api/v1/contacts/${encodeURIComponent(id)}?locationId=sandbox`);
      const mu = ((await res.json()) as { modelUsage: ModelUsageTotals }).modelUsage;
      for (const k of Object.keys(usage) as (keyof ModelUsageTotals)[]) usage[k] += mu[k];
    }
    const measured = messageRequests().slice(firstRequest);
    const requestsByModel: ModeResult['requestsByModel'] = {};
    for (const r of measured) {
      const model = String(r.body.model);
      const row = requestsByModel[model] ?? { extraction: 0, wording: 0 };
      requestsByModel[model] = row;
      if (isExtraction(r)) row.extraction++;
      else row.wording++;
    }
    const durationCount = sumOf(window, 'jorge_model_call_duration_seconds_count');
    return {
      key: spec.key,
      label: spec.label,
      env: spec.env,
      latency: percentiles(samples.map((s) => s.ms)),
      samples,
      repliesSent: samples.reduce((n, s) => n + s.replies.length, 0),
      modelCalls: window
        .filter((s) => s.name === 'jorge_model_calls_total' && s.value > 0)
        .map((s) => ({
          task: s.labels.task ?? '',
          agent: s.labels.agent ?? '',
          outcome: s.labels.outcome ?? '',
          n: s.value,
        })),
      callDuration: {
        count: durationCount,
        meanMs:
          durationCount > 0
            ? (sumOf(window, 'jorge_model_call_duration_seconds_sum') / durationCount) * 1000
            : 0,
      },
      usage,
      contacts: contactIds.length,
      requestsByModel,
      costPer1000Turns: (usage.costUsd / Math.max(1, samples.length)) * 1000,
      fakeCountingMsPerCall: timeFakeCounting(measured),
    };
  } finally {
    await svc.stop();
    await tdb.close();
    await claude?.close();
  }
}

/** Model calls of a mode that match a filter. */
export function callsWhere(r: ModeResult, pred: (c: CallCount) => boolean): number {
  return r.modelCalls.filter(pred).reduce((n, c) => n + c.n, 0);
}

/** Replies the model's wording went out as (reply and match explanation calls used). */
export function wordedByModel(r: ModeResult): number {
  return callsWhere(r, (c) => (c.task === 'reply' || c.task === 'match_explanation') && c.outcome === 'used');
}

/** Turn by turn, how many replies of `r` are exactly those of `offline` (same turns, same order). */
export function sameRepliesAs(r: ModeResult, offline: ModeResult): { same: number; compared: number } {
  const n = Math.min(r.samples.length, offline.samples.length);
  let same = 0;
  for (let i = 0; i < n; i++)
    if (JSON.stringify(r.samples[i]!.replies) === JSON.stringify(offline.samples[i]!.replies)) same++;
  return { same, compared: n };
}

/**
 * The fake counts every request's tokens (tools, system blocks, messages) with Claude's tokenizer
 * in this same process, so that time is inside each measured call. Counting the same texts again
 * shows how much of a call's time above the simulated latency is the fake's, not ours.
 */
function timeFakeCounting(requests: readonly FakeAnthropicRequest[]): number {
  const sample = requests.slice(-30);
  if (sample.length === 0) return 0;
  const texts = (b: Record<string, unknown>) => [
    ...(Array.isArray(b.tools) ? b.tools.map((t) => JSON.stringify(t)) : []),
    ...(Array.isArray(b.system) ? (b.system as { text?: unknown }[]).map((x) => String(x.text ?? '')) : []),
    ...(Array.isArray(b.messages)
      ? (b.messages as { content?: unknown }[]).map((m) =>
          typeof m.content === 'string' ? m.content : JSON.stringify(m.content),
        )
      : []),
  ];
  countLocally('warm the tokenizer up');
  const t0 = performance.now();
  for (const r of sample) for (const t of texts(r.body)) countLocally(t);
  return (performance.now() - t0) / sample.length;
}
