import type { QuestionTopic } from '../understand/types.ts';
import { DATA_TOPICS, fillWording, isDataTopic, paramsFor } from './render.ts';
import type { Answer, AnswerData, KnowledgeBase, KnowledgeFacts, KnowledgeTopic, Lang } from './types.ts';

/** One SMS; longer wordings fall back to the next one. */
export const ANSWER_MAX_LENGTH = 160;

function usableData(topic: KnowledgeTopic, data: AnswerData | undefined): AnswerData | undefined | null {
  if (!isDataTopic(topic)) return undefined;
  if (!data || data.kind !== DATA_TOPICS[topic].kind) return null;
  if (data.kind === 'value' && !(data.low > 0 && data.low <= data.high)) return null;
  return data;
}

/**
 * The knowledge base's answer to a lead's question, or `{ unknown: true }` when nobody configured
 * one (or, for value, listing, area and market questions, when no data was looked up). Nothing is
 * made up: every word comes from the realtor's wording and every figure from `facts` or `data`.
 */
export function answerQuestion(
  topic: QuestionTopic | KnowledgeTopic,
  kb: KnowledgeBase,
  lang: Lang,
  facts: KnowledgeFacts,
  data?: AnswerData,
  /** The room left in the SMS: a shorter wording is chosen when the first does not fit. */
  maxLength = ANSWER_MAX_LENGTH,
): Answer {
  if (topic === 'other') return { unknown: true };
  const entry = kb.topics[topic];
  if (!entry) return { unknown: true };
  const usable = usableData(topic, data);
  if (usable === null) return { unknown: true };
  const params = paramsFor(facts, lang, usable);
  for (const wording of entry[lang]) {
    const filled = fillWording(wording, params);
    if (filled !== null && [...filled].length <= Math.min(maxLength, ANSWER_MAX_LENGTH)) {
      return { text: filled, source: isDataTopic(topic) ? DATA_TOPICS[topic].source : `kb:${topic}` };
    }
  }
  return { unknown: true };
}
