/**
 * The timeline reader against chrono-node on the TRAIN, DEV and DEV2 utterances (never test): exact
 * months over utterances labelled with `timeline_months`, and wrong or false timelines. chrono-node
 * is not a dependency; install it outside the project and point at it:
 *
 *   npm install --prefix /tmp/lib chrono-node@2.10.3
 *   npx tsx eval/dev/timeline-library.ts --library-from /tmp/lib/node_modules/chrono-node/dist/esm/index.js
 */
import { loadUtterances, type Utterance } from '../lib/corpus.ts';
import { readTimelineMonths } from '../../src/domain/understand/timeline-slot.ts';

interface ChronoResult {
  start: { date(): Date };
}
interface Parser {
  parse(
    text: string,
    ref: { instant: Date; timezone: string },
    opts: { forwardDate: boolean },
  ): ChronoResult[];
}
type Chrono = Parser & { es: Parser };

const argv = process.argv.slice(2);
const from = argv.includes('--library-from') ? argv[argv.indexOf('--library-from') + 1] : undefined;
if (!from) throw new Error('--library-from <path to chrono-node/dist/esm/index.js> is required');
const chrono = (await import(from)) as Chrono;

type Read = (u: Utterance) => number | undefined;

const nowOf = (u: Utterance) => new Date(`${u.context.now}T18:00:00Z`);
const rules: Read = (u) =>
  readTimelineMonths(u.text, { bot: u.context.bot, lastQuestion: u.context.lastQuestion, now: nowOf(u) });
/** Whole calendar months from the message date to the first date chrono finds. */
const library: Read = (u) => {
  const now = nowOf(u);
  const parser = u.lang === 'es' ? chrono.es : chrono;
  const found = parser.parse(u.text, { instant: now, timezone: 'PST' }, { forwardDate: true })[0];
  if (!found) return undefined;
  const d = found.start.date();
  const months = (d.getUTCFullYear() - now.getUTCFullYear()) * 12 + d.getUTCMonth() - now.getUTCMonth();
  return months < 0 ? undefined : months;
};

for (const split of ['train', 'dev', 'dev2'] as const) {
  const items = loadUtterances(split);
  const measure = (name: string, read: Read) => {
    let hit = 0;
    let total = 0;
    let wrong = 0;
    const t0 = performance.now();
    for (const u of items) {
      const got = read(u);
      const want = u.slots.timeline_months;
      if (want !== undefined) total += 1;
      if (want !== undefined && got === want) hit += 1;
      else if (got !== undefined) wrong += 1;
    }
    const ms = (performance.now() - t0) / items.length;
    console.log(
      `${split} ${name}: ${hit}/${total} exact (${((100 * hit) / total).toFixed(1)}%), ${wrong} wrong or false, ${ms.toFixed(3)} ms per message`,
    );
  };
  measure('rules', rules);
  measure('chrono-node', library);
  measure('rules, then chrono-node when they find nothing', (u) => rules(u) ?? library(u));
}
