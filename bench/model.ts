// The language model on the live path: turn latency, overhead, the bound under failure and routing
// cost, through the sandbox API of the real service in-process against a local fake Anthropic API.
// Run: npm run bench:model [-- --turns 100 --latency 300 --doc]
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { describeMachine } from './lib/machine.ts';
import {
  callsWhere,
  faithfulAfter,
  type ModeResult,
  type ModeSpec,
  runMode,
  sameRepliesAs,
  wordedByModel,
} from './lib/model-modes.ts';
import { renderModelSection } from './lib/model-report.ts';
import { replaceSection } from './lib/performance-doc.ts';
import { writeResultsJson } from './lib/results-file.ts';

const USAGE = `Usage: npm run bench:model -- [options]
  --turns <n>           measured turns per mode: offline, model on, each mesh strategy (default 100)
  --failure-turns <n>   measured turns per failure variant (default 12; each may wait the whole budget)
  --latency <ms>        simulated model latency of the fake Anthropic API (default 300)
  --budget <ms>         MODEL_TURN_TIMEOUT_MS, the time budget of a turn's model calls (default 2000)
  --fail-delay <ms>     how late the failing fake answers (default 5000, beyond the budget)
  --progressive-skills  run the model modes with FEATURE_PROGRESSIVE_SKILLS=true
  --doc                 also write the "Language model on the live path" section of docs/PERFORMANCE.md
Quick check: npm run bench:model -- --turns 20 --failure-turns 6`;

const { values } = parseArgs({
  options: {
    turns: { type: 'string' },
    'failure-turns': { type: 'string' },
    latency: { type: 'string' },
    budget: { type: 'string' },
    'fail-delay': { type: 'string' },
    'progressive-skills': { type: 'boolean' },
    doc: { type: 'boolean' },
    help: { type: 'boolean' },
  },
  strict: true,
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
function whole(name: string, raw: string | undefined, fallback: number, min: number): number {
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < min) {
    console.error(`--${name} must be a whole number >= ${min}\n${USAGE}`);
    process.exit(2);
  }
  return n;
}
const turns = whole('turns', values.turns, 100, 1);
const failureTurns = whole('failure-turns', values['failure-turns'], 12, 1);
const latencyMs = whole('latency', values.latency, 300, 0);
const budgetMs = whole('budget', values.budget, 2000, 50);
const failDelayMs = whole('fail-delay', values['fail-delay'], 5000, 1);
const progressive = values['progressive-skills'] === true;
if (failDelayMs <= budgetMs) console.warn(`note: --fail-delay ${failDelayMs} is within the budget`);

const commonEnv: Record<string, string> = {
  LOG_LEVEL: 'info',
  AGENT_NAME: 'Jorge',
  MARKET: 'Rancho Cucamonga, CA',
  TIMEZONE: 'America/Los_Angeles',
  ANTHROPIC_EXTRACTION_MODEL: 'claude-haiku-4-5',
  ANTHROPIC_REPLY_MODEL: 'claude-sonnet-4-6',
  MODEL_TURN_TIMEOUT_MS: String(budgetMs),
  MODEL_COMPLIANCE_AUDIT: 'false',
  FEATURE_PROGRESSIVE_SKILLS: String(progressive),
  FEATURE_AGENT_MESH: 'false',
  FEATURE_MCP: 'false',
};
const mesh = (strategy: string): ModeSpec => ({
  key: `mesh_${strategy}`,
  label: `Agent Mesh, MESH_STRATEGY=${strategy}`,
  turns,
  // A spend cap high enough never to route to the offline engine during the run.
  env: { FEATURE_AGENT_MESH: 'true', MESH_STRATEGY: strategy, MESH_HOURLY_SPEND_CAP_USD: '1000' },
  answer: faithfulAfter(latencyMs),
});

const started = performance.now();
const log = (r: ModeResult) =>
  console.log(
    `  ${r.label}: ${r.samples.length} turns, p50 ${r.latency.p50.toFixed(1)} ms, p95 ${r.latency.p95.toFixed(1)} ms (${((performance.now() - started) / 1000).toFixed(0)} s elapsed)`,
  );
const run = async (spec: ModeSpec) => {
  const r = await runMode(spec, commonEnv);
  log(r);
  return r;
};

console.log(
  `bench:model — the model is a local fake (simulated latency ${latencyMs} ms), not Anthropic: ${turns} turns per mode, ${failureTurns} per failure variant`,
);
const offline = await run({
  key: 'offline',
  label: 'offline (no ANTHROPIC_API_KEY)',
  turns,
  env: {},
  answer: null,
});
const model = await run({
  key: 'model',
  label: `model on (no mesh), fake answers after ${latencyMs} ms`,
  turns,
  env: {},
  answer: faithfulAfter(latencyMs),
});
const failureBound = await run({
  key: 'failure_bound',
  label: `model failing (answers after ${failDelayMs} ms), breaker held closed`,
  turns: failureTurns,
  // Every turn pays the whole budget: the worst case, before the breaker would step in.
  env: { BREAKER_FAILURE_THRESHOLD: '1000000' },
  answer: faithfulAfter(failDelayMs),
  warmUpAnswer: faithfulAfter(latencyMs),
});
const failureBreaker = await run({
  key: 'failure_breaker',
  label: `model failing (answers after ${failDelayMs} ms), default breaker`,
  turns: failureTurns,
  env: { BREAKER_FAILURE_THRESHOLD: '5', BREAKER_HALF_OPEN_MS: '30000' },
  answer: faithfulAfter(failDelayMs),
  warmUpAnswer: faithfulAfter(latencyMs),
});
// The two strategies share nothing but this process; they run side by side to keep the run short
// (their cost does not depend on timing, and both see the same load).
const [costAware, performanceMesh] = await Promise.all([run(mesh('cost_aware')), run(mesh('performance'))]);
const elapsedS = (performance.now() - started) / 1000;

const problems: string[] = [];
for (const r of [model, failureBound, failureBreaker, costAware, performanceMesh]) {
  const same = sameRepliesAs(r, offline);
  if (same.same !== same.compared)
    problems.push(
      `${r.label}: ${same.compared - same.same} of ${same.compared} turns answered unlike offline`,
    );
}
if (callsWhere(failureBound, (c) => c.outcome === 'used') > 0)
  problems.push('a model answer was used although every answer came after the budget');

const command = [
  'npm run bench:model --',
  `--turns ${turns}`,
  `--failure-turns ${failureTurns}`,
  `--latency ${latencyMs}`,
  `--budget ${budgetMs}`,
  `--fail-delay ${failDelayMs}`,
  ...(progressive ? ['--progressive-skills'] : []),
].join(' ');
const date = new Date().toISOString();
const m = describeMachine('');
const machine = `${m.cores} cores (${m.cpuModel}), ${m.ramGiB} GiB RAM, ${m.kernel}, Node ${m.node}`;
const markdown = renderModelSection({
  date,
  machine,
  command,
  elapsedS,
  params: { turns, failureTurns, latencyMs, budgetMs, failDelayMs, progressive },
  offline,
  model,
  failureBound,
  failureBreaker,
  meshes: [costAware, performanceMesh],
  problems,
});

const file = fileURLToPath(new URL(`./results/model-${date.slice(0, 10)}.json`, import.meta.url));
const brief = (r: ModeResult) => ({
  ...r,
  wordedByModel: wordedByModel(r),
  sameAsOffline: sameRepliesAs(r, offline),
  samples: r.samples.map((s) => ({
    ms: Math.round(s.ms * 100) / 100,
    calls: s.calls,
    replies: s.replies.length,
  })),
});
writeResultsJson(file, {
  date,
  machine,
  command,
  elapsedS,
  params: { turns, failureTurns, latencyMs, budgetMs, failDelayMs, progressive },
  commonEnv,
  problems,
  modes: [offline, model, failureBound, failureBreaker, costAware, performanceMesh].map(brief),
});
if (values.doc) {
  replaceSection(
    fileURLToPath(new URL('../docs/PERFORMANCE.md', import.meta.url)),
    'Language model on the live path',
    markdown,
  );
}
console.log(`\n## Language model on the live path\n\n${markdown}\n`);
console.log(`Raw results: ${file}${values.doc ? '\nWrote the section to docs/PERFORMANCE.md' : ''}`);
if (problems.length > 0) process.exitCode = 1;
