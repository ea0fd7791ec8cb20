import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import {
  decidedReplyIn,
  type FakeAnthropic,
  type FakeAnthropicRequest,
  startFakeAnthropic,
} from '../support/fakes/anthropic-server.ts';
import { postJson, startTestService, type TestService } from '../support/service.ts';

const KEY = 'sk-ant-test-key-0002';
const SELLER =
  "Hi, I want to sell my house at 6842 Etiwanda Ave, Rancho Cucamonga. We're relocating to Austin for a new job";
const isExtraction = (req: FakeAnthropicRequest) => req.body.tool_choice !== undefined;
const promptText = (req: FakeAnthropicRequest) => JSON.stringify([req.body.system, req.body.messages]);

// A location with an agent of its own: the model is asked to write as that agent, and a wording
// that brings in the service's default agent is refused like any other invented name.
describe('the language model writes for the location’s own agent', () => {
  let tdb: TestDb;
  let svc: TestService;
  let claude: FakeAnthropic;

  beforeAll(async () => {
    claude = await startFakeAnthropic({ apiKey: KEY });
    tdb = await pgliteBackend.open();
    svc = await startTestService(
      tdb,
      {
        ANTHROPIC_API_KEY: KEY,
        ANTHROPIC_BASE_URL: claude.url,
        AGENT_NAME: 'Jorge',
        // The refusal must come from the check, not from a model call timing out on a loaded machine.
        MODEL_TURN_TIMEOUT_MS: '15000',
      },
      { workers: false },
    );
    const put = await fetch(`${svc.url}/api/v1/locations/sandbox/settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ agentName: 'Maria', market: 'Austin, TX' }),
    });
    expect(put.status).toBe(200);
  });
  afterAll(async () => {
    await svc?.stop();
    await tdb?.close();
    await claude?.close();
  });

  const say = async (contactId: string, message: string) => {
    const res = await postJson(`${svc.url}/api/v1/sandbox/messages`, {
      contactId,
      message,
      tags: ['Seller-Lead'],
    });
    expect(res.status).toBe(200);
    return (res.body as { replies: { body: string }[] }).replies.map((r) => r.body);
  };
  const replyRequests = () => claude.requests.filter((r) => r.path === '/v1/messages' && !isExtraction(r));

  it('the prompt names the location’s agent and market, never the default agent', async () => {
    claude.onRequest = (req) => ({ text: decidedReplyIn(req) ?? '' });
    await say('lp-prompt', SELLER);
    const req = replyRequests().at(-1);
    expect(req).toBeDefined();
    const text = promptText(req!);
    expect(text).toContain("in Maria's voice");
    expect(text).toContain('Austin, TX');
    expect(text).not.toMatch(/Jorge/);
  });

  it('a wording that names the default agent instead is refused: the decided reply goes out', async () => {
    claude.onRequest = (req) => ({ text: `${decidedReplyIn(req) ?? ''} After that, Jorge will call you.` });
    const [reply] = await say('lp-refused', SELLER);
    const decided = decidedReplyIn(replyRequests().at(-1)!);
    expect(reply).toBe(decided);
    expect(reply).not.toMatch(/Jorge/);
  });
});
