import { monthsUntil } from './timeline-dates.ts';
import { findTimelineMentions } from './timeline-mentions.ts';
import { rememberRead } from './remember-read.ts';
import type { Reading } from './timeline-patterns.ts';
import type { UtteranceContext } from './types.ts';

/** Whole months from `now` for one stated timeline; undefined for a date already past. */
export function monthsOfReading(reading: Reading, now: Date): number | undefined {
  switch (reading.kind) {
    case 'now':
      return 0;
    case 'months':
      return reading.months;
    case 'days':
      return Math.round(reading.days / 30);
    case 'date':
      return monthsUntil(reading.date, now);
  }
}

/**
 * The `timeline_months` slot: whole months from `ctx.now` until the lead wants to move, by the
 * corpus rules (asap → 0, "next month" → 1, "march" said in December → 3, spring → April, a
 * range → its earliest end). Undefined when no date is stated or implied: "no rush", "soon",
 * "next year" without a month, past durations ("renting for 4 years"), rent ("3k a month").
 * A bare "now", "ya" or "may" counts only as the answer to the timeline question.
 */
export const readTimelineMonths = rememberRead(readMonths, (months) => months);

function readMonths(text: string, ctx: UtteranceContext): number | undefined {
  const readings = findTimelineMentions(text, {
    timelineAsked: ctx.lastQuestion === 'timeline',
    appointmentAsked: ctx.lastQuestion === 'appointment',
  });
  // "close by mid february, report date is the 20th": a day with no month is a day of the month named.
  const monthNamed = readings.some((r) => r.kind === 'date' && r.date.month !== undefined);
  const dayOnly = (r: Reading) => r.kind === 'date' && r.date.month === undefined && r.date.day !== undefined;
  let earliest: number | undefined;
  for (const reading of readings) {
    if (monthNamed && dayOnly(reading)) continue;
    const months = monthsOfReading(reading, ctx.now);
    if (months !== undefined && (earliest === undefined || months < earliest)) earliest = months;
  }
  return earliest;
}
