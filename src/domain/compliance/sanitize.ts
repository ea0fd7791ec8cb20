import type { OutboundOptions } from './outbound.ts';

const EMOJI_PARTS =
  /(?![\u00a9\u00ae\u2122])[\p{Extended_Pictographic}\p{Regional_Indicator}]|[\u200d\ufe0e\ufe0f\u20e3]|[\u{1f3fb}-\u{1f3ff}]/gu;

function stripEmoji(text: string): string {
  return text.replace(EMOJI_PARTS, '');
}

// A run of spaces is matched from its first character only (`(?<! )`, `(?<![^\S\n])`): when the
// run fails from there it fails from every later character too, and retrying each was quadratic.

/** Dashes as punctuation become commas; number ranges keep a plain hyphen ("3-4 beds"). */
function replaceDashes(text: string): string {
  return text
    .replace(/(\d)\s*(?:[\u2012-\u2015]|-{1,2})\s*(?=\d)/g, '$1-')
    .replace(/^[^\S\n\r\u2028\u2029]*(?:[\u2012-\u2015]|-{1,2})[^\S\n]+/gm, '')
    .replace(/(?:(?<![^\S\n])[^\S\n]+)?[\u2012-\u2015][^\S\n]*/g, ', ')
    .replace(/(?<![^\S\n])[^\S\n]+-{1,2}[^\S\n]+|--/g, ', ');
}

function tidy(text: string): string {
  return text
    .replace(/[^\S\n]+/g, ' ')
    .replace(/(?<! ) *\n */g, '\n')
    .replace(/\n{2,}/g, '\n')
    .replace(/(?<! ) +([,.!?;:])/g, '$1')
    .replace(/,(?:\s*,)+/g, ',')
    .replace(/,\s*([.!?])/g, '$1')
    .replace(/^[\s,;:]+|(?<![\s,;:])[\s,;:]+$/g, '')
    .replace(/([,;:])(?=\S)/g, (match, _p, offset: number, whole: string) =>
      /\d/.test(whole[offset - 1] ?? '') && /\d/.test(whole[offset + 1] ?? '') ? match : `${match} `,
    );
}

// Periods that do not end a sentence: decimals, prices and common abbreviations.
const NOT_A_STOP =
  /(\d)\.(?=\d)|\b(mr|mrs|ms|dr|st|ave|blvd|rd|jr|sr|vs|etc|approx|sq|ft|no|a\.m|p\.m|e\.g|i\.e)\.(?=\s)/gi;
const HOLD = '\u0000';

function segments(text: string): string[] {
  const guarded = text.replace(NOT_A_STOP, (match) => match.replace(/\./g, HOLD));
  const parts = guarded.match(/[^.!?\n]*(?:[.!?]+["')\]]*|\n|$)\s*/g) ?? [];
  return parts.filter((part) => part.length > 0).map((part) => part.replace(/\u0000/g, '.'));
}

const isQuestion = (segment: string) => /(?<![?!])!*\?[?!]*["')\]]*\s*$/.test(segment);
const join = (parts: string[]) => parts.join('').trim();
const length = (text: string) => [...text].length;

/** Keeps the first question and drops later ones, then fits the length at a sentence boundary. */
function fitLength(text: string, maxLength: number): string {
  let questionSeen = false;
  const parts = segments(text).filter((segment) => {
    if (!isQuestion(segment)) return true;
    if (questionSeen) return false;
    questionSeen = true;
    return true;
  });
  if (length(join(parts)) <= maxLength) return join(parts);

  // The question is what moves the conversation, so it is kept first; other sentences fill the room left.
  const keep = new Set<number>();
  const questionIndex = parts.findIndex(isQuestion);
  if (questionIndex >= 0 && length(parts[questionIndex]!.trim()) <= maxLength) keep.add(questionIndex);
  parts.forEach((_, index) => {
    if (keep.has(index)) return;
    const trial = parts.filter((__, other) => keep.has(other) || other === index);
    if (length(join(trial)) <= maxLength) keep.add(index);
  });
  const kept = join(parts.filter((_, index) => keep.has(index)));
  return kept.length > 0 ? kept : cutAtWord(join(parts), maxLength);
}

// A cut sentence should not end on a connector ("and.", "de."). Read from the end word by word:
// as one regex, every separator run in a long chain of connectors restarted the whole chain.
const CONNECTORS = new Set(
  'and or but the a an to with of for in on at y o pero el la los las un una de del con para en'.split(' '),
);
const SEPARATOR = /[\s,;:]/;

function withoutDanglingConnectors(text: string): string {
  let end = text.length;
  for (;;) {
    let wordStart = end;
    while (wordStart > 0 && !SEPARATOR.test(text[wordStart - 1] ?? '')) wordStart--;
    let separatorStart = wordStart;
    while (separatorStart > 0 && SEPARATOR.test(text[separatorStart - 1] ?? '')) separatorStart--;
    const word = text.slice(wordStart, end).toLowerCase();
    if (separatorStart === wordStart || !CONNECTORS.has(word)) return text.slice(0, end);
    end = separatorStart;
  }
}

function cutAtWord(text: string, maxLength: number): string {
  const chars = [...text];
  if (chars.length <= maxLength) return text;
  const head = chars.slice(0, maxLength + 1).join('');
  const lastSpace = head.lastIndexOf(' ');
  const cut = withoutDanglingConnectors(
    lastSpace > 0 ? head.slice(0, lastSpace) : chars.slice(0, maxLength).join(''),
  ).replace(/(?<![\s,;:])[\s,;:]+$/, '');
  return /[.!?]$/.test(cut) || length(cut) >= maxLength ? cut : `${cut}.`;
}

/**
 * Mechanical fixes that cannot change meaning: no emoji, no dash clutter, tidy spacing, one
 * question, within the length limit. Steering, AI mentions and URLs are not fixable here:
 * callers re-run checkOutbound and fall back to a safe template.
 */
export function sanitizeOutbound(text: string, opts: Pick<OutboundOptions, 'maxLength'>): string {
  const cleaned = tidy(replaceDashes(stripEmoji(text)));
  return tidy(fitLength(cleaned, opts.maxLength));
}
