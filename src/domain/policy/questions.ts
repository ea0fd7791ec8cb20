import { streetName } from '../cma/locate-subject.ts';
import { DANGER_WORDS, SAFE_WORDS_EN, SAFE_WORDS_ES } from '../compliance/outbound-words.ts';
import { flatten, wordRegex } from '../compliance/text.ts';
import { buildCma } from '../cma/build-cma.ts';
import { marketSummary } from '../cma/market-summary.ts';
import type { SoldComp } from '../cma/types.ts';
import { type AnswerData, answerQuestion, type KnowledgeTopic } from '../knowledge/index.ts';
import { sellerAnswered, sellerTemperature } from '../seller/temperature.ts';
import type { TurnContext } from '../turn-context.ts';
import type { QuestionTopic } from '../understand/types.ts';

// A lead's question is answered before the bot asks its next question: from the knowledge base,
// or from data (the CMA engine, the listings, the comps), never invented. A question nobody
// configured gets an honest "I'll have <agent> answer that" and a task for the agent.

/**
 * Moving or cancelling an appointment: while times are being offered the booking flow handles it;
 * otherwise the lead gets the knowledge-base answer and the agent a task to change the calendar.
 */
const APPOINTMENT = new Set<QuestionTopic>(['reschedule', 'cancel']);

const localDay = (now: Date) => now.toISOString().slice(0, 10);

/**
 * An area question about schools, safety or which neighbourhood is "good" (for families, kids…).
 * Fair housing: no verdict and no price levels that steer; the lead gets public sources and the
 * agent a task. Deterministic, like every fair housing rule.
 */
const AREA_QUALITY = wordRegex(
  `schools?|school (?:district|ratings?|scores?)|escuelas?|colegios?|${SAFE_WORDS_EN}|${SAFE_WORDS_ES}|${DANGER_WORDS}|crime|crimen|criminalidad|(?:good|best|better|nice|nicest|great|decent|quiet|safest|top) (?:area|areas|part|parts|neighborhood|neighborhoods|neighbourhood|neighbourhoods|community|communities|streets?|side|zip)|(?:family|kid|child) friendly|(?:for|with) (?:families|a family|kids|children|retirees)|(?:buen|buena|buenas|buenos|mejor|mejores) (?:zona|zonas|area|areas|vecindario|vecindarios|colonia|colonias|barrio|barrios)|para (?:familias|ninos|la familia)`,
);
/** Area questions the comps cannot answer (commute, traffic, things to do): the agent answers. */
const AREA_NOT_PRICES = wordRegex(
  'commutes?|commuting|traffic|freeway|things to do|restaurants|shopping|parks|weather|trafico|transito|que hacer',
);

/**
 * A process or pre-approval question about whether the lead's own finances qualify (an ITIN,
 * credit, a bankruptcy, a loan program, residency, self-employment, the down payment): the general
 * steps of a purchase do not answer it, so the agent does (and may point to lenders, never one in
 * particular).
 */
const OWN_FINANCES =
  'itin|credit|credito|bankruptcy|bancarrota|fha|va loan|usda|conventional|citizens?|citizenship|ciudadan[oa]s?|ciudadania|green card|residencia|visa|daca|self employed|1099|w2|income|ingresos|debt|deudas?|student loans?';
const FINANCING_SPECIFICS = wordRegex(
  `${OWN_FINANCES}|down payment|enganche|qualify|calificar|programs?|programas?`,
);
const OWN_FINANCES_RE = wordRegex(OWN_FINANCES);

// "how much do I need to put down?", "are there first time buyer programs?", "¿hay programas para
// el enganche?": the general answer (and the agent connects them with lenders). With their credit,
// income or status in it the question is their own case, which the agent answers.
// "do I have to fix it up before selling?", "can we sell it as is?", "¿tengo que arreglarla antes
// de vender?": whether repairs come first, which has a general answer.
const REPAIRS_FIRST = wordRegex(
  '(?:fix|fixing|repair|repairing|redo|update|updating|paint|painting)(?: (?:it|the house|the home|the place|things|anything|everything|stuff))?(?: up)? (?:before|prior to) (?:selling|listing|we sell|i sell|we list|i list|putting it)|(?:sell|list) (?:it |the house |the home )?as ?is|(?:arreglar|reparar|componer|pintar|remodelar)(?:la|le|lo)? (?:[a-z]+ ){0,2}antes de (?:vender|venderla|listar|ponerla)|(?:vender|venderla|venderse) (?:asi|tal como esta|como esta)',
);
const DOWN_PAYMENT = wordRegex(
  'down ?payments?|put(?:ting)? down|minimum down|enganche|(?:first time (?:home )?buyers?|assistance|help|grant) programs?|programas? (?:de ayuda|para (?:el enganche|primer\\w*|compradores))|hay programas?',
);

// "do I need to bring anything? my letter?", "can we even sell during probate?", "what is escrow
// exactly?": one step or one situation, which the general steps answer does not answer.
const PROCESS_SPECIFICS = wordRegex(
  'bring|clean|fix|repair|arreglar|limpiar|llevar|traer|escrow|probate|tenants?|inquilinos|during|durante|taxes|impuestos|hoa|contingenc\\w*|inspection|inspeccion|appraisal|avaluo|earnest|deposit|deposito|two mortgages|dos hipotecas|sign|firmar|contract|contrato|trust|fideicomiso',
);

// "how do I get one?", "do I go to my bank?", "what do I need for that?": how to get pre-approved.
// Broader than the reader's list (understand/questions.ts, PREAPPROVAL_FOLLOW_UP), which must
// tell a pre-approval question from any other; here the question is known to be one.
const HOW_TO_GET = wordRegex(
  'how (?:do|can|would|should) (?:i|we) (?:get|do|start)|what do (?:i|we) need|(?:who|where) do (?:i|we) (?:call|go|start)|(?:go to|call|talk to) (?:my|our|the|a) (?:bank|lender|credit union)|como (?:le )?(?:hago|hacemos)|(?:tenemos|tengo|hay) que ir al banco',
);

/** The knowledge-base topic that answers a question read as `topic`. */
function answerTopic(
  topic: QuestionTopic,
  text: string,
  others: readonly QuestionTopic[] = [],
): QuestionTopic | KnowledgeTopic {
  // "¿necesito eso para ver casas? y ¿cuánto de enganche?": the down payment is the other question.
  if (topic === 'preapproval_needed' && others.some((t) => t === 'other' || t === 'process')) return topic;
  if (topic === 'other' || topic === 'process' || topic === 'preapproval_needed') {
    const flat = flatten(text);
    if (DOWN_PAYMENT.test(flat) && !OWN_FINANCES_RE.test(flat)) return 'down_payment';
  }
  // "¿se necesita buen crédito para que me aprueben?": the lead's own credit, not the general rule.
  if (topic === 'process' || topic === 'preapproval_needed') {
    const flat = flatten(text);
    if (topic === 'process' && REPAIRS_FIRST.test(flat)) return 'repairs';
    if (FINANCING_SPECIFICS.test(flat)) return 'other';
    if (topic === 'preapproval_needed' && HOW_TO_GET.test(flat)) return 'preapproval_how';
    return topic === 'process' && PROCESS_SPECIFICS.test(flat) ? 'other' : topic;
  }
  if (topic !== 'area_info') return topic;
  const flat = flatten(text);
  if (AREA_QUALITY.test(flat)) return 'area_quality';
  return AREA_NOT_PRICES.test(flat) ? 'other' : topic;
}

/** An answer this short still leaves room in one SMS for the bot's next question. */
const ROOM_FOR_A_QUESTION = 95;

function valueData(ctx: TurnContext, comps: readonly SoldComp[]): AnswerData | null {
  const address = ctx.state.facts.address;
  if (!address || comps.length === 0) return null;
  const outcome = buildCma({ address }, comps, localDay(ctx.now));
  if (!outcome.ok) return null;
  // A range from the whole market says nothing about this home: only a located subject counts.
  const basis = outcome.cma.subject.location.basis;
  if (basis === 'market' || basis === 'city') return null;
  return { kind: 'value', low: outcome.cma.range.low, high: outcome.cma.range.high, address };
}

function listingData(ctx: TurnContext): AnswerData | null {
  const text = ctx.text.toLowerCase();
  for (const l of ctx.world.listings) {
    const street = streetName(l.address).toLowerCase();
    const num = l.address.match(/^\d+/)?.[0];
    if ((street.length >= 4 && text.includes(street)) || (num && text.includes(num))) {
      return { kind: 'listing', address: l.address, price: l.price, beds: l.beds, status: l.status };
    }
  }
  return null;
}

function areaData(ctx: TurnContext, comps: readonly SoldComp[]): AnswerData | null {
  const area = ctx.reading.facts.areas?.[0] ?? ctx.state.facts.areas?.[0];
  if (!area || comps.length === 0) return null;
  const s = marketSummary(comps, localDay(ctx.now), area);
  if (s.sales < 3 || s.medianPrice === null) return null;
  return {
    kind: 'area',
    area,
    median: s.medianPrice,
    months: s.months,
    ...(s.medianDaysOnMarket !== null ? { days: s.medianDaysOnMarket } : {}),
  };
}

function dataFor(topic: QuestionTopic, ctx: TurnContext, comps: readonly SoldComp[]): AnswerData | undefined {
  const d =
    topic === 'home_value'
      ? valueData(ctx, comps)
      : topic === 'listing_status'
        ? listingData(ctx)
        : topic === 'area_info' || topic === 'market'
          ? areaData(ctx, comps)
          : null;
  return d ?? undefined;
}

// "what's my house worth", "cuánto vale nuestra casa", "and ours?": the lead's own home.
const OWN_HOME = wordRegex(
  '(?:my|our|mi|nuestra|nuestro) (?:[a-z]+ )?(?:house|home|place|condo|townhouse|townhome|property|casa|casita|propiedad|departamento)|ours|mine|la nuestra|la mia',
);

/** The buyer bot, for a lead who sells nothing, asked about a value without naming a home of theirs. */
function buyingOnly(ctx: TurnContext): boolean {
  if (ctx.state.owner !== 'buyer' || ctx.state.facts.intent === 'both') return false;
  if (ctx.reading.intent.intent === 'sell' || ctx.reading.intent.intent === 'both') return false;
  return !OWN_HOME.test(flatten(ctx.text));
}

/** A seller with all four answers selling soon: the reply offers the listing appointment. */
function readyToMeet(ctx: TurnContext): boolean {
  const { state } = ctx;
  if (state.owner !== 'seller' || state.stage !== 'qualifying') return false;
  return (
    Object.values(sellerAnswered(state.facts)).every(Boolean) && sellerTemperature(state.facts) === 'hot'
  );
}

/**
 * Answers every question in the message (once per topic). Returns true when the bot should not ask
 * its next question in this reply (it asked for the address to value the home). With `ask: false`
 * (the bot holds back) nothing is asked: a value without an address goes to the agent.
 */
export function answerQuestions(
  ctx: TurnContext,
  comps: readonly SoldComp[],
  opts: { ask?: boolean } = {},
): boolean {
  const asked = ctx.reading.acts.flatMap((a) =>
    a.act === 'question'
      ? [a.topic]
      : a.act === 'scheduling' && (a.kind === 'reschedule' || a.kind === 'cancel')
        ? [a.kind]
        : [],
  );
  const offering = ctx.state.stage === 'scheduling';
  // The lead asked what their home is worth and now gives the address we asked for: answer it.
  const valueAsked = (ctx.state.asked['question.value_need_address'] ?? 0) > 0;
  if (valueAsked && ctx.pendingBefore === 'seller.address' && ctx.reading.facts.address)
    asked.push('home_value');
  // While times are offered the scheduling flow moves or cancels the meeting; a question about how
  // to cancel later ("can we do sunday? and if something comes up, how do we cancel?") is answered.
  const acting = new Set<string>(ctx.reading.acts.flatMap((a) => (a.act === 'scheduling' ? [a.kind] : [])));
  const topics = [...new Set(asked)].filter((t) => !(offering && APPOINTMENT.has(t) && acting.has(t)));
  // A buyer's "what price is that?" (after a monthly payment) is not a home to value: no address
  // is asked for; the agent answers it.
  if (topics.includes('home_value') && buyingOnly(ctx))
    topics.splice(topics.indexOf('home_value'), 1, ...(topics.includes('other') ? [] : ['other' as const]));
  // Asking what their own home is worth says which side a new lead is on.
  if (topics.includes('home_value') && ctx.state.owner === 'lead' && ctx.reading.intent.intent === 'other')
    ctx.reading = { ...ctx.reading, intent: { intent: 'sell', confidence: 0.8 } };
  let deferred = false;
  let askedAddress = false;
  const persona = ctx.cfg.persona;
  for (const topic of topics) {
    const email = ctx.reading.slots.email;
    const facts = { ...persona, ...(email ? { leadEmail: email } : {}) };
    const kbTopic = answerTopic(
      topic,
      ctx.text,
      topics.filter((t) => t !== topic),
    );
    const data = kbTopic === topic ? dataFor(topic, ctx, comps) : undefined;
    // A wording short enough to leave room for the next question, else the full one.
    const short = answerQuestion(kbTopic, ctx.cfg.knowledge, ctx.lang, facts, data, ROOM_FOR_A_QUESTION);
    let answer =
      'unknown' in short ? answerQuestion(kbTopic, ctx.cfg.knowledge, ctx.lang, facts, data) : short;
    // Asked again in other words: never the same text twice in a row. A shorter wording if the
    // realtor wrote one, else the agent answers it personally.
    if (!('unknown' in answer) && ctx.state.lastReply?.includes(answer.text)) {
      const shorter = answer.text.length - 1;
      answer = answerQuestion(kbTopic, ctx.cfg.knowledge, ctx.lang, facts, data, shorter);
      if (!('unknown' in answer) && ctx.state.lastReply.includes(answer.text)) answer = { unknown: true };
    }
    if (!('unknown' in answer)) {
      ctx.sayText(answer.text);
      ctx.audit('question_answered', { topic, source: answer.source });
      // "Do I need to be pre-approved?" answered: whether they are is the natural next question.
      if (topic === 'preapproval_needed') ctx.askFirst = 'financing';
      if (kbTopic === 'area_quality')
        ctx.task(
          'Lead asks about schools or neighborhoods',
          `Answer with facts only (district names, public sources), never a verdict on an area. Their message: "${ctx.text.slice(0, 300)}"`,
          4,
        );
      // The answer says Jorge connects them with lenders: he hears of it.
      if (kbTopic === 'preapproval_how' || kbTopic === 'down_payment')
        ctx.task(
          kbTopic === 'down_payment'
            ? 'Lead asks about the down payment'
            : 'Lead asks how to get pre-approved',
          `Connect them with local lenders (more than one, and no referral fee: RESPA). Their message: "${ctx.text.slice(0, 300)}"`,
          3,
        );
      if (APPOINTMENT.has(topic) && (acting.has(topic) || !offering))
        ctx.task(
          topic === 'cancel' ? 'Lead asks to cancel the appointment' : 'Lead asks to move the appointment',
          `Please change the calendar and confirm with the lead. Their message: "${ctx.text.slice(0, 300)}"`,
          2,
        );
      // Moved, not cancelled: the lead hears who sets the new time.
      if (topic === 'reschedule' && acting.has(topic)) ctx.say('schedule.new_time', {}, { keep: true });
      continue;
    }
    const askedBefore = (ctx.state.asked['question.value_need_address'] ?? 0) > 0;
    const mayAsk = opts.ask !== false && !askedAddress && !askedBefore;
    if (topic === 'home_value' && !ctx.state.facts.address && readyToMeet(ctx)) {
      // A seller ready for the listing appointment gets the value there; the times come next.
      ctx.say('question.value_at_meeting', {}, { keep: true });
      ctx.audit('question_answered', { topic, source: 'cma:at_meeting' });
      continue;
    }
    if (topic === 'home_value' && !ctx.state.facts.address && mayAsk) {
      askedAddress = true;
      ctx.ask('question.value_need_address');
      ctx.state.pending = 'seller.address';
      ctx.audit('question_answered', { topic, source: 'cma:needs_address' });
      continue;
    }
    if (!deferred) {
      deferred = true;
      // Beside answers, a loosely read "other" question gives way first when the SMS is full.
      const beside = ctx.reading.acts.some((a) => a.act === 'answer');
      ctx.say('question.defer', {}, { keep: !(beside && topic === 'other'), variant: ctx.state.inbound });
      // Never after a question of ours ("What is the property address? Good question, …").
      const askAt = ctx.parts.findIndex((p) => p.asks !== undefined);
      if (askAt >= 0 && askAt < ctx.parts.length - 1) ctx.parts.splice(askAt, 0, ...ctx.parts.splice(-1));
    }
    ctx.task(
      `Lead question: ${topic.replace(/_/g, ' ')}`,
      `The lead asked something the assistant may not answer on its own. Their message: "${ctx.text.slice(0, 300)}"`,
      4,
    );
    ctx.audit('question_answered', { topic, source: 'agent' });
  }
  return askedAddress;
}
