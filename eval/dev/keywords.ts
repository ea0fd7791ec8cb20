import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readKeywords } from '../../src/domain/compliance/keywords.ts';

// Keyword acts (STOP / HELP / START) against the TRAIN split only: misses and false positives per
// keyword, and how the look-alikes (trigger words that are not keywords) fare.
// Run: npx tsx eval/dev/keywords.ts [--verbose]

type Kind = 'STOP' | 'HELP' | 'START';
interface Row {
  id: string;
  text: string;
  acts: Array<{ act: string; kind?: string }>;
}

const KINDS: readonly Kind[] = ['STOP', 'HELP', 'START'];
// The corpus counter's definition of a look-alike (eval/corpus/count.mjs).
const TRIGGER =
  /\b(stop\w*|end\w*|quit\w*|cancel\w*|help|start\w*|unsubscribe|remove|baja|ayuda|alto|dej\w+ de|no pare)\b|^(para|paramos)\b/i;

const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'corpus', 'utterances-train.jsonl');
const rows: Row[] = readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Row);
const verbose = process.argv.includes('--verbose');

const tally = new Map(KINDS.map((k) => [k, { labelled: 0, hit: 0, misses: [] as Row[], fps: [] as Row[] }]));
let lookAlikes = 0;
let lookAlikeFps = 0;
const started = performance.now();
for (const row of rows) {
  const want = new Set(row.acts.filter((a) => a.act === 'keyword').map((a) => a.kind as Kind));
  const got = new Set(readKeywords(row.text));
  for (const kind of KINDS) {
    const t = tally.get(kind)!;
    if (want.has(kind)) {
      t.labelled++;
      if (got.has(kind)) t.hit++;
      else t.misses.push(row);
    } else if (got.has(kind)) t.fps.push(row);
  }
  if (want.size === 0 && TRIGGER.test(row.text)) {
    lookAlikes++;
    if (got.size > 0) lookAlikeFps++;
  }
}
const ms = performance.now() - started;

console.log(`utterances-train: ${rows.length} messages, read in ${ms.toFixed(0)} ms\n`);
console.log('keyword  labelled  found  misses  false positives');
for (const kind of KINDS) {
  const t = tally.get(kind)!;
  console.log(
    `${kind.padEnd(8)} ${String(t.labelled).padStart(8)} ${String(t.hit).padStart(6)} ${String(t.misses.length).padStart(7)} ${String(t.fps.length).padStart(16)}`,
  );
}
console.log(`\nlook-alikes (trigger word, no keyword): ${lookAlikes}, read as a keyword: ${lookAlikeFps}`);

for (const kind of KINDS) {
  const t = tally.get(kind)!;
  const show = verbose ? Number.POSITIVE_INFINITY : 15;
  for (const r of t.misses.slice(0, show)) console.log(`  miss ${kind} ${r.id} ${JSON.stringify(r.text)}`);
  for (const r of t.fps.slice(0, show)) console.log(`  fp   ${kind} ${r.id} ${JSON.stringify(r.text)}`);
}
// Conversations: opted out at the end when the last STOP was not followed by a START.
interface Conversation {
  id: string;
  turns: string[];
  expect: { opted_out: boolean };
}
const convFile = join(dirname(fileURLToPath(import.meta.url)), '..', 'corpus', 'conversations-train.jsonl');
const conversations: Conversation[] = readFileSync(convFile, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Conversation);
const wrongEnd: Conversation[] = [];
for (const c of conversations) {
  let optedOut = false;
  for (const turn of c.turns) {
    const kinds = readKeywords(turn);
    if (kinds.includes('STOP')) optedOut = true;
    else if (optedOut && kinds.includes('START')) optedOut = false;
  }
  if (optedOut !== c.expect.opted_out) wrongEnd.push(c);
}
const optedOutCount = conversations.filter((c) => c.expect.opted_out).length;
console.log(
  `\nconversations-train: ${conversations.length}, opted out at the end: ${optedOutCount}, wrong opted_out: ${wrongEnd.length}`,
);
for (const c of wrongEnd)
  console.log(`  ${c.id} expected opted_out=${c.expect.opted_out} ${JSON.stringify(c.turns)}`);

const failed =
  wrongEnd.length > 0 || KINDS.some((k) => tally.get(k)!.misses.length + tally.get(k)!.fps.length > 0);
process.exitCode = failed ? 1 : 0;
