import { actFeatures } from '../src/domain/understand/act-features.ts';
import type { ActModel } from '../src/domain/understand/act-classifier.ts';
import { actLabel, type Utterance } from '../eval/lib/corpus.ts';

/**
 * Training for the act classifier (src/domain/understand/act-classifier.ts): one-vs-rest logistic
 * regression over hashed-free sparse features, AdaGrad, L2, a seeded shuffle so the same corpus
 * always gives the same model. Used by scripts/train-act-model.ts.
 */

/**
 * The labels the classifier may read. The readings that end contact for good without a person
 * ("stop texting me", "wrong number") stay with the deterministic readers only.
 */
const DETERMINISTIC_ONLY = new Set(['objection:stop_texting', 'objection:wrong_number']);
export function trainableLabel(label: string): boolean {
  if (DETERMINISTIC_ONLY.has(label)) return false;
  return /^(?:question|objection|feeling)(?::|$)/.test(label);
}

export interface Example {
  features: string[];
  labels: Set<string>;
}

export function toExamples(items: readonly Utterance[]): Example[] {
  return items.map((u) => {
    const labels = new Set(u.acts.map(actLabel).filter(trainableLabel));
    // The family itself is a label too ("question", "objection", "feeling"): whether the message
    // carries one at all is learned from every example of the family, not from one topic's few.
    for (const l of [...labels]) labels.add(l.slice(0, l.indexOf(':')));
    return { features: actFeatures(u.text, u.context), labels };
  });
}

export interface TrainOptions {
  epochs: number;
  rate: number;
  l2: number;
  seed: number;
  /** Weights smaller than this are dropped from the shipped model. */
  prune: number;
  /** Features seen in fewer training messages than this are not learned. */
  minCount: number;
}

export const DEFAULTS: TrainOptions = { epochs: 40, rate: 0.5, l2: 1e-2, seed: 7, prune: 0.1, minCount: 2 };

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function train(examples: readonly Example[], labels: readonly string[], o = DEFAULTS): ActModel {
  const L = labels.length;
  const seen = new Map<string, number>();
  for (const e of examples) for (const f of e.features) seen.set(f, (seen.get(f) ?? 0) + 1);
  const index = new Map<string, number>();
  for (const [f, n] of seen) if (n >= o.minCount) index.set(f, index.size);
  const F = index.size;
  const w = new Float64Array(F * L);
  const g2 = new Float64Array(F * L).fill(1e-8);
  const b = new Float64Array(L);
  const gb = new Float64Array(L).fill(1e-8);
  const order = examples.map((_, i) => i);
  const rand = rng(o.seed);
  const rows = examples.map((e) => e.features.flatMap((f) => index.get(f) ?? []));
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const k of order) {
      const feats = rows[k] as number[];
      const gold = (examples[k] as Example).labels;
      for (let l = 0; l < L; l++) {
        let z = b[l] as number;
        for (const f of feats) z += w[f * L + l] as number;
        const y = gold.has(labels[l] as string) ? 1 : 0;
        const err = 1 / (1 + Math.exp(-z)) - y;
        gb[l] = (gb[l] as number) + err * err;
        b[l] = (b[l] as number) - (o.rate * err) / Math.sqrt(gb[l] as number);
        for (const f of feats) {
          const at = f * L + l;
          const g = err + o.l2 * (w[at] as number);
          g2[at] = (g2[at] as number) + g * g;
          w[at] = (w[at] as number) - (o.rate * g) / Math.sqrt(g2[at] as number);
        }
      }
    }
  }
  const weights: Record<string, number[]> = {};
  for (const [f, fi] of index) {
    const row: number[] = [];
    for (let l = 0; l < L; l++) {
      const v = w[fi * L + l] as number;
      if (Math.abs(v) >= o.prune) row.push(l, Math.round(v * 1000) / 1000);
    }
    if (row.length > 0) weights[f] = row;
  }
  return {
    labels: [...labels],
    bias: [...b].map((v) => Math.round(v * 1000) / 1000),
    thresholds: labels.map(() => 0.5),
    weights,
    trainedOn: [],
  };
}

/** Every label's probability for one example's features under `m`. */
function probabilities(m: ActModel, features: readonly string[]): number[] {
  const z = m.bias.slice();
  for (const f of features) {
    const row = m.weights[f];
    if (!row) continue;
    for (let j = 0; j + 1 < row.length; j += 2) {
      const l = row[j] as number;
      z[l] = (z[l] as number) + (row[j + 1] as number);
    }
  }
  return z.map((v) => 1 / (1 + Math.exp(-v)));
}

/**
 * Trains k models on k−1 folds to pick each label's threshold on the out-of-fold probabilities
 * (best F-beta over 0.35 … 0.95), then one model on every example.
 */
export function trainWithThresholds(
  ex: readonly Example[],
  ls: string[],
  k: number,
  beta: number,
  o = DEFAULTS,
): ActModel {
  const oof: number[][] = ex.map(() => []);
  for (let fold = 0; fold < k; fold++) {
    const m = train(
      ex.filter((_, i) => i % k !== fold),
      ls,
      o,
    );
    ex.forEach((e, i) => {
      if (i % k === fold) oof[i] = probabilities(m, e.features);
    });
  }
  const full = train(ex, ls, o);
  full.thresholds = ls.map((label, l) => bestThreshold(ex, oof, label, l, beta));
  return full;
}

function bestThreshold(ex: readonly Example[], oof: number[][], label: string, l: number, beta: number) {
  let best = 0.9;
  let bestF = -1;
  for (let t = 0.35; t <= 0.951; t += 0.05) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    ex.forEach((e, i) => {
      const on = (oof[i]?.[l] ?? 0) >= t;
      const gold = e.labels.has(label);
      if (on && gold) tp++;
      else if (on) fp++;
      else if (gold) fn++;
    });
    const p = tp + fp === 0 ? 0 : tp / (tp + fp);
    const r = tp + fn === 0 ? 0 : tp / (tp + fn);
    const f = p + r === 0 ? 0 : ((1 + beta * beta) * p * r) / (beta * beta * p + r);
    if (f > bestF) {
      bestF = f;
      best = Math.round(t * 100) / 100;
    }
  }
  return best;
}
