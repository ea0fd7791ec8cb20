import { prepare } from './objections-text.ts';
import type { AskedQuestion, BotKind } from './types.ts';

/**
 * The features the trained act classifier sees in one message: the words and word pairs of the
 * folded text (shorthands and common misspellings already mapped by `prepare`), the letter
 * triples of each word (so "licenced", "licensd" and "licensed" share most of theirs), whether the
 * message asks, how it starts, and which bot asked what just before. The same function builds the
 * training data (scripts/train-act-model.ts) and reads live messages, so both see the same thing.
 */
export interface FeatureContext {
  bot: BotKind;
  lastQuestion: AskedQuestion | null;
}

const MAX_WORDS = 60;

export function actFeatures(text: string, ctx: FeatureContext): string[] {
  const p = prepare(text);
  const words = p.flat.split(' ').filter((w) => w !== '');
  if (words.length > MAX_WORDS) words.length = MAX_WORDS;
  const out = new Set<string>();
  out.add(`bot:${ctx.bot}`);
  out.add(`lq:${ctx.lastQuestion ?? 'none'}`);
  if (p.raw.includes('?') || p.raw.includes('¿')) out.add('asks');
  if (p.shouted) out.add('shouted');
  if (words.length > 0) out.add(`first:${words[0]}`);
  if (words.length > 1) out.add(`first2:${words[0]}_${words[1]}`);
  out.add(`len:${Math.min(words.length, 12) >> 2}`);
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    out.add(`w:${w}`);
    if (i + 1 < words.length) out.add(`b:${w}_${words[i + 1]}`);
    if (w.length < 4) continue;
    const padded = `<${w}>`;
    for (let j = 0; j + 3 <= padded.length; j++) out.add(`c:${padded.slice(j, j + 3)}`);
  }
  return [...out];
}
