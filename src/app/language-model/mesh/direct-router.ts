import type { LanguageModel, ModelTask } from '../../../ports.ts';
import type { ModelRoute, ModelRouter } from './model-router.ts';

/**
 * Without the Agent Mesh: extraction goes to the extraction model, everything else to the reply
 * model, both through the one Claude adapter (its breaker and retry policy decide failures).
 */
export function createDirectRouter(
  model: LanguageModel,
  models: { extraction: string; reply: string },
): ModelRouter {
  const extraction: ModelRoute = { agent: 'extraction', model, modelId: models.extraction };
  const reply: ModelRoute = { agent: 'reply', model, modelId: models.reply };
  return {
    route: (task: ModelTask) => (task === 'extraction' ? extraction : reply),
    report: () => {},
  };
}
