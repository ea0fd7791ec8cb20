import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readStanceActs } from '../../src/domain/understand/objections.ts';
import type { Act, UtteranceContext } from '../../src/domain/understand/types.ts';

// Stance acts (objections, feelings, greeting, affirm, deny, other) and the yes_no slot against
// the TRAIN split only: recall and precision per label, yes_no accuracy, then every miss.
// Run: npx tsx eval/dev/stance.ts [--quiet]

interface Row {
  id: string;
  text: string;
  context: { bot: UtteranceContext['bot']; lastQuestion: UtteranceContext['lastQuestion']; now: string };
  acts: Act[];
  slots: { yes_no?: 'yes' | 'no' };
}

const MINE = new Set(['objection', 'feeling', 'greeting', 'affirm', 'deny', 'other']);
const label = (a: Act): string =>
  a.act === 'objection' ? `objection:${a.type}` : a.act === 'feeling' ? `feeling:${a.kind}` : a.act;

const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'corpus', 'utterances-train.jsonl');
const rows: Row[] = readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Row);

interface Tally {
  tp: number;
  fn: number;
  fp: number;
}
const tallies = new Map<string, Tally>();
const tally = (k: string): Tally => {
  let t = tallies.get(k);
  if (!t) {
    t = { tp: 0, fn: 0, fp: 0 };
    tallies.set(k, t);
  }
  return t;
};
const misses: string[] = [];
const yesNo = { labelled: 0, right: 0, extra: 0 };
// Any objection at all: what decides whether the bot keeps soliciting.
const anyObjection = { tp: 0, fn: 0, fp: 0 };

for (const row of rows) {
  const ctx: UtteranceContext = {
    bot: row.context.bot,
    lastQuestion: row.context.lastQuestion,
    now: new Date(`${row.context.now}T18:00:00Z`),
  };
  const got = readStanceActs(row.text, ctx);
  const want = new Set(row.acts.filter((a) => MINE.has(a.act)).map(label));
  const have = new Set(got.acts.map(label));
  const problems: string[] = [];
  for (const k of want) {
    if (have.has(k)) tally(k).tp++;
    else {
      tally(k).fn++;
      problems.push(`missed ${k}`);
    }
  }
  for (const k of have) {
    if (want.has(k)) continue;
    tally(k).fp++;
    problems.push(`extra ${k}`);
  }
  const wantObj = [...want].some((k) => k.startsWith('objection:'));
  const haveObj = [...have].some((k) => k.startsWith('objection:'));
  if (wantObj && haveObj) anyObjection.tp++;
  else if (wantObj) anyObjection.fn++;
  else if (haveObj) anyObjection.fp++;
  if (row.slots.yes_no) {
    yesNo.labelled++;
    if (got.yes_no === row.slots.yes_no) yesNo.right++;
    else problems.push(`yes_no want ${row.slots.yes_no} got ${got.yes_no ?? '-'}`);
  } else if (got.yes_no) {
    yesNo.extra++;
    problems.push(`yes_no extra ${got.yes_no}`);
  }
  if (problems.length > 0) {
    const where = `${row.context.bot}/${row.context.lastQuestion ?? 'null'}`;
    misses.push(`${row.id} ${where.padEnd(18)} ${JSON.stringify(row.text)}  → ${problems.join(', ')}`);
  }
}

const pct = (n: number, d: number): string =>
  d === 0 ? '   n/a' : `${((100 * n) / d).toFixed(1)}%`.padStart(6);
const line = (k: string, t: Tally): string =>
  `${k.padEnd(32)} n=${String(t.tp + t.fn).padStart(3)}  recall ${pct(t.tp, t.tp + t.fn)}  precision ${pct(t.tp, t.tp + t.fp)}  (fp ${t.fp})`;

// Timed once warm, on texts the reader has not cached (a trailing space changes nothing else), in
// CPU time so that other work on the machine does not count.
const started = process.cpuUsage();
for (const row of rows) {
  readStanceActs(`${row.text} `, {
    bot: row.context.bot,
    lastQuestion: row.context.lastQuestion,
    now: new Date(0),
  });
}
const used = process.cpuUsage(started);
const micros = (used.user + used.system) / rows.length;
console.log(`utterances-train: ${rows.length} messages, ${micros.toFixed(0)} µs of CPU each (warm)`);
for (const family of ['objection:', 'feeling:', '']) {
  const keys = [...tallies.keys()].filter((k) => (family ? k.startsWith(family) : !k.includes(':'))).sort();
  const sum: Tally = { tp: 0, fn: 0, fp: 0 };
  for (const k of keys) {
    const t = tallies.get(k)!;
    sum.tp += t.tp;
    sum.fn += t.fn;
    sum.fp += t.fp;
    console.log(line(k, t));
  }
  if (family) console.log(line(`${family}* (type exact)`, sum));
  console.log('');
}
console.log(line('objection detected (any type)', anyObjection));
console.log(
  `yes_no: ${yesNo.right}/${yesNo.labelled} right (${pct(yesNo.right, yesNo.labelled).trim()}), ${yesNo.extra} set where none is labelled`,
);
if (!process.argv.includes('--quiet')) {
  console.log(`\n${misses.length} messages with a difference:`);
  for (const m of misses) console.log(m);
}
