// Counts labels per split. Plain Node ESM, no dependencies.
// Usage: node eval/corpus/count.mjs [--md]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = path.dirname(fileURLToPath(import.meta.url));
const md = process.argv.includes('--md');
const read = (f) => fs.readFileSync(path.join(DIR, f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const inc = (m, k) => m.set(k, (m.get(k) || 0) + 1);

function actKey(a) {
  if (a.act === 'question') return `question:${a.topic}`;
  if (a.act === 'objection') return `objection:${a.type}`;
  if (a.act === 'scheduling') return `scheduling:${a.kind}`;
  if (a.act === 'feeling') return `feeling:${a.kind}`;
  if (a.act === 'keyword') return `keyword:${a.kind}`;
  if (a.act === 'identity_question') return `identity_question:${a.sincere ? 'sincere' : 'not_sincere'}`;
  return a.act;
}
function table(title, maps, cols) {
  const keys = [...new Set(maps.flatMap((m) => [...m.keys()]))].sort();
  const lines = [`\n### ${title}\n`, `| ${['label', ...cols, 'total'].join(' | ')} |`, `|${['---', ...cols.map(() => '--:'), '--:'].join('|')}|`];
  for (const k of keys) { const v = maps.map((m) => m.get(k) || 0); lines.push(`| ${k} | ${v.join(' | ')} | ${v.reduce((a, b) => a + b, 0)} |`); }
  return lines.join('\n');
}

const out = [];
const SPLITS = ['train', 'dev', 'dev2', 'dev3', 'dev4', 'dev5', 'dev6', 'dev7', 'dev8', 'dev9', 'dev10', 'dev11', 'dev12', 'dev13', 'dev14', 'dev15', 'dev16', 'dev17', 'dev18', 'dev19', 'dev20', 'dev21', 'dev22', 'dev23', 'test'];
const u = Object.fromEntries(SPLITS.map((s) => [s, read(`utterances-${s}.jsonl`)]));
const stats = {};
for (const s of SPLITS) {
  const acts = new Map(), actFam = new Map(), slots = new Map(), langs = new Map(), bots = new Map(), slotVals = new Map();
  for (const r of u[s]) {
    inc(langs, r.lang); inc(bots, `${r.context.bot}/${r.context.lastQuestion ?? 'null'}`);
    for (const a of r.acts) { inc(acts, actKey(a)); inc(actFam, a.act); }
    for (const [k, v] of Object.entries(r.slots)) { inc(slots, k); if (['intent', 'condition', 'motivation', 'yes_no', 'preapproved', 'language_switch'].includes(k)) inc(slotVals, `${k}=${v}`); }
  }
  stats[s] = { acts, actFam, slots, langs, bots, slotVals };
}
out.push(`## Utterances\n\n${SPLITS.map((s) => `${s} ${u[s].length}`).join(', ')}, total ${SPLITS.reduce((n, s) => n + u[s].length, 0)}`);
out.push(table('Language', SPLITS.map((s) => stats[s].langs), SPLITS));
out.push(table('Act families', SPLITS.map((s) => stats[s].actFam), SPLITS));
out.push(table('Acts (with subtype)', SPLITS.map((s) => stats[s].acts), SPLITS));
out.push(table('Slots', SPLITS.map((s) => stats[s].slots), SPLITS));
out.push(table('Categorical slot values', SPLITS.map((s) => stats[s].slotVals), SPLITS));
// opt-out / HELP / START coverage, and look-alikes (trigger words used in ordinary talk, no keyword act)
const TRIGGER = /\b(stop\w*|end\w*|quit\w*|cancel\w*|help|start\w*|unsubscribe|remove|baja|ayuda|alto|dej\w+ de|no pare)\b|^(para|paramos)\b/i;
const legal = {};
for (const s of SPLITS) {
  const m = new Map();
  for (const r of u[s]) {
    const kws = r.acts.filter((a) => a.act === 'keyword').map((a) => a.kind);
    for (const k of kws) inc(m, `keyword ${k}`);
    if (!kws.length && TRIGGER.test(r.text)) inc(m, 'look-alike (trigger word, not a keyword)');
    if (kws.length || TRIGGER.test(r.text)) inc(m, 'all opt-out/HELP/START/look-alike messages');
  }
  legal[s] = m;
}
out.push(table('Opt-out, HELP, START and look-alikes', SPLITS.map((s) => legal[s]), SPLITS));
out.push(table('Context (bot/lastQuestion)', SPLITS.map((s) => stats[s].bots), SPLITS));

const c = Object.fromEntries(SPLITS.map((s) => [s, read(`conversations-${s}.jsonl`)]));
const cs = {};
for (const s of SPLITS) {
  const m = new Map(), sl = new Map(), q = new Map();
  for (const r of c[s]) {
    inc(m, `lang=${r.lang}`); inc(m, `bot=${r.bot}`); inc(m, `turns=${r.turns.length}`); inc(m, `tags=${r.tags.join(',') || '(none)'}`);
    const e = r.expect;
    inc(m, `opted_out=${e.opted_out}`);
    if ('must_not_solicit_after' in e) inc(m, 'must_not_solicit_after (set)');
    if (e.temperature) inc(m, `temperature=${e.temperature}`);
    if (e.appointment_offered) inc(m, 'appointment_offered=true');
    if ('handoff_to_human' in e) inc(m, `handoff_to_human=${e.handoff_to_human}`);
    inc(m, `language=${e.language}`);
    for (const k of Object.keys(e.slots || {})) inc(sl, k);
    for (const t of e.question_answered || []) inc(q, t);
  }
  cs[s] = { m, sl, q };
}
out.push(`\n## Conversations\n\n${SPLITS.map((s) => `${s} ${c[s].length}`).join(', ')}, total ${SPLITS.reduce((n, s) => n + c[s].length, 0)}`);
out.push(table('Conversation properties', SPLITS.map((s) => cs[s].m), SPLITS));
out.push(table('Expected slots', SPLITS.map((s) => cs[s].sl), SPLITS));
out.push(table('question_answered topics', SPLITS.map((s) => cs[s].q), SPLITS));
const text = out.join('\n') + '\n';
if (md) process.stdout.write(text);
else process.stdout.write(text.replace(/^\|[-:|]+\|$\n/gm, ''));
