import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { MeshSnapshot } from '../../app/language-model/mesh/mesh-types.ts';
import { ApiError, errorBodySchema } from '../errors.ts';

const task = z.enum(['extraction', 'reply', 'compliance_audit', 'cma_narrative', 'match_explanation']);

const meshAgentSchema = z.object({
  name: z.string(),
  tier: z.enum(['fast', 'strong', 'offline']),
  modelId: z.string(),
  active: z.boolean(),
  healthy: z.boolean(),
  unhealthyReason: z.enum(['breaker_open', 'error_rate', 'latency']).nullable(),
  breaker: z.enum(['closed', 'open', 'half_open']).nullable(),
  qualityRank: z.number(),
  costPerMTokIn: z.number(),
  costPerMTokOut: z.number(),
  calls: z.number().int(),
  errorRate: z.number(),
  p95Ms: z.number(),
  inFlight: z.number().int(),
  tasks: z.array(task),
});

export const meshSnapshotSchema = z.object({
  strategy: z.enum(['cost_aware', 'performance']),
  maxAgents: z.number().int(),
  spendUsdLastHour: z.number(),
  hourlySpendCapUsd: z.number(),
  spendCapped: z.boolean(),
  degraded: z.boolean(),
  agents: z.array(meshAgentSchema),
});

export interface MeshRouteDeps {
  /** null when FEATURE_AGENT_MESH is off. */
  mesh: { snapshot(): MeshSnapshot } | null;
}

/** GET /api/v1/mesh — the Agent Mesh: strategy, spend against the cap, each agent's health and load. */
export async function meshGetRoute(app: FastifyInstance, deps: MeshRouteDeps): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/mesh',
    {
      schema: {
        summary: 'Agent Mesh status: routing strategy, hourly spend, agent health',
        tags: ['mesh'],
        response: { 200: meshSnapshotSchema, 404: errorBodySchema, 401: errorBodySchema },
      },
    },
    async () => {
      if (!deps.mesh) {
        throw new ApiError(
          'feature_disabled',
          'the Agent Mesh is off; set FEATURE_AGENT_MESH=true to route model tasks through it',
        );
      }
      return deps.mesh.snapshot();
    },
  );
}
