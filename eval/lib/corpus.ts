import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Act, AskedQuestion, BotKind, Slots } from '../../src/domain/understand/types.ts';

// Reads the labelled corpus in eval/corpus (schema in its README).

/**
 * Every split in the order reports list them: train and the development splits (dev, dev2 …
 * dev23) are for development; test is held out (measure only). A new split is added here and in
 * eval/corpus (validate.mjs, count.mjs).
 */
export const SPLITS = [
  'train',
  'dev',
  'dev2',
  'dev3',
  'dev4',
  'dev5',
  'dev6',
  'dev7',
  'dev8',
  'dev9',
  'dev10',
  'dev11',
  'dev12',
  'dev13',
  'dev14',
  'dev15',
  'dev16',
  'dev17',
  'dev18',
  'dev19',
  'dev20',
  'dev21',
  'dev22',
  'dev23',
  'test',
] as const;
export type Split = (typeof SPLITS)[number];
/** The splits that may be trained and tuned on: all but the held-out test split. */
export const DEVELOPMENT_SPLITS: readonly Split[] = SPLITS.filter((s) => s !== 'test');

export interface Utterance {
  id: string;
  lang: 'en' | 'es';
  context: { bot: BotKind; lastQuestion: AskedQuestion | null; now: string };
  text: string;
  acts: Act[];
  slots: Slots;
  note?: string;
}

export interface Conversation {
  id: string;
  lang: 'en' | 'es';
  bot: BotKind;
  tags: string[];
  contact?: { firstName?: string; lastName?: string };
  now: string;
  turns: string[];
  expect: {
    opted_out: boolean;
    must_not_solicit_after?: number;
    slots?: Slots;
    temperature?: 'hot' | 'warm' | 'cold';
    appointment_offered?: true;
    question_answered?: string[];
    handoff_to_human?: boolean;
    language?: 'en' | 'es';
    max_repeats?: number;
  };
}

const CORPUS = join(dirname(fileURLToPath(import.meta.url)), '..', 'corpus');

function readJsonl<T>(file: string): T[] {
  return readFileSync(join(CORPUS, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

export function loadUtterances(split: Split): Utterance[] {
  return readJsonl<Utterance>(`utterances-${split}.jsonl`);
}

export function loadConversations(split: Split): Conversation[] {
  return readJsonl<Conversation>(`conversations-${split}.jsonl`);
}

/** "objection:has_agent", "question:home_value", "keyword:STOP", "affirm": one label per act. */
export function actLabel(a: Act): string {
  switch (a.act) {
    case 'question':
      return `question:${a.topic}`;
    case 'objection':
      return `objection:${a.type}`;
    case 'scheduling':
      return `scheduling:${a.kind}`;
    case 'feeling':
      return `feeling:${a.kind}`;
    case 'keyword':
      return `keyword:${a.kind}`;
    case 'identity_question':
      return `identity_question:${a.sincere ? 'sincere' : 'not_sincere'}`;
    default:
      return a.act;
  }
}
