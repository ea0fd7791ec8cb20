import { afterEach, describe, expect, it } from 'vitest';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import {
  decidedReplyIn,
  delayed,
  type FakeAnthropic,
  type FakeAnthropicRequest,
  type FakeAnthropicStep,
  startFakeAnthropic,
} from '../support/fakes/anthropic-server.ts';
import { postJson, startTestService, type TestService } from '../support/service.ts';

const KEY = 'sk-ant-test-key-0001';
const SELLER =
  "Hi, I want to sell my house at 6842 Etiwanda Ave, Rancho Cucamonga. We're relocating to Austin for a new job";

const decidedIn = decidedReplyIn;
const isExtraction = (req: FakeAnthropicRequest) => req.body.tool_choice !== undefined;
/** A faithful rewording: same facts, same question, one period made an exclamation mark. */
const reword = (text: string) => text.replace(/\.(\s|$)/, '!$1');

describe('Claude on the live path (fake Anthropic API)', () => {
  let tdb: TestDb;
  let svc: TestService;
  let claude: FakeAnthropic;
  afterEach(async () => {
    await svc?.stop();
    await tdb?.close();
    await claude?.close();
  });

  const start = async (env: Record<string, string> = {}) => {
    claude = await startFakeAnthropic({ apiKey: KEY });
    tdb = await pgliteBackend.open();
    svc = await startTestService(
      tdb,
      { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: claude.url, ...env },
      { workers: false },
    );
  };
  const say = async (contactId: string, message: string, tags = ['Seller-Lead']) => {
    const res = await postJson(`${svc.url}/api/v1/sandbox/messages`, { contactId, message, tags });
    expect(res.status).toBe(200);
    return (res.body as { replies: { body: string }[] }).replies.map((r) => r.body);
  };
  const replyRequests = () => claude.requests.filter((r) => r.path === '/v1/messages' && !isExtraction(r));
  const metricsText = async () => (await fetch(`${svc.url}/metrics`)).text();

  it('words the decided reply through the SDK, with the key, the API version and a cached system prompt', async () => {
    // A wide turn budget: on a busy machine the default one can run out and the offline text goes.
    await start({ MODEL_TURN_TIMEOUT_MS: '15000' });
    claude.onRequest = (req) => ({ text: reword(decidedIn(req) ?? '') });
    const [reply] = await say('c-used', SELLER);
    const req = replyRequests().at(-1)!;
    const decided = decidedIn(req)!;
    expect(decided).toMatch(/\./);
    expect(reply).toBe(reword(decided));
    expect(reply).not.toBe(decided);
    expect(req.headers.authorization ?? req.headers['x-api-key']).toContain(KEY);
    expect(req.headers['anthropic-version']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const system = req.body.system as { cache_control?: unknown }[];
    expect(system.some((b) => b.cache_control !== undefined)).toBe(true);

    const contact = (await (await fetch(`${svc.url}/api/v1/contacts/c-used?locationId=sandbox`)).json()) as {
      modelUsage: { used: number; inputTokens: number; outputTokens: number; costUsd: number };
    };
    expect(contact.modelUsage.used).toBeGreaterThanOrEqual(1);
    expect(contact.modelUsage.inputTokens).toBeGreaterThan(100);
    expect(contact.modelUsage.costUsd).toBeGreaterThan(0);
    expect(await metricsText()).toMatch(
      /jorge_model_calls_total\{task="reply",agent="\w+",outcome="used"\} 1/,
    );
  });

  const broken: [string, (decided: string) => string][] = [
    ['too long', (d) => `${d} ${'We can talk about every detail of the sale whenever you like. '.repeat(6)}`],
    ['a URL', (d) => `${d} See https://example.com/listing for more.`],
    [
      'an AI mention',
      () => 'As an AI language model, I would love to help you sell your home. When works for you?',
    ],
    ['an invented price', (d) => `${d.replace(/\?$/, '')}, and homes like yours sell for $1,450,000?`],
    ['two questions', () => 'Why are you selling? And when do you want to move?'],
  ];
  for (const [what, breakIt] of broken) {
    it(`never lets a model reply with ${what} reach the lead: the offline reply goes out`, async () => {
      await start();
      claude.onRequest = (req) => ({ text: breakIt(decidedIn(req) ?? '') });
      const [reply] = await say('c-bad', SELLER);
      const decided = decidedIn(replyRequests().at(-1)!)!;
      expect(reply).toBe(decided);
      expect(await metricsText()).toMatch(
        /jorge_model_calls_total\{task="reply",agent="\w+",outcome="rejected"\} 1/,
      );
    });
  }

  const failures: [string, FakeAnthropicStep, string][] = [
    ['500', { status: 500 }, '(error|timeout)'],
    ['529 overloaded', { status: 529 }, '(error|timeout)'],
    ['a timeout', delayed(5_000, { text: 'Too late.' }), 'timeout'],
  ];
  for (const [what, step, outcome] of failures) {
    it(`answers offline when Claude fails with ${what}, and the lead sees no error`, async () => {
      await start({ MODEL_TURN_TIMEOUT_MS: '800' });
      let decided: string | null = null;
      claude.onRequest = (req) => {
        decided = decidedIn(req) ?? decided;
        return step;
      };
      const started = Date.now();
      const [reply] = await say('c-fail', SELLER);
      expect(Date.now() - started).toBeLessThan(4_000);
      expect(decided).not.toBeNull();
      expect(reply).toBe(decided);
      expect(await metricsText()).toMatch(
        new RegExp(`jorge_model_calls_total\\{task="reply",agent="\\w+",outcome="${outcome}"\\} 1`),
      );
    });
  }

  it('reads a message the rules are unsure about into acts and slots, and the bot uses the slot', async () => {
    await start();
    claude.onRequest = (req) =>
      isExtraction(req)
        ? { toolInput: { acts: [{ act: 'answer' }], slots: { motivation: 'financial' } } }
        : { text: decidedIn(req) ?? '' };
    await say('c-extract', 'Hi, I might want to sell my house at 6842 Etiwanda Ave');
    const before = claude.requests.filter(isExtraction).length;
    await say('c-extract', 'the mortgage payments have become a real stretch for us');
    const extraction = claude.requests.filter(isExtraction);
    expect(extraction.length).toBe(before + 1);
    const last = extraction.at(-1)!;
    expect((last.body.tool_choice as { name: string }).name).toBe('record_reading');
    const contact = (await (
      await fetch(`${svc.url}/api/v1/contacts/c-extract?locationId=sandbox`)
    ).json()) as {
      fields: Record<string, unknown>;
    };
    expect(String(contact.fields.seller_motivation)).toContain('financial');
  });

  it('does not call the model at all without ANTHROPIC_API_KEY', async () => {
    claude = await startFakeAnthropic({ apiKey: KEY });
    tdb = await pgliteBackend.open();
    svc = await startTestService(tdb, { ANTHROPIC_BASE_URL: claude.url }, { workers: false });
    const [reply] = await say('c-off', SELLER);
    expect(reply!.length).toBeGreaterThan(10);
    expect(claude.requests).toHaveLength(0);
  });

  it('with MODEL_COMPLIANCE_AUDIT a wording the audit flags never goes out; a clean one does', async () => {
    await start({ MODEL_COMPLIANCE_AUDIT: 'true' });
    const audits: string[] = [];
    let verdict: Record<string, unknown> = { compliant: false, rule: 'fair_housing', reason: 'steering' };
    claude.onRequest = (req) => {
      const tool = (req.body.tool_choice as { name?: string } | undefined)?.name;
      if (tool === 'record_audit') {
        audits.push(String((req.body.messages as { content: string }[]).at(-1)?.content));
        return { toolInput: verdict };
      }
      return { text: reword(decidedIn(req) ?? '') };
    };
    const [flagged] = await say('c-audit-1', SELLER);
    const decided = decidedIn(replyRequests().find((r) => decidedIn(r) !== null)!)!;
    expect(audits).toHaveLength(1);
    expect(audits[0]).toContain(`<draft>\n${reword(decided)}\n</draft>`);
    expect(flagged).toBe(decided);

    verdict = { compliant: true };
    const [clean] = await say('c-audit-2', SELLER);
    expect(audits).toHaveLength(2);
    expect(clean).toBe(reword(decided));
    const metrics = await metricsText();
    expect(metrics).toMatch(
      /jorge_model_calls_total\{task="compliance_audit",agent="\w+",outcome="used"\} 2/,
    );
    expect(metrics).toMatch(/jorge_model_calls_total\{task="reply",agent="\w+",outcome="rejected"\} 1/);
  });

  it('a buyer reply that presents matching homes is routed as a match explanation', async () => {
    await start();
    claude.onRequest = (req) => (isExtraction(req) ? { toolInput: {} } : { text: decidedIn(req) ?? '' });
    await say('c-match', 'Hi, I want to buy a 4 bedroom house in Etiwanda, budget up to $900k', [
      'Buyer-Lead',
    ]);
    await say('c-match', 'We are pre-approved with our bank and want to move in 2 months', ['Buyer-Lead']);
    const metrics = await metricsText();
    expect(metrics).toMatch(
      /jorge_model_calls_total\{task="match_explanation",agent="\w+",outcome="used"\} [1-9]/,
    );
  });

  it('never rewords a legal answer: opt-out confirmations, the HELP answer and the honest AI disclosure go out as written', async () => {
    await start();
    claude.onRequest = (req) =>
      isExtraction(req) ? { toolInput: {} } : { text: 'Totally a real person here, talk soon!' };
    await say('c-legal', SELLER);
    const before = replyRequests().length;
    const [disclosure] = await say('c-legal', 'are you a bot?');
    expect(replyRequests()).toHaveLength(before);
    expect(disclosure).not.toContain('real person');
    expect(disclosure).toMatch(/automated|assistant|AI/i);
    const [help] = await say('c-legal', 'HELP');
    expect(replyRequests()).toHaveLength(before);
    expect(help).toMatch(/STOP/);
    const [stop] = await say('c-legal', 'STOP');
    expect(replyRequests()).toHaveLength(before);
    expect(stop).not.toContain('real person');
    // Opted out: the next message reaches neither the lead nor the model.
    const requestsAfterStop = claude.requests.length;
    expect(await say('c-legal', 'what is my house worth though, it is a big one')).toEqual([]);
    expect(claude.requests).toHaveLength(requestsAfterStop);
  });
});
