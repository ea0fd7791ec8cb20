import {
  SKILL_BOTS,
  SKILL_LANGUAGES,
  SKILL_STAGES,
  SKILL_TASKS,
  type Skill,
  type SkillTask,
  skillOrder,
  TURN_CUES,
} from './skill.ts';

/** What selection knows about a turn. Strings, because a caller may pass a value we do not know. */
export interface SkillQuery {
  task: SkillTask;
  bot: string;
  stage: string;
  intent: string;
  intentConfidence: number;
  lang: string;
  cues: readonly string[];
}

export interface SkillSelection {
  skills: Skill[];
  /** True when the turn gets every skill because selection could not be trusted. */
  fallbackToFull: boolean;
  /** Why: "progressive", or what made selection fall back (e.g. "low_intent_confidence"). */
  reason: string;
}

/** Below this, the message's buy/sell intent is a guess ("classifyIntent" gives 0.3 for none). */
export const DEFAULT_MIN_INTENT_CONFIDENCE = 0.5;

const known = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

function forTask(skill: Skill, task: SkillTask): boolean {
  return skill.loadWhen.tasks === undefined || skill.loadWhen.tasks.includes(task);
}

function triggered(skill: Skill, q: SkillQuery, cues: ReadonlySet<string>): boolean {
  const w = skill.loadWhen;
  if (w.always) return true;
  const has = (list: readonly string[] | undefined, value: string) => list?.includes(value) ?? false;
  if (has(w.bots, q.bot) || has(w.stages, q.stage) || has(w.languages, q.lang)) return true;
  if (has(w.intents, q.intent)) return true;
  return w.cues?.some((c) => cues.has(c)) ?? false;
}

/** Every skill, in prompt order: the full prompt. */
export function allSkillsInOrder(skills: readonly Skill[]): Skill[] {
  return [...skills].sort(skillOrder);
}

/**
 * The skills one turn needs: always-skills for the task, the bot's playbook, the stage's and the
 * language's skills, and one per cue. Falls back to every skill when selection cannot be trusted:
 * an unknown bot, stage, language or cue; a bot, language or cue that no skill covers (a file is
 * missing); or an extraction for the Lead bot whose message has no clear buy/sell intent, since
 * such a message may carry either side's facts.
 */
export function selectSkills(
  skills: readonly Skill[],
  q: SkillQuery,
  opts: { minIntentConfidence?: number } = {},
): SkillSelection {
  const min = opts.minIntentConfidence ?? DEFAULT_MIN_INTENT_CONFIDENCE;
  const fallback = (reason: string): SkillSelection => ({
    skills: allSkillsInOrder(skills),
    fallbackToFull: true,
    reason,
  });
  if (!known(SKILL_TASKS, q.task)) return fallback(`unknown_task:${q.task}`);
  if (!known(SKILL_BOTS, q.bot)) return fallback(`unknown_bot:${q.bot}`);
  if (!known(SKILL_STAGES, q.stage)) return fallback(`unknown_stage:${q.stage}`);
  if (!known(SKILL_LANGUAGES, q.lang)) return fallback(`unknown_language:${q.lang}`);
  const unknownCue = q.cues.find((c) => !known(TURN_CUES, c));
  if (unknownCue !== undefined) return fallback(`unknown_cue:${unknownCue}`);
  if (!(q.intentConfidence >= min) && q.task === 'extraction' && q.bot === 'lead') {
    return fallback('low_intent_confidence');
  }

  // A bot, language or cue no skill file speaks for means knowledge is missing: send everything.
  const claims = (pick: (s: Skill) => readonly string[] | undefined, value: string) =>
    skills.some((s) => pick(s)?.includes(value));
  if (!claims((s) => s.loadWhen.bots, q.bot)) return fallback(`no_skill_for_bot:${q.bot}`);
  if (q.lang !== 'en' && !claims((s) => s.loadWhen.languages, q.lang)) {
    return fallback(`no_skill_for_language:${q.lang}`);
  }
  const orphan = q.cues.find((c) => !claims((s) => s.loadWhen.cues, c));
  if (orphan !== undefined) return fallback(`no_skill_for_cue:${orphan}`);

  const cues = new Set(q.cues);
  const chosen = skills.filter((s) => forTask(s, q.task) && triggered(s, q, cues)).sort(skillOrder);
  if (!chosen.some((s) => s.loadWhen.always)) return fallback(`no_always_skill:${q.task}`);
  return { skills: chosen, fallbackToFull: false, reason: 'progressive' };
}
