import { matchesOf } from './matches.ts';
/**
 * Text normal forms shared by the extractors.
 *
 * `fold` keeps the string length so that offsets found in the folded text can be used to slice the
 * original (to return a destination or an address with the lead's own capitalisation).
 * `simplify` is lossy and is what most phrase rules run against.
 */

import { remember } from '../remember.ts';

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u02bc`´]/g;
const DOUBLE_QUOTES = /[\u201c\u201d]/g;
const DASHES = /[\u2013\u2014]/g;

const NON_ASCII = /[^\x00-\x7f]/;
const NON_ASCII_ALL = /[^\x00-\x7f]/g;
const ANY_CHAR = /[\s\S]/g;

function foldChar(ch: string): string {
  const lower = ch.toLowerCase();
  const base = lower.normalize('NFD').replace(COMBINING_MARKS, '');
  return base.length === 1 ? base : lower.length === 1 ? lower : ch;
}

/** Lower-cases, strips accents and straightens quotes/dashes without changing the length. */
export const fold = remember((text: string): string => {
  const lower = text.toLowerCase();
  // Lower-casing can change the length of a few non-Latin letters; then go character by character.
  if (!NON_ASCII.test(text)) return lower;
  const folded =
    lower.length === text.length ? lower.replace(NON_ASCII_ALL, foldChar) : text.replace(ANY_CHAR, foldChar);
  return folded.replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(DASHES, '-');
});

const APOSTROPHES = /'/g;
const WITHOUT = /\bw\/o\b/g;
const WITH = /\bw\/(?=\s|[a-z])/g;
const BECAUSE = /\bb\/c\b/g;
const AMPERSAND = /(?:(?<!\s)\s+)?&\s*/g;
const SPACES = /\s+/g;

/**
 * Lossy form for phrase rules: folded, apostrophes removed ("don't" → "dont"), common SMS
 * shorthands expanded, whitespace collapsed. Punctuation that separates clauses is kept.
 */
export const simplify = remember((text: string): string =>
  fold(text)
    .replace(APOSTROPHES, '')
    .replace(WITHOUT, 'without ')
    .replace(WITH, 'with ')
    .replace(BECAUSE, 'because')
    .replace(AMPERSAND, ' and ')
    .replace(SPACES, ' ')
    .trim(),
);

const WORD = /[a-z0-9]+/g;

/** The alphanumeric words of a simplified text. */
export function words(text: string): string[] {
  return simplify(text).match(WORD) ?? [];
}

// Breaks start only where a run of punctuation or spaces starts (or right after a break), so a
// long run is not searched again from each of its characters.
const CLAUSE_BREAK =
  /(?<![.!?;])[.!?;\n]+(?:\s|$)|(?:,|(?<!\s)|(?<=[.!?;]\s))\s+(?:but|pero|although|aunque)\s+/;

/** Splits a simplified text into clauses so that a cue in one sentence does not colour another. */
export function clauses(simplified: string): string[] {
  return simplified
    .split(CLAUSE_BREAK)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}

const SENTENCE_END = /[.!?](?=\s)|[;\n]/g;

/** The text of the current clause that ends at `index` (exclusive), at most `max` characters. */
export function clauseBefore(text: string, index: number, max = 48): string {
  const window = text.slice(Math.max(0, index - max), index);
  let cut = 0;
  for (const m of matchesOf(SENTENCE_END, window)) cut = m.index + 1;
  return window.slice(cut);
}

/** The text of the current clause that starts at `index`, at most `max` characters. */
export function clauseAfter(text: string, index: number, max = 40): string {
  const window = text.slice(index, index + max);
  const end = window.search(/[!?;\n]|\.(?:\s|$)/);
  return end < 0 ? window : window.slice(0, end);
}
