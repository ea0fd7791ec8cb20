/**
 * Number words in English and Spanish ("three", "six hundred fifty thousand", "treinta y cinco",
 * "un millón") turned into digits so that every other extractor only has to read digits.
 */

/** Maps each word of a space-separated list to start + step × its position. */
function table(words: string, start: number, step = 1): Record<string, number> {
  return Object.fromEntries(words.split(' ').map((w, i) => [w, start + i * step]));
}

const UNITS: Record<string, number> = {
  ...table(
    'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen',
    0,
  ),
  ...table('sixteen seventeen eighteen nineteen', 16),
  ...table('cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince', 0),
  ...table('dieciseis diecisiete dieciocho diecinueve', 16),
  ...table('veintiuno veintidos veintitres veinticuatro veinticinco veintiseis veintisiete veintiocho', 21),
  veintinueve: 29,
  veintiun: 21,
  una: 1,
};
const TENS: Record<string, number> = {
  ...table('twenty thirty forty fifty sixty seventy eighty ninety', 20, 10),
  ...table('veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa', 20, 10),
  fourty: 40,
  // "3 fitty", "six fitty": fifty as it is said.
  fitty: 50,
};
const HUNDREDS: Record<string, number> = {
  ...table('ciento doscientos trescientos cuatrocientos quinientos seiscientos setecientos', 100, 100),
  ...table('ochocientos novecientos', 800, 100),
  ...table('doscientas trescientas cuatrocientas quinientas seiscientas setecientas', 200, 100),
  ...table('ochocientas novecientas', 800, 100),
  cien: 100,
};
const SCALES: Record<string, number> = {
  ...table('thousand mil', 1_000, 0),
  ...table('million millions millon millones', 1_000_000, 0),
};

const byLength = (a: string, b: string) => b.length - a.length;
const PLAIN = [...Object.keys(UNITS), ...Object.keys(TENS), ...Object.keys(HUNDREDS)]
  .filter((w) => w !== 'once' && w !== 'una')
  .sort(byLength);
// "once" is English too and "una" is mostly an article; they count only before a unit noun.
const UNIT_NOUN =
  '(?:mil|mes(?:es)?|dias?|anos?|semanas?|recamaras?|cuartos?|banos?|habitaciones?|dormitorios?|millon(?:es)?)';
const WORD =
  `(?:${PLAIN.join('|')}|hundred|thousand|mil|millions?|millon(?:es)?` +
  `|once(?=\\s+${UNIT_NOUN}\\b)|una(?=\\s+${UNIT_NOUN}\\b)` +
  `|an?(?=[\\s-]+(?:hundred|thousand|million)\\b)|un(?=\\s+${UNIT_NOUN}\\b))`;
const RUN = new RegExp(`\\b${WORD}(?:(?:[\\s-]+(?:and\\s+|y\\s+)?)${WORD})*\\b`, 'g');
const HALF_MILLION = /\b(?:half a million|medio millon)\b/g;
const DIGIT_WORDS = Object.keys(UNITS).filter((w) => (UNITS[w] ?? 10) < 10 && w !== 'una');
const POINT = new RegExp(
  `\\b(\\d|${DIGIT_WORDS.join('|')}) (?:point|pt|punto) (\\d|${DIGIT_WORDS.join('|')})\\b`,
  'g',
);
const digitOf = (w: string) => (/\d/.test(w) ? w : String(UNITS[w]));

// "six-fiftyish", "sevenish": the hedge is split off so the number word stands alone.
const WORD_ISH = new RegExp(`\\b(${PLAIN.join('|')}|hundred|thousand|million)-?ish\\b`, 'g');
// Money talk only: slang and short forms that mean a definite amount.
const HUNDRED_SLANG = /\b(?:hunnid|hunned|hunnit|hundo)s?\b/g;
const HALF_MIL = /\b(?:half (?:a )?mill?(?:ion)?|medio millon)\b/g;
const A_MIL = /\b(?:a|one) mill?\b/g;
// "the next one", "a really nice one", "one of those": a thing, never a number.
const ONE_AS_THING =
  /\b(the|a|an|this|that|which|each|every|any|next|last|other|another|nice|new|big|bigger|small|smaller|good|better|right|first|same|older|cheaper)((?: (?:really|very|little|nice|good|big|small|new|old))?) one\b|\bone(?= of\b)/g;
const ENGLISH_UNITS =
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(
    ' ',
  );
// "6 hundred", "6 fifty": a digit before a word number is read as that word ("six hundred").
const DIGIT_BEFORE_WORD =
  /\b(1\d|[1-9])(?=[\s-]+(?:hundred|twenty|thirty|forty|fifty|fitty|sixty|seventy|eighty|ninety)\b)/g;
// "6 cincuenta", "5 setenta y cinco": the same in Spanish ("seis cincuenta").
const DIGIT_BEFORE_SPANISH_TENS =
  /\b([2-9])(?=[\s-]+(?:veinte|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa)\b)/g;
const SPANISH_UNITS = 'cero uno dos tres cuatro cinco seis siete ocho nueve'.split(' ');
// "como 6 cientos": a digit before "cientos" is that many hundreds.
const DIGIT_CIENTOS = /\b([2-9]) ?cientos\b/g;
// "nine and a quarter", "a million and a half", "seis y medio", "un millon y medio".
const FRACTION = /\b(\d+(?:\.\d+)?) (?:and a (half|quarter)|y (medio|cuarto))\b/g;

function withFraction(value: string, english: string | undefined, spanish: string | undefined): string {
  const part = english === 'half' || spanish === 'medio' ? 0.5 : 0.25;
  const n = Number(value);
  if (n >= 1_000_000) return String(n + part * 1_000_000);
  // "setecientos y medio", "seven hundred and a half": half of the next hundred (750).
  if (n >= 100 && n < 1000 && n % 100 === 0) return String(n + part * 100);
  return String(n + part);
}

type Kind = 'start' | 'unit' | 'tens' | 'hundred' | 'scale';

/**
 * Rewrites one run of number words with digits. A run like "two three" or "three and four" holds
 * more than one number; words that do not join ("and", "y") are kept between them.
 *
 * For amounts of money (`money`), people drop the scale words they both know: "six fifty" is
 * 650, "six seventy five" 675, and what follows "a million" is its hundreds of thousands or
 * thousands ("a million two" is 1,200,000, "un millón doscientos" 1,200,000).
 */
function rewriteRun(run: string, money: boolean): string {
  const tokens = run.split(/[\s-]+/);
  const out: string[] = [];
  let total = 0;
  let current = 0;
  let last: Kind = 'start';
  let lastScale = 0;
  let any = false;
  const flush = () => {
    if (any) {
      let rest = current;
      // "a million two": the words after "million" are what is left above the million.
      if (money && lastScale === 1_000_000 && rest > 0)
        rest *= rest < 10 ? 100_000 : rest < 1_000 ? 1_000 : 1;
      out.push(String(total + rest));
    }
    total = 0;
    current = 0;
    last = 'start';
    lastScale = 0;
    any = false;
  };
  for (const t of tokens) {
    if (t === 'and' || t === 'y') {
      const joins = t === 'and' ? last === 'hundred' || last === 'scale' : last === 'tens';
      if (!joins) {
        flush();
        out.push(t);
      }
      continue;
    }
    const unit = t === 'a' || t === 'an' || t === 'un' ? 1 : UNITS[t];
    const tens = TENS[t];
    const hundreds = HUNDREDS[t];
    const scale = SCALES[t];
    // "six fifty", "nine fifteen": a lone first digit followed by tens is hundreds.
    const shorthand = money && last === 'unit' && total === 0 && current >= 1 && current <= 9;
    if (unit !== undefined) {
      const joins = (last === 'tens' && current % 10 === 0) || last === 'hundred' || last === 'scale';
      if (shorthand && unit >= 10 && unit <= 19) {
        current = current * 100 + unit;
        last = 'hundred';
        continue;
      }
      if (!joins || (unit >= 10 && last === 'tens')) flush();
      current += unit;
      last = 'unit';
      any = true;
    } else if (tens !== undefined) {
      if (shorthand) current *= 100;
      else if (!(last === 'hundred' || last === 'scale')) flush();
      current += tens;
      last = 'tens';
      any = true;
    } else if (hundreds !== undefined) {
      if (last !== 'scale') flush();
      current += hundreds;
      last = 'hundred';
      any = true;
    } else if (t === 'hundred' && (last === 'unit' || last === 'tens')) {
      current *= 100;
      last = 'hundred';
    } else if (scale !== undefined && any) {
      total += (current || 1) * scale;
      current = 0;
      last = 'scale';
      lastScale = scale;
    } else {
      // A scale word with nothing before it ("650 mil", "650 thousand") is left for the money rules.
      flush();
      out.push(t);
    }
  }
  flush();
  return out.join(' ');
}

/**
 * Replaces number words in an already folded (lower-case, accent-free) text with digits:
 * "three beds" → "3 beds", "seiscientos mil" → "600000", "un millon" → "1000000".
 */
export function replaceNumberWords(folded: string): string {
  return folded
    .replace(HALF_MILLION, '500000')
    .replace(POINT, (_, a: string, b: string) => `${digitOf(a)}.${digitOf(b)}`)
    .replace(RUN, (run) => rewriteRun(run, false));
}

export interface AmountWordOptions {
  /** The message is in Spanish: "a mil" is then "to a thousand", not "a million". */
  spanish?: boolean;
}

/**
 * Like `replaceNumberWords`, for a text that talks about money, where people shorten amounts:
 * "six fifty" → 650, "like 6 hundred" → 600, "seven hunnid" → 700, "a mil" → 1000000,
 * "half a mil" → 500000, "a million two" → 1200000, "nine and a quarter" → 9.25,
 * "un millón doscientos" → 1200000, "medio millón" → 500000. Whether 650 means dollars or
 * thousands is for the money rules to decide.
 */
export function replaceAmountWords(folded: string, options: AmountWordOptions = {}): string {
  let text = folded
    .replace(ONE_AS_THING, (_m: string, a?: string, b?: string) =>
      a === undefined ? 'thing' : `${a}${b ?? ''} thing`,
    )
    .replace(WORD_ISH, '$1 ish')
    .replace(DIGIT_CIENTOS, '$100')
    .replace(HUNDRED_SLANG, 'hundred')
    .replace(HALF_MIL, '500000');
  if (!options.spanish) text = text.replace(A_MIL, 'a million');
  return text
    .replace(DIGIT_BEFORE_WORD, (d: string) => ENGLISH_UNITS[Number(d)] ?? d)
    .replace(DIGIT_BEFORE_SPANISH_TENS, (d: string) => SPANISH_UNITS[Number(d)] ?? d)
    .replace(POINT, (_, a: string, b: string) => `${digitOf(a)}.${digitOf(b)}`)
    .replace(RUN, (run) => rewriteRun(run, true))
    .replace(FRACTION, (_, n: string, en?: string, es?: string) => withFraction(n, en, es));
}

/**
 * The value of a text that is one number, in digits or words ("3", "three", "tres",
 * "six hundred fifty thousand", "un millón"); null when it is anything else.
 */
export function parseNumberWords(text: string): number | null {
  const folded = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
    .replace(/(?<![.!?])[.!?]+$/, '');
  const digits = replaceNumberWords(folded).replace(/,/g, '').trim();
  if (!/^\d+(?:\.\d+)?$/.test(digits)) return null;
  return Number(digits);
}
