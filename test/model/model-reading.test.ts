import { afterEach, describe, expect, it } from 'vitest';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import {
  decidedReplyIn,
  type FakeAnthropic,
  type FakeAnthropicRequest,
  type FakeAnthropicStep,
  lastUserText,
  startFakeAnthropic,
} from '../support/fakes/anthropic-server.ts';
import { postJson, startTestService, type TestService } from '../support/service.ts';

// With the model on, the model reads a message the rules were unsure about into acts and slots;
// the turn keeps only what the message backs, never a keyword, and a knowledge-base answer goes
// out reworded only when the wording adds no fact.

const KEY = 'sk-ant-test-key-0002';
const OPENER =
  "Hi, I'd like to sell our place at 6842 Etiwanda Ave in Rancho Cucamonga, my job is moving us to Denver";

const isExtraction = (req: FakeAnthropicRequest) => req.body.tool_choice !== undefined;
const messageOf = (req: FakeAnthropicRequest) =>
  /<lead_message>\n([\s\S]*?)\n<\/lead_message>/.exec(lastUserText(req.body))?.[1] ?? '';

interface ContactView {
  tags: string[];
  fields: Record<string, unknown>;
  optedOut: boolean;
}

describe('the model reads messages into acts and slots, cross-checked (fake Anthropic API)', () => {
  let tdb: TestDb;
  let svc: TestService;
  let claude: FakeAnthropic;
  afterEach(async () => {
    await svc?.stop();
    await tdb?.close();
    await claude?.close();
  });

  /**
   * The service with the model on. `reading` answers the extraction of one lead message (by its
   * text); `wording` the reply task (default: the decided reply unchanged).
   */
  const start = async (
    reading: Record<string, Record<string, unknown>>,
    wording: (decided: string) => string = (d) => d,
  ) => {
    claude = await startFakeAnthropic({ apiKey: KEY });
    claude.onRequest = (req): FakeAnthropicStep =>
      isExtraction(req)
        ? { toolInput: reading[messageOf(req)] ?? { acts: [], slots: {} } }
        : { text: wording(decidedReplyIn(req) ?? '') };
    tdb = await pgliteBackend.open();
    svc = await startTestService(
      tdb,
      { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: claude.url, MODEL_TURN_TIMEOUT_MS: '15000' },
      { workers: false },
    );
  };
  const say = async (contactId: string, message: string, tags = ['Seller-Lead']) => {
    const res = await postJson(`${svc.url}/api/v1/sandbox/messages`, { contactId, message, tags });
    expect(res.status).toBe(200);
    return (res.body as { replies: { body: string }[] }).replies.map((r) => r.body);
  };
  const contact = async (id: string) =>
    (await (await fetch(`${svc.url}/api/v1/contacts/${id}?locationId=sandbox`)).json()) as ContactView;
  const extractionsOf = (text: string) =>
    claude.requests.filter((r) => isExtraction(r) && messageOf(r) === text);
  const metricsText = async () => (await fetch(`${svc.url}/metrics`)).text();

  it('keeps a figure the rules could not place when the lead wrote it ("six-fifty-ish")', async () => {
    // A first message with a figure and no side: the rules cannot tell a price from a budget.
    const text = "we're thinking six-fifty-ish";
    await start({ [text]: { acts: [{ act: 'answer' }], slots: { price: 650_000 } } });
    await say('c-price', text, []);
    expect(extractionsOf(text)).toHaveLength(1);
    await say('c-price', 'selling, we need to be out by march', []);
    expect((await contact('c-price')).fields.price_expectation).toBe(650_000);
  });

  it('drops a price the message does not state', async () => {
    const text = 'we put a lot of love into this place';
    await start({ [text]: { acts: [{ act: 'answer' }], slots: { price: 700_000, timeline_months: 3 } } });
    await say('c-invented', OPENER);
    const [reply] = await say('c-invented', text);
    expect(extractionsOf(text)).toHaveLength(1);
    const { fields } = await contact('c-invented');
    expect(fields.price_expectation).toBeUndefined();
    // No timeline either: the bot still asks for it.
    expect(reply).toMatch(/30 to 45 days|when/i);
  });

  it('never opts a lead out on the model’s word: "stop by the house" read as STOP is ignored', async () => {
    const text = 'feel free to stop by the house and take a look';
    await start({ [text]: { acts: [{ act: 'keyword', kind: 'STOP' }], slots: {} } });
    await say('c-stop', OPENER);
    await say('c-stop', 'within 2 months would be ideal');
    const [reply] = await say('c-stop', text);
    expect(extractionsOf(text)).toHaveLength(1);
    expect(reply).toBeDefined();
    expect(reply).not.toMatch(/unsubscribed|opted out|no more messages/i);
    const after = await contact('c-stop');
    expect(after.optedOut).toBe(false);
    expect(after.tags.map((t) => t.toLowerCase())).not.toContain('tcpa-opt-out');
    // The lead still hears from the bot.
    expect(await say('c-stop', "it's in good shape, new roof last year")).toHaveLength(1);
    expect(await metricsText()).toMatch(
      /jorge_model_calls_total\{task="extraction",agent="\w+",outcome="rejected"\} 1/,
    );
  });

  it('sends the decided knowledge-base answer when the model’s wording adds a figure', async () => {
    const question = 'what do closing costs usually run on a 650k sale?';
    let wording = (d: string) => d;
    const decided: string[] = [];
    await start({}, (d) => {
      decided.push(d);
      return wording(d);
    });
    const ask = async (contactId: string, reword: (d: string) => string) => {
      await say(contactId, OPENER);
      wording = reword;
      const [reply] = await say(contactId, question);
      wording = (d) => d;
      return { reply, decided: decided.at(-1) ?? '' };
    };

    const invented = await ask('c-kb-1', (d) => `${d} On a 650k sale that is often around 2%.`);
    expect(invented.decided).toMatch(/closing costs/i);
    expect(invented.reply).toBe(invented.decided);

    // Even the lead's own figure may not be added to an answer from the knowledge base.
    const echoed = await ask('c-kb-2', (d) => d.replace(/^Closing costs/, 'On a 650k sale, closing costs'));
    expect(echoed.decided).toMatch(/^Closing costs/);
    expect(echoed.reply).toBe(echoed.decided);

    // A faithful rewording goes out.
    const faithful = await ask('c-kb-3', (d) => d.replace(/\.(\s|$)/, '!$1'));
    expect(faithful.reply).toBe(faithful.decided.replace(/\.(\s|$)/, '!$1'));
    expect(faithful.reply).not.toBe(faithful.decided);
    expect(await metricsText()).toMatch(
      /jorge_model_calls_total\{task="reply",agent="\w+",outcome="rejected"\} 2/,
    );
  });
});
