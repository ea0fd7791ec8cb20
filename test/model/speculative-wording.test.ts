import { afterEach, describe, expect, it } from 'vitest';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import {
  decidedReplyIn,
  delayed,
  type FakeAnthropic,
  type FakeAnthropicRequest,
  type FakeAnthropicStep,
  lastUserText,
  startFakeAnthropic,
} from '../support/fakes/anthropic-server.ts';
import { postJson, startTestService, type TestService } from '../support/service.ts';

// When the rules are unsure about a message, the turn asks the model for a reading. Meanwhile the
// bot decides without it and the model words that reply, so a lead waits for one model call, not
// two in a row; when the reading changes the reply, the changed reply is worded and sent instead.

const KEY = 'sk-ant-test-key-0003';
const READING_MS = 1_500;
const isExtraction = (req: FakeAnthropicRequest) => req.body.tool_choice !== undefined;
const messageOf = (req: FakeAnthropicRequest) =>
  /<lead_message>\n([\s\S]*?)\n<\/lead_message>/.exec(lastUserText(req.body))?.[1] ?? '';

describe('the reply is worded while the model reads the message (fake Anthropic API)', () => {
  let tdb: TestDb;
  let svc: TestService;
  let claude: FakeAnthropic;
  const arrivals: { kind: 'reading' | 'wording'; message: string; decided: string; at: number }[] = [];
  afterEach(async () => {
    await svc?.stop();
    await tdb?.close();
    await claude?.close();
    arrivals.length = 0;
  });

  const start = async (reading: Record<string, Record<string, unknown>>) => {
    claude = await startFakeAnthropic({ apiKey: KEY });
    claude.onRequest = (req): FakeAnthropicStep => {
      const extraction = isExtraction(req);
      arrivals.push({
        kind: extraction ? 'reading' : 'wording',
        message: messageOf(req),
        decided: extraction ? '' : (decidedReplyIn(req) ?? ''),
        at: Date.now(),
      });
      return extraction
        ? delayed(READING_MS, { toolInput: reading[messageOf(req)] ?? { acts: [], slots: {} } })
        : { text: `${decidedReplyIn(req) ?? ''} (worded)` };
    };
    tdb = await pgliteBackend.open();
    svc = await startTestService(
      tdb,
      { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: claude.url, MODEL_TURN_TIMEOUT_MS: '15000' },
      { workers: false },
    );
  };
  const say = async (contactId: string, message: string, tags: string[] = []) => {
    const res = await postJson(`${svc.url}/api/v1/sandbox/messages`, { contactId, message, tags });
    expect(res.status).toBe(200);
    return (res.body as { replies: { body: string }[] }).replies.map((r) => r.body);
  };

  it('asks for the wording before the reading has come back, and sends it when the reading changes nothing', async () => {
    const text = 'hmm maybe, depends';
    await start({ [text]: { acts: [], slots: {} } });
    const [reply] = await say('c-spec-same', text);
    const reading = arrivals.find((a) => a.kind === 'reading' && a.message === text);
    const wordings = arrivals.filter((a) => a.kind === 'wording' && a.message === text);
    expect(reading).toBeDefined();
    expect(wordings).toHaveLength(1);
    // The wording was asked for while the reading was still being made.
    expect(wordings[0]!.at - reading!.at).toBeLessThan(READING_MS);
    expect(reply).toBe(`${wordings[0]!.decided} (worded)`);
  });

  it('words and sends the changed reply when the reading changes the decision', async () => {
    // The seller question about motivation is open; the rules cannot place this answer, the model can.
    const text = 'the mortgage payments have become a real stretch for us';
    await start({ [text]: { acts: [{ act: 'answer' }], slots: { motivation: 'financial' } } });
    await say('c-spec-changed', 'Hi, I might want to sell my house at 6842 Etiwanda Ave', ['Seller-Lead']);
    const [reply] = await say('c-spec-changed', text);
    const wordings = arrivals.filter((a) => a.kind === 'wording' && a.message === text);
    expect(wordings).toHaveLength(2);
    expect(wordings[1]!.decided).not.toBe(wordings[0]!.decided);
    // The lead gets the wording of the decision made with the model's reading.
    expect(reply).toBe(`${wordings[1]!.decided} (worded)`);
  });
});
