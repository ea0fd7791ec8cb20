import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterEach, describe, expect, it } from 'vitest';
import { createAgentMesh } from '../../src/app/language-model/mesh/agent-mesh.ts';
import type { MeshSnapshot } from '../../src/app/language-model/mesh/mesh-types.ts';
import { installErrorHandling } from '../../src/http/errors.ts';
import { meshGetRoute } from '../../src/http/routes/mesh.get.ts';
import { haikuAgent, offlineAgent, sonnetAgent, standInModel } from './fake-models.ts';

async function buildApp(mesh: { snapshot(): MeshSnapshot } | null): Promise<FastifyInstance> {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  await meshGetRoute(app, { mesh });
  await app.ready();
  return app;
}

describe('GET /api/v1/mesh', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
  });

  it('shows the mesh and its agents', async () => {
    const haiku = standInModel('haiku-provider');
    haiku.setBreaker('open');
    const mesh = createAgentMesh({
      agents: [haikuAgent(haiku), sonnetAgent(standInModel('sonnet-provider')), offlineAgent()],
      strategy: 'cost_aware',
      maxAgents: 3,
      healthCheckIntervalMs: 30_000,
      hourlySpendCapUsd: 5,
      now: () => 1_700_000_000_000,
    });
    const r = mesh.route('reply')!;
    mesh.report(r, 'reply', { ok: true, latencyMs: 300, costUsd: 0.25 });
    app = await buildApp(mesh);

    const res = await app.inject({ method: 'GET', url: '/api/v1/mesh' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      strategy: 'cost_aware',
      maxAgents: 3,
      spendUsdLastHour: 0.25,
      hourlySpendCapUsd: 5,
      spendCapped: false,
      degraded: true,
    });
    expect(body.agents.map((a: { name: string }) => a.name)).toEqual(['haiku', 'sonnet', 'offline-engine']);
    expect(body.agents[0]).toMatchObject({
      healthy: false,
      breaker: 'open',
      unhealthyReason: 'breaker_open',
    });
    expect(body.agents[1]).toMatchObject({
      healthy: true,
      calls: 1,
      p95Ms: 300,
      modelId: 'claude-sonnet-4-5',
    });
    expect(body.agents[2]).toMatchObject({ tier: 'offline', breaker: null });
  });

  it('answers 404 naming FEATURE_AGENT_MESH when the mesh is off', async () => {
    app = await buildApp(null);
    const res = await app.inject({ method: 'GET', url: '/api/v1/mesh' });
    expect(res.statusCode).toBe(404);
    const body = res.json();
    expect(body.error.code).toBe('feature_disabled');
    expect(body.error.message).toContain('FEATURE_AGENT_MESH');
    expect(body.error.requestId).toEqual(expect.any(String));
  });
});
