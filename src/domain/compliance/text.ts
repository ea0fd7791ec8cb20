// Text helpers private to the compliance rules. Kept separate from domain/language so these
// safety checks never change behaviour because an extraction helper was tuned.

const COMBINING_MARKS = /\p{M}+/gu;

// Every detector normalises the same message again; remembering the last few results keeps the
// whole screen of one turn to a single pass per helper. Pure: the output depends only on the input.
function memo(fn: (s: string) => string): (s: string) => string {
  const cache = new Map<string, string>();
  return (s) => {
    let out = cache.get(s);
    if (out === undefined) {
      if (cache.size >= 256) cache.clear();
      out = fn(s);
      cache.set(s, out);
    }
    return out;
  };
}

/** Lowercases, strips accents (ñ → n), unifies quotes and collapses whitespace. */
export const normalize = memo((text: string): string => {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
});

/**
 * Normalized words joined by single spaces: apostrophes vanish (don't → dont), every other
 * punctuation mark becomes a space. Decimal points and percent signs survive so "2.5%" stays
 * one token.
 */
export const flatten = memo((text: string): string => {
  return normalize(text)
    .replace(/'/g, '')
    .replace(/(\d)\.(?=\d)/g, '$1\u0000')
    .replace(/[^a-z0-9%\u0000]+/g, ' ')
    .replace(/\u0000/g, '.')
    .replace(/\s+/g, ' ')
    .trim();
});

/** Flattened sentences: split on terminal punctuation, semicolons, line breaks and ¿ ¡. */
export function sentences(text: string): string[] {
  return normalize(text)
    .replace(/(\d)\.(?=\d)/g, '$1\u0000')
    .split(/[.!?;\n\u2026]+|[¿¡]/)
    .map((part) => flatten(part.replace(/\u0000/g, '.')))
    .filter((part) => part.length > 0);
}

/** Sentences with a flag telling whether each one was asked as a question. */
export function sentenceParts(text: string): Array<{ flat: string; question: boolean }> {
  const guarded = normalize(text).replace(/(\d)\.(?=\d)/g, '$1\u0000');
  const parts: Array<{ flat: string; question: boolean }> = [];
  for (const match of guarded.matchAll(/([^.!?;\n\u2026¿¡]*)([.!?;\n\u2026]*)/g)) {
    const flat = flatten((match[1] ?? '').replace(/\u0000/g, '.'));
    if (flat.length > 0) parts.push({ flat, question: (match[2] ?? '').includes('?') });
  }
  return parts;
}

/** Sentences further split on commas, dashes and colons: the unit for "whole phrase" checks. */
export function clauses(text: string): string[] {
  return normalize(text)
    .replace(/(\d)[.,](?=\d)/g, '$1\u0000')
    .split(/[.!?;:,\n\u2026\u2013\u2014()"]+|[¿¡]|\s-\s/)
    .map((part) => flatten(part.replace(/\u0000/g, '.')))
    .filter((part) => part.length > 0);
}

export function words(flat: string): string[] {
  return flat.length === 0 ? [] : flat.split(' ');
}

/** Builds a regex over flattened text that only matches whole words. */
export function wordRegex(source: string): RegExp {
  return new RegExp(`(?<![a-z0-9])(?:${source})(?![a-z0-9])`);
}

export function anyMatch(flat: string, patterns: readonly RegExp[]): boolean {
  return patterns.some((pattern) => pattern.test(flat));
}

/** Alternation of literal phrases for wordRegex; spaces inside a phrase match one space. */
export function alternation(phrases: readonly string[]): string {
  return phrases.map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}

/** True when the raw message reads as a question: a question mark or a leading question word. */
export function looksLikeQuestion(text: string): boolean {
  if (/[?¿]/.test(text)) return true;
  return /^(are|is|am|r|do|does|did|can|could|will|would|who|what|which|how|where|when|eres|es|estoy|hablo|puedo|quien|que|cual|como|donde|cuando)\b/.test(
    flatten(text),
  );
}
