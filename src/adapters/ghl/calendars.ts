import type { AppointmentInput } from '../../ports.ts';
import type { Assignment } from './assignment.ts';
import { type GhlHttp, ghlVersions } from './http.ts';
import { asArray, asObj, optString, requireString, seg } from './read.ts';

const version = ghlVersions.calendars;
const dayMs = 86_400_000;
/** GHL refuses free-slot ranges over 31 days; stay a day under to avoid edge disputes. */
export const maxFreeSlotRangeMs = 30 * dayMs;

const dateKey = /^\d{4}-\d{2}-\d{2}$/;

/** The free-slots body is a map of date → {slots}, plus non-date keys such as `traceId`. */
export function slotsFromBody(body: unknown): string[] {
  const slots: string[] = [];
  for (const [key, day] of Object.entries(asObj(body))) {
    if (!dateKey.test(key)) continue;
    for (const slot of asArray(asObj(day).slots)) if (typeof slot === 'string') slots.push(slot);
  }
  return slots;
}

/** Splits [start, end] into consecutive ranges GHL accepts. */
export function splitRange(startMs: number, endMs: number, maxMs = maxFreeSlotRangeMs): [number, number][] {
  const parts: [number, number][] = [];
  for (let from = startMs; from < endMs; from += maxMs) parts.push([from, Math.min(from + maxMs, endMs)]);
  return parts;
}

export function createCalendarOps(http: GhlHttp, assignment?: Assignment) {
  return {
    async getFreeSlots(
      locationId: string,
      calendarId: string,
      range: { start: Date; end: Date; timezone: string },
    ): Promise<string[]> {
      const startMs = range.start.getTime();
      const endMs = range.end.getTime();
      const found = new Map<string, number>();
      for (const [from, to] of splitRange(startMs, endMs)) {
        const res = await http.request<unknown>({
          op: 'getFreeSlots',
          method: 'GET',
          path: `/calendars/${seg(calendarId)}/free-slots`,
          version,
          locationId,
          query: { startDate: from, endDate: to, timezone: range.timezone },
        });
        for (const slot of slotsFromBody(res)) {
          const at = Date.parse(slot);
          // GHL answers whole days, so a day can reach outside the asked range.
          if (!Number.isNaN(at) && at >= startMs && at <= endMs) found.set(slot, at);
        }
      }
      return [...found.entries()].sort((a, b) => a[1] - b[1]).map(([slot]) => slot);
    },

    async createAppointment(locationId: string, input: AppointmentInput): Promise<{ id: string }> {
      const json: Record<string, unknown> = {
        calendarId: input.calendarId,
        locationId,
        contactId: input.contactId,
        startTime: input.startTime,
      };
      if (input.endTime !== undefined) json.endTime = input.endTime;
      if (input.title !== undefined) json.title = input.title;
      // GHL refuses an appointment without an assigned user on calendars with a team (issue #23 of
      // GoHighLevel/highlevel-api-docs: "Either userId or assignedUserId must be set").
      const assignedUserId = await assignment?.forAppointment(locationId, input.calendarId);
      if (assignedUserId) json.assignedUserId = assignedUserId;
      const res = await http.request<unknown>({
        op: 'createAppointment',
        method: 'POST',
        path: '/calendars/events/appointments',
        version,
        locationId,
        json,
      });
      const body = asObj(res);
      const id = optString(body.id) ?? optString(asObj(body.appointment).id);
      return { id: requireString(id, 'createAppointment', 'id') };
    },
  };
}
