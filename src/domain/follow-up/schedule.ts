import type { TagNames } from '../bots-config.ts';
import { hasTag } from '../conversation.ts';
import { silencingTags } from '../human-takeover.ts';
import { addDays, compareDates, type LocalDate, localDateTime, zonedTime } from './local-time.ts';

// When a quiet lead hears from us again, and whether they may hear from us at all.

export const FOLLOW_UP_STEPS = ['day3', 'day7', 'day14', 'day30'] as const;
export type FollowUpStep = (typeof FOLLOW_UP_STEPS)[number];

/** Days after the lead's last inbound message. */
export const STEP_DAYS: Readonly<Record<FollowUpStep, number>> = { day3: 3, day7: 7, day14: 14, day30: 30 };

const DAY_MS = 86_400_000;

export interface PlannedFollowUp {
  step: FollowUpStep;
  dueAt: Date;
}

/**
 * The whole sequence, counted from the lead's LAST inbound message (never from first contact):
 * each step is due N x 24 h later. Any new inbound message means planning again from it. Quiet
 * hours and the one-per-day rule are applied at send time by `allowedSendTime`.
 */
export function planFollowUps(lastInboundAt: Date): PlannedFollowUp[] {
  return FOLLOW_UP_STEPS.map((step) => ({
    step,
    dueAt: new Date(lastInboundAt.getTime() + STEP_DAYS[step] * DAY_MS),
  }));
}

export interface SendWindow {
  /** First local hour a message may go out (inclusive), 0-23. */
  startHour: number;
  /** Local hour from which messages wait for the next day (exclusive), 1-24. */
  endHour: number;
}

/** 08:00 to 21:00 local, the TCPA calling-hours rule many states also apply to texts. */
export const DEFAULT_SEND_WINDOW: Readonly<SendWindow> = { startHour: 8, endHour: 21 };

export interface SendTimeOptions {
  /** When this contact last got any automated message (follow-up or otherwise); null = never. */
  lastAutomatedAt: Date | null;
  window?: SendWindow;
}

function checkWindow(w: SendWindow): void {
  const ok =
    Number.isInteger(w.startHour) &&
    Number.isInteger(w.endHour) &&
    w.startHour >= 0 &&
    w.endHour <= 24 &&
    w.startHour < w.endHour;
  if (!ok) throw new RangeError(`invalid send window ${w.startHour}-${w.endHour}`);
}

/**
 * The earliest instant at or after `due` when an automated message may reach a contact in
 * `timeZone`: inside the local window (08:00 inclusive to 21:00 exclusive by default; outside it
 * the message moves to the next 08:00), and on a later local calendar day than `lastAutomatedAt`
 * (at most one automated message per contact per local day; a clash moves it to the next day's
 * 08:00). Returns `due` itself when it is already allowed. Throws a RangeError for an unknown
 * zone, so callers should check the contact's zone with `isValidTimeZone` and fall back.
 */
export function allowedSendTime(due: Date, timeZone: string, opts: SendTimeOptions): Date {
  const window = opts.window ?? DEFAULT_SEND_WINDOW;
  checkWindow(window);
  const local = localDateTime(due, timeZone);
  let day: LocalDate = local;
  let at = due;
  const minuteOfDay = local.hour * 60 + local.minute;
  if (minuteOfDay < window.startHour * 60) {
    at = zonedTime(day, window.startHour, 0, timeZone);
  } else if (minuteOfDay >= window.endHour * 60) {
    day = addDays(day, 1);
    at = zonedTime(day, window.startHour, 0, timeZone);
  }
  if (opts.lastAutomatedAt) {
    const last = localDateTime(opts.lastAutomatedAt, timeZone);
    if (compareDates(day, last) <= 0) {
      day = addDays(last, 1);
      at = zonedTime(day, window.startHour, 0, timeZone);
    }
  }
  return at;
}

export type FollowUpBlockedReason =
  | 'opted_out'
  | 'paused'
  | 'escalated'
  | 'compliance_hold'
  | 'human_takeover'
  | 'booked'
  | 'off_switch';

export interface FollowUpContactStatus {
  optedOut: boolean;
  paused: boolean;
  tags: readonly string[];
  /** An open escalation waits for a person. */
  needsHumanReview: boolean;
  /** An open compliance ticket holds every automated message. */
  complianceHold: boolean;
  /** An appointment is on the calendar (stage "booked"). */
  booked: boolean;
  /** Tags that switch the bots off for this contact (bots config `tags.offSwitches`). */
  offSwitchTags: readonly string[];
}

/** CRM tag names the check reads; defaults are the bots-config defaults. */
export interface FollowUpTagNames {
  optOut: string;
  humanTakeover: string;
  appointmentBooked: string;
}

export const DEFAULT_FOLLOW_UP_TAGS: Readonly<FollowUpTagNames> = {
  optOut: 'TCPA-Opt-Out',
  humanTakeover: 'Human-Takeover',
  appointmentBooked: 'Appointment-Booked',
};

/**
 * Why no automated follow-up may go to this contact, or null when one may. The first reason that
 * applies wins, in this order: opted out, paused, escalated, compliance hold, human takeover,
 * booked, off switch. Tags compare case-insensitively (GHL lower-cases them).
 */
export function followUpBlockedReason(
  c: FollowUpContactStatus,
  tagNames: FollowUpTagNames = DEFAULT_FOLLOW_UP_TAGS,
): FollowUpBlockedReason | null {
  if (c.optedOut || hasTag(c.tags, tagNames.optOut)) return 'opted_out';
  if (c.paused) return 'paused';
  if (c.needsHumanReview) return 'escalated';
  if (c.complianceHold) return 'compliance_hold';
  if (hasTag(c.tags, tagNames.humanTakeover)) return 'human_takeover';
  if (c.booked || hasTag(c.tags, tagNames.appointmentBooked)) return 'booked';
  if (c.offSwitchTags.some((t) => hasTag(c.tags, t))) return 'off_switch';
  return null;
}

/**
 * followUpBlockedReason with the tag names this location configured (bots config `tags`): its opt-out,
 * takeover and booked tags and every tag that silences the bots, so a renamed tag still blocks.
 */
export function followUpBlockedFor(
  c: Omit<FollowUpContactStatus, 'offSwitchTags'>,
  tags: TagNames,
): FollowUpBlockedReason | null {
  return followUpBlockedReason(
    { ...c, offSwitchTags: silencingTags(tags) },
    { optOut: tags.optOut, humanTakeover: tags.humanTakeover, appointmentBooked: tags.appointmentBooked },
  );
}
