import { writeFileSync } from 'node:fs';
import { corpusDigest } from '../eval/lib/corpus-digest.ts';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type ActModel, scoreActs } from '../src/domain/understand/act-classifier.ts';
import { readUtterance } from '../src/domain/understand/read-utterance.ts';
import { DEVELOPMENT_SPLITS, loadUtterances, type Split, type Utterance } from '../eval/lib/corpus.ts';
import { evaluateUtterances, family, pct } from '../eval/lib/utterance-eval.ts';
import { DEFAULTS, type Example, toExamples, trainableLabel, trainWithThresholds } from './act-model-train.ts';

/**
 * Trains the act classifier on the development splits and writes
 * src/domain/understand/act-model.json; each label's threshold is chosen on out-of-fold
 * probabilities (k-fold over the training items), never on the test split.
 *
 *   npm run train:acts                      train on train and every development split, write the model
 *   npm run train:acts -- --holdout dev2    train on the other development splits and report,
 *                                           on the held-out one, rules alone against rules plus
 *                                           the classifier (nothing is written)
 *   npm run train:acts -- --train train,dev,dev2,dev3,dev4 --holdout dev5
 *                                           the same with other splits (never test)
 */
const { values } = parseArgs({
  options: {
    holdout: { type: 'string' },
    train: { type: 'string' },
    folds: { type: 'string', default: '5' },
    beta: { type: 'string', default: '0.5' },
    write: { type: 'boolean', default: false },
    prune: { type: 'string' },
    l2: { type: 'string' },
    epochs: { type: 'string' },
    'min-count': { type: 'string' },
  },
});

const ALL_DEV = DEVELOPMENT_SPLITS;
const DEV_SPLITS = (values.train?.split(',') as Split[] | undefined) ?? [...ALL_DEV];
const holdout = values.holdout as Split | undefined;
for (const split of [...DEV_SPLITS, ...(holdout ? [holdout] : [])]) {
  if (!ALL_DEV.includes(split)) {
    console.error(`splits must be among ${ALL_DEV.join(', ')}; got ${split}: the test split is never trained or tuned on`);
    process.exit(2);
  }
}
const trainSplits = DEV_SPLITS.filter((s) => s !== holdout);
const items: Utterance[] = trainSplits.flatMap(loadUtterances);
const examples = toExamples(items);
const labels = [...new Set(examples.flatMap((e) => [...e.labels]))].filter(trainableLabel).sort();

const options = {
  ...DEFAULTS,
  ...(values.prune ? { prune: Number(values.prune) } : {}),
  ...(values.l2 ? { l2: Number(values.l2) } : {}),
  ...(values.epochs ? { epochs: Number(values.epochs) } : {}),
  ...(values['min-count'] ? { minCount: Number(values['min-count']) } : {}),
};
const model = trainWithThresholds(examples, labels, Number(values.folds), Number(values.beta), options);
model.trainedOn = trainSplits;
model.corpusSha256 = corpusDigest(trainSplits);
console.log(
  `trained on ${trainSplits.join('+')}: ${items.length} messages, ${labels.length} labels, ` +
    `${Object.keys(model.weights).length} features kept`,
);

if (holdout === undefined || values.write) {
  const out = join(dirname(fileURLToPath(import.meta.url)), '../src/domain/understand/act-model.json');
  writeFileSync(out, `${JSON.stringify(model)}\n`);
  console.log(`wrote ${out} (${Math.round(JSON.stringify(model).length / 1024)} KB)`);
}
if (holdout !== undefined) report(loadUtterances(holdout), model);

function report(held: Utterance[], m: ActModel): void {
  // The classifier alone: its best label per family against the labels.
  const ex = toExamples(held);
  for (const fam of ['question', 'objection', 'feeling']) {
    let tp = 0;
    let fp = 0;
    let gold = 0;
    held.forEach((u, i) => {
      const want = [...(ex[i] as Example).labels].filter((x) => x.startsWith(`${fam}:`));
      gold += want.length;
      const top = scoreActs(u.text, u.context, m).find((s) => s.label.startsWith(`${fam}:`));
      if (!top || top.p < (m.thresholds[m.labels.indexOf(top.label)] as number)) return;
      if (want.includes(top.label)) tp++;
      else fp++;
    });
    console.log(`classifier alone, ${fam}: recall ${pct(tp, gold)} (${tp}/${gold}), wrong ${fp}`);
  }
  const rules = evaluateUtterances(held, (t, c) => readUtterance(t, c, null));
  const both = evaluateUtterances(held, (t, c) => readUtterance(t, c, m));
  for (const fam of ['question:', 'objection:', 'feeling:']) {
    const a = family(rules.acts, fam);
    const b = family(both.acts, fam);
    console.log(
      `${fam.padEnd(11)} rules ${pct(a.hit, a.total)} (FP ${a.falsePositives}) → rules+classifier ${pct(b.hit, b.total)} (FP ${b.falsePositives})`,
    );
  }
  console.log(
    `slots exact: rules ${pct(rules.slotsExact.hit, rules.slotsExact.total)} → ${pct(both.slotsExact.hit, both.slotsExact.total)}; compliance misses ${rules.complianceMisses.length} → ${both.complianceMisses.length}`,
  );
}
