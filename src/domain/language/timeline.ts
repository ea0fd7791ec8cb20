import { remember } from '../remember.ts';
import { type DateSpec, monthsUntil, type Season } from '../understand/timeline-dates.ts';
import { findTimelineMentions, timelineText } from '../understand/timeline-mentions.ts';

export type { Season };
export type Urgency = 'asap' | 'soon' | 'later';
/** The farthest plan a lead states: "after 31 years" or "in 15 years" is no timeline. */
export const MAX_PLAN_MONTHS = 120;
const MAX_PLAN_DAYS = 3_650;

export type Horizon = 'within_30' | 'within_90' | 'within_year' | 'over_year' | 'just_looking';

/**
 * When the lead wants to move. `months`/`days` hold a stated length of time (a range gives its
 * earliest end, "3-6 months" → 3), `horizon` is the bucket scoring uses, and a named date is kept
 * unresolved in `month` (1-12), `day`, `year`, `nextYear`, `season` and `nextSeason`, because only
 * the caller knows today's date: `resolveTimeline` turns it into months.
 */
export interface Timeline {
  months?: number;
  days?: number;
  urgency?: Urgency;
  season?: Season;
  month?: number;
  day?: number;
  year?: number;
  nextYear?: boolean;
  nextSeason?: boolean;
  endOfMonth?: boolean;
  horizon: Horizon | null;
}

const JUST_LOOKING =
  /\b(?:just|only|simply) (?:looking|lookin|browsing|curious|checking|researching|window shopping)\b|\bwindow shopping\b|\bnot (?:really )?(?:ready|looking) (?:yet|to (?:move|buy|sell) yet)\b|\b(?:solo|nomas|solamente) (?:estoy |estamos )?(?:viendo|mirando|curioseando|checando)\b|\bpor curiosidad\b/;
const LATER =
  /\b(?:no (?:rush|hurry)|not in (?:a|any) (?:rush|hurry)|not (?:any ?time|anytime) soon|not (?:for )?a while|no time ?frame|eventually|someday|some day|down the road|long term|in the future|take (?:our|my) time|sin prisa|no hay prisa|no (?:tenemos|tengo) prisa|con calma|mas adelante|algun dia|en el futuro)\b/;
const SOON = /(?<!\bnot? )\b(?:soon|shortly|pronto|en breve)\b/;
// A year with no month states no number of months for the corpus slot, but scoring has always
// read it as a year out (a buyer "not moving until next year" is cold), so it keeps that here.
const NEXT_YEAR =
  /\bnext year\b|\b(?:el )?(?:proximo|siguiente|otro) ano\b|\bel ano (?:que viene|entrante)\b/;

function horizonOf(days: number): Horizon {
  if (days <= 31) return 'within_30';
  if (days <= 92) return 'within_90';
  if (days <= 366) return 'within_year';
  return 'over_year';
}

function setDate(result: Timeline, date: DateSpec): void {
  if (date.month !== undefined) result.month = date.month;
  if (date.day !== undefined) result.day = date.day;
  if (date.year !== undefined) result.year = date.year;
  if (date.nextYear) result.nextYear = true;
  if (date.season) result.season = date.season;
  if (date.nextSeason) result.nextSeason = true;
  if (date.endOfMonth) result.endOfMonth = true;
}

/**
 * Reads a timeline. `timelineAsked` says whether the bot just asked when (a bare "ya" or "may"
 * answers it); undefined when that is not known.
 */
export function readTimeline(text: string, timelineAsked: boolean | undefined): Timeline {
  return timelineAsked === undefined ? unknownAsked(text) : timelineAsked ? asked(text) : notAsked(text);
}

const copyTimeline = (t: Timeline): Timeline => ({ ...t });
const unknownAsked = remember((text) => read(text, undefined), 8, copyTimeline);
const asked = remember((text) => read(text, true), 8, copyTimeline);
const notAsked = remember((text) => read(text, false), 8, copyTimeline);

function read(text: string, timelineAsked: boolean | undefined): Timeline {
  const result: Timeline = { horizon: null };
  let months: number | undefined;
  let days: number | undefined;
  let asap = false;
  let date: DateSpec | undefined;
  for (const r of findTimelineMentions(text, { timelineAsked, appointmentAsked: false })) {
    if (r.kind === 'now') asap = true;
    else if (r.kind === 'months') months = Math.min(months ?? r.months, r.months);
    else if (r.kind === 'days') days = Math.min(days ?? r.days, r.days);
    else date ??= r.date;
  }
  // "retiring after 31 years" looks back: more than ten years is no plan.
  if (months !== undefined && months > MAX_PLAN_MONTHS) months = undefined;
  if (days !== undefined && days > MAX_PLAN_DAYS) days = undefined;
  if (months !== undefined && (days === undefined || months * 30 <= days)) {
    result.months = months;
    result.horizon = horizonOf(months * 30);
  } else if (days !== undefined) {
    result.days = days;
    result.horizon = horizonOf(days);
  }
  if (date) setDate(result, date);
  const norm = timelineText(text);
  if (asap) {
    result.urgency = 'asap';
    result.horizon = 'within_30';
  } else if (LATER.test(norm)) result.urgency = 'later';
  else if (SOON.test(norm)) {
    result.urgency = 'soon';
    result.horizon ??= date ? null : 'within_90';
  }
  if (result.horizon === null && !date && NEXT_YEAR.test(norm)) {
    result.months = 12;
    result.horizon = 'within_year';
  }
  if (JUST_LOOKING.test(norm)) {
    result.horizon = 'just_looking';
    result.urgency = 'later';
  }
  if (result.urgency === undefined && (result.horizon === 'within_year' || result.horizon === 'over_year')) {
    result.urgency = 'later';
  }
  return result;
}

/**
 * The lead's timeline from words like "asap", "next month", "in 2 months", "3-6 months",
 * "by March", "this summer", "no rush", "lo antes posible", "en 2 meses", "para el verano",
 * "solo estoy viendo". `horizon` is null when nothing datable was said (or only a date that
 * `resolveTimeline` must place against today).
 */
export function extractTimeline(text: string): Timeline {
  return readTimeline(text, undefined);
}

function dateOf(t: Timeline): DateSpec | undefined {
  if (t.month === undefined && t.season === undefined && t.day === undefined) return undefined;
  const date: DateSpec = {};
  if (t.month !== undefined) date.month = t.month;
  if (t.day !== undefined) date.day = t.day;
  if (t.year !== undefined) date.year = t.year;
  if (t.nextYear) date.nextYear = true;
  if (t.season) date.season = t.season;
  if (t.nextSeason) date.nextSeason = true;
  if (t.endOfMonth) date.endOfMonth = true;
  return date;
}

/**
 * Places a named date ("by August", "this summer", "Jan 15") against today: spring said in
 * December is 4 months away, in June 10. When the message also stated a length of time or
 * "asap", the earlier of the two wins, as in a range.
 */
export function resolveTimeline(t: Timeline, now: Date): Timeline {
  const date = dateOf(t);
  if (!date || t.horizon === 'just_looking') return t;
  const ahead = monthsUntil(date, now);
  if (ahead === undefined) return t;
  const stated = t.urgency === 'asap' ? 0 : (t.months ?? (t.days !== undefined ? t.days / 30 : undefined));
  if (stated !== undefined && stated <= ahead) return t;
  const resolved: Timeline = { ...t, months: ahead, horizon: horizonOf(ahead * 30) };
  delete resolved.days;
  if (resolved.urgency === undefined && ahead > 3) resolved.urgency = 'later';
  return resolved;
}
