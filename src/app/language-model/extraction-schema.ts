import { z } from 'zod';
import { MAX_HOME_PRICE, MIN_HOME_PRICE } from '../../domain/language/budget.ts';
import {
  type Act,
  type ConditionSlot,
  type FeelingKind,
  type MotivationSlot,
  OBJECTION_TYPES,
  QUESTION_TOPICS,
  type SchedulingKind,
  type Slots,
  type Understanding,
} from '../../domain/understand/types.ts';
import type { ModelRequest } from '../../ports.ts';

// The extraction task's answer is the same Understanding the rules produce
// (src/domain/understand/types.ts): one zod schema here, checked against those types at compile
// time; the JSON schema the model is given is generated from it.

/** The values of a union type, checked complete at compile time. */
const allOf =
  <T extends string>() =>
  <const A extends readonly T[]>(
    values: A & ([Exclude<T, A[number]>] extends [never] ? unknown : { missing: Exclude<T, A[number]> }),
  ): A =>
    values;

const SCHEDULING = allOf<SchedulingKind>()(['time_preference', 'reschedule', 'cancel', 'confirm']);
const FEELINGS = allOf<FeelingKind>()(['anger', 'grief', 'stress', 'urgency', 'excitement']);
const CONDITIONS = allOf<ConditionSlot>()(['excellent', 'good', 'fair', 'needs_work', 'poor']);
const MOTIVATIONS = allOf<MotivationSlot>()([
  'relocation',
  'job',
  'upsizing',
  'downsizing',
  'divorce',
  'death_in_family',
  'financial',
  'retirement',
  'investment',
  'bought_another',
  'moving_in_with_partner',
  'marriage',
  'taxes',
  'tenants',
  'inherited',
  'other',
]);

// Keywords (STOP, HELP, START) are read by the deterministic compliance reader alone: the model is
// not asked for them, and an answer that carries one does not fit this schema.
const actSchema = z.discriminatedUnion('act', [
  z.object({ act: z.literal('answer') }),
  z.object({ act: z.literal('question'), topic: z.enum(QUESTION_TOPICS) }),
  z.object({ act: z.literal('objection'), type: z.enum(OBJECTION_TYPES) }),
  z.object({ act: z.literal('scheduling'), kind: z.enum(SCHEDULING) }),
  z.object({ act: z.literal('feeling'), kind: z.enum(FEELINGS) }),
  z.object({ act: z.literal('identity_question'), sincere: z.boolean() }),
  z.object({ act: z.literal('greeting') }),
  z.object({ act: z.literal('affirm') }),
  z.object({ act: z.literal('deny') }),
  z.object({ act: z.literal('other') }),
]);

const dollars = z.number().int().min(MIN_HOME_PRICE).max(MAX_HOME_PRICE);
const words = (max: number) => z.string().trim().min(1).max(max);

const slotsSchema = z.object({
  intent: z.enum(['buy', 'sell', 'both']).optional(),
  price: dollars.optional(),
  price_min: dollars.optional(),
  price_max: dollars.optional(),
  budget_min: dollars.optional(),
  budget_max: dollars.optional(),
  timeline_months: z.number().int().min(0).max(120).optional(),
  condition: z.enum(CONDITIONS).optional(),
  motivation: z.enum(MOTIVATIONS).optional(),
  preapproved: z.boolean().optional(),
  lender: words(80).optional(),
  bedrooms: z.number().int().min(0).max(20).optional(),
  bathrooms: z.number().min(0).max(20).multipleOf(0.5).optional(),
  area: words(60).optional(),
  address: words(160).optional(),
  email: z.email().max(254).optional(),
  phone: z
    .string()
    .regex(/^\+1\d{10}$/)
    .optional(),
  yes_no: z.enum(['yes', 'no']).optional(),
  language_switch: z.enum(['en', 'es']).optional(),
});

/** The extraction answer: every act the message carries and the slot values it states. */
export const extractionSchema = z.object({
  acts: z.array(actSchema).max(8).default([]),
  slots: slotsSchema.default({}),
});

// Compile-time: the schema reads exactly the shared types (no keyword act, every slot).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Parsed = z.infer<typeof extractionSchema>;
type Required<T> = { [K in keyof T]-?: Exclude<T[K], undefined> };
const _acts: Same<Parsed['acts'][number], Exclude<Act, { act: 'keyword' }>> = true;
const _slots: Same<Required<Parsed['slots']>, Required<Slots>> = true;
void _acts;
void _slots;

/** Nulls a model sends for "nothing here" are dropped before the schema reads the answer. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, withoutNulls(v)]),
  );
}

/** The model's extraction answer as an Understanding, or null when it does not fit the schema. */
export function readExtraction(json: unknown): Understanding | null {
  const parsed = extractionSchema.safeParse(withoutNulls(json));
  if (!parsed.success) return null;
  const slots: Slots = {};
  for (const [key, value] of Object.entries(parsed.data.slots)) {
    if (value !== undefined) Object.assign(slots, { [key]: value });
  }
  return { acts: parsed.data.acts as Act[], slots };
}

function toJsonSchema(): Record<string, unknown> {
  const { $schema: _, ...schema } = z.toJSONSchema(extractionSchema) as Record<string, unknown>;
  return schema;
}

/** JSON schema of the extraction answer (sent as a forced tool call). */
export const EXTRACTION_JSON_SCHEMA: Record<string, unknown> = toJsonSchema();

export const EXTRACTION_OUTPUT: NonNullable<ModelRequest['output']> = {
  name: 'record_reading',
  description:
    "The dialogue acts the lead's message carries and the slot values it states; leave out any slot it does not state.",
  schema: EXTRACTION_JSON_SCHEMA,
};

const describe = (field: z.ZodType): string => {
  const inner = field instanceof z.ZodOptional ? field.unwrap() : field;
  if (inner instanceof z.ZodEnum) return inner.options.join('|');
  if (inner instanceof z.ZodNumber) return 'number';
  if (inner instanceof z.ZodBoolean) return 'true|false';
  return 'text';
};

/** The slots and their values, for the prompt: "price (number), condition (excellent|good|…)". */
export const SLOT_LIST = Object.entries(slotsSchema.shape)
  .map(([name, field]) => `${name} (${describe(field as z.ZodType)})`)
  .join(', ');

/** The acts and their kinds, for the prompt: "question (topic: identity|…)". */
export const ACT_LIST = actSchema.options
  .map((o) => {
    const act = o.shape.act.value;
    const kinds = Object.entries(o.shape)
      .filter(([k]) => k !== 'act')
      .map(([k, f]) => `${k}: ${describe(f as z.ZodType)}`);
    return kinds.length > 0 ? `${act} (${kinds.join('; ')})` : act;
  })
  .join(', ');
