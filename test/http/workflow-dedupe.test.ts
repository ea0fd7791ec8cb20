import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/ports.ts';
import { type FakeGhl, startFakeGhl } from '../support/fakes/ghl-server.ts';
import { workflowWebhookPayload } from '../support/fakes/webhook-signer.ts';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { eventually, postJson, startTestService, type TestService, ghlEnv } from '../support/service.ts';

const SECRET = 'workflow-secret-0123456789';
const WINDOW_MS = 60_000;

// A workflow "Webhook" action carries no message id, so a repeated delivery used to get a fresh
// random id each time and the lead got one reply per delivery.
describe('workflow Webhook deliveries are answered once', () => {
  let ghl: FakeGhl;
  let tdb: TestDb;
  let svc: TestService;
  let hook: string;
  let offsetMs = 0;
  // The real time, movable forward, so a test can step across the deduplication window.
  const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };
  let n = 0;
  const newContact = () => {
    const id = `wfd${String(++n).padStart(17, '0')}`;
    ghl.seedContact({ id, firstName: 'Lena', phone: '+19095550140' });
    return id;
  };
  const sentTo = (contactId: string) => ghl.messages.filter((m) => m.contactId === contactId);
  const post = (payload: object) => postJson(hook, payload, { 'x-webhook-secret': SECRET });
  const settle = () => new Promise((r) => setTimeout(r, 500));

  beforeAll(async () => {
    ghl = await startFakeGhl();
    tdb = await pgliteBackend.open();
    svc = await startTestService(
      tdb,
      {
        ...ghlEnv(ghl),
        GHL_WEBHOOK_SECRET: SECRET,
        WORKFLOW_DEDUPE_WINDOW_MS: String(WINDOW_MS),
      },
      { clock },
    );
    hook = `${svc.url}/webhooks/ghl`;
  });
  afterAll(async () => {
    await svc.stop();
    await tdb.close();
    await ghl.close();
  });

  it('the same payload delivered three times gets one reply', async () => {
    const contactId = newContact();
    const payload = workflowWebhookPayload({
      contactId,
      locationId: ghl.locationId,
      message: { body: 'I want to sell my house' },
    });
    const answers = [await post(payload), await post(payload), await post(payload)];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers.map((a) => a.body.status)).toEqual(['accepted', 'duplicate', 'duplicate']);
    await eventually(() => sentTo(contactId).length === 1, 10_000, 'the reply');
    await settle();
    expect(sentTo(contactId)).toHaveLength(1);
  });

  it('the same message forwarded by two different workflows is one message', async () => {
    const contactId = newContact();
    const base = { contactId, locationId: ghl.locationId, message: { body: 'looking to buy' } };
    const first = await post(workflowWebhookPayload({ ...base, workflow: { id: 'wf-a', name: 'A' } }));
    const second = await post(workflowWebhookPayload({ ...base, workflow: { id: 'wf-b', name: 'B' } }));
    expect([first.body.status, second.body.status]).toEqual(['accepted', 'duplicate']);
  });

  it('two different texts from the same contact get two replies', async () => {
    const contactId = newContact();
    const a = await post(
      workflowWebhookPayload({ contactId, locationId: ghl.locationId, message: { body: 'hi there' } }),
    );
    const b = await post(
      workflowWebhookPayload({ contactId, locationId: ghl.locationId, message: { body: 'I want to buy' } }),
    );
    expect([a.body.status, b.body.status]).toEqual(['accepted', 'accepted']);
    await eventually(() => sentTo(contactId).length === 2, 10_000, 'two replies');
  });

  it('a repeat just across a window boundary is still a duplicate; the same text two windows later is new', async () => {
    const contactId = newContact();
    const payload = workflowWebhookPayload({
      contactId,
      locationId: ghl.locationId,
      message: { body: 'ok' },
    });
    // Just before a window boundary, then just after it.
    offsetMs += WINDOW_MS - (clock.now().getTime() % WINDOW_MS) - 50;
    expect((await post(payload)).body.status).toBe('accepted');
    offsetMs += 100;
    expect((await post(payload)).body.status).toBe('duplicate');
    offsetMs += 2 * WINDOW_MS;
    expect((await post(payload)).body.status).toBe('accepted');
  });

  it('a per-message timestamp in customData.messageDate tells identical texts apart at any distance', async () => {
    const contactId = newContact();
    const at = (messageDate: string) =>
      workflowWebhookPayload({
        contactId,
        locationId: ghl.locationId,
        message: { body: 'yes' },
        customData: { messageDate },
      });
    const first = await post(at('2026-09-01T10:00:00Z'));
    const repeat = await post(at('2026-09-01T10:00:00Z'));
    const second = await post(at('2026-09-01T10:00:20Z'));
    expect([first.body.status, repeat.body.status, second.body.status]).toEqual([
      'accepted',
      'duplicate',
      'accepted',
    ]);
  });
});
