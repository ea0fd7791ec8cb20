import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { type BotsConfig, defaultBotsConfig } from '../../domain/bots-config.ts';
import { clean } from '../../domain/clean.ts';
import { OBJECTION_POLICIES } from '../../domain/policy/objections.ts';
import { OBJECTION_TYPES, type ObjectionType } from '../../domain/understand/types.ts';

const strings = z.array(z.string().trim().min(1)).min(1);
const objectionPolicy = z.enum(OBJECTION_POLICIES);
const fileSchema = z
  .object({
    persona: z
      .object({
        agentName: z.string().min(1),
        market: z.string().min(1),
        timezone: z.string().min(1),
        assistantName: z.string().trim().min(1).max(40),
        brokerage: z.string().trim().min(1).max(60),
        licenseNumber: z.string().trim().min(1).max(30),
      })
      .partial()
      .strict(),
    neighborhoods: strings,
    tags: z
      .object({
        sellerActivation: strings,
        buyerActivation: strings,
        leadActivation: strings,
        offSwitches: strings,
        temperature: z.string().includes('{temp}').includes('{who}'),
        sellerQualified: z.string().min(1),
        buyerQualified: z.string().min(1),
        optOut: z.string().min(1),
        aiOff: z.string().min(1),
        complianceAlert: z.string().min(1),
        ccpaDeletion: z.string().min(1),
        appointmentBooked: z.string().min(1),
        escalation: z.string().min(1),
        humanTakeover: z.string().min(1),
        handoff: z.string().includes('{from}').includes('{to}'),
        doNotSolicit: z.string().min(1),
      })
      .partial()
      .strict(),
    thresholds: z
      .object({
        leadHot: z.number().int().min(1).max(100),
        leadWarm: z.number().int().min(0).max(99),
        buyerHotDays: z.number().int().positive(),
        handoffCooldownMinutes: z.number().min(0),
        vagueRetries: z.number().int().min(1).max(5),
        evasiveLimit: z.number().int().min(1).max(20),
        smsMaxLength: z.number().int().min(100).max(320),
        highValue: z.number().positive(),
        businessHours: z
          .object({ start: z.number().int().min(0).max(23), end: z.number().int().min(1).max(24) })
          .strict(),
      })
      .partial()
      .strict(),
    questions: z
      .object({ en: z.record(z.string(), strings), es: z.record(z.string(), strings) })
      .partial()
      .strict(),
    objections: z
      .object(
        Object.fromEntries(OBJECTION_TYPES.map((k) => [k, objectionPolicy])) as Record<
          ObjectionType,
          typeof objectionPolicy
        >,
      )
      .partial()
      .strict(),
  })
  .partial()
  .strict();

export class BotsConfigError extends Error {
  constructor(file: string, problems: string[]) {
    super(`Invalid bots config ${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'BotsConfigError';
  }
}

/**
 * The bots' settings: code defaults, then the persona from the environment, then the optional
 * JSON or YAML file (BOTS_CONFIG_FILE). A bad file stops start-up naming every problem.
 */
export function loadBotsConfig(persona: BotsConfig['persona'], file: string | undefined): BotsConfig {
  if (!file) return defaultBotsConfig(persona);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new BotsConfigError(file, [(err as Error).message]);
  }
  return parseBotsConfigText(persona, text, file, /\.ya?ml$/i.test(file));
}

/**
 * The same checks on a document's text (the dashboard's Scripts page edits it): `label` names it
 * in the error, YAML or JSON by `yaml`. Throws BotsConfigError listing every problem.
 */
export function parseBotsConfigText(
  persona: BotsConfig['persona'],
  text: string,
  label: string,
  yaml: boolean,
): BotsConfig {
  const base = defaultBotsConfig(persona);
  const file = label;
  let raw: unknown;
  try {
    raw = yaml ? parseYaml(text) : JSON.parse(text);
  } catch (err) {
    throw new BotsConfigError(file, [(err as Error).message]);
  }
  const r = fileSchema.safeParse(raw ?? {});
  if (!r.success)
    throw new BotsConfigError(
      file,
      r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  const f = r.data;
  const cfg: BotsConfig = {
    persona: { ...base.persona, ...clean(f.persona ?? {}) },
    knowledge: base.knowledge,
    neighborhoods: f.neighborhoods ?? base.neighborhoods,
    tags: { ...base.tags, ...clean(f.tags ?? {}) },
    thresholds: { ...base.thresholds, ...clean(f.thresholds ?? {}) },
    questions: { ...base.questions, ...clean(f.questions ?? {}) },
    objections: { ...base.objections, ...clean(f.objections ?? {}) },
  };
  const problems: string[] = [];
  if (cfg.thresholds.leadWarm >= cfg.thresholds.leadHot)
    problems.push('thresholds: leadWarm must be below leadHot');
  if (cfg.thresholds.businessHours.start >= cfg.thresholds.businessHours.end)
    problems.push('thresholds.businessHours: start must be before end');
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: cfg.persona.timezone });
  } catch {
    problems.push(`persona.timezone: ${cfg.persona.timezone} is not an IANA time zone`);
  }
  if (problems.length > 0) throw new BotsConfigError(file, problems);
  return cfg;
}
