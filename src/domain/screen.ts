import {
  classifyAiQuestion,
  detectCcpaRequest,
  detectCommissionQuestion,
  detectDistress,
  detectFairHousingRequest,
  detectHarassment,
  detectHumanRequest,
  detectLenderSteeringRequest,
  detectOptOut,
  detectPromptInjection,
  detectRespaOffer,
} from './compliance/index.ts';
import { detectHelp } from './compliance/keywords.ts';
import { detectLanguage } from './language/index.ts';
import { simplify } from './language/normalize.ts';
import { hasKey } from './templates/index.ts';
import type { TurnContext } from './turn-context.ts';

const REAL_ESTATE =
  /\b(?:home|homes|house|houses|property|properties|condo|townhome|sell|selling|sold|buy|buying|list|listing|listings|price|prices|worth|value|bed|beds|bedroom|bedrooms|bath|baths|realtor|agent|mortgage|lender|loan|pre-?approv\w*|neighborhood|area|market|offer|escrow|showing|appraisal|move|moving|rent|hoa|pool|garage|yard|sqft|square feet|casa|casas|vender|comprar|propiedad|precio|recamaras?|cuartos?|mudar\w*|vecindario|zona|hipoteca|prestamista|vale|valga|valdria|valor|vendo|vendemos|compro|compramos|venta|agente|enganche|credito|cierre|renta|alquiler|inspection|inspeccion|closing|commission|comision|tax|taxes|impuestos|credit|down payment|interest|rates?|tasas?|land|acre|acres|acreage|parcel|mobile home|manufactured|trailer|traila|terreno|terrenos|lote|lotes|solar|casa movil|townhouse|duplex|triplex|fourplex|apartment|apartamento|departamento)\b/i;

// "today" or "next week" alone is no sign of real estate, unless it answers our timeline question.
const TIMING_FACTS = new Set(['horizon', 'months', 'timelineAcceptable']);

/**
 * The whole message asks what our last one meant: "what does that mean?", "huh?", "wdym",
 * "I don't understand", "¿cómo?", "¿qué quiere decir?". Answered by asking again in other words.
 */
const CLARIFY =
  /^(?:(?:sorry |um+ |uh+ )?(?:what|huh|wdym|meaning|come again|pardon|what do (?:you|u) mean|what does (?:that|this) mean|whats that mean|what (?:you|u) mean|i dont (?:understand|get it|follow)|dont understand|not sure what (?:you|u) mean|como|que|mande|no entiendo|no le entiendo|que quiere decir|que significa|a que se refiere|como que)[ ?!.]*)$/;

/**
 * "Can you call me?", "can I talk to Jorge?": the agent is asked in and will reach out, and the
 * lead is told so. False when the message asks for no person.
 */
export function handToPersonOnRequest(ctx: TurnContext, { alreadyHeld = false } = {}): boolean {
  if (!detectHumanRequest(ctx.text, ctx.cfg.persona.agentName)) return false;
  ctx.holdingMessage();
  // Held for the agent already ("can Jorge call me?" after a loss): the open escalation stands.
  if (!alreadyHeld) ctx.escalate('human_request');
  ctx.audit('human_requested');
  for (const topic of new Set(ctx.reading.acts.flatMap((a) => (a.act === 'question' ? [a.topic] : []))))
    ctx.audit('question_answered', { topic, source: 'agent' });
  return true;
}

/**
 * A question about what was just said ("is that gonna be a problem?", "does that matter?", "¿eso
 * afecta?"): about the lead's own situation, so never off-topic.
 */
const FOLLOW_UP_QUESTION =
  /^(?:(?:but|so|and|ok|okay|y|pero|entonces|o sea)\s+)?(?:(?:is|does|will|would|could|can|should|do|did|was|are|isnt|doesnt|wont)\s+(?:that|this|it|those|these)\b|(?:that|this)\s+(?:is|isnt|gonna|going|will|wont|would|could|might|matters?)\b|(?:eso|esto)\s+(?:es|afecta|importa|cuenta|sera|va a)\b|(?:afecta|importa|cuenta|influye)\s+(?:eso|esto|en algo)\b)/;

/** A question or request with nothing to do with real estate ("what's the weather", "tell me a joke"). */
export function isOffTopic(ctx: TurnContext): boolean {
  const r = ctx.reading;
  const timingAsked = ctx.state.pending?.endsWith('.timeline') ?? false;
  const facts = Object.keys(r.facts).filter((k) => timingAsked || !TIMING_FACTS.has(k));
  if (REAL_ESTATE.test(ctx.text) || facts.length > 0 || r.slots.language_switch) return false;
  if (FOLLOW_UP_QUESTION.test(simplify(ctx.text).replace(/^[¿¡]+/, ''))) return false;
  // A question we can answer or hand on, an objection, a feeling or a scheduling request is never
  // brushed off as off-topic.
  if (r.acts.some((a) => a.act !== 'other' && (a.act !== 'question' || a.topic !== 'other'))) return false;
  if (r.intent.intent !== 'other' || r.greeting || r.vague || r.changedMind || r.adOrReferral) return false;
  if (r.meetingRequest || r.marketTiming || r.twoDeciders || r.multipleProperties) return false;
  return /\?|^(?:can|could|will|would|tell|write|help|what|who|how|why|when|where|do|does|is|are)\b/i.test(
    ctx.text.trim(),
  );
}

// The lead bot remembers its questions under their own names; these are the words for them.
const QUESTION_WORDING: Record<string, string> = {
  'lead.intent': 'lead.ask_intent',
  'lead.first': 'lead.ask_first',
};

/**
 * Asks again whatever is pending (in new words), or buy/sell when nothing is. False when there is
 * nothing to ask again here (a slot offer, or a Buyer/Seller question not yet asked): the owning
 * bot then answers.
 */
export function reaskPending(ctx: TurnContext): boolean {
  const pending = ctx.state.pending;
  if (pending && pending !== 'schedule.slots') {
    const key = QUESTION_WORDING[pending] ?? pending;
    if (!hasKey(key)) return false;
    ctx.ask(key, (ctx.state.vague[pending] ?? 0) + 1);
    ctx.state.pending = pending;
    return true;
  }
  if (ctx.state.owner !== 'lead' || pending) return false;
  ctx.ask('lead.ask_intent', 1);
  ctx.state.pending = 'lead.intent';
  return true;
}

/**
 * Compliance and safety before any bot sees the message. Returns true when the message was fully
 * handled here (opt-out, fair housing, CCPA, AI question…), false to let the owning bot answer.
 */
/** STOP in any words: recorded, confirmed once, and nothing else is said. True when it was one. */
export function optOut(ctx: TurnContext): boolean {
  if (!detectOptOut(ctx.text)) return false;
  const { cfg, reading } = ctx;
  // "ALTO", "no me escribas": the confirmation is in the language the lead just wrote, even a
  // one-word message or a first one in another language than the conversation so far.
  const wrote = detectLanguage(ctx.text);
  if (wrote) ctx.state.lang = ctx.state.facts.language ?? wrote;
  // "No more texts, email me at …": texts stop, and the lead is told email is how we will write.
  const byEmail =
    reading.slots.email !== undefined ||
    (ctx.state.facts.email !== undefined &&
      reading.acts.some((a) => a.act === 'question' && a.topic === 'switch_to_email'));
  // "This was my mother's phone, she passed away. Please stop": condolences first, and a person is
  // told, so the CRM record of someone who died is dealt with by the agent, not only silenced.
  const grieving = reading.acts.some((a) => a.act === 'feeling' && a.kind === 'grief');
  if (grieving) ctx.say('empathy.death', {}, { keep: true });
  ctx.say(byEmail ? 'compliance.opt_out_email' : 'compliance.opt_out', {}, { keep: true });
  if (byEmail) ctx.audit('question_answered', { topic: 'switch_to_email', source: 'opt_out' });
  ctx.addTags(cfg.tags.optOut, cfg.tags.aiOff);
  ctx.actions.push({ type: 'set_contact', optedOut: true });
  ctx.state.pending = null;
  ctx.audit('tcpa_opt_out', { rule: 'opt_out_keyword' });
  // A threat, a complaint or anger with the STOP ("I'm reporting this number"): a person is told.
  const hostile = reading.acts.some(
    (a) => (a.act === 'objection' && a.type === 'hostile') || (a.act === 'feeling' && a.kind === 'anger'),
  );
  if (hostile) ctx.escalate('hostile_opt_out');
  else if (grieving) ctx.escalate('bereaved_opt_out');
  return true;
}

/** The carrier HELP answer, which says who is writing: "help, what is this?" is answered by it. */
export function helpAnswer(ctx: TurnContext): void {
  ctx.say('compliance.help', {}, { keep: true });
  ctx.audit('tcpa_help');
  if (ctx.reading.acts.some((a) => a.act === 'question' && a.topic === 'identity'))
    ctx.audit('question_answered', { topic: 'identity', source: 'help' });
}

export function screenMessage(ctx: TurnContext): boolean {
  const { text, cfg } = ctx;
  if (optOut(ctx)) return true;
  if (detectHelp(text)) {
    helpAnswer(ctx);
    return true;
  }
  if (detectHarassment(text)) {
    ctx.say('compliance.calm', {}, { keep: true });
    ctx.flagCompliance('harassment', 'harassment_language');
    // Abuse is for a person to handle, not only a ticket: the agent is told too.
    ctx.escalate('harassment');
    ctx.audit('harassment', { rule: 'harassment' });
    return true;
  }
  if (detectCcpaRequest(text)) {
    ctx.say('compliance.ccpa', {}, { keep: true });
    ctx.addTags(cfg.tags.ccpaDeletion);
    ctx.actions.push({ type: 'set_contact', paused: true, pausedReason: 'ccpa_request' });
    ctx.task(
      'CCPA data request',
      'The lead asked about or to delete their personal data. Respond within 45 days as CCPA requires.',
      24,
    );
    ctx.flagCompliance('privacy', 'ccpa_request');
    ctx.audit('ccpa_request', { rule: 'ccpa' });
    return true;
  }
  const fh = detectFairHousingRequest(text);
  if (fh) {
    ctx.say('compliance.fair_housing', {}, { keep: true });
    ctx.addTags(cfg.tags.complianceAlert);
    ctx.flagCompliance('fair_housing', 'fair_housing_request');
    ctx.audit('fair_housing_request', { rule: 'fair_housing', protectedClass: fh.protectedClass });
    return true;
  }
  if (detectRespaOffer(text)) {
    ctx.say('compliance.respa', {}, { keep: true });
    ctx.flagCompliance('respa', 'respa_referral_fee_offer');
    ctx.audit('respa_offer', { rule: 'respa_section_8' });
    return true;
  }
  const ai = classifyAiQuestion(text);
  if (ai === 'sincere') {
    ctx.allowAiDisclosure = true;
    // "is this a real person? do buyers pay you?": the disclosure comes first and alone, and the
    // other questions are answered after it (turn.ts), in place of the offer of the agent.
    const more = ctx.reading.acts.some((a) => a.act === 'question' && a.topic !== 'identity');
    ctx.say(more ? 'compliance.ai_disclosure_brief' : 'compliance.ai_disclosure', {}, { keep: true });
    ctx.audit('ai_disclosure');
    return true;
  }
  const commission = detectCommissionQuestion(text);
  if (commission === 'co_broke') {
    // Another agent asking about compensation: the agent answers that in person.
    ctx.say('lead.commission', {}, { keep: true });
    ctx.escalate('commission', { kind: commission });
    ctx.audit('commission_question', { kind: commission });
    ctx.audit('question_answered', { topic: 'fees_commission', source: 'agent' });
    return true;
  }
  if (commission) {
    // A lead asking our fees: answered from the knowledge base (no figures unless the realtor
    // configured them), the agent gets a task, and the conversation goes on.
    ctx.audit('commission_question', { kind: commission });
    ctx.task(
      'Lead asked about commission',
      `The lead asked about fees; please go over them personally. Their message: "${text.slice(0, 300)}"`,
      4,
    );
    if (!ctx.reading.acts.some((a) => a.act === 'question' && a.topic === 'fees_commission'))
      ctx.reading = {
        ...ctx.reading,
        acts: [...ctx.reading.acts, { act: 'question', topic: 'fees_commission' }],
      };
  }
  if (handToPersonOnRequest(ctx)) return true;
  const distress = detectDistress(text);
  if (distress) {
    ctx.holdingMessage();
    ctx.escalate(`distress:${distress}`);
    ctx.audit('distress', { kind: distress });
    return true;
  }
  if (detectPromptInjection(text)) ctx.audit('prompt_injection_ignored');
  if (detectLenderSteeringRequest(text)) {
    // The lender question is answered by the free-choice statement, not handed on.
    ctx.say('compliance.lender_choice', {}, { keep: true });
    ctx.reading = {
      ...ctx.reading,
      acts: ctx.reading.acts.filter((a) => a.act !== 'question' || a.topic !== 'other'),
    };
  }
  // "what does that mean?" after our question: the same question in other words, never "I can
  // only help with real estate".
  if (ctx.state.pending && CLARIFY.test(simplify(text).replace(/^[¿¡]+/, ''))) {
    const lead = ctx.parts.length;
    ctx.say('misc.clarify');
    if (reaskPending(ctx)) {
      // Asked twice already, the question went to the agent instead: no "let me put it another way".
      if (!ctx.parts.some((p) => p.asks)) ctx.parts.splice(lead, 1);
      ctx.audit('clarification_asked');
      return true;
    }
    ctx.parts.splice(lead, 1);
  }
  if (ctx.reading.code || ctx.reading.mash || isOffTopic(ctx)) {
    ctx.say(ctx.reading.code || ctx.reading.mash ? 'misc.mash' : 'misc.off_topic');
    if (reaskPending(ctx)) return true;
    // Nothing to ask again here: the owning bot goes on, learning nothing from this message.
    ctx.reading = { ...ctx.reading, facts: {}, vague: true };
  }
  return false;
}
