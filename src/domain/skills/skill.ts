import type { BotName } from '../conversation.ts';
import type { Intent } from '../language/index.ts';
import type { Lang, Stage } from '../state.ts';

// A skill is one file of knowledge for the language model (skills/*.md): what a bot asks, how a
// law limits a reply, how Spanish replies sound. The full prompt is every skill; with Progressive
// Skills a turn gets only the skills its bot, stage, language and cues call for.

export const SKILL_TASKS = ['reply', 'extraction'] as const;
export type SkillTask = (typeof SKILL_TASKS)[number];

export const SKILL_BOTS = ['lead', 'seller', 'buyer'] as const satisfies readonly BotName[];
export const SKILL_STAGES = [
  'qualifying',
  'scheduling',
  'booked',
  'closed',
] as const satisfies readonly Stage[];
export const SKILL_INTENTS = ['buy', 'sell', 'both', 'other'] as const satisfies readonly Intent[];
export const SKILL_LANGUAGES = ['en', 'es'] as const satisfies readonly Lang[];

/**
 * What a turn involves beyond its bot, stage and language, read from the bot's decision
 * (see turn-cues.ts). Each cue names knowledge some skill must carry.
 */
export const TURN_CUES = ['compliance', 'escalation', 'objection', 'scheduling', 'market'] as const;
export type TurnCue = (typeof TURN_CUES)[number];

/**
 * When a skill is loaded. `tasks` filters (absent = every task); a skill then loads when it is
 * `always` or when any one of the other lists contains the turn's value.
 */
export interface SkillLoadWhen {
  always?: boolean;
  tasks?: SkillTask[];
  bots?: BotName[];
  stages?: Stage[];
  intents?: Intent[];
  languages?: Lang[];
  cues?: TurnCue[];
}

/** The only `{{name}}` placeholders a skill body may use; filled from the persona. */
export const SKILL_PLACEHOLDERS = ['agent', 'market'] as const;
export type SkillPlaceholder = (typeof SKILL_PLACEHOLDERS)[number];

/** A skill body with `{{agent}}` and `{{market}}` filled from the persona. */
export function skillText(
  skill: Pick<Skill, 'body'>,
  persona: { agentName: string; market: string },
): string {
  return skill.body.replaceAll('{{agent}}', persona.agentName).replaceAll('{{market}}', persona.market);
}

export interface Skill {
  /** Unique, kebab-case; the file name without `.md`. */
  name: string;
  description: string;
  loadWhen: SkillLoadWhen;
  /** Lower comes first in the prompt; ties by name. */
  priority: number;
  /** Markdown body; `{{agent}}` and `{{market}}` are filled from the persona. */
  body: string;
}

/** Prompt order: always-skills first (the cacheable prefix), then by priority, then by name. */
export function skillOrder(a: Skill, b: Skill): number {
  const always = Number(b.loadWhen.always === true) - Number(a.loadWhen.always === true);
  if (always !== 0) return always;
  if (a.priority !== b.priority) return a.priority - b.priority;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
