import { fold } from './normalize.ts';
import { replaceNumberWords } from './numbers-in-words.ts';

export type Urgency = 'asap' | 'soon' | 'later';
export type Horizon = 'within_30' | 'within_90' | 'within_year' | 'over_year' | 'just_looking';
export type Season = 'spring' | 'summer' | 'fall' | 'winter';

/**
 * When the lead wants to move. `months`/`days` hold the stated figure (the upper end of a range,
 * "3-6 months" → 6), `horizon` is the bucket scoring uses, and `season` / `month` (1-12) are kept
 * unresolved ("this summer", "by August") because only the caller knows today's date.
 */
export interface Timeline {
  months?: number;
  days?: number;
  urgency?: Urgency;
  season?: Season;
  month?: number;
  horizon: Horizon | null;
}

const NUM = '(\\d+(?:\\.\\d+)?)';
// A figure starts where a run of digits starts: trying every digit inside a long run made the
// search quadratic ("1111…" froze the reader), and a later start never finds what the first missed.
const DURATION = new RegExp(
  `(?<!\\d)(?:${NUM}\\s*(?:-|to|or|a|o|y)\\s*)?${NUM}\\s*(months?|mos?|meses|mes|weeks?|wks?|semanas?|days?|dias?|years?|yrs?|anos?)\\b`,
  'g',
);
// Durations in the past or of something else: "been looking for 2 months", "3 months behind", "30 year fixed".
const PAST_BEFORE = /\b(?:been|past|last|hace|lived|owned|had|since|llevamos|llevo)\s+(?:\w+\s+){0,3}$/;
const OTHER_AFTER = /^\s*(?:ago|old|behind|late|fixed|mortgage|loan|term|atrasad|de atraso)/;
const WORDED: [RegExp, number, 'months' | 'days'][] = [
  [
    /\b(?:a|one|1) (?:month or two|month or 2)\b|\b(?:a )?couple(?: of)? months\b|\b(?:un|1) par de meses\b/,
    2,
    'months',
  ],
  [/\b(?:a )?few months\b|\bunos (?:cuantos )?meses\b|\balgunos meses\b/, 3, 'months'],
  [/\bseveral months\b|\bvarios meses\b/, 4, 'months'],
  [/\bhalf a year\b|\bmedio ano\b/, 6, 'months'],
  [
    /\b(?:a|one|1) year or (?:two|2)\b|\b(?:a )?couple(?: of)? years\b|\b(?:un|1) par de anos\b|\b(?:a )?few years\b|\bunos anos\b/,
    24,
    'months',
  ],
  [/\b(?:a|un|1) (?:year|ano)\b/, 12, 'months'],
  [
    /\bwithin (?:a|the) month\b|\b(?:in|within|en) (?:a|un|1) (?:month|mes)\b|\b(?:a|un|1) (?:month|mes)\b/,
    1,
    'months',
  ],
  [/\b(?:a )?couple(?: of)? weeks\b|\b(?:un|1) par de semanas\b/, 14, 'days'],
  [/\b(?:a )?few weeks\b|\bunas (?:cuantas )?semanas\b/, 21, 'days'],
  [/\b(?:a|una|1) (?:week|semana)\b/, 7, 'days'],
];
const RELATIVE: [RegExp, number, 'months' | 'days', Urgency | undefined][] = [
  [/\b(?:today|tomorrow|hoy|manana|this week|esta semana)\b/, 7, 'days', 'asap'],
  [/\bnext week\b|\b(?:la )?(?:proxima|siguiente) semana\b|\bsemana que viene\b/, 7, 'days', undefined],
  [/\b(?:this month|end of (?:the|this) month|este mes|fin de mes)\b/, 1, 'months', 'soon'],
  [
    /\bnext month\b|\bel (?:proximo|siguiente) mes\b|\bel mes (?:que viene|entrante)\b/,
    1,
    'months',
    undefined,
  ],
  [
    /\bnext year\b|\b(?:el )?(?:proximo|siguiente) ano\b|\bel ano (?:que viene|entrante)\b/,
    12,
    'months',
    'later',
  ],
];
const JUST_LOOKING =
  /\b(?:just|only|simply) (?:looking|browsing|curious|checking|window shopping)\b|\bwindow shopping\b|\bnot (?:really )?(?:ready|looking) (?:yet|to (?:move|buy|sell) yet)\b|\b(?:solo|nomas|solamente) (?:estoy |estamos )?(?:viendo|mirando|curioseando|checando)\b|\bpor curiosidad\b/;
const ASAP =
  /\b(?:asap|a\.s\.a\.p|right away|right now|immediately|as soon as (?:possible|we can|i can)|the sooner the better|urgent(?:ly)?|yesterday|lo (?:antes|mas pronto) posible|cuanto antes|inmediatamente|urgente|ahorita|ya mismo|lo mas rapido)\b/;
const LATER =
  /\b(?:no (?:rush|hurry)|not in (?:a|any) (?:rush|hurry)|not (?:any ?time|anytime) soon|not (?:for )?a while|no time ?frame|eventually|someday|some day|down the road|long term|in the future|take (?:our|my) time|sin prisa|no hay prisa|no (?:tenemos|tengo) prisa|con calma|mas adelante|algun dia|en el futuro)\b/;
const SOON = /(?<!\bnot? )\b(?:soon|shortly|pronto|en breve)\b/;
const THIS_YEAR =
  /\b(?:this year|by (?:the )?end of (?:the |this )?year|before (?:the )?(?:end of the )?year|este ano|antes de fin de ano)\b/;
const SEASONS: [RegExp, Season][] = [
  [/\b(?:spring|primavera)\b/, 'spring'],
  [/\b(?:summer|verano)\b/, 'summer'],
  [/\b(?:fall|autumn|otono)\b(?! (?:apart|through|behind))/, 'fall'],
  [/\b(?:winter|invierno)\b/, 'winter'],
];

const MONTH_NAMES =
  'january february march april may june july august september october november december'.split(' ');
const MESES =
  'enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre'.split(' ');
// "May" and "March" are ordinary words too, so every month needs a date-like word before it.
const MONTH = new RegExp(
  `\\b(?:in|by|before|until|till|around|early|late|mid|end of|beginning of|start of|next|this|en|para|antes de|a finales de|a principios de|de|desde)\\s+(?:-\\s*)?(${[...MONTH_NAMES, ...MESES, 'sept', 'aug', 'oct', 'nov', 'dec', 'jan', 'feb'].join('|')})\\b`,
);
const MONTH_ABBREVIATIONS: Record<string, number> = {
  jan: 1,
  feb: 2,
  aug: 8,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

function monthOf(norm: string): number | undefined {
  const name = MONTH.exec(norm)?.[1];
  if (!name) return undefined;
  const index = Math.max(MONTH_NAMES.indexOf(name), MESES.indexOf(name));
  return index >= 0 ? index + 1 : MONTH_ABBREVIATIONS[name];
}

function toDays(value: number, unit: string): number {
  if (/^(?:m|mes)/.test(unit)) return value * 30;
  if (/^(?:w|sem)/.test(unit)) return value * 7;
  if (/^(?:y|an)/.test(unit)) return value * 365;
  return value;
}

function horizonOf(days: number): Horizon {
  if (days <= 31) return 'within_30';
  if (days <= 92) return 'within_90';
  if (days <= 366) return 'within_year';
  return 'over_year';
}

function set(result: Timeline, value: number, unit: 'months' | 'days'): void {
  if (unit === 'months') result.months = value;
  else result.days = value;
  result.horizon = horizonOf(unit === 'months' ? value * 30 : value);
}

/** The first forward-looking duration written with digits ("in 2 months", "3-6 months", "30-45 days"). */
function statedDuration(norm: string): { value: number; unit: 'months' | 'days' } | null {
  for (const m of norm.matchAll(DURATION)) {
    const before = norm.slice(Math.max(0, m.index - 40), m.index);
    if (PAST_BEFORE.test(before)) continue;
    if (OTHER_AFTER.test(norm.slice(m.index + m[0].length))) continue;
    const value = Number(m[2]);
    const unit = m[3] ?? '';
    if (/^(?:y|an)/.test(unit)) return { value: value * 12, unit: 'months' };
    if (/^(?:m|mes)/.test(unit)) return { value, unit: 'months' };
    return { value: toDays(value, unit), unit: 'days' };
  }
  return null;
}

/**
 * The lead's timeline from words like "asap", "next month", "in 2 months", "3-6 months",
 * "next year", "just looking", "no rush", "lo antes posible", "en 2 meses", "el próximo año",
 * "solo estoy viendo". `horizon` is null when nothing datable was said.
 */
export function extractTimeline(text: string): Timeline {
  const norm = replaceNumberWords(fold(text).replace(/'/g, ''));
  const result: Timeline = { horizon: null };
  const stated = statedDuration(norm);
  if (stated) set(result, stated.value, stated.unit);
  else {
    const worded = WORDED.find(([re]) => re.test(norm));
    const relative = RELATIVE.find(([re]) => re.test(norm));
    if (worded) set(result, worded[1], worded[2]);
    else if (relative) {
      set(result, relative[1], relative[2]);
      if (relative[3]) result.urgency = relative[3];
    }
  }
  if (ASAP.test(norm)) {
    result.urgency = 'asap';
    result.horizon ??= 'within_30';
  } else if (LATER.test(norm)) result.urgency = 'later';
  else if (SOON.test(norm)) {
    result.urgency ??= 'soon';
    result.horizon ??= 'within_90';
  }
  if (result.horizon === null && THIS_YEAR.test(norm)) result.horizon = 'within_year';
  const season = SEASONS.find(([re]) => re.test(norm));
  if (season) result.season = season[1];
  const month = monthOf(norm);
  if (month !== undefined) result.month = month;
  if (JUST_LOOKING.test(norm)) {
    result.horizon = 'just_looking';
    result.urgency = 'later';
  }
  if (result.urgency === undefined && (result.horizon === 'within_year' || result.horizon === 'over_year')) {
    result.urgency = 'later';
  }
  return result;
}

const SEASON_START: Record<Season, number> = { spring: 3, summer: 6, fall: 9, winter: 12 };

/**
 * Dates a timeline that only named a season or a month ("by summer", "in August") against today,
 * so it gets a horizon like "in 3 months" would. Timelines that already have a horizon are kept.
 */
export function resolveTimeline(t: Timeline, now: Date): Timeline {
  if (t.horizon !== null) return t;
  const target = t.month ?? (t.season ? SEASON_START[t.season] : undefined);
  if (target === undefined) return t;
  const ahead = (target - (now.getUTCMonth() + 1) + 12) % 12;
  const months = Math.max(1, ahead);
  return { ...t, months, horizon: horizonOf(months * 30) };
}
