import type { LanguageModel, ModelTask, ModelUsage } from '../../../ports.ts';

/** Which agent answers a model task: the adapter to call and the model id to ask it for. */
export interface ModelRoute {
  agent: string;
  model: LanguageModel;
  modelId: string;
}

/** How one routed call went; `costUsd` wins over a cost estimated from `usage`. */
export interface ModelOutcome {
  ok: boolean;
  latencyMs: number;
  usage?: ModelUsage;
  costUsd?: number;
  /** A short, content-free reason (an error kind), never message text. */
  error?: string;
}

/**
 * Chooses a model for each task. With the Agent Mesh off a direct router sends every task to the
 * configured model; with it on, the mesh weighs cost, quality, health and spend.
 */
export interface ModelRouter {
  /** The agent for this task, or null: the offline engine answers. */
  route(task: ModelTask): ModelRoute | null;
  /** Called once per routed call, whatever its result. */
  report(route: ModelRoute, task: ModelTask, outcome: ModelOutcome): void;
}
