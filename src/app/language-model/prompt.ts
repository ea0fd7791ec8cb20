import type { BotName, Channel } from '../../domain/conversation.ts';
import type { Stage } from '../../domain/state.ts';
import type { Understanding } from '../../domain/understand/types.ts';
import type { ModelRequest, SystemBlock } from '../../ports.ts';

// The prompt types shared by the model assist and the prompts it is given (skills, audit, CMA narrative).

/** What a prompt is built from: the turn as the bot saw it. */
export interface PromptTurn {
  task: 'reply' | 'extraction';
  bot: BotName;
  stage: Stage;
  pending: string | null;
  intent: string;
  intentConfidence: number;
  lang: 'en' | 'es';
  leadMessage: string;
  /** The reply the bot decided (reply task). */
  decidedReply?: string;
  channel: Channel;
  maxLength: number;
  /** Cues of the turn (e.g. "objection", "scheduling", "compliance") that may need extra knowledge. */
  cues: string[];
  /** The day the message arrived (YYYY-MM-DD): timelines are counted from it (extraction task). */
  today?: string;
  /** The location's agent and market when they differ from the service's (per-location settings). */
  persona?: { agentName: string; market: string };
}

export interface BuiltPrompt {
  system: SystemBlock[];
  messages: ModelRequest['messages'];
  /** full, progressive or fallback_to_full. */
  mode: string;
  loaded: string[];
  output?: ModelRequest['output'];
}

export interface PromptSource {
  build(turn: PromptTurn): BuiltPrompt;
  /** Checks the model's JSON for the extraction task; null when it does not fit. */
  readExtraction(json: unknown): Understanding | null;
}
