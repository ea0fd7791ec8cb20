import { detectLenderSteeringRequest } from '../compliance/index.ts';
import { readMessage } from '../read-message.ts';
import type { TurnDecision } from '../turn.ts';
import type { TurnCue } from './skill.ts';

/**
 * Audit events after which the reply is a compliance answer (opt-out confirmation, fair-housing
 * refusal, honest AI disclosure…) or a safe default that replaced a blocked reply.
 */
export const COMPLIANCE_EVENTS: ReadonlySet<string> = new Set([
  'tcpa_opt_out',
  'tcpa_opt_in',
  'tcpa_help',
  'ai_disclosure',
  'fair_housing_request',
  'respa_offer',
  'ccpa_request',
  'harassment',
  'outbound_blocked',
  'prompt_injection_ignored',
]);
const OBJECTION_EVENTS = new Set(['seller_changed_mind', 'seller_evasive_handoff', 'objection', 'feeling']);
const SCHEDULING_EVENTS = new Set(['appointment_booked', 'appointment_requested']);

export type CueDecision = Pick<
  TurnDecision,
  'events' | 'escalation' | 'compliance' | 'state' | 'needsSlots' | 'actions' | 'reading'
>;

/**
 * What a decided reply involves beyond its bot, stage and language, for choosing the skills the
 * model needs to phrase it: read from the decision's audit events, escalation, stage and CRM
 * actions, and from the lead's message as the turn read it (read again against `pendingBefore`,
 * the question open before this turn, only when the decision does not carry its reading).
 */
export function replyCues(text: string, decision: CueDecision, pendingBefore: string | null): TurnCue[] {
  const cues = new Set<TurnCue>();
  const events = decision.events.map((e) => e.action);
  const reading = decision.reading ?? readMessage(text, pendingBefore, []);

  if (
    decision.compliance ||
    events.some((e) => COMPLIANCE_EVENTS.has(e)) ||
    detectLenderSteeringRequest(text)
  )
    cues.add('compliance');
  if (decision.escalation) cues.add('escalation');
  if (
    reading.hardship ||
    reading.anchoring ||
    reading.marketTiming ||
    reading.changedMind ||
    events.some((e) => OBJECTION_EVENTS.has(e))
  )
    cues.add('objection');
  const { stage, pending } = decision.state;
  if (
    stage === 'scheduling' ||
    stage === 'booked' ||
    pending?.startsWith('schedule.') ||
    decision.needsSlots ||
    events.some((e) => SCHEDULING_EVENTS.has(e))
  )
    cues.add('scheduling');
  if (namesHomes(decision) || reading.marketTiming) cues.add('market');
  return [...cues].sort();
}

/** Homes named from the listings: a note with the matches, or the count of matching homes. */
export function namesHomes(decision: Pick<TurnDecision, 'actions'>): boolean {
  return decision.actions.some(
    (a) => a.type === 'add_note' || (a.type === 'set_fields' && 'matching_homes' in a.fields),
  );
}
