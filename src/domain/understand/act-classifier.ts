import { actFeatures, type FeatureContext } from './act-features.ts';
import shipped from './act-model.json' with { type: 'json' };
import type { Act } from './types.ts';

/**
 * A small linear classifier, trained on the labelled development corpus (eval/corpus, train and
 * every development split; never test) by `npm run train:acts`, that reads the questions, objections
 * and feelings a message carries when the hand-written readers find none of that kind. One
 * logistic model per label over the features of `actFeatures`; a label is read when its
 * probability reaches the label's threshold. Legally critical reading (STOP, HELP, START, "stop
 * texting me") and "wrong number", which ends contact for good, never come from here: those stay
 * with the deterministic readers.
 */
export interface ActModel {
  /** "question:market", "objection:has_agent", "feeling:anger". */
  labels: string[];
  bias: number[];
  /** Per label, the probability at which it is read. */
  thresholds: number[];
  /** feature → [label index, weight, label index, weight, …] */
  weights: Record<string, number[]>;
  /** The corpus splits it was trained on, and their digest (eval/lib/corpus-digest.ts). */
  trainedOn: string[];
  corpusSha256?: string;
}

export const SHIPPED_ACT_MODEL: ActModel = shipped;

export interface Scored {
  label: string;
  p: number;
}

/** Every label's probability for one message, highest first. */
export function scoreActs(text: string, ctx: FeatureContext, model: ActModel = SHIPPED_ACT_MODEL): Scored[] {
  const z = model.bias.slice();
  for (const f of actFeatures(text, ctx)) {
    const row = model.weights[f];
    if (row === undefined) continue;
    for (let i = 0; i + 1 < row.length; i += 2) {
      const l = row[i] as number;
      z[l] = (z[l] as number) + (row[i + 1] as number);
    }
  }
  return model.labels
    .map((label, i) => ({ label, p: 1 / (1 + Math.exp(-(z[i] as number))) }))
    .sort((a, b) => b.p - a.p);
}

const FAMILIES = ['question', 'objection', 'feeling'] as const;
type Family = (typeof FAMILIES)[number];

/**
 * The acts the classifier adds to what the rules read, per family: an objection or a feeling when
 * the rules found none, and the topic of a question the rules found but could not place ("other",
 * which the caller then drops). It adds the family's most likely label when that label reaches
 * its threshold (a question's topic) or the family's "this message carries one" label, learned
 * from every example of the family, does (objections, feelings).
 * - It never makes a question of a message the rules read as none: "tell me a joke", "did you
 *   even look at what I sent" ask nothing we could answer.
 * - Nothing beside a keyword (STOP/HELP/START).
 * - No anger or grief beside facts the rules read (`HANDING_OVER`).
 * - No objection beside anger or grief the rules read: that lead goes to a person.
 * - No objection beside facts the rules read (`statesFacts`): "we already bought in Temecula" from
 *   a seller, "tenant occupied, was good last time I checked", "me interesa vender" answer us, and
 *   a "no" only the classifier sees there would close a lead who is talking to us.
 * - An objection that closes a lead (some for good) needs its own label to reach its threshold and
 *   0.6, not only the family's: trained on dev3, the family label alone read "Hello, I found your
 *   number on zillow" as a "no" and its likeliest type, already bought, at 0.05. Only "just
 *   looking" and "too early", whose policy keeps the conversation going, may come from the family.
 */
export function fillActs(
  ruled: readonly Act[],
  text: string,
  ctx: FeatureContext & { statesFacts: boolean },
  model: ActModel = SHIPPED_ACT_MODEL,
): Act[] {
  if (ruled.some((a) => a.act === 'keyword')) return [];
  const scored = scoreActs(text, ctx, model);
  const reaches = (s: Scored | undefined): s is Scored =>
    s !== undefined && s.p >= (model.thresholds[model.labels.indexOf(s.label)] as number);
  const added: Act[] = [];
  for (const family of FAMILIES) {
    if (family === 'objection' && ctx.statesFacts) continue;
    // Anger or grief the rules read hands the lead to a person; a "no" only the classifier sees
    // would close it instead ("ya estoy harta, es el quinto mensaje. ya les dije que no vamos a
    // vender" goes to Jorge).
    if (
      family === 'objection' &&
      ruled.some((a) => a.act === 'feeling' && HANDING_OVER.has(`feeling:${a.kind}`))
    )
      continue;
    const own = ruled.filter((a) => a.act === family);
    const open = family === 'question' ? own.length > 0 && own.every(isUnplaced) : own.length === 0;
    if (!open) continue;
    const best = scored.find((s) => s.label.startsWith(`${family}:`));
    if (best === undefined || best.label === 'question:other') continue;
    if (family === 'feeling' && ctx.statesFacts && HANDING_OVER.has(best.label)) continue;
    // What closes the lead or hands it to a person needs its own label at CLOSING_P: the family
    // label alone read "buenas, sí me llegó su mensaje" as a feeling at 0.92, anger at 0.37.
    const closing =
      (family === 'feeling' && HANDING_OVER.has(best.label)) ||
      (family === 'objection' && !SOFT_OBJECTIONS.has(best.label));
    if (closing && !(reaches(best) && best.p >= CLOSING_P)) continue;
    // A question the rules saw needs its topic to be likely on its own, and better than even odds
    // ("tell me a joke" is no request for a home value); an objection or a feeling needs its
    // family's label.
    const placed = family === 'question' && reaches(best) && best.p >= 0.6;
    if (placed || (family !== 'question' && reaches(scored.find((s) => s.label === family))))
      added.push(toAct(family, best.label));
  }
  return added;
}

/**
 * Feelings that hand the lead to a person and quiet the bot. Beside facts the rules read they stay
 * with the rules: "holes in walls, carpet trashed" describes the house, and the model read it as
 * anger at 0.63.
 */
const HANDING_OVER = new Set(['feeling:anger', 'feeling:grief']);

/** Objections whose policy nurtures instead of closing; any other needs its own label at CLOSING_P. */
const SOFT_OBJECTIONS = new Set(['objection:just_looking', 'objection:too_early']);
const CLOSING_P = 0.6;

const isUnplaced = (a: Act) => a.act === 'question' && a.topic === 'other';

function toAct(family: Family, label: string): Act {
  const value = label.slice(family.length + 1);
  switch (family) {
    case 'question':
      return { act: 'question', topic: value } as Act;
    case 'objection':
      return { act: 'objection', type: value } as Act;
    case 'feeling':
      return { act: 'feeling', kind: value } as Act;
  }
}
