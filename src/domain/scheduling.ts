import type { Lang } from './state.ts';

export interface LocalParts {
  weekday: string;
  day: number;
  hour: number;
  minute: number;
  dateKey: string;
}

// Building an Intl.DateTimeFormat costs far more than using one; keep one per zone and locale.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = formatters.get(key);
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

/**
 * Weekday, date and time of an instant in a time zone (formatters cached per zone). The same
 * free times are read several times a turn and again on the next turn, and formatToParts is the
 * slow part, so the last few hundred answers are kept (shared and frozen: callers only read).
 */
export function localParts(iso: string, timeZone: string): Readonly<LocalParts> {
  const key = `${timeZone}|${iso}`;
  const known = partsSeen.get(key);
  if (known) return known;
  const fmt = formatter(
    `parts|${timeZone}`,
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        weekday: 'short',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      }),
  );
  const parts = Object.fromEntries(fmt.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  const answer = Object.freeze({
    weekday: String(parts.weekday).toLowerCase(),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    dateKey: `${parts.year}-${parts.month}-${parts.day}`,
  });
  if (partsSeen.size >= 512) partsSeen.clear();
  partsSeen.set(key, answer);
  return answer;
}
const partsSeen = new Map<string, Readonly<LocalParts>>();

/**
 * Three slots to offer: inside business hours, in the future, preferring three different days
 * so the lead has a real choice.
 */
export function pickSlots(
  slots: readonly string[],
  opts: { now: Date; timeZone: string; hours: { start: number; end: number } },
): string[] {
  const ok = slots
    .filter((s) => !Number.isNaN(Date.parse(s)) && Date.parse(s) > opts.now.getTime() + 60 * 60_000)
    .filter((s) => {
      const p = localParts(s, opts.timeZone);
      return p.hour >= opts.hours.start && p.hour < opts.hours.end && p.weekday !== 'sun';
    })
    .sort((a, b) => Date.parse(a) - Date.parse(b));
  const picked: string[] = [];
  const days = new Set<string>();
  for (const s of ok) {
    const key = localParts(s, opts.timeZone).dateKey;
    if (!days.has(key)) {
      days.add(key);
      picked.push(s);
    }
    if (picked.length === 3) return picked;
  }
  for (const s of ok) {
    if (picked.length === 3) break;
    if (!picked.includes(s)) picked.push(s);
  }
  return picked.sort((a, b) => Date.parse(a) - Date.parse(b));
}

/** "Tue Nov 25 10am" / "mar 25 nov 10am": short enough for three in one SMS. */
export function formatSlot(iso: string, timeZone: string, lang: Lang): string {
  const d = new Date(iso);
  const locale = lang === 'es' ? 'es-US' : 'en-US';
  const date = formatter(
    `date|${locale}|${timeZone}`,
    () => new Intl.DateTimeFormat(locale, { timeZone, weekday: 'short', month: 'short', day: 'numeric' }),
  )
    .format(d)
    .replace(/,/g, '')
    .replace(/\./g, '');
  const p = localParts(iso, timeZone);
  const h12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
  const time = `${h12}${p.minute ? `:${String(p.minute).padStart(2, '0')}` : ''}${p.hour < 12 ? 'am' : 'pm'}`;
  return `${date} ${time}`;
}

const ORDINALS: [RegExp, number][] = [
  [/\b(?:1|one|first|1st|uno|primer[oa]?|la primera)\b/, 0],
  [/\b(?:2|two|second|2nd|dos|segund[oa])\b/, 1],
  [/\b(?:3|three|third|3rd|tres|tercer[oa]?)\b/, 2],
];
const WEEKDAYS: Record<string, string[]> = {
  mon: ['monday', 'mon', 'lunes'],
  tue: ['tuesday', 'tue', 'tues', 'martes'],
  wed: ['wednesday', 'wed', 'miercoles', 'miércoles'],
  thu: ['thursday', 'thu', 'thurs', 'jueves'],
  fri: ['friday', 'fri', 'viernes'],
  sat: ['saturday', 'sat', 'sabado', 'sábado'],
  sun: ['sunday', 'sun', 'domingo'],
};
// Built once when the module loads, not for every message.
const WEEKDAY_PATTERNS = Object.entries(WEEKDAYS).map(
  ([key, names]) => [key, names[0]!, new RegExp(`\\b(?:${names.join('|')})\\b`)] as const,
);

export type SlotChoice = { index: number } | { none: true } | null;

const CLOCK = /\b(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?(?![\d/])\b/;
const AT_BEFORE = /(?:\bat|@|\baround|\bby|\ba las|\bprogram(?:ar)?)\s*$/;
const SAME_TIME = /\b(?:same time|same hour|misma hora|a la misma)\b/;
const BOUND =
  /\b(after|before|despu[eé]s de las|antes de las)\s*(\d{1,2})(?::\d{2})?\s*(am|pm|a\.m\.|p\.m\.)?/;

/** An hour on the 24-hour clock: "4" with no am/pm is the afternoon (nobody meets at 4 am). */
function hourOf(hour: string, meridiem: string | undefined): number {
  let h = Number(hour);
  const mer = meridiem?.replace(/\./g, '');
  if (mer === 'pm' && h < 12) h += 12;
  if (mer === 'am' && h === 12) h = 0;
  if (!mer && h < 8) h += 12;
  return h;
}

/** Reads "2", "the first one", "Tuesday at 10", "1pm works" or "none of those" against offered slots. */
export function parseSlotChoice(text: string, offered: readonly string[], timeZone: string): SlotChoice {
  const s = text.toLowerCase().normalize('NFC');
  if (
    /\b(?:none|neither|no(?:ne)? of (?:those|them|these)|(?:don'?t|doesn'?t|do not|does not|won'?t) work|ninguno|ninguna|no puedo)\b/.test(
      s,
    )
  ) {
    return { none: true };
  }
  const timeMatch = CLOCK.exec(s);
  const dayNames = WEEKDAY_PATTERNS.filter(([, , pattern]) => pattern.test(s));
  const candidates = offered.map((iso, index) => ({ index, p: localParts(iso, timeZone) }));
  // "friday at 4", "a las 4": an hour said after "at" counts without am/pm.
  const clock = timeMatch && (timeMatch[3] || timeMatch[2] || AT_BEFORE.test(s.slice(0, timeMatch.index)));
  if (dayNames.length > 0 || clock) {
    // "friday instead? same time", "friday after 5" (no slot then): a time the list does not say.
    if (SAME_TIME.test(s)) return null;
    const bound = BOUND.exec(s);
    const part = parseDaypart(s.replace(/\b(?:am|pm|a\.m\.|p\.m\.)\b/g, ' '));
    const matches = candidates.filter(({ p }) => {
      if (dayNames.length > 0 && !dayNames.some(([k]) => p.weekday.startsWith(k))) return false;
      if (part === 'morning' && p.hour >= 12) return false;
      if (part === 'afternoon' && p.hour < 12) return false;
      if (bound) {
        const h = hourOf(bound[2]!, bound[3]);
        if (bound[1] === 'before' || bound[1] === 'antes de las') return p.hour < h;
        return p.hour >= h;
      }
      if (clock && timeMatch && p.hour !== hourOf(timeMatch[1]!, timeMatch[3])) return false;
      return true;
    });
    if (matches.length === 1) return { index: matches[0]!.index };
    if (clock || bound || part) return null;
  }
  // "one" is a pronoun in "the second one" / "the last one", not the first slot.
  const trimmed = s
    .trim()
    .replace(/\b(\w+)\s+ones?\b/g, (m, w: string) => (/^(?:option|number|slot|#)$/.test(w) ? m : w));
  if (/\b(?:last|ultim[oa])\b/.test(trimmed) && trimmed.length <= 24) return { index: offered.length - 1 };
  for (const [re, idx] of ORDINALS) {
    if (
      idx < offered.length &&
      re.test(trimmed) &&
      (trimmed.length <= 24 || /option|opci[oó]n|#/.test(trimmed))
    )
      return { index: idx };
  }
  return null;
}

export function parseDaypart(text: string): 'morning' | 'afternoon' | null {
  const s = text.toLowerCase();
  if (/\b(?:morning|mornings|am|a\.m\.|mañana|mananas|mañanas|temprano)\b/.test(s)) return 'morning';
  if (/\b(?:afternoon|afternoons|evening|pm|p\.m\.|after work|tarde|tardes)\b/.test(s)) return 'afternoon';
  return null;
}

/**
 * The lead leaves the time to us: "any weekday", "whenever works", "either is fine", "cualquier
 * día", "me da igual". Returns the words that say so (for the agent's task), else null.
 */
export function parseAnyTime(text: string): string | null {
  const m =
    /\b(?:any ?(?:day|time|weekday|weekend|day of the week)s?|whenever|either(?: one| is fine| works)?|both work|(?:doesn'?t|does not|don'?t) matter|(?:i'?m|we'?re|im|were) flexible|flexible|weekdays|weekends|cualquier(?:a| dia| día| hora| momento)?|cuando sea|cuando (?:usted|ustedes) (?:quiera|quieran|pueda|puedan)|me da igual|nos da igual|lo que (?:sea|mejor le quede))\b/.exec(
      text.toLowerCase(),
    );
  return m ? m[0] : null;
}

export function parseDay(text: string): string | null {
  const s = text.toLowerCase();
  for (const [, name, pattern] of WEEKDAY_PATTERNS) if (pattern.test(s)) return name;
  const rel =
    /\b(today|tomorrow|this weekend|next week|hoy|mañana|manana|el fin de semana|la próxima semana)\b/.exec(
      s,
    );
  return rel ? rel[1]! : null;
}
