import { CrmError } from '../../ports.ts';
import { type GhlHttp, ghlVersions } from './http.ts';
import { asArray, asObj, optString, seg } from './read.ts';

/**
 * Who appointments and tasks are assigned to. `userFor` gives the user set for a location
 * (GHL_ASSIGNED_USER_ID, or a location's own setting); without one, an appointment goes to the
 * first team member of its calendar, and a task to the first team member of `calendarFor`'s.
 */
export interface AssignmentOptions {
  userFor?: (locationId: string) => string | undefined | Promise<string | undefined>;
  calendarFor?: (locationId: string) => string | undefined | Promise<string | undefined>;
  /** How long a calendar's team is remembered (default 10 minutes). */
  teamCacheMs?: number;
  now?: () => number;
}

export function createAssignment(http: GhlHttp, opts: AssignmentOptions = {}) {
  const ttl = opts.teamCacheMs ?? 600_000;
  const now = opts.now ?? Date.now;
  const teams = new Map<string, { userId: string | undefined; at: number }>();
  // A contact's task and appointment may go out side by side: they share one read of the calendar.
  const reading = new Map<string, Promise<string | undefined>>();

  /** The calendar's first team member (GET /calendars/{id} → calendar.teamMembers[0].userId). */
  function firstTeamMember(locationId: string, calendarId: string): Promise<string | undefined> {
    const key = `${locationId}:${calendarId}`;
    const hit = teams.get(key);
    if (hit && now() - hit.at < ttl) return Promise.resolve(hit.userId);
    const pending = reading.get(key);
    if (pending) return pending;
    const read = readTeamMember(locationId, calendarId, key).finally(() => reading.delete(key));
    reading.set(key, read);
    return read;
  }

  async function readTeamMember(
    locationId: string,
    calendarId: string,
    key: string,
  ): Promise<string | undefined> {
    let res: unknown;
    try {
      res = await http.request<unknown>({
        op: 'getCalendar',
        method: 'GET',
        path: `/calendars/${seg(calendarId)}`,
        version: ghlVersions.calendars,
        locationId,
      });
    } catch (err) {
      // A calendar we may not read (scope, deleted) leaves the call unassigned rather than failing
      // it: GHL then decides, and a task is still made. Passing failures are retried by the caller.
      if (err instanceof CrmError && !err.retryable) return undefined;
      throw err;
    }
    const members = asArray(asObj(asObj(res).calendar).teamMembers);
    const primary = members.find((m) => asObj(m).isPrimary === true) ?? members[0];
    const userId = optString(asObj(primary).userId);
    teams.set(key, { userId, at: now() });
    return userId;
  }

  return {
    async forAppointment(locationId: string, calendarId: string): Promise<string | undefined> {
      return (await opts.userFor?.(locationId)) || firstTeamMember(locationId, calendarId);
    },
    async forTask(locationId: string): Promise<string | undefined> {
      const user = await opts.userFor?.(locationId);
      if (user) return user;
      const calendarId = await opts.calendarFor?.(locationId);
      return calendarId ? firstTeamMember(locationId, calendarId) : undefined;
    },
  };
}

export type Assignment = ReturnType<typeof createAssignment>;
