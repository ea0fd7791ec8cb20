import { afterEach, describe, expect, it } from 'vitest';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { decidedReplyIn, type FakeAnthropic, startFakeAnthropic } from '../support/fakes/anthropic-server.ts';
import { postJson, startTestService, type TestService } from '../support/service.ts';

const KEY = 'sk-ant-test-key-0002';
const SELLER = 'Hi, I want to sell my house at 6842 Etiwanda Ave, Rancho Cucamonga';

describe('Agent Mesh on the live path', () => {
  let tdb: TestDb;
  let svc: TestService;
  let claude: FakeAnthropic;
  afterEach(async () => {
    await svc?.stop();
    await tdb?.close();
    await claude?.close();
  });
  const start = async (env: Record<string, string>) => {
    claude = await startFakeAnthropic({ apiKey: KEY });
    // Echo the decided reply: always passes the checks.
    claude.onRequest = (req) => ({ text: decidedReplyIn(req) ?? '' });
    tdb = await pgliteBackend.open();
    svc = await startTestService(
      tdb,
      {
        ANTHROPIC_API_KEY: KEY,
        ANTHROPIC_BASE_URL: claude.url,
        ANTHROPIC_EXTRACTION_MODEL: 'claude-haiku-4-5',
        ANTHROPIC_REPLY_MODEL: 'claude-sonnet-4-6',
        FEATURE_AGENT_MESH: 'true',
        // Generous on a loaded machine; tests that need a timeout pass their own in env.
        MODEL_TURN_TIMEOUT_MS: '15000',
        ...env,
      },
      { workers: false },
    );
    const res = await postJson(`${svc.url}/api/v1/sandbox/messages`, {
      contactId: 'mesh-1',
      message: SELLER,
      tags: ['Seller-Lead'],
    });
    expect(res.status).toBe(200);
    return (res.body as { replies: { body: string }[] }).replies;
  };
  const models = () => claude.requests.map((r) => r.body.model);
  const mesh = async () => (await fetch(`${svc.url}/api/v1/mesh`)).json() as Promise<Record<string, any>>;

  it('cost_aware sends the reply to the cheap model', async () => {
    await start({ MESH_STRATEGY: 'cost_aware' });
    expect(models()).toEqual(['claude-haiku-4-5']);
    const snap = await mesh();
    expect(snap.strategy).toBe('cost_aware');
    expect(snap.agents.map((a: { name: string }) => a.name)).toEqual(['fast', 'strong', 'offline']);
    expect(snap.spendUsdLastHour).toBeGreaterThan(0);
  });

  it('performance sends the reply to the strong model', async () => {
    await start({ MESH_STRATEGY: 'performance' });
    expect(models()).toEqual(['claude-sonnet-4-6']);
  });

  it('past the hourly spend cap every task goes to the offline engine', async () => {
    const replies = await start({ MESH_HOURLY_SPEND_CAP_USD: '0' });
    expect(claude.requests).toHaveLength(0);
    expect(replies[0]!.body.length).toBeGreaterThan(10);
    expect((await mesh()).spendCapped).toBe(true);
    const metrics = await (await fetch(`${svc.url}/metrics`)).text();
    expect(metrics).toMatch(/jorge_model_calls_total\{task="reply",agent="offline",outcome="offline"\} 1/);
  });

  it('GET /api/v1/features lists the flags as parsed', async () => {
    await start({ MESH_STRATEGY: 'performance' });
    const features = (await (await fetch(`${svc.url}/api/v1/features`)).json()) as Record<string, any>;
    expect(features.languageModel.mode).toBe('anthropic');
    const meshFlag = features.features.find((f: { flag: string }) => f.flag === 'FEATURE_AGENT_MESH');
    expect(meshFlag).toMatchObject({ enabled: true, settings: { MESH_STRATEGY: 'performance' } });
    expect(await (await fetch(`${svc.url}/metrics`)).text()).toContain(
      'jorge_feature_enabled{flag="FEATURE_AGENT_MESH"} 1',
    );
  });
});
