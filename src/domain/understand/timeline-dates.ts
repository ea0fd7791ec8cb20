/**
 * Calendar arithmetic for timelines: a date the lead named ("March", "Jan 15", "this summer",
 * "end of next year") turned into whole months from the moment the message arrived.
 * The rules are the corpus README's (eval/corpus/README.md, "Timelines").
 */

export type Season = 'spring' | 'summer' | 'fall' | 'winter';

/** A date as the lead named it, not yet placed against today. */
export interface DateSpec {
  /** 1-12. */
  month?: number;
  /** Day of the month, when one was named ("jan 15", "the 20th", Christmas). */
  day?: number;
  year?: number;
  /** "March next year", "end of next year": the year after the current one. */
  nextYear?: boolean;
  season?: Season;
  /** "next summer" said in the middle of summer means the one after. */
  nextSeason?: boolean;
  /** "around Easter": late March or April, depending on the year. */
  easter?: boolean;
  /** "end of dec", "by december": the end of the month named, so this month when it is the current one. */
  endOfMonth?: boolean;
}

/** Easter Sunday of a year (anonymous Gregorian algorithm): month 3 or 4 and the day. */
export function easterOf(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return { month, day: ((h + l - 7 * m + 114) % 31) + 1 };
}

/** The first full month of each season (spring → April, …) and the months it covers in full. */
export const SEASON_MONTHS: Record<Season, readonly [number, number]> = {
  spring: [4, 5],
  summer: [7, 8],
  fall: [10, 11],
  winter: [1, 2],
};

const MONTHS_EN: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
const MONTHS_ES: Record<string, number> = {
  enero: 1,
  febrero: 2,
  marzo: 3,
  abril: 4,
  mayo: 5,
  junio: 6,
  julio: 7,
  agosto: 8,
  septiembre: 9,
  setiembre: 9,
  octubre: 10,
  noviembre: 11,
  diciembre: 12,
};
export const MONTH_NUMBER: Record<string, number> = { ...MONTHS_EN, ...MONTHS_ES };

/** Month names that are also ordinary words ("I may", "march", "Jan said") and need a date-like neighbour. */
export const AMBIGUOUS_MONTHS = new Set(['may', 'march', 'jan']);

/** Every month word, longest first so "sept" is tried before "sep". */
export const MONTH_WORDS = Object.keys(MONTH_NUMBER).sort((a, b) => b.length - a.length);

const SEASON_WORDS: Record<string, Season> = {
  spring: 'spring',
  primavera: 'spring',
  summer: 'summer',
  verano: 'summer',
  fall: 'fall',
  autumn: 'fall',
  otono: 'fall',
  winter: 'winter',
  invierno: 'winter',
  // "springish", "summer-ish" (flattened: "summerish"): the season, said loosely.
  springish: 'spring',
  summerish: 'summer',
  fallish: 'fall',
  winterish: 'winter',
};
export const SEASON_NAMES = Object.keys(SEASON_WORDS);

export function seasonOf(word: string): Season | undefined {
  return SEASON_WORDS[word];
}

/**
 * Months from `now` to the named month: January said in December is 1, December itself is 12
 * ("end of December" said in December is this month, 0).
 */
function untilMonth(spec: DateSpec, now: Date): number | undefined {
  const month = spec.month ?? now.getUTCMonth() + 1;
  const year = now.getUTCFullYear();
  const current = now.getUTCMonth() + 1;
  const named = spec.year ?? (spec.nextYear ? year + 1 : undefined);
  if (named !== undefined) {
    const ahead = (named - year) * 12 + month - current;
    if (ahead > 0) return ahead;
    if (ahead < 0) return undefined;
  } else if (month !== current) return (month - current + 12) % 12;
  // The current month: a day still to come is this month, otherwise it is a year away.
  if ((spec.day !== undefined && spec.day >= now.getUTCDate()) || spec.endOfMonth) return 0;
  if (spec.month === undefined) return 1;
  return named !== undefined ? 0 : 12;
}

function untilSeason(season: Season, spec: DateSpec, now: Date): number | undefined {
  const [first, last] = SEASON_MONTHS[season];
  const current = now.getUTCMonth() + 1;
  const year = spec.year ?? (spec.nextYear ? now.getUTCFullYear() + 1 : undefined);
  if (year !== undefined) return untilMonth({ month: first, year }, now);
  // "This" and "next" summer are the coming one, unless it has already begun.
  if (current === first || current === last) return spec.nextSeason ? (first - current + 12) % 12 || 12 : 0;
  return (first - current + 12) % 12;
}

/** Whole months from `now` to the date; undefined when the date is already past ("March 2025"). */
export function monthsUntil(spec: DateSpec, now: Date): number | undefined {
  if (spec.easter) {
    // The coming Easter: this year's unless it has passed.
    const thisYear = easterOf(now.getUTCFullYear());
    const passed =
      now.getUTCMonth() + 1 > thisYear.month ||
      (now.getUTCMonth() + 1 === thisYear.month && now.getUTCDate() > thisYear.day);
    const year = now.getUTCFullYear() + (passed ? 1 : 0);
    return untilMonth({ ...easterOf(year), year }, now);
  }
  if (spec.season) return untilSeason(spec.season, spec, now);
  return untilMonth(spec, now);
}
