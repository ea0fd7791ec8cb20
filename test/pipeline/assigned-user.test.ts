import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { type FakeGhl, startFakeGhl } from '../support/fakes/ghl-server.ts';
import { emitWebhook, inboundMessagePayload } from '../support/fakes/webhook-signer.ts';
import { startTestService, type TestService, ghlEnv } from '../support/service.ts';

/** The "Needs Jorge" task of an escalation is assigned to the location's user, else the env's. */
describe('tasks are assigned to the location’s user on the live path', () => {
  let ghl: FakeGhl;
  let tdb: TestDb;
  let svc: TestService;

  beforeAll(async () => {
    ghl = await startFakeGhl();
    tdb = await pgliteBackend.open();
    svc = await startTestService(
      tdb,
      {
        ...ghlEnv(ghl),
        GHL_ASSIGNED_USER_ID: 'usr_from_env',
      },
      { workers: false },
    );
  });
  afterAll(async () => {
    await svc.stop();
    await tdb.close();
    await ghl.close();
  });

  const escalate = async (contactId: string) => {
    ghl.seedContact({ id: contactId, phone: `+1909555${contactId.slice(-4)}` });
    for (const body of ['Hi, I want to sell my house', 'Can I talk to Jorge directly please?']) {
      const payload = inboundMessagePayload({ locationId: ghl.locationId, contactId, body });
      expect((await emitWebhook(`${svc.url}/webhooks/ghl`, payload)).status).toBe(200);
    }
    for (let i = 0; i < 5; i++) {
      while (await svc.service.inboxWorker.runOnce()) {}
      while (await svc.service.drainer.runOnce()) {}
    }
    return ghl.tasks.get(contactId) ?? [];
  };

  it('uses GHL_ASSIGNED_USER_ID, then the user stored for the location', async () => {
    const first = await escalate('assignlead0000000001');
    expect(first.length).toBeGreaterThan(0);
    expect(first.every((t) => t.assignedTo === 'usr_from_env')).toBe(true);

    const res = await fetch(`${svc.url}/api/v1/locations/${ghl.locationId}/settings`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ assignedUserId: 'usr_for_location' }),
    });
    expect(res.status).toBe(200);
    const second = await escalate('assignlead0000000002');
    expect(second.length).toBeGreaterThan(0);
    expect(second.every((t) => t.assignedTo === 'usr_for_location')).toBe(true);
  });
});
