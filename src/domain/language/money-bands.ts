import { matchesOf } from './matches.ts';

// Bands of prices said instead of a figure: "the 800s", "low 900s", "mid-600s", "low 7s", "los
// seiscientos altos". Each is read as the range it names (scanMoney in money.ts adds them).

export type BandPart = 'whole' | 'low' | 'mid' | 'high';

/** A band found in the scanned text, in the shape of a money mention. */
export interface BandMention {
  amount: number;
  upTo: number;
  start: number;
  end: number;
  explicit: boolean;
  band: { part: BandPart; base: number };
}

// "in the 700s", "low 600s", "mid-800s": a band of prices in thousands.
const BAND = /\b(?:(low|lower|mid|middle|high|upper)[\s-]+)?\$?([1-9]\d)0'?s\b/g;
const BAND_PARTS: Record<string, BandPart> = {
  low: 'low',
  lower: 'low',
  mid: 'mid',
  middle: 'mid',
  high: 'high',
  upper: 'high',
};
const BAND_OFFSETS: Record<string, [number, number]> = {
  low: [0, 50_000],
  lower: [0, 50_000],
  mid: [25_000, 75_000],
  middle: [25_000, 75_000],
  high: [50_000, 100_000],
  upper: [50_000, 100_000],
};

// "7 something", "6 hundred something" after a price question: the 700s, the 600s.
const SOMETHING_BAND =
  /\b([1-9])(?:00)? ?(?:(?:hundred )?(?:and )?(?:something|somethin|y pico|y algo)|hundreds)\b/g;
// "in the seven hundreds": the 700s, asked or not.
const THE_HUNDREDS = /\bthe ([1-9]) hundreds\b/g;

// "low 7s", "mid sixes", "the high eights": a band named by its hundreds digit alone.
const DIGIT_BAND =
  /\b(?:(low|lower|mid|middle|high|upper)[\s-]+|the )\$?([1-9]|threes|fours|fives|sixes|sevens|eights|nines)(?:'?s)?\b/g;
const PLURAL_DIGITS: Record<string, number> = {
  threes: 3,
  fours: 4,
  fives: 5,
  sixes: 6,
  sevens: 7,
  eights: 8,
  nines: 9,
};

// "a mediados de los 600", "en los 700s bajos", "a finales de los 800": the Spanish bands.
const SPANISH_BAND =
  /\b(?:(?:a )?(mediados|principios|finales) de )?los \$?([1-9]\d)0(?:'?s)?(?: (bajos|altos|medios))?\b/g;
const SPANISH_PARTS: Record<string, string> = {
  mediados: 'mid',
  medios: 'mid',
  principios: 'low',
  bajos: 'low',
  finales: 'high',
  altos: 'high',
};

/** A band as written: where, how it reads, which part of the hundreds ("low", "mid", "high"). */
interface WrittenBand {
  index: number;
  text: string;
  part: string | undefined;
  digits: string;
}

const written = (m: RegExpExecArray, part = m[1]): WrittenBand => ({
  index: m.index,
  text: m[0],
  part,
  digits: m[2] ?? '',
});

function spanishBands(norm: string): WrittenBand[] {
  return matchesOf(SPANISH_BAND, norm)
    .filter((m) => m[1] !== undefined || m[3] !== undefined)
    .map((m) => written(m, SPANISH_PARTS[m[1] ?? m[3] ?? '']));
}

const overlaps = (a: WrittenBand, m: RegExpExecArray) =>
  a.index < m.index + m[0].length && m.index < a.index + a.text.length;

export function bands(norm: string, justAsked: boolean): BandMention[] {
  const loose = matchesOf(justAsked ? SOMETHING_BAND : THE_HUNDREDS, norm).map((m) => {
    const base = Number(m[1]) * 100_000;
    return {
      amount: base,
      upTo: base + 100_000,
      start: m.index,
      end: m.index + m[0].length,
      explicit: false,
      band: { part: 'whole' as const, base },
    };
  });
  const spanish = spanishBands(norm);
  return [
    ...loose,
    ...[
      ...spanish,
      ...matchesOf(BAND, norm)
        .filter((m) => !spanish.some((b) => overlaps(b, m)))
        .map((m) => written(m)),
      ...matchesOf(DIGIT_BAND, norm)
        .filter((m) => digitBand(m[0]) && (justAsked || m[1] !== undefined))
        .map((m) => written(m)),
    ].map(({ index, text, part, digits }) => {
      const base =
        digits.length === 2 ? Number(digits) * 10_000 : (PLURAL_DIGITS[digits] ?? Number(digits)) * 100_000;
      const [from, to] = BAND_OFFSETS[part ?? ''] ?? [0, 100_000];
      return {
        amount: base + from,
        upTo: base + to,
        start: index,
        end: index + text.length,
        explicit: false,
        band: { part: BAND_PARTS[part ?? ''] ?? 'whole', base },
      };
    }),
  ];
}

/** "low 7s", "the sixes": a digit band needs the plural ("the 7" is no band). */
function digitBand(written: string): boolean {
  return /(?:s|es)$/.test(written);
}
