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
const u = { train: read('utterances-train.jsonl'), test: read('utterances-test.jsonl') };
const stats = {};
for (const s of ['train', 'test']) {
  const acts = new Map(), actFam = new Map(), slots = new Map(), langs = new Map(), bots = new Map(), slotVals = new Map();
  for (const r of u[s]) {
    inc(langs, r.lang); inc(bots, `${r.context.bot}/${r.context.lastQuestion ?? 'null'}`);
    for (const a of r.acts) { inc(acts, actKey(a)); inc(actFam, a.act); }
    for (const [k, v] of Object.entries(r.slots)) { inc(slots, k); if (['intent', 'condition', 'motivation', 'yes_no', 'preapproved', 'language_switch'].includes(k)) inc(slotVals, `${k}=${v}`); }
  }
  stats[s] = { acts, actFam, slots, langs, bots, slotVals };
}
out.push(`## Utterances\n\ntrain ${u.train.length}, test ${u.test.length}, total ${u.train.length + u.test.length}`);
out.push(table('Language', [stats.train.langs, stats.test.langs], ['train', 'test']));
out.push(table('Act families', [stats.train.actFam, stats.test.actFam], ['train', 'test']));
out.push(table('Acts (with subtype)', [stats.train.acts, stats.test.acts], ['train', 'test']));
out.push(table('Slots', [stats.train.slots, stats.test.slots], ['train', 'test']));
out.push(table('Categorical slot values', [stats.train.slotVals, stats.test.slotVals], ['train', 'test']));
// opt-out / HELP / START coverage, and look-alikes (trigger words used in ordinary talk, no keyword act)
const TRIGGER = /\b(stop\w*|end\w*|quit\w*|cancel\w*|help|start\w*|unsubscribe|remove|baja|ayuda|alto|dej\w+ de|no pare)\b|^(para|paramos)\b/i;
const legal = {};
for (const s of ['train', 'test']) {
  const m = new Map();
  for (const r of u[s]) {
    const kws = r.acts.filter((a) => a.act === 'keyword').map((a) => a.kind);
    for (const k of kws) inc(m, `keyword ${k}`);
    if (!kws.length && TRIGGER.test(r.text)) inc(m, 'look-alike (trigger word, not a keyword)');
    if (kws.length || TRIGGER.test(r.text)) inc(m, 'all opt-out/HELP/START/look-alike messages');
  }
  legal[s] = m;
}
out.push(table('Opt-out, HELP, START and look-alikes', [legal.train, legal.test], ['train', 'test']));
out.push(table('Context (bot/lastQuestion)', [stats.train.bots, stats.test.bots], ['train', 'test']));

const c = { train: read('conversations-train.jsonl'), test: read('conversations-test.jsonl') };
const cs = {};
for (const s of ['train', 'test']) {
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
out.push(`\n## Conversations\n\ntrain ${c.train.length}, test ${c.test.length}, total ${c.train.length + c.test.length}`);
out.push(table('Conversation properties', [cs.train.m, cs.test.m], ['train', 'test']));
out.push(table('Expected slots', [cs.train.sl, cs.test.sl], ['train', 'test']));
out.push(table('question_answered topics', [cs.train.q, cs.test.q], ['train', 'test']));
const text = out.join('\n') + '\n';
if (md) process.stdout.write(text);
else process.stdout.write(text.replace(/^\|[-:|]+\|$\n/gm, ''));
