import { afterEach, describe, expect, it } from 'vitest';
import { backends, type TestDb } from '../support/db.ts';
import {
  decidedReplyIn,
  delayed,
  type FakeAnthropic,
  lastUserText,
  startFakeAnthropic,
} from '../support/fakes/anthropic-server.ts';
import { eventually, startTestService, type TestService } from '../support/service.ts';
import { advance, crmRecords, manualClock, say, sellerBeforeDay14 } from './helpers.ts';

const KEY = 'sk-ant-test-key-0013';
/** How long the model takes to explain the CMA: far longer than another lead's whole turn. */
const NARRATIVE_HOLD_MS = 20_000;
const NARRATIVE = 'Recent sales of similar homes nearby are where the pricing conversation starts.';

// The day-14 step asks the model to explain the CMA before the email goes out, and the model is
// slow to answer. Meanwhile another lead writes: their turn must not wait for it (the step is
// composed before it locks its row or takes a connection; on embedded PGlite, one connection,
// a step holding its transaction across the model call would stall every turn of the process).
describe.each(backends())('a follow-up whose model call hangs, on $name', (backend) => {
  let claude: FakeAnthropic;
  let tdb: TestDb;
  let svc: TestService;
  afterEach(async () => {
    await svc?.stop();
    await tdb?.close();
    await claude?.close();
  });

  it('delays no other contact: the other lead is answered while the step still waits for the model', async () => {
    claude = await startFakeAnthropic({ apiKey: KEY });
    const isNarrative = (body: Record<string, unknown>) =>
      lastUserText(body).startsWith('Task: CMA narrative');
    claude.onRequest = (req) => {
      if (isNarrative(req.body)) return delayed(NARRATIVE_HOLD_MS, { text: NARRATIVE });
      if (req.body.tool_choice) return { toolInput: {} };
      return { text: decidedReplyIn(req) ?? '' };
    };
    tdb = await backend.open();
    svc = await startTestService(
      tdb,
      // The narrative call is allowed to take as long as the model holds it.
      { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: claude.url, MODEL_TURN_TIMEOUT_MS: '40000' },
      { clock: manualClock('2026-11-23T18:00:00Z'), workers: false },
    );
    await sellerBeforeDay14(svc.url, 'slow-a');

    // Day 14 falls due: the step asks the model for the CMA explanation, which hangs.
    let advanced = false;
    const day14 = advance(svc.url, 7).then((res) => {
      advanced = true;
      return res;
    });
    await eventually(
      () => claude.requests.some((q) => isNarrative(q.body)),
      30_000,
      'the day-14 step to ask for the CMA explanation',
    );

    const other = await say(svc.url, 'slow-b', 'Hi, I want to buy a home in Rancho Cucamonga');
    expect(other.replies.length).toBeGreaterThan(0);
    // Answered while the day-14 step still waits for the model.
    expect(advanced).toBe(false);

    // The model answers: the step goes on and the email carries its explanation.
    const res = await day14;
    expect(res.status).toBe(200);
    expect(res.body.ran.map((r: { step: string; status: string }) => [r.step, r.status])).toEqual([
      ['day14', 'sent'],
    ]);
    const emails = (await crmRecords(tdb, 'slow-a', 'message')).filter((m) => m.payload.type === 'Email');
    expect(emails).toHaveLength(1);
    expect(emails[0]!.payload.message).toContain(NARRATIVE);
  }, 120_000);
});
