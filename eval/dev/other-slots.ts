/**
 * Development measure of the non-money, non-timeline slots on the TRAIN split only:
 * per-slot exact accuracy over the utterances labelled with that slot, false positives (a value
 * produced where the label has none) and every miss.
 * `npx tsx eval/dev/other-slots.ts [--quiet] [--neighborhoods]`; `--neighborhoods` passes the
 * default neighbourhood list, as the live bots do.
 */
import { readFileSync } from 'node:fs';
import { defaultNeighborhoods } from '../../src/domain/language/areas.ts';
import { readOtherSlots } from '../../src/domain/understand/other-slots.ts';
import type { AskedQuestion, BotKind, Slots } from '../../src/domain/understand/types.ts';

interface Utterance {
  id: string;
  lang: 'en' | 'es';
  context: { bot: BotKind; lastQuestion: AskedQuestion | null; now: string };
  text: string;
  slots: Slots;
}

const SLOTS = [
  'intent',
  'condition',
  'motivation',
  'preapproved',
  'lender',
  'bedrooms',
  'bathrooms',
  'area',
  'address',
  'email',
  'phone',
  'language_switch',
] as const;

const file = new URL('../corpus/utterances-train.jsonl', import.meta.url);
const items: Utterance[] = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as Utterance);
const quiet = process.argv.includes('--quiet');
const neighborhoods = process.argv.includes('--neighborhoods') ? { neighborhoods: defaultNeighborhoods } : {};

const stats = new Map<string, { labelled: number; exact: number; fp: number; lines: string[] }>();
for (const s of SLOTS) stats.set(s, { labelled: 0, exact: 0, fp: 0, lines: [] });

for (const u of items) {
  const got = readOtherSlots(u.text, {
    bot: u.context.bot,
    lastQuestion: u.context.lastQuestion,
    now: new Date(`${u.context.now}T12:00:00Z`),
    ...neighborhoods,
  }) as Record<string, unknown>;
  const want = u.slots as Record<string, unknown>;
  for (const s of SLOTS) {
    const st = stats.get(s)!;
    const where = `${u.id} [${u.context.bot}/${u.context.lastQuestion}] ${JSON.stringify(u.text)}`;
    if (want[s] !== undefined) {
      st.labelled += 1;
      if (got[s] === want[s]) st.exact += 1;
      else st.lines.push(`  miss ${where}: want ${JSON.stringify(want[s])}, got ${JSON.stringify(got[s])}`);
    } else if (got[s] !== undefined) {
      st.fp += 1;
      st.lines.push(`  fp   ${where}: got ${JSON.stringify(got[s])}`);
    }
  }
}

let worst = 100;
console.log(`utterances-train.jsonl: ${items.length} utterances\n`);
console.log('slot              labelled  exact   accuracy  false+');
for (const s of SLOTS) {
  const st = stats.get(s)!;
  const acc = st.labelled ? (100 * st.exact) / st.labelled : 100;
  worst = Math.min(worst, acc);
  console.log(
    `${s.padEnd(17)} ${String(st.labelled).padStart(8)} ${String(st.exact).padStart(6)} ${acc.toFixed(1).padStart(9)}% ${String(st.fp).padStart(7)}`,
  );
}
if (!quiet) {
  for (const s of SLOTS) {
    const st = stats.get(s)!;
    if (st.lines.length === 0) continue;
    console.log(`\n${s}:`);
    for (const l of st.lines) console.log(l);
  }
}
console.log(`\nlowest per-slot accuracy: ${worst.toFixed(1)}%`);
