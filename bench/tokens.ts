// Input tokens per model call with Progressive Skills off (the full prompt) and on, over the
// scenario corpus replayed through decideTurn(), with a coverage check that no call lost a skill.
// Run: npm run bench:tokens [-- --model claude-sonnet-4-6 --concurrency 4 --doc]
// Counts with Anthropic's count_tokens endpoint when ANTHROPIC_API_KEY is set, else locally.
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadSkills } from '../src/adapters/skills/load-skills.ts';
import { createPromptBuilder, type PromptBuild } from '../src/app/language-model/build-prompt.ts';
import { type CorpusCall, cfg, corpusCalls } from '../test/skills/support/corpus.ts';
import { missedSkills, neededSkills, wordingKeys } from '../test/skills/support/oracle.ts';
import { replaceSection } from './lib/performance-doc.ts';
import { writeResultsJson } from './lib/results-file.ts';
import { apiCounter, countLocally, localCounter, mapLimit } from './lib/token-counter.ts';
import { skillText } from '../src/domain/skills/skill.ts';

const USAGE = `Usage: npm run bench:tokens -- [--model <id>] [--concurrency <n>] [--doc]
  --model <id>        model whose tokenizer the count_tokens API uses (default ANTHROPIC_MODEL or claude-sonnet-4-5)
  --concurrency <n>   count_tokens requests in flight (default 4; the local count runs one at a time)
  --doc               also write the "Prompt tokens (Progressive Skills)" section of docs/PERFORMANCE.md`;
const { values } = parseArgs({
  options: {
    model: { type: 'string' },
    concurrency: { type: 'string' },
    doc: { type: 'boolean' },
    help: { type: 'boolean' },
  },
  strict: true,
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const TARGET_PCT = 68;
const apiKey = process.env.ANTHROPIC_API_KEY;
const model = values.model ?? process.env.ANTHROPIC_MODEL ?? 'claude-sonnet-4-5';
const baseURL = process.env.ANTHROPIC_BASE_URL;
const counter = apiKey ? apiCounter({ apiKey, model, ...(baseURL ? { baseURL } : {}) }) : localCounter();
const concurrency = apiKey ? Math.max(1, Number(values.concurrency ?? 4) || 4) : 1;

const skills = loadSkills();
const persona = { agentName: cfg.persona.agentName, market: cfg.persona.market };
const builder = (progressive: boolean) =>
  createPromptBuilder({ skills, progressive, cacheTtlMs: 300_000, now: () => performance.now(), persona });
const off = builder(false);
const on = builder(true);

const calls = corpusCalls();
const built = calls.map((call) => ({ call, off: off.build(call.turn), on: on.build(call.turn) }));
const rows = await mapLimit(built, concurrency, async (b) => ({
  ...b,
  offTokens: await counter.count(b.off),
  onTokens: await counter.count(b.on),
  needed: neededSkills(b.call),
  missed: missedSkills(b.call, b.on.loaded),
}));

type Row = (typeof rows)[number];
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
  const median = s.length % 2 ? at(0.5) : ((s[s.length / 2 - 1] ?? 0) + (s[s.length / 2] ?? 0)) / 2;
  return {
    n: s.length,
    mean: s.reduce((a, b) => a + b, 0) / (s.length || 1),
    median,
    p95: at(0.95),
    max: at(1),
  };
};
const summarise = (subset: Row[]) => {
  const o = stats(subset.map((r) => r.offTokens));
  const n = stats(subset.map((r) => r.onTokens));
  return { calls: subset.length, off: o, on: n, reductionPct: o.mean > 0 ? (1 - n.mean / o.mean) * 100 : 0 };
};
const all = summarise(rows);
const by = (key: (r: Row) => string) => {
  const groups = new Map<string, Row[]>();
  for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return Object.fromEntries([...groups].sort().map(([k, v]) => [k, summarise(v)]));
};
const byTask = by((r) => r.call.turn.task);
const byBot = by((r) => r.call.turn.bot);
const byLang = by((r) => r.call.turn.lang);
const fallbacks = rows.filter((r) => r.on.mode === 'fallback_to_full');
const reasons: Record<string, number> = {};
for (const r of fallbacks) reasons[r.on.reason] = (reasons[r.on.reason] ?? 0) + 1;
const missed = rows.filter((r) => r.missed.length > 0);

// What the corpus holds, read from the decisions (each conversation turn counted once).
const replies = rows.filter((r) => r.call.turn.task === 'reply');
const has = (pred: (c: CorpusCall) => boolean) => replies.filter((r) => pred(r.call)).length;
const event = (name: string) => (c: CorpusCall) => c.decision.events.some((e) => e.action === name);
const wording = (prefix: string) => (c: CorpusCall) =>
  wordingKeys(c.decision.reply ?? '').some((k) => k.startsWith(prefix));
const edgeCases = {
  optOut: has(event('tcpa_opt_out')),
  fairHousing: has(event('fair_housing_request')),
  aiQuestion: has(event('ai_disclosure')),
  otherCompliance: has((c) => c.decision.compliance !== null && !event('fair_housing_request')(c)),
  scheduling: has((c) => c.decision.state.stage === 'scheduling' || c.decision.state.stage === 'booked'),
  objections: has((c) => c.turn.cues.includes('objection')),
  escalations: has((c) => c.decision.escalation !== null),
  vagueOrMash: has((c) => wording('misc.mash')(c) || wording('misc.off_topic')(c)),
};
const scenarios = new Set(rows.map((r) => r.call.scenario)).size;
const skillSizes = skills
  .map((s) => ({
    name: s.name,
    tokens: countLocally(skillText(s, persona)),
    loadedInPct:
      (rows.filter((r) => r.on.mode === 'progressive' && r.on.loaded.includes(s.name)).length / rows.length) *
      100,
  }))
  .sort((a, b) => b.loadedInPct - a.loadedInPct);

const date = new Date().toISOString();
const machine = `${os.availableParallelism()} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}`;
const met = all.reductionPct >= TARGET_PCT;
const f0 = (n: number) => Math.round(n).toLocaleString('en-US');
const pct = (n: number) => `${n.toFixed(1)}%`;
const line = (label: string, s: ReturnType<typeof summarise>) =>
  `| ${label} | ${s.calls} | ${f0(s.off.mean)} | ${f0(s.on.mean)} | ${f0(s.off.median)} | ${f0(s.on.median)} | ${f0(s.on.p95)} | ${pct(s.reductionPct)} |`;
const cache = on.stats();
const markdown = [
  `Date: ${date} · Machine: ${machine}`,
  '',
  'Command: `npm run bench:tokens`',
  '',
  `Counted with: ${counter.method}.`,
  '',
  `What it measures: the input tokens (system prompt + user message) of every model call the live path would make over the scenario corpus (test/scenarios/*.yaml, ${scenarios} conversations replayed through \`decideTurn()\`): a reply to phrase whenever a bot answers, an extraction whenever the rules were unsure of a message. ${all.calls} calls (${byTask.reply?.calls ?? 0} replies, ${byTask.extraction?.calls ?? 0} extractions; EN ${byLang.en?.calls ?? 0}, ES ${byLang.es?.calls ?? 0}). Replies include opt-outs ${edgeCases.optOut}, fair-housing requests ${edgeCases.fairHousing}, AI questions ${edgeCases.aiQuestion}, other compliance ${edgeCases.otherCompliance}, scheduling ${edgeCases.scheduling}, objections ${edgeCases.objections}, escalations ${edgeCases.escalations}, vague or mashed messages ${edgeCases.vagueOrMash}. Flag off = the full prompt (all ${skills.length} skills); on = \`FEATURE_PROGRESSIVE_SKILLS\`, only the skills the call needs.`,
  '',
  '| calls | n | mean off | mean on | median off | median on | p95 on | reduction (mean) |',
  '|---|---|---|---|---|---|---|---|',
  line('all', all),
  ...Object.entries(byTask).map(([k, s]) => line(k, s)),
  ...Object.entries(byBot).map(([k, s]) => line(`bot ${k}`, s)),
  ...Object.entries(byLang).map(([k, s]) => line(`lang ${k}`, s)),
  '',
  `Reduction of mean input tokens per call: **${pct(all.reductionPct)}** (target ≥ ${TARGET_PCT}%: **${met ? 'met' : 'NOT met'}**).`,
  '',
  `Fallback to the full prompt: ${fallbacks.length} of ${all.calls} calls (${pct((fallbacks.length / all.calls) * 100)})${
    fallbacks.length
      ? `: ${Object.entries(reasons)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}`
      : ''
  }. Selection cache: ${cache.cacheHits} hits, ${cache.cacheMisses} misses (the whole corpus is built within one TTL).`,
  '',
  `Coverage (independent oracle from each decision's bot, language, compliance/opt-out/AI/fair-housing events, escalation, scheduling and reply wording): **${missed.length}** calls where the progressive prompt lacked a needed skill${missed.length === 0 ? ' (no loss)' : ''}.`,
  '',
  '| skill | tokens | in progressive prompts |',
  '|---|---|---|',
  ...skillSizes.map((s) => `| ${s.name} | ${f0(s.tokens)} | ${pct(s.loadedInPct)} |`),
  '',
  'Skill sizes are counted locally; fallbacks are not counted in the last column.',
].join('\n');

const stamp = date.slice(0, 10);
const file = fileURLToPath(new URL(`./results/tokens-${stamp}.json`, import.meta.url));
const detail = (b: PromptBuild) => ({ mode: b.mode, reason: b.reason, loaded: b.loaded });
writeResultsJson(file, {
  date,
  machine,
  counter: counter.method,
  targetPct: TARGET_PCT,
  met,
  summary: all,
  byTask,
  byBot,
  byLang,
  edgeCases,
  fallback: { count: fallbacks.length, rate: fallbacks.length / all.calls, reasons },
  cache,
  coverage: { missedCalls: missed.length, missed: missed.map((r) => ({ id: r.call.id, missed: r.missed })) },
  skills: skillSizes,
  calls: rows.map((r) => ({
    id: r.call.id,
    task: r.call.turn.task,
    bot: r.call.turn.bot,
    lang: r.call.turn.lang,
    stage: r.call.turn.stage,
    cues: r.call.turn.cues,
    offTokens: r.offTokens,
    onTokens: r.onTokens,
    needed: r.needed,
    on: detail(r.on),
  })),
});
if (values.doc) {
  replaceSection(
    fileURLToPath(new URL('../docs/PERFORMANCE.md', import.meta.url)),
    'Prompt tokens (Progressive Skills)',
    markdown,
  );
}
console.log(`## Prompt tokens (Progressive Skills)\n\n${markdown}\n`);
console.log(`Raw results: ${file}`);
if (missed.length > 0) {
  for (const r of missed) console.log(`missed ${r.call.id}: ${r.missed.join(', ')}`);
  process.exitCode = 1;
}
