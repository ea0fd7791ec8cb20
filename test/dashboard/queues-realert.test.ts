import { afterEach, describe, expect, it } from 'vitest';
import { backends, type TestDb } from '../support/db.ts';
import { postJson, startTestService, type TestService } from '../support/service.ts';
import { manualClock } from '../follow-ups/helpers.ts';

const AGENT_PHONE = '+19095550111';
const BACKUP_EMAIL = 'backup.agent@example.com';
const START = '2026-11-23T18:00:00Z';

describe.each(backends())('escalation SLA re-alerts ($name)', (backend) => {
  let tdb: TestDb;
  let svc: TestService;
  afterEach(async () => {
    await svc?.stop();
    await tdb?.close();
  });
  const open = async (clock = manualClock(START)) => {
    tdb = await backend.open();
    svc = await startTestService(
      tdb,
      { AGENT_PHONE, ESCALATION_BACKUP_EMAIL: BACKUP_EMAIL, ESCALATION_SLA_MINUTES: '30' },
      { clock, workers: false },
    );
    return clock;
  };
  const staffAlerts = async () =>
    (
      await tdb.db.query<{ payload: Record<string, any> }>(
        `SELECT payload FROM sandbox_crm_records WHERE kind = 'staff_notification' ORDER BY id`,
      )
    ).rows.map((r) => r.payload);
  const escalate = (contactId: string) =>
    postJson(`${svc.url}/api/v1/sandbox/messages`, {
      contactId,
      message: 'Can I talk to Jorge directly please?',
    });

  it('nobody picks it up: the agent is alerted again after the SLA, then the backup contact', async () => {
    await open();
    expect((await escalate('sla-1')).status).toBe(200);
    expect((await staffAlerts()).map((a) => a.to)).toEqual([AGENT_PHONE]);

    const early = await postJson(`${svc.url}/api/v1/sandbox/advance-clock`, { hours: 0.4 });
    expect(early.body.ran.filter((r: any) => r.step.startsWith('escalation'))).toEqual([]);

    const again = await postJson(`${svc.url}/api/v1/sandbox/advance-clock`, { hours: 1.2 });
    expect(again.body.ran.map((r: any) => [r.step, r.status])).toEqual([
      ['escalation_realert', 'sent'],
      ['escalation_backup', 'sent'],
    ]);
    const alerts = await staffAlerts();
    expect(alerts.map((a) => [a.channel, a.to])).toEqual([
      ['SMS', AGENT_PHONE],
      ['SMS', AGENT_PHONE],
      ['Email', BACKUP_EMAIL],
    ]);
    expect(alerts[1]?.message).toMatch(/nobody picked it up/);
    // Nothing further once the backup was told.
    const later = await postJson(`${svc.url}/api/v1/sandbox/advance-clock`, { days: 1 });
    expect(later.body.ran.filter((r: any) => r.step.startsWith('escalation'))).toEqual([]);
  });

  it('runs in the service loop on the real clock for a live location, and stops once picked up', async () => {
    const clock = await open();
    await tdb.db.query(`INSERT INTO locations (id) VALUES ('loc-live') ON CONFLICT DO NOTHING`);
    await tdb.db.query(
      `INSERT INTO contacts (location_id, id, first_name) VALUES ('loc-live', 'c-live', 'Lee'), ('loc-live', 'c-taken', 'Kim')`,
    );
    await tdb.db.query(
      `INSERT INTO escalations (id, location_id, contact_id, reason, created_at, updated_at)
       VALUES ('esc_live', 'loc-live', 'c-live', 'human_request', $1, $1), ('esc_taken', 'loc-live', 'c-taken', 'human_request', $1, $1)`,
      [START],
    );
    await tdb.db.query(
      `UPDATE escalations SET picked_up_at = $1, picked_up_by = 'dashboard' WHERE id = 'esc_taken'`,
      [START],
    );
    const alerts = svc.service.escalationAlerts;
    expect(await alerts.runOnce()).toBe(false);
    clock.set('2026-11-23T18:31:00Z');
    expect(await alerts.runOnce()).toBe(true);
    await svc.service.drainer.drainContact('loc-live', 'c-live');
    const sent = await staffAlerts();
    expect(sent.map((a) => [a.to, a.message.includes('esc_live')])).toEqual([[AGENT_PHONE, true]]);
    // A second replica running the same step finds nothing left to send.
    expect(await alerts.runOnce()).toBe(false);
  });
});
