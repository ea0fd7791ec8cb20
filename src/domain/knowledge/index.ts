/**
 * The knowledge base: what the bots may say when a lead asks them something, never more.
 *
 * Using it from a turn (the loaded base is `ctx.cfg.knowledge`, the persona `ctx.cfg.persona`):
 *
 *   const a = answerQuestion(act.topic, ctx.cfg.knowledge, ctx.lang, ctx.cfg.persona);
 *   if ('unknown' in a) { say "I'll have <agent> answer that"; open a task for the agent }
 *   else { say a.text; record a.source ("kb:fees_commission", "data:cma") for the dashboard }
 *
 * - Answers are single statements of at most 160 characters, with no question mark, link or
 *   emoji, so the bot can append its next open question and stay within one SMS.
 * - `facts` is the persona (agentName, market, optional assistantName, brokerage, licenseNumber)
 *   plus, when known, the lead's own `leadEmail` (to confirm "email me instead").
 * - home_value, listing_status, area_info and market answer only from `data` the app looked up:
 *   `{ kind: 'value', low, high, address? }` from the CMA engine, `{ kind: 'listing', address, price,
 *   beds, status }` from the listings, `{ kind: 'area', area, median, months?, days? }` from the comps
 *   (marketSummary). Without it, or with data of another kind, they are `{ unknown: true }`.
 * - `other` and any topic the realtor switched off (`false` in the file) are always unknown.
 * - Identity answers say "assistant" but never "AI" or "bot": a sincere "are you a bot?" is the
 *   compliance disclosure's job (`compliance.ai_disclosure`, sent with allowAiDisclosure).
 * - `introduce(persona, lang)` is the assistant's self-introduction used by the lead opener.
 */
export { ANSWER_MAX_LENGTH, answerQuestion } from './answer-question.ts';
export { checkTopicAnswer, type WordingProblem } from './check-knowledge.ts';
export { defaultKnowledgeBase } from './default-knowledge.ts';
export { DATA_TOPICS, FACT_PLACEHOLDERS, introduce } from './render.ts';
export {
  type Answer,
  type AnswerData,
  KNOWLEDGE_TOPICS,
  type KnowledgeBase,
  type KnowledgeFacts,
  type KnowledgeTopic,
  type TopicAnswer,
  type Wording,
} from './types.ts';
