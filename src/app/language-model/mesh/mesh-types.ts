import type { BreakerState } from '../../../resilience/breaker.ts';
import type { LanguageModel, ModelTask, ModelUsage } from '../../../ports.ts';

export type MeshStrategy = 'cost_aware' | 'performance';
export type AgentTier = 'fast' | 'strong' | 'offline';

/** One agent of the mesh: a model (or the offline engine) and the tasks it may answer. */
export interface MeshAgentConfig {
  name: string;
  /** null = the offline engine (rules and templates). */
  model: LanguageModel | null;
  modelId: string;
  tier: AgentTier;
  /** US dollars per million input tokens. */
  costPerMTokIn: number;
  /** US dollars per million output tokens. */
  costPerMTokOut: number;
  /** Higher is better; the performance strategy picks the highest. */
  qualityRank: number;
  tasks: ModelTask[];
  /** Calls in flight past which the agent takes no more until one finishes. */
  maxConcurrent?: number;
}

/** Why an agent is out of rotation. */
export type UnhealthyReason = 'breaker_open' | 'error_rate' | 'latency';

/** Why a task went where it went. */
export type RouteReason =
  | 'cheapest'
  | 'highest_quality'
  | 'spend_cap'
  | 'no_agent'
  | 'no_healthy_agent'
  | 'all_busy';

export interface MeshAgentSnapshot {
  name: string;
  tier: AgentTier;
  modelId: string;
  /** Within the first maxAgents agents. */
  active: boolean;
  healthy: boolean;
  unhealthyReason: UnhealthyReason | null;
  /** The model's circuit breaker; null for the offline engine or a model without one. */
  breaker: BreakerState | null;
  qualityRank: number;
  costPerMTokIn: number;
  costPerMTokOut: number;
  /** Calls in the health window. */
  calls: number;
  errorRate: number;
  p95Ms: number;
  inFlight: number;
  tasks: ModelTask[];
}

export interface MeshSnapshot {
  strategy: MeshStrategy;
  maxAgents: number;
  spendUsdLastHour: number;
  hourlySpendCapUsd: number;
  /** Spend reached the cap: every task goes to the offline engine. */
  spendCapped: boolean;
  /** The spend cap is reached or an active model agent is out of rotation. */
  degraded: boolean;
  agents: MeshAgentSnapshot[];
}

export interface MeshLogger {
  info(obj: Record<string, unknown>, msg: string): void;
}

// Prompt-cache pricing relative to the input price (reads are discounted, writes cost extra).
const CACHE_READ_FACTOR = 0.1;
const CACHE_WRITE_FACTOR = 1.25;

/** US dollars a call cost at the agent's prices. */
export function agentCallCostUsd(
  agent: Pick<MeshAgentConfig, 'costPerMTokIn' | 'costPerMTokOut'>,
  usage: ModelUsage,
): number {
  const inputEquivalent =
    usage.inputTokens +
    usage.cacheReadTokens * CACHE_READ_FACTOR +
    usage.cacheWriteTokens * CACHE_WRITE_FACTOR;
  return (inputEquivalent * agent.costPerMTokIn + usage.outputTokens * agent.costPerMTokOut) / 1_000_000;
}
