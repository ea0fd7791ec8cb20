import {
  addDays,
  isValidTimeZone,
  type LocalDate,
  localDateTime,
  zonedTime,
} from '../follow-up/local-time.ts';
import { placeOfPhone } from './area-codes.ts';
import { CANADIAN_REGIONS, placeOfState, placeOfZip } from './quiet-hours-places.ts';
import {
  CANADA_RULE,
  type DayHours,
  FEDERAL_RULE,
  type SendRule,
  STATE_RULES,
  type Weekday,
} from './quiet-hours-rules.ts';

// Quiet hours follow the lead: the clock is theirs, the law is their state's (and the stricter
// one wins when we have clues to more than one state).

/** What we know about where a lead is; every field may be missing. */
export interface LeadWhereabouts {
  /** The contact's address state ("FL", "Florida"). */
  state?: string;
  /** The contact's address ZIP code. */
  zip?: string;
  /** The number we text. */
  phone?: string;
  /** A time zone set on the contact in the CRM. */
  timeZone?: string;
}

export type ZoneSource = 'zip' | 'contact' | 'state' | 'area_code' | 'fallback';

export interface LeadSendWindow extends DayHours {
  /** The lead's most likely IANA time zone. */
  zone: string;
  /** Other zones the lead may be in (a state or area code across a zone line): the window must be open in each. */
  otherZones?: string[];
  /** Weekdays with other hours than startHour-endHour; null = no texts that day. */
  days?: Partial<Record<Weekday, DayHours | null>>;
  /** Texts we start, per rolling 24 hours. */
  maxPerDay?: number;
  zoneFrom: ZoneSource;
  /** The laws applied, strictest wins ("TCPA, 47 CFR § 64.1200(c)(1)", "Fla. Stat. § 501.616(6)(a)-(b)"). */
  laws: string[];
}

const WEEKDAYS: readonly Weekday[] = [0, 1, 2, 3, 4, 5, 6];
const DAY_MS = 86_400_000;

function hoursOn(w: { startHour: number; endHour: number; days?: SendRule['days'] }, d: Weekday) {
  const special = w.days?.[d];
  return special === undefined ? { startHour: w.startHour, endHour: w.endHour } : special;
}

/** The strictest of several rules: latest start, earliest end, lowest cap, per weekday. */
function strictest(
  rules: readonly SendRule[],
): Pick<LeadSendWindow, 'startHour' | 'endHour' | 'days' | 'maxPerDay'> {
  const startHour = Math.max(...rules.map((r) => r.startHour));
  const endHour = Math.min(...rules.map((r) => r.endHour));
  const days: Partial<Record<Weekday, DayHours | null>> = {};
  for (const d of WEEKDAYS) {
    if (!rules.some((r) => r.days?.[d] !== undefined)) continue;
    const each = rules.map((r) => hoursOn(r, d));
    const start = Math.max(...each.map((h) => h?.startHour ?? 24));
    const end = Math.min(...each.map((h) => h?.endHour ?? 0));
    days[d] = each.includes(null) || start >= end ? null : { startHour: start, endHour: end };
  }
  const caps = rules.flatMap((r) => (r.maxPerDay === undefined ? [] : [r.maxPerDay]));
  return {
    startHour,
    endHour,
    ...(Object.keys(days).length > 0 ? { days } : {}),
    ...(caps.length > 0 ? { maxPerDay: Math.min(...caps) } : {}),
  };
}

/**
 * The hours in which a text we start may reach this lead. The zone comes from the best clue we
 * have: the address ZIP, else a time zone set on the contact, else the address state, else the
 * phone's area code, else `fallbackZone` (the location's). A state or area code that straddles a
 * zone line names its majority zone first and the others in `otherZones`. The hours are the
 * strictest of the federal rule and the rules of every state the address or the area code points
 * to: Florida, Oklahoma and Connecticut presume a number with their area code is a resident's,
 * whatever the address says.
 */
export function sendWindowFor(lead: LeadWhereabouts, fallbackZone: string): LeadSendWindow {
  const zip = placeOfZip(lead.zip);
  // A state alone says less than a ZIP: every zone of the state stays possible.
  const state = placeOfState(lead.state);
  const phone = placeOfPhone(lead.phone);
  const own = lead.timeZone && isValidTimeZone(lead.timeZone) ? lead.timeZone : null;

  let zones: readonly string[] = [fallbackZone];
  let zoneFrom: ZoneSource = 'fallback';
  if (zip) [zones, zoneFrom] = [zip.zones, 'zip'];
  else if (own) [zones, zoneFrom] = [[own], 'contact'];
  else if (state) [zones, zoneFrom] = [state.zones, 'state'];
  else if (phone) [zones, zoneFrom] = [phone.zones, 'area_code'];

  const regions = new Set([zip?.region, state?.region, phone?.region].filter((r): r is string => !!r));
  const rules: SendRule[] = [FEDERAL_RULE];
  for (const region of regions) {
    const rule = CANADIAN_REGIONS.has(region) ? CANADA_RULE : STATE_RULES[region];
    if (rule && !rules.includes(rule)) rules.push(rule);
  }
  const [zone = fallbackZone, ...others] = zones;
  return {
    zone,
    ...(others.length > 0 ? { otherZones: others } : {}),
    ...strictest(rules),
    zoneFrom,
    laws: rules.map((r) => r.law),
  };
}

function weekdayOf(d: LocalDate): Weekday {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay() as Weekday;
}

/** The first instant at or after `t` inside the window's hours, on the local clock of `zone`. */
function nextOpenIn(t: Date, w: LeadSendWindow, zone: string): Date {
  let at = t;
  for (let i = 0; i < 8; i++) {
    const local = localDateTime(at, zone);
    const hours = hoursOn(w, weekdayOf(local));
    if (hours) {
      const minute = local.hour * 60 + local.minute;
      if (minute < hours.startHour * 60) return zonedTime(local, hours.startHour, 0, zone);
      if (minute < hours.endHour * 60) return at;
    }
    at = zonedTime(addDays(local, 1), 0, 0, zone);
  }
  throw new RangeError(`no sending hours in a week in ${zone}`);
}

/**
 * The earliest instant at or after `now` when a text we start may reach the lead: inside the
 * window in every zone the lead may be in, and, when the law caps texts per 24 hours, once fewer
 * than `maxPerDay` of `sentInLast24h` (the texts we started, by send time) fall in the 24 hours
 * before it. Returns `now` itself when it may go now.
 */
export function nextAllowedSend(now: Date, window: LeadSendWindow, sentInLast24h: readonly Date[]): Date {
  let at = now;
  if (window.maxPerDay !== undefined) {
    const recent = sentInLast24h
      .map((d) => d.getTime())
      .filter((t) => t > now.getTime() - DAY_MS)
      .sort((a, b) => b - a);
    const oldestThatCounts = recent[window.maxPerDay - 1];
    if (oldestThatCounts !== undefined) at = new Date(Math.max(now.getTime(), oldestThatCounts + DAY_MS));
  }
  const zones = [window.zone, ...(window.otherZones ?? [])];
  // Moving later for one zone may leave another's window; the windows overlap, so this settles.
  for (let round = 0; round < 16; round++) {
    let moved = false;
    for (const zone of zones) {
      const next = nextOpenIn(at, window, zone);
      if (next.getTime() > at.getTime()) {
        at = next;
        moved = true;
      }
    }
    if (!moved) return at;
  }
  throw new RangeError(`the sending windows of ${zones.join(', ')} never overlap`);
}

/** True when a text we start may reach the lead at `now` as far as the clock goes (no cap). */
export function isInsideSendWindow(now: Date, window: LeadSendWindow): boolean {
  return nextAllowedSend(now, window, []).getTime() === now.getTime();
}
