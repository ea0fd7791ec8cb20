import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import {
  SKILL_BOTS,
  SKILL_INTENTS,
  SKILL_LANGUAGES,
  SKILL_PLACEHOLDERS,
  SKILL_STAGES,
  SKILL_TASKS,
  type Skill,
  type SkillLoadWhen,
  TURN_CUES,
} from '../../domain/skills/skill.ts';

/** The skill files shipped with the service (`skills/` at the repository root), whatever the cwd. */
export const DEFAULT_SKILLS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../skills');

const list = <T extends string>(values: readonly [T, ...T[]]) => z.array(z.enum(values)).min(1).optional();

const loadWhenSchema = z
  .strictObject({
    always: z.boolean().optional(),
    tasks: list(SKILL_TASKS),
    bots: list(SKILL_BOTS),
    stages: list(SKILL_STAGES),
    intents: list(SKILL_INTENTS),
    languages: list(SKILL_LANGUAGES),
    cues: list(TURN_CUES),
  })
  .refine(
    (w) =>
      w.always === true || [w.bots, w.stages, w.intents, w.languages, w.cues].some((l) => l !== undefined),
    'names no condition: set always: true or at least one of bots, stages, intents, languages, cues',
  );

const frontMatterSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a kebab-case name such as seller-playbook'),
  description: z.string().trim().min(10, 'expected a sentence saying what the skill holds'),
  load_when: loadWhenSchema,
  priority: z.number().int().min(0).max(1000).optional(),
});

export class SkillFileError extends Error {
  constructor(
    readonly file: string,
    problems: string[],
  ) {
    super(`Invalid skill file ${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SkillFileError';
  }
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const PLACEHOLDER = /\{\{\s*([^}]*?)\s*\}\}/g;

/** One skill file: YAML front-matter between `---` lines, then the markdown body. */
export function parseSkillFile(text: string, file: string): Skill {
  const m = FRONT_MATTER.exec(text.replace(/^\uFEFF/, ''));
  if (!m) throw new SkillFileError(file, ['expected YAML front-matter between two "---" lines at the top']);
  let raw: unknown;
  try {
    raw = parseYaml(m[1] ?? '');
  } catch (err) {
    throw new SkillFileError(file, [`front-matter is not valid YAML: ${(err as Error).message}`]);
  }
  const parsed = frontMatterSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    throw new SkillFileError(
      file,
      parsed.error.issues.map((i) => `${i.path.length > 0 ? `${i.path.join('.')}: ` : ''}${i.message}`),
    );
  }
  const fm = parsed.data;
  const problems: string[] = [];
  const stem = basename(file).replace(/\.md$/, '');
  if (fm.name !== stem) problems.push(`name: "${fm.name}" must match the file name "${stem}"`);
  const body = text
    .slice(m[0].length)
    .replace(/^\uFEFF/, '')
    .trim();
  if (body.length === 0) problems.push('the body after the front-matter is empty');
  for (const [, name] of body.matchAll(PLACEHOLDER)) {
    if (!(SKILL_PLACEHOLDERS as readonly string[]).includes(name ?? '')) {
      problems.push(`unknown placeholder {{${name}}} (known: ${SKILL_PLACEHOLDERS.join(', ')})`);
    }
  }
  if (problems.length > 0) throw new SkillFileError(file, problems);
  return {
    name: fm.name,
    description: fm.description,
    loadWhen: stripUndefined(fm.load_when),
    priority: fm.priority ?? 100,
    body,
  };
}

function stripUndefined(w: z.infer<typeof loadWhenSchema>): SkillLoadWhen {
  const out: SkillLoadWhen = {};
  if (w.always !== undefined) out.always = w.always;
  if (w.tasks) out.tasks = w.tasks;
  if (w.bots) out.bots = w.bots;
  if (w.stages) out.stages = w.stages;
  if (w.intents) out.intents = w.intents;
  if (w.languages) out.languages = w.languages;
  if (w.cues) out.cues = w.cues;
  return out;
}

/**
 * Every `*.md` skill in `dir`, validated. A bad file stops start-up with an error naming the file
 * and each problem; so does a directory without skills or without an always-loaded persona.
 */
export function loadSkills(dir: string = DEFAULT_SKILLS_DIR): Skill[] {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .sort();
  } catch (err) {
    throw new SkillFileError(dir, [`cannot read the skills directory: ${(err as Error).message}`]);
  }
  if (files.length === 0) throw new SkillFileError(dir, ['no *.md skill files in the directory']);
  const skills = files.map((f) => {
    const path = join(dir, f);
    return parseSkillFile(readFileSync(path, 'utf8'), path);
  });
  if (!skills.some((s) => s.loadWhen.always)) {
    throw new SkillFileError(dir, [
      'no skill has load_when.always: true (the persona every prompt starts with)',
    ]);
  }
  return skills;
}
