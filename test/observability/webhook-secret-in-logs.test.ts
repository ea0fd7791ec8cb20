import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { workflowWebhookPayload } from '../support/fakes/webhook-signer.ts';
import { postJson, startTestService, type TestService } from '../support/service.ts';

// GHL's standard workflow Webhook action cannot set headers, so the shared secret travels in the
// URL (`/webhooks/ghl?secret=…`). The access log must keep the path and drop the query string.
describe('the workflow secret passed as ?secret= never reaches the logs', () => {
  const SECRET = 'WorkflowSecretInUrl0123456789';
  const MISTYPED = 'WorkflowSecretInUrl0123456780';
  let tdb: TestDb;
  let svc: TestService;

  beforeAll(async () => {
    tdb = await pgliteBackend.open();
    svc = await startTestService(tdb, { GHL_WEBHOOK_SECRET: SECRET }, { workers: false });
  });
  afterAll(async () => {
    await svc.stop();
    await tdb.close();
  });

  it('logs the accepted and the refused request by path only', async () => {
    const payload = workflowWebhookPayload({
      contactId: 'secretlogs0000000001',
      locationId: 'secretlogsLocation01',
      message: { body: 'is the house on Elm still for sale?' },
    });
    const accepted = await postJson(`${svc.url}/webhooks/ghl?secret=${SECRET}`, payload);
    expect(accepted.status).toBe(200);
    const refused = await postJson(`${svc.url}/webhooks/ghl?secret=${MISTYPED}`, payload);
    expect(refused.status).toBe(401);

    const requestLines = svc.logs.filter((l) => l.includes('"url":"/webhooks/ghl"'));
    expect(requestLines.map((l) => JSON.parse(l).res?.statusCode)).toEqual(
      expect.arrayContaining([200, 401]),
    );
    const logs = svc.logs.join('\n');
    expect(logs).not.toContain(SECRET);
    expect(logs).not.toContain(MISTYPED);
    expect(logs).not.toContain('secret=');
  });
});
