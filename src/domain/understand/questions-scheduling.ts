import { wordRegex } from '../compliance/text.ts';
import type { Clause } from './questions-text.ts';
import type { Act, UtteranceContext } from './types.ts';

// Scheduling: times the lead offers, moving or cancelling a meeting, confirming one; and the
// questions about moving or cancelling ("how do I reschedule?"), which the same words carry.

const DAYS =
  'monday|tuesday|wednesday|thursday|friday|saturday|sunday|mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|mon|tues|weds|thurs|lunes|martes|miercoles|jueves|viernes|sabado|sabados|domingo|domingos';
const TIMES = [
  DAYS,
  'tomorrow|tmrw|tmr|tmrow|tommorow|tonight|today|weekend|weekends|weekday|weekdays|morning|mornings|afternoon|afternoons|evening|evenings|night|nights|noon|lunch|lunchtime|anytime|any time|any day|next week|this week|next month|end of the (?:week|month)|after (?:the holidays|work|christmas|new year|new years)',
  '(?:after|before|at|around|by|til|till|until|between) [0-9]{1,2}(?:[:.][0-9]{2})?|[0-9]{1,2}(?:[:.][0-9]{2})? ?(?:am|pm|oclock)|the [0-9]{1,2}(?:st|nd|rd|th)',
  'manana|en la tarde|por la tarde|en la noche|por la noche|fin de semana|fines de semana|entre semana|(?:despues|antes) de las [0-9]{1,2}|a las [0-9]{1,2}|(?:despues|antes) del trabajo|la proxima semana|el proximo mes|hoy',
].join('|');
const TIME = wordRegex(TIMES);

// Ways to meet, and verbs that make a time about meeting rather than about moving house.
const MEETING_WAY = wordRegex(
  'phone|zoom|video|facetime|in person|over the phone|by phone|por telefono|en persona|videollamada',
);
const MEETING_VERB = wordRegex(
  'see|show|tour|visit|view|meet|talk|chat|call|come|stop by|swing by|drop by|stop over|come over|come by|look at|ver|visitar|vernos|hablar|platicar|llamar|llameme|llamame|pasar|pase|pasen|venir|venga|vengan',
);
const INVITATION = wordRegex(
  '(?:you|u|yall|jorge|he) (?:can|could|are welcome to|should|may) (?:stop|swing|drop|come) (?:by|over)|(?:stop|swing|drop|come) (?:by|over) (?:any ?time|whenever)|come (?:look|see|check)|see (?:it )?for yourself|(?:want|wanna|would like|like|queremos|quiero|quisiera|quisieramos) (?:to )?(?:see|tour|visit|ver|visitar) (?:the|la|el|esa|esta|that|this|it|[0-9]+)',
);
const NOT_NOW = wordRegex('(?:please |pls )?not (?:today|tonight|this week)|hoy no');
const NOT_NOW_AT_OFFER = wordRegex('not (?:now|right now)|ahorita no|ahora no');
// A time given as a bound or a rough hour is a preference, not a pick from the offered slots.
const BOUND = wordRegex(
  'after|before|between|anytime|any time|only|(?:in|on) the (?:morning|afternoon|evening)s?|mornings|afternoons|evenings|weekends|weekdays|despues|antes|entre|en la (?:manana|tarde|noche)|solo',
);
// At the offer, "like 6" and "after my husband gets home" are hours.
const OFFER_TIME = wordRegex(
  '(?:like|around|about|say|maybe|tipo|como a las) [0-9]{1,2}(?![0-9]| ?k)|after (?:my|our|his|her) (?:husband|wife|partner|work|shift|kids|job)',
);
const DAY = wordRegex(DAYS);
// "tuesday afternoon works better for me", "weekends work best", "prefiero los sábados":
// a day or a part of one said as what suits the lead.
const DAYPART = wordRegex(
  `${DAYS}|mornings?|afternoons?|evenings?|weekends?|weekdays?|tonight|tomorrow|tmrw|[0-9]{1,2} ?(?:am|pm)|(?:after|before|around|at) [0-9]{1,2}(?:[:.][0-9]{2})?|manana|en la (?:manana|tarde|noche)|fines? de semana|entre semana|(?:despues|antes) del [0-9]{1,2}|(?:after|before) the [0-9]{1,2}(?:st|nd|rd|th)?`,
);
const SUITS = wordRegex(
  'works? (?:better|best|great|for (?:me|us))|(?:is|are) (?:better|best|easier|ideal) for (?:me|us)|(?:best|better|easiest) for (?:me|us)|(?:im|i am|were|we are) (?:only |usually |mostly )?(?:free|available|around|home|off)|(?:i|we) (?:can|could) do|cualquier dia (?:despues|antes|menos|excepto)|any ?day (?:after|before|but|except)|how about|what about|(?:can|could) (?:we|you|u) do|prefer|prefiero|preferimos|(?:me|nos) queda(?:n)? (?:mejor|bien)|que tal (?:el|los|la|en)|(?:only|just) (?:on )?(?:weekends|weekdays|mornings|afternoons|evenings)',
);
const STRONG_AGREE = wordRegex(
  'yes|yeah|yep|yup|ok|okay|sure|perfect|confirmed|si|claro|perfecto|listo|dale',
);
const NO_RESCHEDULE = wordRegex('(?:dont|do not|no need to|not) re ?schedul[a-z]*');

const APPOINTMENT = wordRegex(
  'appointment|appt|meeting|showing|tour|visit|consultation|walkthrough|walk through|cita|visita|reunion|junta|[0-9]{1,2} ?(?:am|pm)|(?:cant|cannot|wont|will not|not gonna|not going to|no vamos a|no puedo|no podemos) (?:make it|be there|llegar|ir)|(?:cancel|cancelar) (?:for |the |our |that )?(?:today|tonight|tomorrow|tmrw|manana|hoy|el|' +
    DAYS +
    ')',
);

const RESCHEDULE_WORD = wordRegex(
  're ?schedul[a-z]*|re ?book|re booking|rebooking|book (?:it )?again|reschedual[a-z]*|another (?:time|day|date)|different (?:time|day|date)|reprogramar|otra (?:fecha|hora|cita)|otro dia|(?:cambiar|mover|pasar) (?:la|nuestra|mi) (?:cita|visita|reunion)',
);
const MOVE = wordRegex(
  'rain ?check|something came up|(?:surgio|salio|se me atraveso) algo|(?:cant|cannot|can not|wont be able to|no puedo|no podemos) (?:do |make (?:it )?)?(?:tomorrow|today|tonight|manana|hoy|(?:on |el )?(?:' +
    DAYS +
    '))|(?:tomorrow|today|manana|hoy|' +
    DAYS +
    ') no (?:puedo|podemos)|move (?:it|the|our|my|that)|push (?:it|the|our|my|that|back|to)|(?:doesnt|does not|dont|wont|isnt|no longer) work(?:s|ing)?(?! (?:out|for (?:me|us) (?:financially|anymore)))|(?:mover|cambiar|pasar|cambiamos|movemos|pasamos|cambiemos|movamos) (?:la|el|lo|nuestra) ?(?:cita|fecha|hora|dia|visita)?|running late|(?:la|lo) (?:podemos|puede|pueden|podriamos|podria) (?:mover|cambiar|pasar|recorrer)|se me complico|(?:dejarlo|dejarla|lo dejamos|la dejamos|lo dejemos|la dejemos) para|(?:cambiar|mover|pasar|recorrer)(?:la|lo)',
);
const NEW_TIME_OFFER = wordRegex(
  '(?:and|but|then|can we|could we|lets|let us) (?:do|make it|switch to|move to|go with)|instead|how about|what about',
);
const CANCEL_WORD = wordRegex(
  'cancel|cancelled|canceled|cancelar|cancelo|cancele|cancelamos|call off|called off|calling off|call it off|calling it off|lets not do (?:the|our|this) (?:appt|appointment|meeting|showing|tour)',
);
// A time traded for another, or a meeting moved to a day: "can we do 6 instead of 4?", "the 3rd
// instead?", "push it 30 min", "move saturday to sunday", "¿se puede cambiar para el sábado?".
const SWAP_TIME = wordRegex(
  `(?:[0-9]{1,2}(?:[:.][0-9]{2})?(?: ?(?:am|pm))?|the [0-9]{1,2}(?:st|nd|rd|th)|(?:${DAYS}|tomorrow)(?: (?:morning|afternoon|evening|night))?|earlier|later) instead|instead of (?:[0-9]{1,2}|${DAYS}|tomorrow)|(?:[0-9]+|an?|half an) ?(?:min|mins|minutes|hour|hours) (?:later|earlier)|push (?:(?:it|that|the (?:appt|appointment|meeting|showing|call)) )?(?:back )?(?:(?:[0-9]+|an?|half an) ?(?:min|mins|minutes|hour|hours)|to (?:${DAYS}|sat|sun|fri|tomorrow|next week|[0-9]))|move (?:it|that|${DAYS}|tomorrow|today) to (?:${DAYS}|tomorrow|next week|the [0-9]|[0-9])|(?:se puede|podemos|puedo|podriamos|pueden) (?:cambiar|mover|pasar|recorrer)(?:la|lo)? (?:para|al|a) (?:el |la )?(?:${DAYS}|manana|otro dia|la proxima semana|la otra semana)`,
);
const CANCEL_OBJECT = wordRegex(
  '(?:cancel|cancelar|cancelo|cancele) (?:the|our|my|this|that|la|mi|nuestra|el|esta) (?:appointment|appt|meeting|showing|tour|visit|consultation|call|walkthrough|cita|visita|reunion|junta)',
);
const CANCEL_NAMED_NOW = wordRegex(
  // Also "is it ok if we cancel saturday?", "how do I cancel the 3:30 showing?".
  '(?:how (?:do|can) (?:i|we)|como le hago para|como (?:puedo|podemos)|(?:is it|would it be) (?:ok|okay|fine|alright) if (?:we|i)) (?:cancel|cancelar)(?: (?:the|our|my|this|that|la|lo del|lo de|mi|el))?(?: [a-z0-9]+){0,2} (?:for |del |de |el |on )?(?:today|tomorrow|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|hoy|manana|lunes|martes|miercoles|jueves|viernes|sabado|domingo|[0-9]{1,2}(?: [0-9]{2})?(?: ?(?:am|pm))? (?:showing|appointment|appt|tour|cita|visita))(?! if)',
);
const HYPOTHETICAL = wordRegex(
  'if|what if|how (?:do|can|would) (?:i|we)|rescheduling|cancelling|canceling|(?:is it|would it be) (?:ok|okay|fine) (?:to|if)|si (?:necesito|tengo|no|hay)|como (?:le hago|puedo|se)',
);
// Asking how to stop the texts themselves is the opt-out's business, not an appointment's.
const ABOUT_TEXTS = wordRegex(
  'me cancelo|cancel (?:the |these |your |all |my )?(?:texts|messages|subscription|sms)|unsubscribe',
);

const CONFIRM_ALONE = wordRegex(
  'confirm|confirmed|confirming|confirmado|confirmada|confirmamos|see (?:you|ya|u) (?:then|there|at|on|tomorrow|tmrw|soon|' +
    DAYS +
    ')|(?:well|we will|ill|i will) be (?:there|home|ready)|ahi nos vemos|nos vemos|(?:is|sounds|works) (?:perfect|great|good|fine)(?: for (?:me|us))?',
);
const AGREE = wordRegex(
  'yes|yeah|yea|yep|yup|ya|ok|okay|k|kk|sure|sounds good|sounds great|perfect|works|that works|works for me|great|deal|done|cool|si|claro|perfecto|esta bien|de acuerdo|listo|va(?! a)|sale|orale|bueno',
);
const AGREE_SIGN = /\u{1F44D}|\u{1F44C}|\u2705/u;
const HEDGE = wordRegex(
  'but|if|not|no|maybe|depends|unless|only|pero|si no|tal vez|quizas|nunca|never|cant|cannot|wont|later|think about|best|better|prefer|preferably|ideally|mejor',
);

// When a meeting is being moved, a bare hour or day is the new time: "push the tour to 4".
const NEW_TIME = wordRegex(
  `(?:to|for|at|til|till|until) (?:[0-9]{1,2}(?:[:.][0-9]{2})?$|${DAYS})|(?:al|el|para el) (?:${DAYS})`,
);

const hasTime = (flat: string) => TIME.test(flat);

// "you rescheduled on me twice already": a complaint about meetings past, not a request.
const PAST_MOVE = wordRegex(
  '(?:you|u|he|she|they|jorge|yall|the agent|your agent|the last (?:guy|agent|realtor)) (?:already |just |have |has )?(?:re ?scheduled|cancell?ed|no showed|flaked|stood (?:me|us) up)',
);

/** Scheduling acts, and the reschedule/cancel questions, of one message. */
const STILL_ON =
  /\bstill (?:on|good|happening|set|confirmed)(?! (?:the|with|about|board|track|it|that|for))\b|\bsigue en pie\b|^(?:ahi|alli|alla) (?:estaremos|estare|nos vemos)\b/;
const timedOrDay = (whole: string) => hasTime(whole) || DAY.test(whole);

export function readScheduling(
  text: string,
  clauses: readonly Clause[],
  whole: string,
  ctx: UtteranceContext,
): Act[] {
  const acts: Act[] = [];
  if (PAST_MOVE.test(whole)) return acts;
  const atOffer = ctx.lastQuestion === 'appointment';
  const appointment = atOffer || APPOINTMENT.test(whole);
  const asked = clauses.some((c) => c.asked);
  // "how do I cancel the tour for saturday, the link didnt work": asks how, but means it now.
  const hypothetical = HYPOTHETICAL.test(whole) && !CANCEL_NAMED_NOW.test(whole);
  const aboutTexts = ABOUT_TEXTS.test(whole);

  const cancelling = CANCEL_WORD.test(whole) && !aboutTexts;
  const offersNewTime = NEW_TIME_OFFER.test(whole) && hasTime(whole);
  const rescheduleWord = RESCHEDULE_WORD.test(whole) && !NO_RESCHEDULE.test(whole);
  const swapped = SWAP_TIME.test(whole);
  // "something came up, gotta cancel tomorrow's appointment": the reason for a cancellation, not a move.
  const cancelOnly = cancelling && !offersNewTime && !swapped;
  const moving =
    rescheduleWord ||
    swapped ||
    (MOVE.test(whole) && appointment && !cancelOnly) ||
    (cancelling && offersNewTime && appointment && !hypothetical);

  if (moving) {
    // Asked as a question ("can we push to next week?", "¿lo podemos mover?"), moving the meeting
    // is also a question about rescheduling; the policy answers either once.
    if (asked || (rescheduleWord && hypothetical)) acts.push({ act: 'question', topic: 'reschedule' });
    if (!hypothetical) acts.push({ act: 'scheduling', kind: 'reschedule' });
  } else if (cancelling && (appointment || hypothetical)) {
    if (asked || hypothetical || CANCEL_OBJECT.test(whole)) acts.push({ act: 'question', topic: 'cancel' });
    if (!hypothetical) acts.push({ act: 'scheduling', kind: 'cancel' });
  }

  const timed = hasTime(whole) || (atOffer && OFFER_TIME.test(whole));
  const bound = timed && BOUND.test(whole);
  // "after 5 works" states a preference; "yes, Saturday after 10 is good" takes a slot and says when.
  const picksSlot = !bound || DAY.test(whole) || STRONG_AGREE.test(whole);
  // "monday at 7 is still on right?", "Thursday still good?", "ahí estaremos a las 11": the meeting
  // already set, confirmed.
  const stillOn =
    STILL_ON.test(whole) && (timedOrDay(whole) || APPOINTMENT.test(whole)) && !moving && !cancelling;
  const confirming =
    stillOn || (readsAsConfirm(text, clauses, whole, atOffer) && !moving && !cancelling && picksSlot);
  if (confirming) acts.push({ act: 'scheduling', kind: 'confirm' });

  const meetingTalk = MEETING_VERB.test(whole) || MEETING_WAY.test(whole);
  const prefers =
    (atOffer && (timed || MEETING_WAY.test(whole))) ||
    (timed && meetingTalk) ||
    INVITATION.test(whole) ||
    NOT_NOW.test(whole) ||
    (atOffer && NOT_NOW_AT_OFFER.test(whole)) ||
    (DAYPART.test(whole) && SUITS.test(whole)) ||
    (moving && !hypothetical && (timed || NEW_TIME.test(whole)));
  // "can we reschedule to next week" asks to move, not yet for a time.
  // "can we do sunday? and if something comes up, how do we cancel?": a time, and a question.
  if (prefers && (!confirming || bound) && !rescheduleWord && !(cancelling && !moving && !hypothetical)) {
    acts.push({ act: 'scheduling', kind: 'time_preference' });
  }
  return acts;
}

// "2", "the tuesday one", "la primera opción": one of the offered times, taken.
const SLOT_PICK =
  /^(?:(?:option|number|opcion|numero|la|el|#) ?)?(?:[1-3]|one|two|three|uno|dos|tres)(?: (?:please|pls|works|is good|esta bien|porfa))?$|^(?:the|la|el) (?:first|second|third|last|primera|segunda|tercera|ultima|primer|segundo|tercer)(?: (?:one|option|opcion|uno|una|time|hora))?(?: (?:please|pls|works|porfa))?$|^the (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|sat|sun) one$/;

function readsAsConfirm(text: string, clauses: readonly Clause[], whole: string, atOffer: boolean): boolean {
  if (atOffer && SLOT_PICK.test(whole)) return true;
  if (clauses.some((c) => c.asked) || HEDGE.test(whole)) return false;
  if (CONFIRM_ALONE.test(whole)) return atOffer || hasTime(whole) || /confirm/.test(whole);
  if (!atOffer) return false;
  return AGREE.test(whole) || (whole.length === 0 && AGREE_SIGN.test(text));
}
