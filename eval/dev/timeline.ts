/**
 * Development check of the timeline reader on the TRAIN utterances only (the test split is held
 * out). Prints exact-match accuracy over utterances labelled with `timeline_months`, false
 * positives on the others, and every miss. The same numbers for the reader the live bots use
 * (extractTimeline + resolveTimeline) follow, so the two can be compared.
 *
 *   npx tsx eval/dev/timeline.ts
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractTimeline, resolveTimeline } from '../../src/domain/language/timeline.ts';
import { readTimelineMonths } from '../../src/domain/understand/timeline-slot.ts';
import type { AskedQuestion, BotKind, UtteranceContext } from '../../src/domain/understand/types.ts';

interface Item {
  id: string;
  context: { bot: BotKind; lastQuestion: AskedQuestion | null; now: string };
  text: string;
  slots: { timeline_months?: number };
}

const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'corpus', 'utterances-train.jsonl');
const items = readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Item);

type Read = (text: string, ctx: UtteranceContext) => number | undefined;

/** What the live bots store: Facts.months, or 0 for a horizon-only "asap". */
const live: Read = (text, ctx) => {
  const t = resolveTimeline(extractTimeline(text), ctx.now);
  if (t.months !== undefined) return t.months;
  if (t.days !== undefined) return Math.round(t.days / 30);
  return t.urgency === 'asap' ? 0 : undefined;
};

function measure(name: string, read: Read, showMisses: boolean): void {
  let labelled = 0;
  let exact = 0;
  let unlabelled = 0;
  let falsePositives = 0;
  const misses: string[] = [];
  for (const u of items) {
    const ctx: UtteranceContext = {
      bot: u.context.bot,
      lastQuestion: u.context.lastQuestion,
      now: new Date(`${u.context.now}T18:00:00Z`),
    };
    const want = u.slots.timeline_months;
    const got = read(u.text, ctx);
    if (want !== undefined) labelled++;
    else unlabelled++;
    if (want !== undefined && got === want) exact++;
    else if (want === undefined && got !== undefined) falsePositives++;
    if (got !== want) {
      const q = `${u.context.bot}/${u.context.lastQuestion ?? '-'}`;
      misses.push(
        `  ${u.id} ${q.padEnd(20)} want ${String(want).padEnd(9)} got ${String(got).padEnd(9)} ${u.text}`,
      );
    }
  }
  const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}%`;
  console.log(`${name}`);
  console.log(`  exact on labelled: ${exact}/${labelled} (${pct(exact, labelled)})`);
  console.log(`  false positives on unlabelled: ${falsePositives}/${unlabelled}`);
  if (showMisses && misses.length > 0) console.log(misses.join('\n'));
}

measure('readTimelineMonths (src/domain/understand/timeline-slot.ts)', readTimelineMonths, true);
measure(
  'live path: extractTimeline + resolveTimeline (no question context)',
  live,
  process.argv.includes('--live'),
);
