/**
 * Money slots (price, price_min, price_max, budget_min, budget_max) measured on the TRAIN (default)
 * DEV or DEV2 split of the utterance corpus. Never point this at a test file.
 *
 *   npx tsx eval/dev/money.ts              the reader, and the live readers (on the same scanner)
 *   npx tsx eval/dev/money.ts --library    also Microsoft Recognizers-Text reading the number words
 *                                          (needs `npm install --no-save @microsoft/recognizers-text-number@1.3.1`)
 *   npx tsx eval/dev/money.ts --split dev  a development split (dev or dev2) instead of train
 *   npx tsx eval/dev/money.ts --library --library-from /tmp/lib/node_modules/@microsoft/recognizers-text-number/dist/recognizers-text-number.es5.js
 *                                          a copy installed outside the project
 *   npx tsx eval/dev/money.ts --quiet      numbers only
 *
 * Accuracy is exact match of all five slots over utterances whose label has any of them; a false
 * positive is any money slot read from an utterance whose label has none.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { classifyIntent, extractBudget, extractPriceExpectation } from '../../src/domain/language/index.ts';
import { type MoneySlots, readMoneySlots } from '../../src/domain/understand/money-slots.ts';
import type { AskedQuestion, BotKind, UtteranceContext } from '../../src/domain/understand/types.ts';

interface Utterance {
  id: string;
  lang: 'en' | 'es';
  context: { bot: BotKind; lastQuestion: AskedQuestion | null; now: string };
  text: string;
  slots: Record<string, unknown>;
}

type Reader = (text: string, ctx: UtteranceContext, lang: 'en' | 'es') => MoneySlots;

const KEYS = ['price', 'price_min', 'price_max', 'budget_min', 'budget_max'] as const;
const TRAIN = fileURLToPath(new URL('../corpus/utterances-train.jsonl', import.meta.url));
const DEV = fileURLToPath(new URL('../corpus/utterances-dev.jsonl', import.meta.url));
const DEV2 = fileURLToPath(new URL('../corpus/utterances-dev2.jsonl', import.meta.url));

function moneyOf(slots: Record<string, unknown>): MoneySlots {
  const out: MoneySlots = {};
  for (const k of KEYS) if (typeof slots[k] === 'number') out[k] = slots[k] as number;
  return out;
}

const show = (s: MoneySlots) =>
  KEYS.filter((k) => s[k] !== undefined)
    .map((k) => `${k}=${s[k]}`)
    .join(' ') || '{}';

/** The readers the bots use today, put into slot form: one price, or a budget. */
const liveReader: Reader = (text, ctx) => {
  const intent = classifyIntent(text).intent;
  const side =
    ctx.lastQuestion === 'price' || (ctx.lastQuestion !== 'budget' && ctx.bot === 'seller')
      ? 'sell'
      : ctx.lastQuestion === 'budget' || ctx.bot === 'buyer'
        ? 'buy'
        : intent === 'buy' || intent === 'sell'
          ? intent
          : null;
  if (side === 'sell') {
    const price = extractPriceExpectation(text, { justAsked: ctx.lastQuestion === 'price' });
    return price === null ? {} : { price };
  }
  if (side === 'buy') {
    const b = extractBudget(text, { justAsked: ctx.lastQuestion === 'budget' });
    const out: MoneySlots = {};
    if (b.min !== undefined) out.budget_min = b.min;
    if (b.max !== undefined) out.budget_max = b.max;
    return out;
  }
  return {};
};

interface RecognizerResult {
  start: number;
  end: number;
  resolution?: { value?: string };
}
interface NumberModule {
  recognizeNumber(text: string, culture: string): RecognizerResult[];
  Culture: { English: string; Spanish: string };
}

/** Microsoft Recognizers-Text turns the number words into digits; our rules do the rest. */
async function libraryReader(from: string | undefined): Promise<Reader | null> {
  // `--library-from <dir>` points at a copy installed outside the project (npm install --prefix).
  const name = from ?? '@microsoft/recognizers-text-number';
  let lib: NumberModule;
  try {
    lib = (await import(name)) as NumberModule;
  } catch {
    console.log(`\n${name} is not installed: npm install --no-save ${name}@1.3.1`);
    return null;
  }
  return (text, ctx, lang) => {
    const culture = lang === 'es' ? lib.Culture.Spanish : lib.Culture.English;
    const readWords = (folded: string) => {
      let out = '';
      let at = 0;
      for (const r of lib.recognizeNumber(folded, culture)) {
        const value = r.resolution?.value;
        if (value === undefined || r.start < at) continue;
        out += folded.slice(at, r.start) + value;
        at = r.end + 1;
      }
      return out + folded.slice(at);
    };
    return readMoneySlots(text, ctx, { readWords });
  };
}

function measure(name: string, read: Reader, items: Utterance[], quiet: boolean): void {
  const withMoney = items.filter((u) => Object.keys(moneyOf(u.slots)).length > 0);
  const misses: string[] = [];
  const falsePositives: string[] = [];
  let exact = 0;
  let ms = 0;
  for (const u of items) {
    const ctx: UtteranceContext = {
      bot: u.context.bot,
      lastQuestion: u.context.lastQuestion,
      now: new Date(`${u.context.now}T12:00:00Z`),
    };
    const t0 = performance.now();
    const got = read(u.text, ctx, u.lang);
    ms += performance.now() - t0;
    const want = moneyOf(u.slots);
    const line = `${u.id} ${u.context.bot}/${u.context.lastQuestion} ${JSON.stringify(u.text)}\n      want ${show(want)}  got ${show(got)}`;
    if (Object.keys(want).length === 0) {
      if (Object.keys(got).length > 0) falsePositives.push(line);
    } else if (show(want) === show(got)) exact++;
    else misses.push(line);
  }
  const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}%`;
  const without = items.length - withMoney.length;
  console.log(`\n== ${name}`);
  console.log(
    `exact ${exact}/${withMoney.length} = ${pct(exact, withMoney.length)} on utterances with money slots`,
  );
  console.log(
    `false positives ${falsePositives.length}/${without} = ${pct(falsePositives.length, without)} on the rest`,
  );
  console.log(`time ${(ms / items.length).toFixed(3)} ms per utterance (${ms.toFixed(0)} ms in all)`);
  if (quiet) return;
  if (misses.length) console.log(`misses:\n  ${misses.join('\n  ')}`);
  if (falsePositives.length) console.log(`false positives:\n  ${falsePositives.join('\n  ')}`);
}

const argv = process.argv.slice(2);
const args = new Set(argv);
const flagValue = (flag: string) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
// The held-out test split is never read here.
const split = flagValue('--split') ?? 'train';
if (split !== 'train' && split !== 'dev' && split !== 'dev2')
  throw new Error('--split must be train, dev or dev2');
const items = readFileSync(split === 'dev' ? DEV : split === 'dev2' ? DEV2 : TRAIN, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Utterance);
const quiet = args.has('--quiet');
measure('money slots (src/domain/understand/money-slots.ts)', (t, c) => readMoneySlots(t, c), items, quiet);
measure(
  'live readers (extractPriceExpectation / extractBudget) on the same scanner',
  liveReader,
  items,
  true,
);
if (args.has('--library')) {
  const lib = await libraryReader(flagValue('--library-from'));
  if (lib) measure('Recognizers-Text number words + the same rules', lib, items, quiet);
}
