/**
 * Pure fact extraction from lead messages, English and Spanish. Every function takes the raw text
 * of one message and returns what it states, or an empty value (null, {} or []) when it states
 * nothing, so the bots can run all of them on every message and keep what they find.
 *
 * Readers whose answer depends on the question the bot just asked take `{ justAsked }`: a bare
 * "750" is a price only after "what price would make you happy?", a bare "not yet" is financing
 * only after the financing question. `extractTimelineAcceptance` is the one reader made for a
 * single question, so its `justAsked` defaults to true.
 */
export { extractAddress } from './address.ts';
export { defaultNeighborhoods, extractAreas } from './areas.ts';
export { type Budget, extractBudget } from './budget.ts';
export { type Condition, extractCondition } from './condition.ts';
export { CHANGED_MIND_TO_YES, isBackIn, isChangedMind, isGreeting, mentionsAdOrReferral } from './cues.ts';
export { detectLanguage, followLanguage, type Language } from './detect-language.ts';
export {
  extractFinancing,
  type Financing,
  type FinancingOptions,
  type FinancingStatus,
  paysCashAsBuyer,
} from './financing.ts';
export { detectHardship, type Hardship } from './hardship.ts';
export { classifyIntent, type Intent, type IntentResult, speaksOfOthers } from './intent.ts';
export { type MoneyOptions, parseMoney } from './money.ts';
export { extractMotivation, type Motivation, type MotivationKind } from './motivation.ts';
export { extractMustHaves, type MustHave } from './must-haves.ts';
export { parseNumberWords } from './numbers-in-words.ts';
export { extractOfferPath, type OfferPath } from './offer-path.ts';
export { detectPriceAnchoring, extractPriceExpectation } from './price.ts';
export { extractRooms, type Rooms, type RoomsOptions } from './rooms.ts';
export {
  extractTimeline,
  type Horizon,
  resolveTimeline,
  type Season,
  type Timeline,
  type Urgency,
} from './timeline.ts';
export { type Acceptance, type AcceptanceContext, extractTimelineAcceptance } from './timeline-acceptance.ts';
export { isKeyboardMash, isVague } from './vague.ts';
