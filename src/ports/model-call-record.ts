import type { ModelTask, ModelUsage } from '../ports.ts';

// One language model call as it is counted and stored (model_usage): written by the app, read by
// the contact view and the follow-up runner, stored by adapters/postgres/model-usage-repo.ts.

export type ModelOutcomeLabel =
  | 'used'
  | 'rejected'
  | 'timeout'
  | 'error'
  | 'breaker_open'
  | 'offline'
  | 'empty';

export interface ModelCallRecord {
  task: ModelTask;
  agent: string;
  model: string;
  outcome: ModelOutcomeLabel;
  usage: ModelUsage | null;
  costUsd: number;
  latencyMs: number;
  promptMode: string;
  detail?: string;
}
