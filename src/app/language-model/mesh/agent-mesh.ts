import type { ModelTask } from '../../../ports.ts';
import type { BreakerState } from '../../../resilience/breaker.ts';
import { createCallWindow, defaultMeshHealth, judgeHealth, type MeshHealthSettings } from './call-window.ts';
import type { MeshMetrics } from './mesh-metrics.ts';
import {
  agentCallCostUsd,
  type MeshAgentConfig,
  type MeshAgentSnapshot,
  type MeshLogger,
  type MeshSnapshot,
  type MeshStrategy,
  type RouteReason,
  type UnhealthyReason,
} from './mesh-types.ts';
import type { ModelOutcome, ModelRoute, ModelRouter } from './model-router.ts';
import { selectAgent } from './select-agent.ts';
import { createSpendWindow } from './spend-window.ts';

export interface AgentMeshOptions {
  agents: MeshAgentConfig[];
  strategy: MeshStrategy;
  /** Only the first maxAgents agents, in registration order, take tasks. */
  maxAgents: number;
  healthCheckIntervalMs: number;
  /** Past this spend over the last hour every task goes to the offline engine. */
  hourlySpendCapUsd: number;
  health?: Partial<MeshHealthSettings>;
  /** p95 latencies this close count as equal for the performance strategy, so the load is shared. */
  latencyTieMs?: number;
  now?: () => number;
  metrics?: MeshMetrics;
  logger?: MeshLogger;
}

export interface AgentMesh extends ModelRouter {
  /** Starts the periodic health check (the timer does not keep the process alive). */
  start(): void;
  stop(): void;
  /** Re-judges every agent now. */
  checkHealth(): void;
  snapshot(): MeshSnapshot;
}

interface AgentState {
  cfg: MeshAgentConfig;
  active: boolean;
  unhealthy: UnhealthyReason | null;
  inFlight: number;
  lastChosen: number;
  window: ReturnType<typeof createCallWindow>;
}

/**
 * The Agent Mesh: routes each model task to one of several agents by cost or quality, keeps
 * unhealthy agents out of rotation and sends everything to the offline engine once the hourly
 * spend cap is reached. Offline-tier agents only take tasks when no model agent can.
 */
export function createAgentMesh(opts: AgentMeshOptions): AgentMesh {
  const names = new Set<string>();
  for (const a of opts.agents) {
    if (names.has(a.name)) throw new Error(`agent mesh: two agents are named ${a.name}`);
    names.add(a.name);
  }
  if (!Number.isInteger(opts.maxAgents) || opts.maxAgents < 1)
    throw new Error('agent mesh: maxAgents must be a positive integer');
  const now = opts.now ?? Date.now;
  const health: MeshHealthSettings = { ...defaultMeshHealth, ...opts.health };
  const latencyTieMs = opts.latencyTieMs ?? 250;
  const { metrics, logger } = opts;
  const spend = createSpendWindow();
  const agents: AgentState[] = opts.agents.map((cfg, i) => ({
    cfg,
    active: i < opts.maxAgents,
    unhealthy: null,
    inFlight: 0,
    lastChosen: -1,
    window: createCallWindow(health),
  }));
  const active = agents.filter((a) => a.active);
  const byName = new Map(active.map((a) => [a.cfg.name, a]));
  let sequence = 0;
  let capped = false;
  let timer: NodeJS.Timeout | null = null;

  const breakerOf = (a: AgentState): BreakerState | null => a.cfg.model?.breakerState?.() ?? null;
  const isModelAgent = (a: AgentState) => a.cfg.tier !== 'offline' && a.cfg.model !== null;
  const available = (a: AgentState) => a.unhealthy === null && breakerOf(a) !== 'open';

  const judge = (a: AgentState, at: number): void => {
    const verdict = judgeHealth(a.window.stats(at), breakerOf(a), health);
    if (verdict !== a.unhealthy) {
      logger?.info(
        { agent: a.cfg.name, healthy: verdict === null, reason: verdict ?? a.unhealthy },
        verdict === null ? 'mesh agent back in rotation' : 'mesh agent out of rotation',
      );
    }
    a.unhealthy = verdict;
    metrics?.agentHealthy.set({ agent: a.cfg.name }, verdict === null ? 1 : 0);
  };

  const spendCapped = (at: number): boolean => {
    const usd = spend.total(at);
    metrics?.spendUsdHour.set(usd);
    const reached = usd >= opts.hourlySpendCapUsd;
    if (reached !== capped) {
      logger?.info(
        { spendUsdLastHour: round(usd), hourlySpendCapUsd: opts.hourlySpendCapUsd },
        reached ? 'mesh spend cap reached: offline engine answers' : 'mesh spend back under the cap',
      );
      capped = reached;
      metrics?.spendCapped.set(reached ? 1 : 0);
    }
    return reached;
  };

  const decide = (task: ModelTask, agent: AgentState | undefined, reason: RouteReason): ModelRoute | null => {
    const name = agent?.cfg.name ?? 'offline';
    logger?.info({ task, agent: name, strategy: opts.strategy, reason }, 'mesh route');
    metrics?.routes.inc({ task, agent: name, reason });
    if (!agent?.cfg.model) return null;
    agent.inFlight += 1;
    agent.lastChosen = sequence++;
    metrics?.agentInFlight.set({ agent: name }, agent.inFlight);
    return { agent: name, model: agent.cfg.model, modelId: agent.cfg.modelId };
  };

  const fallback = (task: ModelTask, reason: RouteReason): ModelRoute | null =>
    decide(
      task,
      active.find((a) => a.cfg.tier === 'offline' && a.cfg.tasks.includes(task) && available(a)),
      reason,
    );

  const mesh: AgentMesh = {
    route(task) {
      const at = now();
      if (spendCapped(at)) return fallback(task, 'spend_cap');
      const handlers = active.filter((a) => isModelAgent(a) && a.cfg.tasks.includes(task));
      if (handlers.length === 0) return fallback(task, 'no_agent');
      const healthy = handlers.filter(available);
      if (healthy.length === 0) return fallback(task, 'no_healthy_agent');
      const free = healthy.filter(
        (a) => a.cfg.maxConcurrent === undefined || a.inFlight < a.cfg.maxConcurrent,
      );
      if (free.length === 0) return fallback(task, 'all_busy');
      const candidates = free.map((a) => ({
        state: a,
        costPerMTokIn: a.cfg.costPerMTokIn,
        costPerMTokOut: a.cfg.costPerMTokOut,
        qualityRank: a.cfg.qualityRank,
        p95Ms: a.window.stats(at).p95Ms,
        inFlight: a.inFlight,
        lastChosen: a.lastChosen,
      }));
      const chosen = selectAgent(candidates, opts.strategy, latencyTieMs);
      return decide(task, chosen?.state, opts.strategy === 'cost_aware' ? 'cheapest' : 'highest_quality');
    },

    report(route, _task, outcome: ModelOutcome) {
      const a = byName.get(route.agent);
      if (!a) return;
      const at = now();
      a.inFlight = Math.max(0, a.inFlight - 1);
      metrics?.agentInFlight.set({ agent: a.cfg.name }, a.inFlight);
      a.window.record(at, outcome.ok, outcome.latencyMs);
      metrics?.calls.inc({ agent: a.cfg.name, outcome: outcome.ok ? 'ok' : 'error' });
      const usd = outcome.costUsd ?? (outcome.usage ? agentCallCostUsd(a.cfg, outcome.usage) : 0);
      if (usd > 0) {
        spend.add(at, usd);
        metrics?.spendUsd.inc({ agent: a.cfg.name }, usd);
      }
      spendCapped(at);
      judge(a, at);
    },

    checkHealth() {
      const at = now();
      for (const a of active) judge(a, at);
      spendCapped(at);
    },

    start() {
      if (timer) return;
      timer = setInterval(() => mesh.checkHealth(), opts.healthCheckIntervalMs);
      timer.unref();
    },

    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },

    snapshot() {
      const at = now();
      const usd = spend.total(at);
      const isCapped = usd >= opts.hourlySpendCapUsd;
      const list: MeshAgentSnapshot[] = agents.map((a) => {
        const stats = a.window.stats(at);
        return {
          name: a.cfg.name,
          tier: a.cfg.tier,
          modelId: a.cfg.modelId,
          active: a.active,
          healthy: a.active && available(a),
          unhealthyReason: a.unhealthy ?? (breakerOf(a) === 'open' ? 'breaker_open' : null),
          breaker: breakerOf(a),
          qualityRank: a.cfg.qualityRank,
          costPerMTokIn: a.cfg.costPerMTokIn,
          costPerMTokOut: a.cfg.costPerMTokOut,
          calls: stats.calls,
          errorRate: stats.errorRate,
          p95Ms: stats.p95Ms,
          inFlight: a.inFlight,
          tasks: [...a.cfg.tasks],
        };
      });
      return {
        strategy: opts.strategy,
        maxAgents: opts.maxAgents,
        spendUsdLastHour: round(usd),
        hourlySpendCapUsd: opts.hourlySpendCapUsd,
        spendCapped: isCapped,
        degraded: isCapped || list.some((s) => s.active && s.tier !== 'offline' && !s.healthy),
        agents: list,
      };
    },
  };
  mesh.checkHealth();
  return mesh;
}

/** Dollars to a millionth, so sums of tiny costs read cleanly. */
function round(usd: number): number {
  return Math.round(usd * 1_000_000) / 1_000_000;
}
