import { afterEach, describe, expect, it } from 'vitest';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import {
  decidedReplyIn,
  type FakeAnthropic,
  type FakeAnthropicRequest,
  lastUserText,
  startFakeAnthropic,
} from '../support/fakes/anthropic-server.ts';
import { startTestService, type TestService } from '../support/service.ts';
import { advance, contact, crmRecords, manualClock, sellerBeforeDay14 } from '../follow-ups/helpers.ts';

const KEY = 'sk-ant-test-key-0003';
const lastUser = (req: FakeAnthropicRequest) => lastUserText(req.body);
const decided = (req: FakeAnthropicRequest) => decidedReplyIn(req) ?? '';
/** The range as the narrative prompt states it. */
const rangeIn = (req: FakeAnthropicRequest) => /Value range: (\$[\d,]+) to (\$[\d,]+)/.exec(lastUser(req));

describe('the day-14 CMA email with a model-written explanation (cma_narrative)', () => {
  let tdb: TestDb;
  let svc: TestService;
  let claude: FakeAnthropic;
  afterEach(async () => {
    await svc?.stop();
    await tdb?.close();
    await claude?.close();
  });

  const run = async (narrative: (req: FakeAnthropicRequest) => string) => {
    claude = await startFakeAnthropic({ apiKey: KEY });
    claude.onRequest = (req) => {
      if (lastUser(req).startsWith('Task: CMA narrative')) return { text: narrative(req) };
      if (req.body.tool_choice) return { toolInput: {} };
      return { text: decided(req) };
    };
    tdb = await pgliteBackend.open();
    svc = await startTestService(
      tdb,
      // The reply's model call must finish even on a loaded machine: this test is about the CMA email.
      { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: claude.url, MODEL_TURN_TIMEOUT_MS: '15000' },
      { clock: manualClock('2026-11-23T18:00:00Z'), workers: false },
    );
    await sellerBeforeDay14(svc.url, 'narr');
    expect((await advance(svc.url, 7)).body.ran.map((r: { step: string }) => r.step)).toEqual(['day14']);
    const emails = (await crmRecords(tdb, 'narr', 'message')).filter((m) => m.payload.type === 'Email');
    expect(emails).toHaveLength(1);
    return emails[0]!.payload as { message: string; html: string };
  };

  it('adds the explanation when it only repeats the analysis’ own figures', async () => {
    let sentence = '';
    const email = await run((req) => {
      const range = rangeIn(req)!;
      sentence = `Recent sales of similar homes nearby put your home between ${range[1]} and ${range[2]}. The pricing conversation starts from there.`;
      return sentence;
    });
    expect(sentence).not.toBe('');
    expect(email.message).toContain(sentence);
    expect(email.html).toContain('The pricing conversation starts from there.');
    const usage = (await contact(svc.url, 'narr')).modelUsage;
    expect(usage.used).toBeGreaterThanOrEqual(2);
  });

  it('leaves it out when the model invents a figure, and the email still goes out', async () => {
    const email = await run(() => 'Homes here rose 12% last year, so $1,200,000 is within reach.');
    expect(email.message).not.toContain('12%');
    expect(email.message).not.toContain('1,200,000');
    expect(email.message).toContain('6842 Etiwanda Ave');
    const metrics = await (await fetch(`${svc.url}/metrics`)).text();
    expect(metrics).toMatch(
      /jorge_model_calls_total\{task="cma_narrative",agent="\w+",outcome="rejected"\} 1/,
    );
  });
});
