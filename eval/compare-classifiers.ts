// Compares the trained act classifier (src/domain/understand/act-classifier.ts, trained by
// scripts/act-model-train.ts) with NLP.js's NluNeural, the off-the-shelf intent classifier named in
// issue #11, on the same data: both learn from train+dev and are measured on dev2. The test split
// is never read here.
//
//   npx tsx eval/compare-classifiers.ts [--nlpjs-dir <dir>]
//
// NLP.js is not a dependency of this project. It is loaded from <dir> (default ./node_modules);
// install it without saving, or into a directory of its own (the script prints how when missing).
//
// Per family (question, objection, feeling) NLP.js gets one model whose intents are the family's
// labels plus 'None' (messages without one); a message with two labels of the family is taught its
// first. Labels are the ones our trainer uses (toExamples + trainableLabel), so stop_texting and
// wrong_number are left out of both. Scoring is train-act-model.ts's "classifier alone": per family,
// the top label read (probability at or above the threshold) is right when it is among the
// message's labels, wrong otherwise; recall is right readings over the family's labels on dev2.
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { type ActModel, scoreActs } from '../src/domain/understand/act-classifier.ts';
import {
  DEFAULTS,
  type Example,
  toExamples,
  train,
  trainableLabel,
  trainWithThresholds,
} from '../scripts/act-model-train.ts';
import { loadUtterances, type Split, type Utterance } from './lib/corpus.ts';
import { pct } from './lib/utterance-eval.ts';

const FAMILIES = ['question', 'objection', 'feeling'] as const;
type Family = (typeof FAMILIES)[number];
const TRAIN_SPLITS: Split[] = ['train', 'dev'];
const MEASURE_SPLIT: Split = 'dev2';
/** As scripts/train-act-model.ts: k-fold out-of-fold probabilities, F-beta per label. */
const FOLDS = 5;
const BETA = 0.5;

// --- the small part of NLP.js used here -------------------------------------------------------
interface NlpContainer {
  use(plugin: unknown): void;
}
interface NlpClassification {
  intent: string;
  score: number;
}
interface NlpNlu {
  train(corpus: { utterance: string; intent: string }[]): Promise<unknown>;
  process(text: string): Promise<{ classifications: NlpClassification[] }>;
  toJSON(): unknown;
  /** Prepared tokens per text (NLP.js internals; cleared between timed passes). */
  cache?: unknown;
}
interface NlpJs {
  containerBootstrap(): Promise<NlpContainer>;
  NluNeural: new (settings: { container: NlpContainer; locale: string; log: boolean }) => NlpNlu;
  LangEn: unknown;
  versions: string;
}

const INSTALL = '@nlpjs/core@4.26.1 @nlpjs/nlu@4.27.0 @nlpjs/lang-en-min@4.26.1';

function loadNlpJs(dir: string): NlpJs {
  const base = resolve(dir);
  const req = createRequire(join(base, 'compare-classifiers.cjs'));
  const pkg = (name: string) => join(base, '@nlpjs', name);
  try {
    const core = req(pkg('core')) as Pick<NlpJs, 'containerBootstrap'>;
    const nlu = req(pkg('nlu')) as Pick<NlpJs, 'NluNeural'>;
    const en = req(pkg('lang-en-min')) as Pick<NlpJs, 'LangEn'>;
    const versions = ['core', 'nlu', 'lang-en-min', 'neural']
      .map((n) => {
        try {
          return `@nlpjs/${n} ${(req(join(pkg(n), 'package.json')) as { version: string }).version}`;
        } catch {
          return `@nlpjs/${n} (nested)`;
        }
      })
      .join(', ');
    return {
      containerBootstrap: core.containerBootstrap,
      NluNeural: nlu.NluNeural,
      LangEn: en.LangEn,
      versions,
    };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw err;
    console.error(
      [
        `NLP.js was not found in ${base} (it is not a dependency of this project).`,
        'Install it without saving it to package.json:',
        `  npm i --no-save ${INSTALL}`,
        'or into a separate directory, and point this script at it:',
        `  npm i --prefix /tmp/nlpjs ${INSTALL}`,
        '  npx tsx eval/compare-classifiers.ts --nlpjs-dir /tmp/nlpjs/node_modules',
      ].join('\n'),
    );
    process.exit(2);
  }
}

// --- our classifier: train + thresholds exactly as scripts/train-act-model.ts does ------------
// (copied, because that script trains and writes on import and exports nothing)

// --- scoring ----------------------------------------------------------------------------------

/** One message's best label of a family, its score, and the score it must reach to be read. */
interface Reading {
  label: string;
  score: number;
  threshold: number;
}

interface Score {
  tp: number;
  wrong: number;
  gold: number;
}

const familyLabels = (e: Example, fam: Family) => [...e.labels].filter((l) => l.startsWith(`${fam}:`));

/** train-act-model.ts's "classifier alone" count for one family. */
function score(gold: readonly Example[], readings: readonly (Reading | undefined)[], fam: Family): Score {
  let tp = 0;
  let wrong = 0;
  let total = 0;
  gold.forEach((e, i) => {
    const want = familyLabels(e, fam);
    total += want.length;
    const r = readings[i];
    if (r === undefined || r.score < r.threshold) return;
    if (want.includes(r.label)) tp++;
    else wrong++;
  });
  return { tp, wrong, gold: total };
}

const withThreshold = (rs: readonly (Reading | undefined)[], t: number) =>
  rs.map((r) => (r === undefined ? undefined : { ...r, threshold: t }));

/** The lowest single threshold at which a classifier makes no more wrong readings than `maxWrong`. */
function matchWrong(
  gold: readonly Example[],
  rs: readonly (Reading | undefined)[],
  fam: Family,
  maxWrong: number,
) {
  const candidates = [...new Set(rs.flatMap((r) => (r === undefined ? [] : [r.score])))].sort(
    (a, b) => a - b,
  );
  for (const t of candidates) {
    const s = score(gold, withThreshold(rs, t), fam);
    if (s.wrong <= maxWrong) return { t, s };
  }
  return { t: 1, s: score(gold, withThreshold(rs, Number.POSITIVE_INFINITY), fam) };
}

const cell = (s: Score, t?: number) =>
  `${pct(s.tp, s.gold)} (${s.tp}/${s.gold}), wrong ${s.wrong}${t === undefined ? '' : ` @ ${t.toFixed(3)}`}`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

// --- run ----------------------------------------------------------------------------------------

const { values } = parseArgs({ options: { 'nlpjs-dir': { type: 'string', default: './node_modules' } } });
const nlp = loadNlpJs(values['nlpjs-dir'] as string);

const trainItems: Utterance[] = TRAIN_SPLITS.flatMap(loadUtterances);
const held: Utterance[] = loadUtterances(MEASURE_SPLIT);
const trainEx = toExamples(trainItems);
const heldEx = toExamples(held);
const labels = [...new Set(trainEx.flatMap((e) => [...e.labels]))].filter(trainableLabel).sort();

// Ours: the k fold fits that choose the thresholds, then the full fit.
let t0 = performance.now();
const ours = trainWithThresholds(trainEx, labels, FOLDS, BETA);
const oursTrainMs = performance.now() - t0;
t0 = performance.now();
train(trainEx, labels, DEFAULTS);
const oursFitMs = performance.now() - t0;
const oursBytes = Buffer.byteLength(JSON.stringify(ours));

/** Classification is timed over PASSES passes of dev2; the median pass is reported. */
const PASSES = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const noReadings = (): Record<Family, (Reading | undefined)[]> => ({
  question: [],
  objection: [],
  feeling: [],
});

let oursReadings = noReadings();
const oursPasses: number[] = [];
for (let pass = 0; pass < PASSES; pass++) {
  oursReadings = noReadings();
  t0 = performance.now();
  for (const u of held) {
    const scored = scoreActs(u.text, u.context, ours);
    for (const fam of FAMILIES) {
      const top = scored.find((s) => s.label.startsWith(`${fam}:`));
      oursReadings[fam].push(
        top && {
          label: top.label,
          score: top.p,
          threshold: ours.thresholds[ours.labels.indexOf(top.label)] as number,
        },
      );
    }
  }
  oursPasses.push((performance.now() - t0) / held.length);
}
const oursMsgMs = median(oursPasses);

// NLP.js: one NluNeural per family, English pipeline (normalise, tokenise, stem), default settings.
const container = await nlp.containerBootstrap();
container.use(nlp.LangEn);
const models = {} as Record<Family, NlpNlu>;
let nlpTrainMs = 0;
for (const fam of FAMILIES) {
  const corpus = trainItems.map((u, i) => ({
    utterance: u.text,
    intent: familyLabels(trainEx[i] as Example, fam)[0] ?? 'None',
  }));
  const nlu = new nlp.NluNeural({ container, locale: 'en', log: false });
  t0 = performance.now();
  await nlu.train(corpus);
  nlpTrainMs += performance.now() - t0;
  models[fam] = nlu;
}
const nlpBytes = FAMILIES.reduce((n, fam) => n + Buffer.byteLength(JSON.stringify(models[fam].toJSON())), 0);

let nlpReadings = noReadings();
const nlpPasses: number[] = [];
for (let pass = 0; pass < PASSES; pass++) {
  // NluNeural keeps each text's tokens once prepared; dropping that cache makes every pass do the
  // whole work, as a message seen for the first time would.
  for (const fam of FAMILIES) models[fam].cache = undefined;
  nlpReadings = noReadings();
  t0 = performance.now();
  for (const u of held) {
    for (const fam of FAMILIES) {
      const { classifications } = await models[fam].process(u.text);
      // The best intent other than None; at 0.5 or above it is also NLP.js's top intent (the
      // scores are normalised to sum to 1).
      const top = classifications.find((c) => c.intent !== 'None');
      nlpReadings[fam].push(top && { label: top.intent, score: top.score, threshold: 0.5 });
    }
  }
  nlpPasses.push((performance.now() - t0) / held.length);
}
const nlpMsgMs = median(nlpPasses);

const oursScores = FAMILIES.map((fam) => score(heldEx, oursReadings[fam], fam));
const ours05 = FAMILIES.map((fam) => score(heldEx, withThreshold(oursReadings[fam], 0.5), fam));
const nlp05 = FAMILIES.map((fam) => score(heldEx, nlpReadings[fam], fam));
const nlpMatched = FAMILIES.map((fam, i) =>
  matchWrong(heldEx, nlpReadings[fam], fam, (oursScores[i] as Score).wrong),
);
const oursMatched = FAMILIES.map((fam, i) =>
  matchWrong(heldEx, oursReadings[fam], fam, (nlp05[i] as Score).wrong),
);

const oursCost = `${seconds(oursTrainMs)} (${FOLDS + 1} fits; one fit ${seconds(oursFitMs)})`;
const oursRest = `${(oursMsgMs * 1000).toFixed(0)} µs | ${kb(oursBytes)} |`;
const nlpCost = `${seconds(nlpTrainMs)} (3 models)`;
const nlpRest = `${(nlpMsgMs * 1000).toFixed(0)} µs (3 models) | ${kb(nlpBytes)} (3 models) |`;
const rows = [
  '| classifier | question: recall, wrong | objection: recall, wrong | feeling: recall, wrong | training | classify, mean per message | model JSON |',
  '|---|---|---|---|---|--:|--:|',
  `| ours, thresholds as train:acts picks them | ${oursScores.map((s) => cell(s)).join(' | ')} | ${oursCost} | ${oursRest}`,
  `| ours, every threshold 0.5 | ${ours05.map((s) => cell(s)).join(' | ')} | same model | ${oursRest}`,
  `| ours, lowest threshold with no more wrong readings than NLP.js at 0.5 | ${oursMatched.map((m) => cell(m.s, m.t)).join(' | ')} | same model | ${oursRest}`,
  `| NLP.js NluNeural, threshold 0.5 | ${nlp05.map((s) => cell(s)).join(' | ')} | ${nlpCost} | ${nlpRest}`,
  `| NLP.js NluNeural, lowest threshold with no more wrong readings than ours | ${nlpMatched.map((m) => cell(m.s, m.t)).join(' | ')} | same models | ${nlpRest}`,
];

const cpu = cpus();
console.log(
  `trained on ${TRAIN_SPLITS.join('+')} (${trainItems.length} messages, ${labels.length} labels), ` +
    `measured on ${MEASURE_SPLIT} (${held.length} messages); ${nlp.versions}; ` +
    `node ${process.version}, ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores`,
);
console.log(`our thresholds: ${labels.map((l, i) => `${l} ${ours.thresholds[i]}`).join(', ')}\n`);
console.log(rows.join('\n'));
