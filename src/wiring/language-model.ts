// Part of the composition root: the language model (Claude, directly or through the Agent Mesh), the
// prompts it is given and the model's part of a turn, wired from the config. Without
// ANTHROPIC_API_KEY there is no model and the offline engine words every reply.
import { createClaudeModel } from '../adapters/anthropic/claude-model.ts';
import { estimateCostUsd, priceOf } from '../adapters/anthropic/pricing.ts';
import { loadSkills } from '../adapters/skills/load-skills.ts';
import { createAuditPrompt } from '../app/language-model/audit-prompt.ts';
import { createPromptBuilder } from '../app/language-model/build-prompt.ts';
import { createAgentMesh } from '../app/language-model/mesh/agent-mesh.ts';
import { createDirectRouter } from '../app/language-model/mesh/direct-router.ts';
import { meshAgents } from '../app/language-model/mesh/mesh-agents.ts';
import { createModelAssist } from '../app/language-model/model-assist.ts';
import { createNarrativePrompt } from '../app/language-model/narrative-prompt.ts';
import type { Config } from '../config.ts';
import type { BotsConfig } from '../domain/bots-config.ts';
import type { Logger } from '../observability/logger.ts';
import type { createMetrics } from '../observability/metrics.ts';
import type { BreakerFactory } from './breakers.ts';

type Metrics = ReturnType<typeof createMetrics>;

export function languageModelFromConfig(
  config: Config,
  w: { bots: BotsConfig; metrics: Metrics; logger: Logger; breaker: BreakerFactory },
) {
  const { bots, metrics, logger } = w;
  const claude = config.ANTHROPIC_API_KEY
    ? createClaudeModel({
        apiKey: config.ANTHROPIC_API_KEY,
        ...(config.ANTHROPIC_BASE_URL ? { baseUrl: config.ANTHROPIC_BASE_URL } : {}),
        breaker: w.breaker('anthropic'),
        onCall: ({ model, status, ms }) => logger.debug({ model, status, ms }, 'claude call'),
      })
    : null;
  const mesh = config.FEATURE_AGENT_MESH
    ? createAgentMesh({
        agents: meshAgents(
          claude,
          { fast: config.ANTHROPIC_EXTRACTION_MODEL, strong: config.ANTHROPIC_REPLY_MODEL },
          priceOf,
        ),
        strategy: config.MESH_STRATEGY,
        maxAgents: config.MESH_MAX_AGENTS,
        healthCheckIntervalMs: config.MESH_HEALTH_CHECK_INTERVAL * 1000,
        hourlySpendCapUsd: config.MESH_HOURLY_SPEND_CAP_USD,
        metrics: metrics.mesh,
        logger,
      })
    : null;
  const router =
    mesh ??
    (claude
      ? createDirectRouter(claude, {
          extraction: config.ANTHROPIC_EXTRACTION_MODEL,
          reply: config.ANTHROPIC_REPLY_MODEL,
        })
      : null);
  const skills = loadSkills(config.SKILLS_DIR);
  const prompts = createPromptBuilder({
    skills,
    progressive: config.FEATURE_PROGRESSIVE_SKILLS,
    cacheTtlMs: config.SKILLS_CACHE_TTL_MS,
    onLookup: metrics.caches.lookup('skills_selection'),
    now: () => Date.now(),
    persona: { agentName: bots.persona.agentName, market: bots.persona.market },
  });
  const model =
    claude && router
      ? {
          timeoutMs: config.MODEL_TURN_TIMEOUT_MS,
          assist: createModelAssist({
            router,
            prompts,
            audit: config.MODEL_COMPLIANCE_AUDIT ? createAuditPrompt(skills, bots.persona) : null,
            narrative: createNarrativePrompt(skills, bots.persona),
            cost: estimateCostUsd,
            agentName: bots.persona.agentName,
            placeNames: bots.neighborhoods,
            logger,
            onCall: (r) => {
              metrics.modelCalls.inc({ task: r.task, agent: r.agent, outcome: r.outcome });
              if (r.outcome !== 'offline') metrics.modelLatency.observe({ task: r.task }, r.latencyMs / 1000);
              if (r.usage) {
                metrics.modelTokens.inc({ model: r.model, kind: 'input' }, r.usage.inputTokens);
                metrics.modelTokens.inc({ model: r.model, kind: 'output' }, r.usage.outputTokens);
                metrics.modelTokens.inc({ model: r.model, kind: 'cache_read' }, r.usage.cacheReadTokens);
                metrics.modelTokens.inc({ model: r.model, kind: 'cache_write' }, r.usage.cacheWriteTokens);
                metrics.modelCostUsd.inc({ model: r.model }, r.costUsd);
              }
            },
          }),
        }
      : null;
  /** What `main.ts` and /readyz show as the language mode. */
  const mode = claude
    ? `anthropic (${config.ANTHROPIC_EXTRACTION_MODEL} / ${config.ANTHROPIC_REPLY_MODEL}${mesh ? ', agent mesh' : ''})`
    : 'offline';
  return { mesh, model, mode };
}
