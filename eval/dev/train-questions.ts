// The trained classifier that eval/dev/questions.ts compares with the hand-written question
// rules: one-vs-rest logistic regression over word and character n-grams, trained on the TRAIN
// split only. It lost the comparison, so no weights ship with the service; to inspect a model:
//   npx tsx eval/dev/train-questions.ts [--out model.json]
// Training is deterministic (fixed seed, fixed order), so the same corpus gives the same weights.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { flatten } from '../../src/domain/compliance/text.ts';
import type { Act, AskedQuestion, BotKind, UtteranceContext } from '../../src/domain/understand/types.ts';

export interface Utterance {
  id: string;
  lang: 'en' | 'es';
  context: { bot: BotKind; lastQuestion: AskedQuestion | null; now: string };
  text: string;
  acts: Act[];
  note?: string;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const TRAIN_FILE = `${ROOT}eval/corpus/utterances-train.jsonl`;

export function loadJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as T);
}

/** The labels this reader owns, as strings: `q:<topic>`, `id:sincere|banter`, `s:<kind>`. */
export function actLabel(act: Act): string | null {
  if (act.act === 'question') return `q:${act.topic}`;
  if (act.act === 'identity_question') return act.sincere ? 'id:sincere' : 'id:banter';
  if (act.act === 'scheduling') return `s:${act.kind}`;
  return null;
}

export function goldLabels(u: Utterance): string[] {
  return [...new Set(u.acts.map(actLabel).filter((label): label is string => label !== null))].sort();
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Labels are `q:<topic>`, `id:sincere`, `id:banter` and `s:<scheduling kind>`. */
export interface QuestionModel {
  labels: string[];
  bias: number[];
  /** Per feature, flat pairs: label index, weight, label index, weight, … */
  weights: Record<string, number[]>;
}

const NUMBER_SIGN = /#(?!\d)/g;
const DIGITS = /\d+(?:\.\d+)?/g;

/**
 * Word unigrams and bigrams, the first word, character 3- and 4-grams inside each word (they
 * carry typos and inflections: "reschedual", "preaprobado"), whether a question mark was typed,
 * and the question the bot asked just before.
 */
export function questionFeatures(
  text: string,
  ctx: Pick<UtteranceContext, 'bot' | 'lastQuestion'>,
): string[] {
  const flat = flatten(text.replace(NUMBER_SIGN, ' number ')).replace(DIGITS, '0');
  const words = flat.length === 0 ? [] : flat.split(' ');
  const out = new Set<string>();
  out.add(`lq:${ctx.lastQuestion ?? 'none'}`);
  out.add(`bot:${ctx.bot}`);
  if (/[?¿]/.test(text)) out.add('qmark');
  if (words.length <= 2) out.add('short');
  if (words[0] !== undefined) out.add(`first:${words[0]}`);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    out.add(`w:${word}`);
    const next = words[i + 1];
    if (next !== undefined) out.add(`b:${word} ${next}`);
    const padded = ` ${word} `;
    for (let n = 3; n <= 4; n++) {
      for (let at = 0; at + n <= padded.length; at++) out.add(`c:${padded.slice(at, at + n)}`);
    }
  }
  return [...out];
}

/** Probability of every label for one message, highest first. */
export function scoreLabels(
  model: QuestionModel,
  text: string,
  ctx: Pick<UtteranceContext, 'bot' | 'lastQuestion'>,
): Array<{ label: string; probability: number }> {
  const sums = model.bias.slice();
  for (const feature of questionFeatures(text, ctx)) {
    const pairs = Object.hasOwn(model.weights, feature) ? model.weights[feature] : undefined;
    if (pairs === undefined) continue;
    for (let i = 0; i + 1 < pairs.length; i += 2) sums[pairs[i]!]! += pairs[i + 1]!;
  }
  return model.labels
    .map((label, i) => ({ label, probability: 1 / (1 + Math.exp(-sums[i]!)) }))
    .sort((a, b) => b.probability - a.probability);
}

export interface TrainOptions {
  epochs: number;
  rate: number;
  l2: number;
  /** Features seen in fewer training messages are dropped. */
  minCount: number;
  /** Weights closer to zero than this are not stored. */
  prune: number;
}

export const DEFAULT_OPTIONS: TrainOptions = { epochs: 40, rate: 0.5, l2: 1e-3, minCount: 2, prune: 0.2 };

/** One-vs-rest logistic regression by AdaGrad, deterministic. */
export function trainQuestionModel(items: readonly Utterance[], options = DEFAULT_OPTIONS): QuestionModel {
  const labelSet = new Set<string>();
  for (const item of items) for (const label of goldLabels(item)) labelSet.add(label);
  const labels = [...labelSet].sort();
  const labelIndex = new Map(labels.map((label, i) => [label, i]));
  const L = labels.length;

  const counts = new Map<string, number>();
  const rows = items.map((item) => {
    const feats = questionFeatures(item.text, item.context);
    for (const f of feats) counts.set(f, (counts.get(f) ?? 0) + 1);
    const y = new Float64Array(L);
    for (const label of goldLabels(item)) y[labelIndex.get(label)!] = 1;
    return { feats, y };
  });
  const featureIndex = new Map<string, number>();
  for (const [f, n] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (n >= options.minCount) featureIndex.set(f, featureIndex.size);
  }
  const data = rows.map((row) => ({
    x: row.feats.map((f) => featureIndex.get(f)).filter((i): i is number => i !== undefined),
    y: row.y,
  }));

  const F = featureIndex.size;
  const w = new Float64Array(F * L);
  const g2 = new Float64Array(F * L).fill(1e-8);
  const bias = new Float64Array(L);
  const b2 = new Float64Array(L).fill(1e-8);
  const random = mulberry32(20261204);
  const order = data.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const index of order) {
      const { x, y } = data[index]!;
      for (let l = 0; l < L; l++) {
        let z = bias[l]!;
        for (const f of x) z += w[f * L + l]!;
        const grad = 1 / (1 + Math.exp(-z)) - y[l]!;
        b2[l]! += grad * grad;
        bias[l]! -= (options.rate * grad) / Math.sqrt(b2[l]!);
        for (const f of x) {
          const k = f * L + l;
          const g = grad + options.l2 * w[k]!;
          g2[k]! += g * g;
          w[k]! -= (options.rate * g) / Math.sqrt(g2[k]!);
        }
      }
    }
  }

  const round = (v: number) => Math.round(v * 100) / 100;
  const weights: Record<string, number[]> = {};
  for (const [feature, f] of featureIndex) {
    const pairs: number[] = [];
    for (let l = 0; l < L; l++) {
      const v = w[f * L + l]!;
      if (Math.abs(v) >= options.prune) pairs.push(l, round(v));
    }
    if (pairs.length > 0) weights[feature] = pairs;
  }
  return { labels, bias: [...bias].map(round), weights };
}

function main(): void {
  const items = loadJsonl<Utterance>(TRAIN_FILE);
  const started = performance.now();
  const model = trainQuestionModel(items);
  const kept = Object.keys(model.weights).length;
  console.log(
    `trained on ${items.length} messages in ${Math.round(performance.now() - started)} ms: ` +
      `${model.labels.length} labels, ${kept} features kept`,
  );
  const at = process.argv.indexOf('--out');
  const out = at >= 0 ? process.argv[at + 1] : undefined;
  if (out) {
    writeFileSync(out, `${JSON.stringify(model)}\n`);
    console.log(`weights written to ${out}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
