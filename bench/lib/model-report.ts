import { priceOf } from '../../src/adapters/anthropic/pricing.ts';
import { type ModeResult, WARM_UP_TURNS, callsWhere, sameRepliesAs, wordedByModel } from './model-modes.ts';
import { percentiles } from './percentiles.ts';
import { sellerAndBuyerConversations } from './sandbox-corpus.ts';

export interface ModelReportInput {
  date: string;
  machine: string;
  command: string;
  elapsedS: number;
  params: {
    turns: number;
    failureTurns: number;
    latencyMs: number;
    budgetMs: number;
    failDelayMs: number;
    progressive: boolean;
  };
  offline: ModeResult;
  model: ModeResult;
  failureBound: ModeResult;
  failureBreaker: ModeResult;
  meshes: ModeResult[];
  problems: string[];
}

const ms = (n: number) => `${n.toFixed(n < 100 ? 1 : 0)} ms`;
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const usd = (n: number) => `$${n.toFixed(n < 1 ? 4 : 2)}`;
const pct = (part: number, whole: number) => (whole > 0 ? `${((part / whole) * 100).toFixed(0)}%` : '–');

function modeRow(r: ModeResult): string {
  const l = r.latency;
  const calls = r.samples.reduce((n, s) => n + s.calls, 0);
  const worded = wordedByModel(r);
  return `| ${r.label} | ${l.n} | ${ms(l.p50)} | ${ms(l.p95)} | ${ms(l.p99)} | ${ms(l.max)} | ${(calls / Math.max(1, l.n)).toFixed(2)} | ${r.repliesSent} | ${worded} (${pct(worded, r.repliesSent)}) | ${usd(r.costPer1000Turns)} |`;
}

function byModel(r: ModeResult): string {
  const parts = Object.entries(r.requestsByModel).map(([model, n]) => {
    const kinds = [
      ...(n.wording ? [`${n.wording} wording`] : []),
      ...(n.extraction ? [`${n.extraction} extraction`] : []),
    ];
    return `${model}: ${kinds.join(' + ')}`;
  });
  return parts.length > 0 ? parts.join(', ') : 'none';
}

function costRow(r: ModeResult): string {
  const u = r.usage;
  const per = (n: number) => int(n / Math.max(1, u.calls));
  const input = u.inputTokens + u.cacheReadTokens + u.cacheWriteTokens;
  return `| ${r.label} | ${byModel(r)} | ${per(input)} (${per(u.inputTokens)} + ${per(u.cacheReadTokens)} cache read + ${per(u.cacheWriteTokens)} cache write) | ${per(u.outputTokens)} | ${usd(u.costUsd)} | ${usd(r.costPer1000Turns)} |`;
}

function outcomes(r: ModeResult): string {
  const by = new Map<string, number>();
  for (const c of r.modelCalls) by.set(c.outcome, (by.get(c.outcome) ?? 0) + c.n);
  return [...by].map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
}

function failureRow(r: ModeResult, offline: ModeResult, budgetMs: number): string {
  const l = r.latency;
  const same = sameRepliesAs(r, offline);
  const expected = offline.samples.slice(0, l.n).reduce((n, s) => n + s.replies.length, 0);
  return `| ${r.label} | ${ms(budgetMs)} | ${ms(l.p50)} | ${ms(l.p95)} | ${ms(l.p99)} | ${ms(l.max)} | ${l.max > budgetMs ? ms(l.max - budgetMs) : '–'} | ${outcomes(r)} | ${r.repliesSent} of ${expected} (${same.same}/${same.compared} turns as offline) |`;
}

/** The "Language model on the live path" section of docs/PERFORMANCE.md. */
export function renderModelSection(x: ModelReportInput): string {
  const { offline, model, failureBound, failureBreaker, meshes, params: p } = x;
  const paired = model.samples.slice(0, offline.samples.length).map((s, i) => s.ms - offline.samples[i]!.ms);
  const extra = percentiles(paired);
  const callsPerTurn = model.samples.reduce((n, s) => n + s.calls, 0) / Math.max(1, model.samples.length);
  const callMs = model.callDuration.meanMs;
  const outside = model.latency.mean - offline.latency.mean - callsPerTurn * callMs;
  const extraction = callsWhere(model, (c) => c.task === 'extraction');
  const prefix = model.usage.cacheReadTokens / Math.max(1, model.usage.calls);
  const writeCost = (id: string) => (prefix * priceOf(id).cacheWrite) / 1_000_000;
  const worded = wordedByModel(model);
  const maxOver = Math.max(failureBound.latency.max, failureBreaker.latency.max) - p.budgetMs;
  const breakerTimeouts = callsWhere(failureBreaker, (c) => c.outcome === 'timeout');
  const corpus = sellerAndBuyerConversations();

  return [
    `Date: ${x.date} · Machine: ${x.machine}`,
    '',
    `Command: \`${x.command}\` (the whole run took ${x.elapsedS.toFixed(0)} s)`,
    '',
    `**The language model here is a local fake of the Anthropic Messages API** (\`test/support/fakes/anthropic-server.ts\`, on 127.0.0.1 in the same process) that answers after a simulated latency of ${p.latencyMs} ms. Absolute latencies therefore say nothing about Anthropic's own speed. What is measured is the service's own overhead around a model call, the bound on a turn when the model fails, and what the routing costs in tokens at list prices.`,
    '',
    `What it measures: the real service in-process (\`buildService\` on PGlite, sandbox CRM, background workers off), each turn sent through \`POST /api/v1/sandbox/messages\` one at a time and timed as the client sees it: the turn with its model calls, and the drain of its actions to the sandbox CRM. The turns are the first ${p.turns} turns (${model.contacts} conversations) of the ${corpus.length} seller and buyer conversations of \`test/scenarios/\` (seller and buyer alternating, each conversation its own contact, on the scenarios' clock), after a ${WARM_UP_TURNS}-turn warm-up. Every mode replays the same turns in the same order on a fresh database. The fake words a reply as exactly the decided reply (a faithful wording, which passes every check) and, asked to extract, reads no fact beyond the rules (an empty tool input). Cost is the sum of \`modelUsage.costUsd\` of the measured contacts (\`GET /api/v1/contacts/:id\`, list prices of \`src/adapters/anthropic/pricing.ts\`); worded replies come from \`jorge_model_calls_total\` (tasks \`reply\` and \`match_explanation\`, outcome \`used\`) in \`GET /metrics\`. Progressive Skills: ${p.progressive ? 'on' : 'off (the full prompt)'}; compliance audit off.`,
    '',
    '| mode | turns | p50 | p95 | p99 | max | model calls / turn | replies out | worded by the model | est. cost / 1,000 turns |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...[offline, model, failureBound, failureBreaker, ...meshes].map(modeRow),
    '',
    "The two mesh rows ran side by side in this one process, each against its own fake, so their latencies include some of the other's work: compare them with each other, not with the model-on row.",
    '',
    '### Overhead of the model on the turn',
    '',
    '| model on vs offline (same turns, paired) | result |',
    '|---|---|',
    `| extra time per turn p50 / p95 / p99 | ${ms(extra.p50)} / ${ms(extra.p95)} / ${ms(extra.p99)} |`,
    `| model calls per turn | ${callsPerTurn.toFixed(2)} (${extraction} of them extraction, in ${model.samples.length} turns) |`,
    `| mean model call, timed by the service around the SDK call | ${ms(callMs)} = ${p.latencyMs} ms simulated + ${ms(callMs - p.latencyMs)} |`,
    `| of which the fake's own token counting (same process) | ≈ ${ms(model.fakeCountingMsPerCall)} |`,
    `| per turn outside the model calls (prompt, checks, usage ledger) | ${ms(outside)} (mean extra − calls/turn × mean call) |`,
    `| replies that went out in the model's wording | ${worded} of ${model.repliesSent} (${pct(worded, model.repliesSent)})${worded < model.repliesSent ? '; the others are legal answers, escalations and holds, which are never sent to the model, or wordings the checks refused' : ''} |`,
    '',
    '### Tokens and estimated cost by routing',
    '',
    '| routing | calls by model | input tokens / call (uncached + cache read + cache write) | output tokens / call | total | est. cost / 1,000 turns |',
    '|---|---|---|---|---|---|',
    ...[model, ...meshes].map(costRow),
    '',
    `Without the mesh, wording goes to \`ANTHROPIC_REPLY_MODEL\` (claude-sonnet-4-6, $3/$15 per MTok) and extraction to \`ANTHROPIC_EXTRACTION_MODEL\` (claude-haiku-4-5, $1/$5). The mesh rows are what \`MESH_STRATEGY\` actually routed (the fake's requests, by the model they named), priced by the service; the two strategies ran side by side in this process. The hourly spend cap was raised to $1,000 for the run so that no task fell back to the offline engine.`,
    '',
    '### When the model fails',
    '',
    `After a healthy warm-up the fake answers only after ${p.failDelayMs} ms, beyond the turn's budget \`MODEL_TURN_TIMEOUT_MS=${p.budgetMs}\`.`,
    '',
    '| variant | budget | p50 | p95 | p99 | max | max − budget | model outcomes | replies out |',
    '|---|---|---|---|---|---|---|---|---|',
    failureRow(failureBound, offline, p.budgetMs),
    failureRow(failureBreaker, offline, p.budgetMs),
    '',
    `Every turn ended within the budget plus ${ms(maxOver)}, and every reply went out in the offline wording. With the breaker held closed each turn waits out the whole budget (the worst case); with the default breaker (opens after 5 consecutive failures, half-open after 30 s) ${breakerTimeouts} turns paid the budget and the rest skipped the model at once (\`breaker_open\`).`,
    '',
    ...(x.problems.length > 0
      ? ['**Problems:**', '', ...x.problems.map((s) => `- ${s}`), '']
      : [
          'Every mode answered every turn exactly as the offline run did (the fake agrees with the bot).',
          '',
        ]),
    'Caveats:',
    `- Model calls run inside the turn's transaction, which holds the contact's lock; on PGlite (one connection) every other turn waits meanwhile. Turns here run one at a time, so this does not show; with real traffic use PostgreSQL.`,
    `- The fake keeps a prompt-cache prefix forever and has no minimum cacheable length. Anthropic's cache lives 5 minutes after its last use. The warm-up wrote the cache, so the figures are for a busy service; writing the ${int(prefix)}-token prefix again costs about ${usd(writeCost('claude-sonnet-4-6'))} on Sonnet, ${usd(writeCost('claude-haiku-4-5'))} on Haiku, each time it has gone unused for 5 minutes.`,
    "- Output tokens are those of the decided reply, which the fake echoes; a real model's wording may be longer. Costs are estimates from list prices, not billed amounts.",
  ].join('\n');
}
