import type { LanguageModel, ModelTask } from '../../../ports.ts';
import type { MeshAgentConfig } from './mesh-types.ts';

const ALL_TASKS: ModelTask[] = [
  'extraction',
  'reply',
  'compliance_audit',
  'cma_narrative',
  'match_explanation',
];

/**
 * The agents the mesh chooses from: the fast model (ANTHROPIC_EXTRACTION_MODEL), the strong one
 * (ANTHROPIC_REPLY_MODEL) and the offline engine, which answers when no model agent may (spend cap,
 * every model unhealthy) or when no API key is set.
 */
export function meshAgents(
  model: LanguageModel | null,
  ids: { fast: string; strong: string },
  priceOf: (modelId: string) => { input: number; output: number },
): MeshAgentConfig[] {
  const offline: MeshAgentConfig = {
    name: 'offline',
    model: null,
    modelId: 'offline',
    tier: 'offline',
    costPerMTokIn: 0,
    costPerMTokOut: 0,
    qualityRank: 0,
    tasks: ALL_TASKS,
  };
  if (!model) return [offline];
  const agent = (
    name: string,
    tier: 'fast' | 'strong',
    modelId: string,
    qualityRank: number,
  ): MeshAgentConfig => ({
    name,
    model,
    modelId,
    tier,
    costPerMTokIn: priceOf(modelId).input,
    costPerMTokOut: priceOf(modelId).output,
    qualityRank,
    tasks: ALL_TASKS,
  });
  return [agent('fast', 'fast', ids.fast, 1), agent('strong', 'strong', ids.strong, 2), offline];
}
