import { getContact } from './contact-model.ts';
import { type Ctx, type Route, route } from './router.ts';
import type { FakeState } from './state.ts';
import type { FakeAppointment, FakeCalendar } from './types.ts';
import {
  badRequest,
  forbiddenLocation,
  newId,
  ok,
  requireFields,
  str,
  traceId,
  unprocessable,
} from './wire.ts';

const MAX_RANGE_MS = 31 * 24 * 60 * 60 * 1000;
const DEFAULT_SLOT_MS = 30 * 60 * 1000;

const pad = (n: number) => String(n).padStart(2, '0');

/** Renders an instant as ISO-8601 with the given offset ("-07:00"), no milliseconds, as GHL does. */
export function isoWithOffset(ms: number, offset: string): string {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  const minutes = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  const d = new Date(ms + minutes * 60_000);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${date}T${time}${m ? offset : '+00:00'}`;
}

export function offsetOf(iso: string): string {
  const m = /([+-]\d{2}:\d{2})$/.exec(iso);
  return m?.[1] ?? '+00:00';
}

/** The UTC offset an IANA zone has at an instant, e.g. "-08:00". Throws RangeError for unknown zones. */
export function zoneOffset(ms: number, timeZone: string): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(ms))
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+-]\d{2}:\d{2})/.exec(name ?? '');
  return m?.[1] ?? '+00:00';
}

function epochParam(query: Record<string, string>, key: string): number {
  const v = query[key];
  if (v === undefined || !/^\d+$/.test(v)) {
    throw badRequest(`${key} is required and must be epoch milliseconds`);
  }
  return Number(v);
}

function freeSlots({ state, params, query }: Ctx) {
  const start = epochParam(query, 'startDate');
  const end = epochParam(query, 'endDate');
  if (end < start) throw badRequest('endDate must be after startDate');
  if (end - start > MAX_RANGE_MS) throw badRequest('Date range should not be more than 31 days');
  const tz = query.timezone;
  if (tz) {
    try {
      zoneOffset(start, tz);
    } catch {
      throw badRequest(`Invalid timezone ${tz}`);
    }
  }
  const out: Record<string, unknown> = {};
  const slots = (state.freeSlots.get(params.calendarId ?? '') ?? [])
    .map((s) => ({ s, ms: Date.parse(s) }))
    .filter(({ ms }) => ms >= start && ms <= end)
    .sort((a, b) => a.ms - b.ms);
  for (const { s, ms } of slots) {
    const rendered = tz ? isoWithOffset(ms, zoneOffset(ms, tz)) : s;
    const day = rendered.slice(0, 10);
    const entry = (out[day] as { slots: string[] } | undefined) ?? { slots: [] };
    entry.slots.push(rendered);
    out[day] = entry;
  }
  out.traceId = traceId();
  return ok(out);
}

/**
 * ASSUMPTION: a calendar the test only gave free slots is a round-robin calendar with one team
 * member, DEFAULT_TEAM_MEMBER (GHL has no calendar without a type; teams are the common case).
 */
export const DEFAULT_TEAM_MEMBER = 'usr_fake_team_member_1';

export function setCalendar(state: FakeState, c: Partial<FakeCalendar> & { id: string }): FakeCalendar {
  const cal: FakeCalendar = {
    locationId: state.locationId,
    name: c.id,
    calendarType: 'round_robin',
    teamMembers: [{ userId: DEFAULT_TEAM_MEMBER, priority: 0.5 }],
    ...c,
  };
  state.calendars.set(cal.id, cal);
  return cal;
}

function calendarOf(state: FakeState, id: string): FakeCalendar | undefined {
  const known = state.calendars.get(id);
  if (known) return known.locationId === state.locationId ? known : undefined;
  return state.freeSlots.has(id) ? setCalendar(state, { id }) : undefined;
}

// GET /calendars/{calendarId} → { calendar: CalendarDTO } (apps/calendars.json,
// CalendarByIdSuccessfulResponseDTO). ASSUMPTION: an unknown id is a 400 "Calendar not found".
function getCalendar({ state, params }: Ctx) {
  const cal = calendarOf(state, params.calendarId ?? '');
  if (!cal) throw badRequest('Calendar not found');
  return ok({ calendar: cal, traceId: traceId() });
}

function bookAppointment({ state, body }: Ctx) {
  requireFields(body, {
    calendarId: 'string',
    locationId: 'string',
    contactId: 'string',
    startTime: 'string',
  });
  if (body.locationId !== state.locationId) throw forbiddenLocation();
  const contact = getContact(state, body.contactId as string);
  const calendarId = body.calendarId as string;
  const startTime = body.startTime as string;
  const startMs = Date.parse(startTime);
  if (Number.isNaN(startMs)) throw unprocessable(['startTime must be a valid ISO 8601 date string']);
  // Calendars with a team need to know whose appointment it is: "Either userId or assignedUserId
  // must be set" (https://github.com/GoHighLevel/highlevel-api-docs/issues/23). ASSUMPTION: the
  // answer is a 400 with this wording, and a user outside the calendar's team is refused too.
  const team = calendarOf(state, calendarId)?.teamMembers ?? [];
  const assigned = str(body.assignedUserId) ?? str(body.userId);
  if (team.length > 0 && assigned === undefined) {
    throw badRequest('assignedUserId or userId is required for this calendar');
  }
  if (assigned !== undefined && team.length > 0 && !team.some((m) => m.userId === assigned)) {
    throw badRequest(`User ${assigned} is not a team member of this calendar`);
  }
  const free = state.freeSlots.get(calendarId) ?? [];
  const at = free.findIndex((s) => Date.parse(s) === startMs);
  if (at < 0 && body.ignoreFreeSlotValidation !== true) {
    // GHL's exact wording here is not confirmed.
    throw badRequest('The slot you have selected is no longer available');
  }
  if (at >= 0) free.splice(at, 1);
  const appointment: FakeAppointment = {
    id: newId(),
    calendarId,
    locationId: state.locationId,
    contactId: contact.id,
    startTime,
    endTime:
      typeof body.endTime === 'string'
        ? body.endTime
        : isoWithOffset(startMs + DEFAULT_SLOT_MS, offsetOf(startTime)),
    title: typeof body.title === 'string' ? body.title : 'Appointment',
    meetingLocationType: typeof body.meetingLocationType === 'string' ? body.meetingLocationType : 'custom',
    appointmentStatus: typeof body.appointmentStatus === 'string' ? body.appointmentStatus : 'confirmed',
    isRecurring: false,
  };
  if (assigned !== undefined) appointment.assignedUserId = assigned;
  if (typeof body.address === 'string') appointment.address = body.address;
  if (typeof body.description === 'string') appointment.notes = body.description;
  state.appointments.push(appointment);
  return ok({ ...appointment, traceId: traceId() });
}

function getAppointment({ state, params }: Ctx) {
  const a = state.appointments.find((x) => x.id === params.eventId);
  if (!a) throw badRequest(`Appointment with id ${params.eventId ?? ''} not found`);
  return ok({ appointment: a, traceId: traceId() });
}

export const calendarRoutes: Route[] = [
  route('POST', '/calendars/events/appointments', bookAppointment),
  route('GET', '/calendars/events/appointments/:eventId', getAppointment),
  route('GET', '/calendars/:calendarId/free-slots', freeSlots),
  route('GET', '/calendars/:calendarId', getCalendar),
];
