import type { Reading } from './read-message.ts';
import { crossCheck } from './understand/cross-check.ts';
import { factsFromSlots } from './understand/slots-to-facts.ts';
import type { Slots, Understanding } from './understand/types.ts';

/**
 * The turn's reading with a language model's reading of the same message, cross-checked
 * (`crossCheck`): the acts and slots the message backs are added, the rules' own values and facts
 * stay as they were, and a model-read intent counts only when the rules found none. Pure.
 */
export function withModelReading(
  reading: Reading,
  model: Understanding,
  text: string,
  neighborhoods: readonly string[],
): Reading {
  const merged = crossCheck({ acts: reading.acts, slots: reading.slots }, model, text, { neighborhoods });
  const added: Slots = {};
  for (const key of Object.keys(merged.slots) as (keyof Slots)[]) {
    if (reading.slots[key] === undefined) Object.assign(added, { [key]: merged.slots[key] });
  }
  const out: Reading = {
    ...reading,
    acts: merged.acts,
    slots: merged.slots,
    facts: { ...factsFromSlots(added), ...reading.facts },
  };
  if (added.intent && reading.intent.intent === 'other')
    out.intent = { intent: added.intent, confidence: 0.6 };
  return out;
}
