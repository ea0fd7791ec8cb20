// Compliance and safety rules, pure functions used on the live path of every bot.
//
// Inbound screening (run before a bot decides anything):
// - detectOptOut / detectOptIn: TCPA (47 U.S.C. § 227) and carrier rules. Any reasonable
//   request to stop must be honoured, so keywords count as whole messages or sentences, and
//   clear requests count anywhere; substrings never count ("stop by the house").
// - classifyAiQuestion: California B.O.T. Act (Bus. & Prof. Code § 17940) and FTC deception
//   rules: a sincere "are you a bot?" gets an honest answer; banter does not.
// - detectPromptInjection: attempts to rewrite the rules; the reply logic never changes.
// - detectFairHousingRequest: Fair Housing Act (42 U.S.C. § 3604) and California FEHA (adds
//   source of income): requests to choose or avoid people or areas by a protected class.
// - detectRespaOffer / detectLenderSteeringRequest: RESPA § 8 (12 U.S.C. § 2607): no referral
//   fees or kickbacks, and no steering to a named lender, title or escrow company.
// - detectCcpaRequest: CCPA/CPRA consumer requests (delete, know, do-not-sell); 45-day window.
// - detectHumanRequest, detectDistress, detectCommissionQuestion, detectHarassment: escalation
//   triggers; a person handles legal/financial distress, compensation talk (antitrust, 2024
//   NAR settlement) and abuse.
//
// Outbound filter (run on every reply before it is sent):
// - checkOutbound: length, URLs, emoji, one question, no AI/model/instruction talk, no steering
//   language (HUD advertising guidance), no dash clutter. sanitizeOutbound applies only the
//   mechanical fixes; anything else means falling back to a safe template.
//
// Every detector is case-, accent- and punctuation-insensitive and works on English and Spanish.

export { classifyAiQuestion, detectPromptInjection } from './ai-question.ts';
export { detectCcpaRequest } from './ccpa.ts';
export { detectCommissionQuestion } from './commission.ts';
export { type DistressKind, detectDistress } from './distress.ts';
export { detectFairHousingRequest, type ProtectedClass } from './fair-housing.ts';
export { detectHarassment } from './harassment.ts';
export { detectHumanRequest } from './human-request.ts';
export { detectOptIn, detectOptOut } from './opt-out.ts';
export {
  checkOutbound,
  countQuestions,
  type OutboundCheck,
  type OutboundOptions,
  type OutboundViolation,
} from './outbound.ts';
export { detectLenderSteeringRequest, detectRespaOffer } from './respa.ts';
export { sanitizeOutbound } from './sanitize.ts';
export {
  isInsideSendWindow,
  type LeadSendWindow,
  type LeadWhereabouts,
  nextAllowedSend,
  sendWindowFor,
} from './quiet-hours.ts';
export { decideSendConsent, REPLY_GRACE_MS, type SendConsent, type SendTiming } from './send-consent.ts';
export { normalize } from './text.ts';
