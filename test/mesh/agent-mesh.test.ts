import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createAgentMesh, type AgentMeshOptions } from '../../src/app/language-model/mesh/agent-mesh.ts';
import { createMeshMetrics } from '../../src/app/language-model/mesh/mesh-metrics.ts';
import type { ModelRoute } from '../../src/app/language-model/mesh/model-router.ts';
import type { ModelTask } from '../../src/ports.ts';
import { haikuAgent, offlineAgent, sonnetAgent, standInModel } from './fake-models.ts';

const MIN = 60_000;

function setup(over: Partial<AgentMeshOptions> = {}) {
  const clock = { t: 1_700_000_000_000 };
  const haiku = standInModel('haiku-provider');
  const sonnet = standInModel('sonnet-provider');
  const logs: { obj: Record<string, unknown>; msg: string }[] = [];
  const registry = new Registry();
  const mesh = createAgentMesh({
    agents: [haikuAgent(haiku), sonnetAgent(sonnet), offlineAgent()],
    strategy: 'cost_aware',
    maxAgents: 3,
    healthCheckIntervalMs: 30_000,
    hourlySpendCapUsd: 5,
    now: () => clock.t,
    metrics: createMeshMetrics(registry),
    logger: { info: (obj, msg) => logs.push({ obj, msg }) },
    ...over,
  });
  /** Routes one task and reports its outcome straight away. */
  const call = (task: ModelTask, ok = true, latencyMs = 100, costUsd = 0.001): ModelRoute | null => {
    const r = mesh.route(task);
    if (r) mesh.report(r, task, { ok, latencyMs, costUsd });
    return r;
  };
  return { clock, haiku, sonnet, mesh, logs, registry, call };
}

describe('Agent Mesh routing', () => {
  it('cost_aware sends a task to the cheapest agent that handles it', () => {
    const { mesh } = setup();
    const r = mesh.route('extraction');
    expect(r?.agent).toBe('haiku');
    expect(r?.modelId).toBe('claude-haiku-4-5');
  });

  it('skips an agent that does not handle the task', () => {
    const { mesh } = setup({
      agents: [haikuAgent(standInModel('h'), { tasks: ['extraction'] }), sonnetAgent(standInModel('s'))],
    });
    expect(mesh.route('extraction')?.agent).toBe('haiku');
    expect(mesh.route('reply')?.agent).toBe('sonnet');
  });

  it('performance sends a task to the highest-quality agent', () => {
    const { mesh } = setup({ strategy: 'performance' });
    const r = mesh.route('reply');
    expect(r?.agent).toBe('sonnet');
    expect(r?.modelId).toBe('claude-sonnet-4-5');
  });

  it('performance prefers the faster of two equally good agents', () => {
    const a = standInModel('a');
    const b = standInModel('b');
    const { mesh } = setup({
      strategy: 'performance',
      agents: [sonnetAgent(a, { name: 'slow' }), sonnetAgent(b, { name: 'fast' })],
    });
    for (let i = 0; i < 5; i++) {
      const slow = mesh.route('reply')!;
      mesh.report(slow, 'reply', { ok: true, latencyMs: slow.agent === 'slow' ? 3_000 : 400 });
    }
    expect(mesh.route('reply')?.agent).toBe('fast');
  });

  it('skips an agent whose breaker is open and takes it back once the breaker closes', () => {
    const { mesh, haiku } = setup();
    haiku.setBreaker('open');
    expect(mesh.route('extraction')?.agent).toBe('sonnet');
    mesh.checkHealth();
    expect(mesh.snapshot().agents[0]).toMatchObject({
      name: 'haiku',
      healthy: false,
      breaker: 'open',
      unhealthyReason: 'breaker_open',
    });
    haiku.setBreaker('closed');
    mesh.checkHealth();
    expect(mesh.route('extraction')?.agent).toBe('haiku');
    expect(mesh.snapshot().agents[0]).toMatchObject({ healthy: true, breaker: 'closed' });
  });

  it('lets a task through to a half-open breaker (its trial call)', () => {
    const { mesh, haiku } = setup();
    haiku.setBreaker('half_open');
    mesh.checkHealth();
    expect(mesh.route('extraction')?.agent).toBe('haiku');
  });

  it('keeps an agent failing fewer than half its calls in rotation', () => {
    const { mesh, call } = setup();
    // 2 failures in 5 calls: still in rotation.
    for (const ok of [true, false, true, false, true]) expect(call('extraction', ok)?.agent).toBe('haiku');
    expect(mesh.route('extraction')?.agent).toBe('haiku');
  });

  it('takes an agent out of rotation at a 50% error rate, and back after the errors age out', () => {
    const { mesh, call, clock, logs } = setup();
    for (const ok of [true, false, true, false, true, false])
      expect(call('extraction', ok)?.agent).toBe('haiku');
    expect(mesh.route('extraction')?.agent).toBe('sonnet');
    expect(mesh.snapshot().agents[0]).toMatchObject({
      healthy: false,
      unhealthyReason: 'error_rate',
      calls: 6,
      errorRate: 0.5,
    });
    expect(logs.some((l) => l.msg === 'mesh agent out of rotation' && l.obj['agent'] === 'haiku')).toBe(true);

    clock.t += 4 * MIN;
    mesh.checkHealth();
    expect(mesh.route('extraction')?.agent).toBe('sonnet');
    clock.t += 2 * MIN;
    mesh.checkHealth();
    expect(mesh.route('extraction')?.agent).toBe('haiku');
  });

  it('takes an agent whose p95 latency is past the limit out of rotation', () => {
    const { mesh, call } = setup({ health: { maxP95Ms: 2_000 } });
    for (let i = 0; i < 5; i++) call('extraction', true, 2_500);
    expect(mesh.route('extraction')?.agent).toBe('sonnet');
    expect(mesh.snapshot().agents[0]).toMatchObject({ unhealthyReason: 'latency', p95Ms: 2_500 });
  });

  it('answers offline when every agent for the task is out of rotation', () => {
    const { mesh, haiku, sonnet } = setup();
    haiku.setBreaker('open');
    sonnet.setBreaker('open');
    expect(mesh.route('reply')).toBeNull();
    expect(mesh.snapshot().degraded).toBe(true);
  });

  it('alternates between two equal agents', () => {
    const { mesh } = setup({
      agents: [haikuAgent(standInModel('a'), { name: 'a' }), haikuAgent(standInModel('b'), { name: 'b' })],
    });
    const picked: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = mesh.route('reply')!;
      picked.push(r.agent);
      mesh.report(r, 'reply', { ok: true, latencyMs: 100 });
    }
    expect(picked).toEqual(['a', 'b', 'a', 'b']);
  });

  it('sends the next task to the equal agent with fewer calls in flight', () => {
    const { mesh } = setup({
      agents: [haikuAgent(standInModel('a'), { name: 'a' }), haikuAgent(standInModel('b'), { name: 'b' })],
    });
    const first = mesh.route('reply')!;
    const second = mesh.route('reply')!;
    expect([first.agent, second.agent]).toEqual(['a', 'b']);
    mesh.report(second, 'reply', { ok: true, latencyMs: 100 });
    // a is still busy, so b takes the next one even though it answered last.
    expect(mesh.route('reply')?.agent).toBe('b');
    expect(mesh.snapshot().agents.map((a) => a.inFlight)).toEqual([1, 1]);
  });

  it('stops giving an agent tasks at its concurrency limit', () => {
    const { mesh } = setup({
      agents: [haikuAgent(standInModel('h'), { maxConcurrent: 1 }), sonnetAgent(standInModel('s'))],
    });
    expect(mesh.route('reply')?.agent).toBe('haiku');
    expect(mesh.route('reply')?.agent).toBe('sonnet');
  });

  it('uses only the first maxAgents agents', () => {
    const cheapest = haikuAgent(standInModel('c'), {
      name: 'cheapest',
      costPerMTokIn: 0.1,
      costPerMTokOut: 0.5,
    });
    const { mesh } = setup({
      maxAgents: 2,
      agents: [haikuAgent(standInModel('h')), sonnetAgent(standInModel('s')), cheapest],
    });
    for (let i = 0; i < 3; i++) expect(mesh.route('reply')?.agent).toBe('haiku');
    expect(mesh.snapshot().agents.map((a) => [a.name, a.active])).toEqual([
      ['haiku', true],
      ['sonnet', true],
      ['cheapest', false],
    ]);
  });

  it('answers offline once the hourly spend cap is reached, until that spend is an hour old', async () => {
    const { mesh, clock, registry } = setup({ hourlySpendCapUsd: 1 });
    const first = mesh.route('reply')!;
    mesh.report(first, 'reply', { ok: true, latencyMs: 100, costUsd: 0.6 });
    clock.t += 10 * MIN;
    const second = mesh.route('reply')!;
    expect(second.agent).toBe('haiku');
    // No costUsd: the cost comes from the usage at haiku's prices ($1 per million input tokens).
    mesh.report(second, 'reply', {
      ok: true,
      latencyMs: 100,
      usage: { inputTokens: 400_000, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 },
    });
    expect(mesh.route('reply')).toBeNull();
    expect(mesh.route('extraction')).toBeNull();
    expect(mesh.snapshot()).toMatchObject({ spendUsdLastHour: 1, spendCapped: true, degraded: true });

    clock.t += 50 * MIN - 1;
    expect(mesh.route('reply')).toBeNull();
    clock.t += 1;
    expect(mesh.route('reply')?.agent).toBe('haiku');
    expect(mesh.snapshot()).toMatchObject({ spendUsdLastHour: 0.4, spendCapped: false });
    const text = await registry.metrics();
    expect(text).toContain(
      'jorge_mesh_routes_total{task="reply",agent="offline-engine",reason="spend_cap"} 2',
    );
    expect(text).toContain('jorge_mesh_spend_usd_hour 0.4');
  });

  it('logs each decision with task, agent, strategy and reason only', () => {
    const { mesh, logs } = setup();
    mesh.route('compliance_audit');
    const entry = logs.find((l) => l.msg === 'mesh route');
    expect(entry?.obj).toEqual({
      task: 'compliance_audit',
      agent: 'haiku',
      strategy: 'cost_aware',
      reason: 'cheapest',
    });
  });

  it('rejects two agents with the same name', () => {
    const m = standInModel('x');
    expect(() => setup({ agents: [haikuAgent(m), haikuAgent(m)] })).toThrow(/two agents are named haiku/);
  });
});

describe('Agent Mesh snapshot', () => {
  it('shows strategy, spend, and each agent with its health, load and recent calls', () => {
    const { mesh, call, sonnet } = setup({ strategy: 'performance', maxAgents: 2 });
    call('reply', true, 200, 0.01);
    call('reply', false, 1_000, 0.02);
    mesh.route('reply');
    sonnet.setBreaker('half_open');
    const snap = mesh.snapshot();
    expect(snap).toMatchObject({
      strategy: 'performance',
      maxAgents: 2,
      spendUsdLastHour: 0.03,
      hourlySpendCapUsd: 5,
      spendCapped: false,
      degraded: false,
    });
    expect(snap.agents).toHaveLength(3);
    expect(snap.agents[1]).toEqual({
      name: 'sonnet',
      tier: 'strong',
      modelId: 'claude-sonnet-4-5',
      active: true,
      healthy: true,
      unhealthyReason: null,
      breaker: 'half_open',
      qualityRank: 2,
      costPerMTokIn: 3,
      costPerMTokOut: 15,
      calls: 2,
      errorRate: 0.5,
      p95Ms: 1_000,
      inFlight: 1,
      tasks: ['extraction', 'reply', 'compliance_audit', 'cma_narrative', 'match_explanation'],
    });
    expect(snap.agents[0]).toMatchObject({ name: 'haiku', calls: 0, inFlight: 0, breaker: 'closed' });
    expect(snap.agents[2]).toMatchObject({ name: 'offline-engine', active: false, breaker: null });
  });
});
