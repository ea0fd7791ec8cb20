import { afterEach, describe, expect, it } from 'vitest';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { delayed, type FakeAnthropic, startFakeAnthropic } from '../support/fakes/anthropic-server.ts';
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

// The language model overloaded (529) for a while, then answering too late (past the turn's model
// budget), then back. Leads keep texting through all of it. MODEL_TURN_TIMEOUT_MS is short here
// on purpose: a model answer that misses it on a slow machine is one more offline answer, which
// this test accepts, so the short budget cannot make it flaky.

const KEY = 'sk-ant-test-key-faults';
const SECOND_TEXTS = [
  'ok cool. what areas do you guys cover',
  'how fast do homes sell around here rn',
  'prob in the spring, no rush',
  'we have 2 kids so schools matter a lot',
  'its a 3 bed 2 bath, about 1600 sqft',
];
const THIRD_TEXTS = [
  'wait who is this',
  'how did you get my number?',
  'are you licensed?',
  'whats your commission',
  'is this a real person',
];
// What an error, a stack or a model failure would look like if it leaked into a text.
const LEAKED = /error|exception|overloaded|timed? ?out|undefined|null|\[object|try again later/i;

describe('the model overloaded, then timing out, then back', () => {
  let ghl: FakeGhl | undefined;
  let claude: FakeAnthropic | undefined;
  let tdb: TestDb | undefined;
  let svc: TestService | undefined;
  afterEach(async () => {
    await svc?.stop();
    await tdb?.close();
    await ghl?.close();
    await claude?.close();
  });

  it('gives every lead one offline answer per text, never an error text', async () => {
    ghl = await startFakeGhl({ rateLimit: { max: 1000, intervalMs: 10_000 } });
    claude = await startFakeAnthropic({ apiKey: KEY });
    tdb = await pgliteBackend.open();
    svc = await startTestService(tdb, {
      ...ghlEnv(ghl),
      GHL_RATE_LIMIT_MAX: '1000',
      ANTHROPIC_API_KEY: KEY,
      ANTHROPIC_BASE_URL: claude.url,
      MODEL_TURN_TIMEOUT_MS: '800',
      BREAKER_FAILURE_THRESHOLD: '3',
      BREAKER_HALF_OPEN_MS: '1000',
    });
    const contacts = seedLeads(ghl, 'modelOut', 5);
    const round = async (texts: string[], n: number) => {
      for (const [i, id] of contacts.entries()) {
        const res = await leadTexts(svc!.url, ghl!, id, texts[i]!);
        expect(res.status).toBe(200);
      }
      await eventually(
        async () =>
          (await openWork(tdb!)) === 0 &&
          Object.values(repliesPerContact(ghl!, contacts)).every((c) => c >= n),
        20_000,
        `round ${n} answered`,
      ).catch((err) => {
        throw new Error(`${err}: ${JSON.stringify(repliesPerContact(ghl!, contacts))}`);
      });
    };
    const metrics = async () => (await fetch(`${svc!.url}/metrics`)).text();

    // 1. Overloaded: every model call answers 529.
    claude.onRequest = () => ({ status: 529 });
    await round(LEAD_TEXTS, 1);
    const during = await metrics();
    // 2. Answers that come long after the turn's budget.
    claude.onRequest = () => delayed(10_000, { text: 'Too late to be used.' });
    await round(SECOND_TEXTS, 2);
    // 3. Back: the model answers again (echoing the decided reply is always an acceptable wording).
    claude.onRequest = (req) => {
      const decided = /<decided_reply>([\s\S]*?)<\/decided_reply>/.exec(JSON.stringify(req.body))?.[1];
      return { text: decided ?? 'Thanks!' };
    };
    await round(THIRD_TEXTS, 3);

    expect(repliesPerContact(ghl, contacts)).toEqual(Object.fromEntries(contacts.map((id) => [id, 3])));
    expect(await failedWork(tdb)).toEqual({ inbox: 0, outbox: 0 });
    const replies = ghl.messages.filter((m) => m.direction === 'outbound').map((m) => m.body);
    for (const body of replies) {
      expect(body.trim()).not.toBe('');
      expect(body).not.toMatch(LEAKED);
    }
    // The outage was real: the model was called and failed, and its breaker opened.
    expect(claude.requests.length).toBeGreaterThan(0);
    expect(metricValue(during, 'jorge_circuit_state', 'dependency="anthropic"')).toBe(2);
  }, 60_000);
});
