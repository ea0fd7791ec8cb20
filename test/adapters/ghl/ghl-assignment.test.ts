import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_TEAM_MEMBER } from '../../support/fakes/ghl/routes-calendars.ts';
import { type Harness, startHarness } from './harness.ts';

const contactId = 'cnt00000000000000001';
const slot = '2030-03-05T10:00:00-08:00';
let h: Harness | undefined;

async function setup(...args: Parameters<typeof startHarness>): Promise<Harness> {
  h = await startHarness(...args);
  h.fake.seedContact({ id: contactId, firstName: 'Ana', phone: '+15555550101' });
  return h;
}

afterEach(async () => {
  await h?.fake.close();
  h = undefined;
});

const calendarReads = (h: Harness) =>
  h.fake.requests.filter((r) => r.method === 'GET' && r.path === '/calendars/team1');

describe('GHL appointments and tasks are assigned to a user', () => {
  it('the fake refuses an appointment without an assigned user on a team calendar (GHL issue #23)', async () => {
    const { fake } = await setup();
    fake.setCalendar({ id: 'team1', teamMembers: [{ userId: 'usr_maria' }] });
    fake.setFreeSlots('team1', [slot]);
    const res = await fetch(`${fake.url}/calendars/events/appointments`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${fake.token}`,
        version: '2021-04-15',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ calendarId: 'team1', locationId: fake.locationId, contactId, startTime: slot }),
    });
    expect(res.status).toBe(400);
    expect(fake.appointments).toEqual([]);
  });

  it('books with the configured user when one is set, without reading the calendar', async () => {
    const { crm, fake } = await setup({}, { assignment: { userFor: () => 'usr_jorge' } });
    fake.setCalendar({ id: 'team1', teamMembers: [{ userId: 'usr_maria' }, { userId: 'usr_jorge' }] });
    fake.setFreeSlots('team1', [slot]);
    await crm.createAppointment(fake.locationId, { calendarId: 'team1', contactId, startTime: slot });
    expect(fake.appointments[0]).toMatchObject({ assignedUserId: 'usr_jorge' });
    expect(calendarReads(h!)).toHaveLength(0);
  });

  it('without a configured user, books with the calendar’s first team member, read once per calendar', async () => {
    const { crm, fake } = await setup();
    fake.setCalendar({ id: 'team1', teamMembers: [{ userId: 'usr_maria' }, { userId: 'usr_jorge' }] });
    fake.setFreeSlots('team1', [slot, '2030-03-05T11:00:00-08:00']);
    await crm.createAppointment(fake.locationId, { calendarId: 'team1', contactId, startTime: slot });
    await crm.createAppointment(fake.locationId, {
      calendarId: 'team1',
      contactId,
      startTime: '2030-03-05T11:00:00-08:00',
    });
    expect(fake.appointments.map((a) => a.assignedUserId)).toEqual(['usr_maria', 'usr_maria']);
    expect(calendarReads(h!)).toHaveLength(1);
  });

  it('a per-location user (from a resolver) wins for that location only', async () => {
    const users: Record<string, string> = { loc_other: 'usr_other' };
    const { crm, fake } = await setup({}, { assignment: { userFor: (loc) => users[loc] } });
    fake.setFreeSlots('cal1', [slot]);
    await crm.createAppointment(fake.locationId, { calendarId: 'cal1', contactId, startTime: slot });
    expect(fake.appointments[0]?.assignedUserId).toBe(DEFAULT_TEAM_MEMBER);
  });

  it('assigns tasks to the configured user', async () => {
    const { crm, fake } = await setup({}, { assignment: { userFor: () => 'usr_jorge' } });
    await crm.createTask(fake.locationId, contactId, {
      title: 'Call back',
      dueDate: '2030-01-02T17:00:00.000Z',
    });
    expect(fake.tasks.get(contactId)?.[0]).toMatchObject({ assignedTo: 'usr_jorge' });
  });

  it('without a configured user, assigns tasks to the first team member of the location’s calendar', async () => {
    const { crm, fake } = await setup({}, { assignment: { calendarFor: () => 'team1' } });
    fake.setCalendar({ id: 'team1', teamMembers: [{ userId: 'usr_maria' }] });
    await crm.createTask(fake.locationId, contactId, {
      title: 'Call back',
      dueDate: '2030-01-02T17:00:00.000Z',
    });
    expect(fake.tasks.get(contactId)?.[0]).toMatchObject({ assignedTo: 'usr_maria' });
  });

  it('a calendar GHL will not show (403) leaves the task unassigned instead of failing it', async () => {
    const { crm, fake } = await setup({}, { assignment: { calendarFor: () => 'team1' } });
    fake.setCalendar({ id: 'team1', teamMembers: [{ userId: 'usr_maria' }] });
    fake.failNext({ method: 'GET', path: '/calendars/team1', status: 403, times: 1 });
    await crm.createTask(fake.locationId, contactId, {
      title: 'Call back',
      dueDate: '2030-01-02T17:00:00.000Z',
    });
    expect(fake.tasks.get(contactId)?.[0]).not.toHaveProperty('assignedTo');
  });
});
