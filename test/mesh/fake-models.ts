import type { LanguageModel, ModelRequest, ModelResponse } from '../../src/ports.ts';
import type { BreakerState } from '../../src/resilience/breaker.ts';
import type { MeshAgentConfig } from '../../src/app/language-model/mesh/mesh-types.ts';

/** A provider stand-in at the LanguageModel port whose circuit breaker the test can open and close. */
export interface StandInModel extends LanguageModel {
  setBreaker(state: BreakerState): void;
}

export function standInModel(name: string): StandInModel {
  let breaker: BreakerState = 'closed';
  return {
    name,
    async complete(req: ModelRequest): Promise<ModelResponse> {
      return {
        text: 'ok',
        usage: { inputTokens: 10, outputTokens: 2, cacheReadTokens: 0, cacheWriteTokens: 0 },
        model: req.model,
        stopReason: 'end_turn',
      };
    },
    breakerState: () => breaker,
    setBreaker(state) {
      breaker = state;
    },
  };
}

const ALL_TASKS: MeshAgentConfig['tasks'] = [
  'extraction',
  'reply',
  'compliance_audit',
  'cma_narrative',
  'match_explanation',
];

export function haikuAgent(model: LanguageModel, over: Partial<MeshAgentConfig> = {}): MeshAgentConfig {
  return {
    name: 'haiku',
    model,
    modelId: 'claude-haiku-4-5',
    tier: 'fast',
    costPerMTokIn: 1,
    costPerMTokOut: 5,
    qualityRank: 1,
    tasks: ALL_TASKS,
    ...over,
  };
}

export function sonnetAgent(model: LanguageModel, over: Partial<MeshAgentConfig> = {}): MeshAgentConfig {
  return {
    name: 'sonnet',
    model,
    modelId: 'claude-sonnet-4-5',
    tier: 'strong',
    costPerMTokIn: 3,
    costPerMTokOut: 15,
    qualityRank: 2,
    tasks: ALL_TASKS,
    ...over,
  };
}

export function offlineAgent(over: Partial<MeshAgentConfig> = {}): MeshAgentConfig {
  return {
    name: 'offline-engine',
    model: null,
    modelId: 'offline',
    tier: 'offline',
    costPerMTokIn: 0,
    costPerMTokOut: 0,
    qualityRank: 0,
    tasks: ALL_TASKS,
    ...over,
  };
}
