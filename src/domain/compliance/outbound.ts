import { mentionsProtectedGroup } from './group-mentions.ts';
import {
  DANGER_WORDS,
  DISCLOSURE_AI_TERMS,
  INTERNAL_AI_TERMS,
  PLACE_WORDS,
  REFUSAL,
  SAFE_WORDS_EN,
  SAFE_WORDS_ES,
  STEERING_PHRASES,
  URL_TLDS,
} from './outbound-words.ts';
import { flatten, sentences, wordRegex } from './text.ts';

export type OutboundViolation =
  | 'too_long'
  | 'url'
  | 'emoji'
  | 'multiple_questions'
  | 'ai_mention'
  | 'steering'
  | 'dash_clutter'
  | 'empty';

export interface OutboundOptions {
  maxLength: number;
  agentName: string;
  /** True only for the honest answer to a sincere "are you a bot?". */
  allowAiDisclosure?: boolean;
  /** The market's neighbourhood names, so "Etiwanda is very safe" counts as describing a place. */
  placeNames?: readonly string[];
}

export interface OutboundCheck {
  ok: boolean;
  violations: OutboundViolation[];
}

/** Question marks in a row ("??", "?!") count once; the Spanish opening ¿ never counts. */
export function countQuestions(text: string): number {
  return text.match(/\?[?!]*/g)?.length ?? 0;
}

// ©, ® and ™ are pictographic in Unicode but legitimate in "REALTOR®".
export const EMOJI = /(?![\u00a9\u00ae\u2122])[\p{Extended_Pictographic}\p{Regional_Indicator}]/u;

const URL = new RegExp(
  `https?://|(?<![a-z0-9@])www\\.|(?<![a-z0-9@.\\-])[a-z0-9][a-z0-9-]*(?:\\.[a-z0-9-]+)*\\.(?:${URL_TLDS})(?![a-z0-9])|(?<![a-z0-9@.\\-])[a-z0-9-]+\\.[a-z]{2,}/[^\\s]`,
  'i',
);

const DASH_CLUTTER = /[\u2012-\u2015]|(?<!\d)\s-{1,2}\s|\s-{1,2}\s(?!\d)|--|^[^\S\n\r\u2028\u2029]*-\s/m;

const STEERING = wordRegex(STEERING_PHRASES);
const REFUSAL_RE = wordRegex(REFUSAL);
const SAFE_NEAR_PLACE = wordRegex(
  [
    `(?:${SAFE_WORDS_EN})(?: [a-z]+){0,2} (?:${PLACE_WORDS})`,
    `(?:${PLACE_WORDS})(?: [a-z]+){0,3} (?:${SAFE_WORDS_EN}|${SAFE_WORDS_ES})`,
    `(?:${SAFE_WORDS_EN}) (?:for|to raise) (?:kids|children|families|a family)`,
    'feels? (?:very |really |so )?safe',
  ].join('|'),
);
const DANGER = wordRegex(DANGER_WORDS);
const PLACE = wordRegex(PLACE_WORDS);
const INTERNAL_AI = wordRegex(`${INTERNAL_AI_TERMS}|claude`);
const INTERNAL_AI_EXCEPT_CLAUDE = wordRegex(INTERNAL_AI_TERMS);
const DISCLOSURE_AI = wordRegex(DISCLOSURE_AI_TERMS);

/** Neighbourhood names read as "area" so "Etiwanda is very safe" is caught like "the area is very safe". */
function withGenericPlaces(sentence: string, placeNames: readonly string[]): string {
  let result = ` ${sentence} `;
  for (const name of placeNames) {
    const flat = flatten(name);
    if (flat.length > 0) result = result.replaceAll(` ${flat} `, ' area ');
  }
  return result.trim();
}

function hasSteering(text: string, placeNames: readonly string[]): boolean {
  return sentences(text).some((raw) => {
    if (REFUSAL_RE.test(raw)) return false;
    const sentence = withGenericPlaces(raw, placeNames);
    if (STEERING.test(sentence) || SAFE_NEAR_PLACE.test(sentence)) return true;
    if (DANGER.test(sentence) && PLACE.test(sentence)) return true;
    return mentionsProtectedGroup(sentence) !== null;
  });
}

function hasAiMention(text: string, opts: OutboundOptions): boolean {
  const flat = flatten(text);
  // An agent really named Claude may still sign their own texts.
  const internal = flatten(opts.agentName) === 'claude' ? INTERNAL_AI_EXCEPT_CLAUDE : INTERNAL_AI;
  if (internal.test(flat)) return true;
  if (opts.allowAiDisclosure) return false;
  return DISCLOSURE_AI.test(flat) || /\bA\.I\.?/.test(text);
}

/** Rules every outbound SMS must pass before it is sent. */
export function checkOutbound(text: string, opts: OutboundOptions): OutboundCheck {
  if (text.trim().length === 0) return { ok: false, violations: ['empty'] };
  const violations: OutboundViolation[] = [];
  if ([...text].length > opts.maxLength) violations.push('too_long');
  if (URL.test(text)) violations.push('url');
  if (EMOJI.test(text)) violations.push('emoji');
  if (countQuestions(text) > 1) violations.push('multiple_questions');
  if (hasAiMention(text, opts)) violations.push('ai_mention');
  if (hasSteering(text, opts.placeNames ?? [])) violations.push('steering');
  if (DASH_CLUTTER.test(text)) violations.push('dash_clutter');
  return { ok: violations.length === 0, violations };
}
