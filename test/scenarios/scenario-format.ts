import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { BULLETS } from './bullets.ts';

// The format of test/scenarios/*.yaml. Strict objects everywhere: a misspelt key fails loudly
// instead of silently checking nothing.

/** A regular expression written as a plain string, always matched case-insensitively. */
const pattern = z.string().refine(
  (source) => {
    try {
      new RegExp(source, 'iu');
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not a valid regular expression' },
);

const temperature = z.enum(['hot', 'warm', 'cold']);

const expectation = z.strictObject({
  bot: z.enum(['lead', 'seller', 'buyer']).optional(),
  /** The reply's language when it differs from the conversation's (a lead who switches language). */
  lang: z.enum(['en', 'es']).optional(),
  /** true: exactly one reply; false: no reply at all. */
  reply: z.boolean().optional(),
  /** Every pattern must match the reply. */
  match: z.array(pattern).optional(),
  /** No pattern may match the reply. */
  notMatch: z.array(pattern).optional(),
  /** true: the reply asks a question; false: it asks none. */
  question: z.boolean().optional(),
  temperature: temperature.nullable().optional(),
  /** Tags the contact must carry after the turn (case-insensitive). */
  tags: z.array(z.string()).optional(),
  /** Tags the contact must not carry after the turn. */
  notTags: z.array(z.string()).optional(),
  /** Exact field values. */
  fields: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  /** Field values matching a pattern (lists are stored comma-joined). */
  fieldsMatch: z.record(z.string(), pattern).optional(),
  /** Numeric fields within [min, max]. */
  fieldsRange: z.record(z.string(), z.tuple([z.number(), z.number()])).optional(),
  /** Fields that must not be set. */
  notFields: z.array(z.string()).optional(),
  optedOut: z.boolean().optional(),
  /** CRM work queued by this turn: true = at least one, false = none. */
  crm: z
    .strictObject({
      task: z.boolean().optional(),
      note: z.boolean().optional(),
      appointment: z.boolean().optional(),
    })
    .optional(),
  /** Audit actions this turn must record. */
  audit: z.array(z.string()).optional(),
});

const turn = z.strictObject({
  say: z.string(),
  /** Tags added to the contact before this turn (as the agent would in the CRM). */
  tags: z.array(z.string()).optional(),
  channel: z.enum(['SMS', 'Email']).optional(),
  /** Minutes that pass before this message arrives. */
  advanceMinutes: z.number().int().min(0).optional(),
  expect: expectation.optional(),
});

const scenario = z.strictObject({
  name: z.string().min(5),
  /** The language of the conversation: every reply must be in it. */
  lang: z.enum(['en', 'es']),
  covers: z.array(z.enum(BULLETS)).min(1),
  /** Only the sincere "are you a bot?" scenarios may mention automation. */
  aiDisclosure: z.boolean().optional(),
  /** Consecutive identical replies are allowed (e.g. the same closing line). */
  allowRepeat: z.boolean().optional(),
  tags: z.array(z.string()).optional(),
  contact: z.strictObject({ firstName: z.string().optional(), lastName: z.string().optional() }).optional(),
  turns: z.array(turn).min(1),
});

const file = z.strictObject({ scenarios: z.array(scenario).min(1) });

export type Scenario = z.infer<typeof scenario>;
export type Turn = z.infer<typeof turn>;
export type Expectation = z.infer<typeof expectation>;
export type LoadedScenario = Scenario & { file: string; id: string };

/** Every scenario of every YAML file in `dir`, validated; throws naming the file and the problem. */
export function loadScenarios(dir: string): LoadedScenario[] {
  const out: LoadedScenario[] = [];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort();
  for (const f of files) {
    let raw: unknown;
    try {
      raw = parse(readFileSync(join(dir, f), 'utf8'));
    } catch (err) {
      throw new Error(`${f}: ${(err as Error).message}`);
    }
    const parsed = file.safeParse(raw);
    if (!parsed.success) throw new Error(`${f}: ${z.prettifyError(parsed.error)}`);
    const stem = basename(f).replace(/\.ya?ml$/, '');
    parsed.data.scenarios.forEach((s, i) => {
      out.push({ ...s, file: f, id: `scn-${stem}-${i + 1}` });
    });
  }
  const names = new Set<string>();
  for (const s of out) {
    if (names.has(s.name)) throw new Error(`${s.file}: duplicate scenario name "${s.name}"`);
    names.add(s.name);
  }
  return out;
}
