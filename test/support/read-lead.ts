import { readUtterance } from '../../src/domain/understand/read-utterance.ts';
import type { AskedQuestion, BotKind } from '../../src/domain/understand/types.ts';

/** One lead message read as the corpus reads it: on 2026-12-04, after `lastQuestion`. */
export const readLead = (text: string, bot: BotKind, lastQuestion: AskedQuestion | null) =>
  readUtterance(text, { bot, lastQuestion, now: new Date('2026-12-04T18:00:00Z') });

/** The question topics, objection types and scheduling kinds a lead message carries. */
export const leadActs = (text: string, bot: BotKind, lastQuestion: AskedQuestion | null = null) =>
  readLead(text, bot, lastQuestion).acts.flatMap((a) =>
    a.act === 'question'
      ? [a.topic]
      : a.act === 'objection'
        ? [a.type]
        : a.act === 'scheduling'
          ? [a.kind]
          : [],
  );
