import { afterEach, describe, expect, it } from 'vitest';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { type FakeGhl, startFakeGhl } from '../support/fakes/ghl-server.ts';
import { eventually, ghlEnv, startTestService, type TestService } from '../support/service.ts';
import {
  failedWork,
  LEAD_TEXTS,
  leadTexts,
  metricValue,
  openWork,
  repliesPerContact,
  seedLeads,
} from './support.ts';

// A sending outage at GHL longer than an action's attempts last. Once the sending circuit is open,
// the drainer's calls are refused at once without reaching GHL; those refusals must not use up the
// replies' attempts, or every reply fails for good (and escalates) within seconds of the circuit
// opening, although GHL sends again a little later.

const SEND = { method: 'POST', path: '/conversations/messages' } as const;
const THRESHOLD = 3;
const HALF_OPEN_MS = 2_000;
// Backoff 200, 400, 800 ms: counted, the fast refusals of the open circuit would fail every reply
// about 1.4 s after its first refused send. Each reply really reaches GHL at most 3 times here (its
// own first send and at most two half-open trials), so 4 attempts are enough when refusals are held.
const MAX_ATTEMPTS = 4;

describe('an open circuit breaker and the outbox attempts', () => {
  let ghl: FakeGhl | undefined;
  let tdb: TestDb | undefined;
  let svc: TestService | undefined;
  afterEach(async () => {
    await svc?.stop();
    await tdb?.close();
    await ghl?.close();
  });

  it('holds replies while the sending circuit is open, then delivers each once, with no escalation', async () => {
    ghl = await startFakeGhl();
    tdb = await pgliteBackend.open();
    // Replies to a lead's own text go out at any hour, so the real clock serves (signed webhooks
    // carry the real time, which a moved clock would refuse as stale).
    svc = await startTestService(tdb, {
      ...ghlEnv(ghl),
      OUTBOX_RETRY_BASE_MS: '200',
      OUTBOX_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
      BREAKER_FAILURE_THRESHOLD: String(THRESHOLD),
      BREAKER_HALF_OPEN_MS: String(HALF_OPEN_MS),
    });
    const contacts = seedLeads(ghl, 'breakerHold', 3);
    const sends = () => ghl!.requests.filter((r) => r.method === SEND.method && r.path === SEND.path);

    ghl.failNext({ ...SEND, times: 10_000, status: 503 });
    for (const [i, id] of contacts.entries()) {
      expect((await leadTexts(svc.url, ghl, id, LEAD_TEXTS[i]!)).status).toBe(200);
    }
    // The outage outlasts two half-open trials: about 3 × HALF_OPEN_MS after the circuit opened,
    // long past the 1.4 s in which counted refusals would have used up every attempt.
    await eventually(() => sends().length >= THRESHOLD + 2, 30_000, 'two failed half-open trials');
    const metrics = await (await fetch(`${svc.url}/metrics`)).text();
    expect(
      metricValue(metrics, 'jorge_outbox_actions_total', 'kind="send_message",result="held_breaker_open"'),
    ).toBeGreaterThan(0);
    expect(await failedWork(tdb)).toEqual({ inbox: 0, outbox: 0 });
    // Held, not counted: no reply has used more attempts than it made real sends.
    const { rows: attempts } = await tdb.db.query<{ attempts: number }>(
      `SELECT attempts FROM outbox WHERE kind = 'send_message' AND status <> 'sent'`,
    );
    expect(attempts.length).toBe(contacts.length);
    for (const r of attempts) expect(r.attempts).toBeLessThan(MAX_ATTEMPTS);

    // GHL sends again: the next trial closes the circuit and every reply goes out once.
    ghl.clearFailures();
    await eventually(async () => (await openWork(tdb!)) === 0, 30_000, 'every reply delivered');
    expect(repliesPerContact(ghl, contacts)).toEqual(Object.fromEntries(contacts.map((id) => [id, 1])));
    expect(await failedWork(tdb)).toEqual({ inbox: 0, outbox: 0 });
    const { rows: escalations } = await tdb.db.query<{ reason: string }>(
      `SELECT reason FROM escalations WHERE reason = 'crm_failure'`,
    );
    expect(escalations).toEqual([]);
  }, 60_000);
});
