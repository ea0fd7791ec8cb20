import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { errorBodySchema } from '../errors.ts';

const featureSchema = z.object({
  flag: z.string(),
  enabled: z.boolean(),
  description: z.string(),
  settings: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
const featuresSchema = z.object({
  languageModel: z.object({
    mode: z.enum(['anthropic', 'offline']),
    extractionModel: z.string(),
    replyModel: z.string(),
    turnTimeoutMs: z.number(),
    complianceAudit: z.boolean(),
  }),
  features: z.array(featureSchema),
});

export type FeatureView = z.infer<typeof featureSchema>;

/** The feature flags as this instance parsed them (no secrets: only whether a value is set). */
export function describeFeatures(config: Config): z.infer<typeof featuresSchema> {
  return {
    languageModel: {
      mode: config.ANTHROPIC_API_KEY ? 'anthropic' : 'offline',
      extractionModel: config.ANTHROPIC_EXTRACTION_MODEL,
      replyModel: config.ANTHROPIC_REPLY_MODEL,
      turnTimeoutMs: config.MODEL_TURN_TIMEOUT_MS,
      complianceAudit: config.MODEL_COMPLIANCE_AUDIT,
    },
    features: [
      {
        flag: 'FEATURE_PROGRESSIVE_SKILLS',
        enabled: config.FEATURE_PROGRESSIVE_SKILLS,
        description:
          'Load only the skill files a turn needs into the model prompt instead of the full prompt.',
        settings: { SKILLS_CACHE_TTL_MS: config.SKILLS_CACHE_TTL_MS },
      },
      {
        flag: 'FEATURE_AGENT_MESH',
        enabled: config.FEATURE_AGENT_MESH,
        description:
          'Route each model task to a fast, strong or offline agent by cost or performance, within an hourly spend cap.',
        settings: {
          MESH_STRATEGY: config.MESH_STRATEGY,
          MESH_MAX_AGENTS: config.MESH_MAX_AGENTS,
          MESH_HEALTH_CHECK_INTERVAL: config.MESH_HEALTH_CHECK_INTERVAL,
          MESH_HOURLY_SPEND_CAP_USD: config.MESH_HOURLY_SPEND_CAP_USD,
        },
      },
      {
        flag: 'FEATURE_MCP',
        enabled: config.FEATURE_MCP,
        description:
          'Serve lead tools over MCP at /mcp and over stdio (npm run mcp); let bots call external MCP tools.',
        settings: {
          MCP_SERVERS: config.MCP_SERVERS ? 'set' : null,
          MCP_TIMEOUT_MS: config.MCP_TIMEOUT_MS,
        },
      },
    ],
  };
}

/** GET /api/v1/features — which optional features are on, with their settings. */
export async function featuresGetRoute(app: FastifyInstance, deps: { config: Config }): Promise<void> {
  const body = describeFeatures(deps.config);
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/features',
    {
      schema: {
        summary: 'Feature flags and the language-model mode',
        tags: ['operations'],
        response: { 200: featuresSchema, 401: errorBodySchema },
      },
    },
    async () => body,
  );
}
