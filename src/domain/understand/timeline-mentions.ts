import { CORRECTION } from '../language/cues.ts';
import { matchesOf } from '../language/matches.ts';
import { simplify } from '../language/normalize.ts';
import { replaceNumberWords } from '../language/numbers-in-words.ts';
import { remember } from '../remember.ts';
import { CONTEXT_RULES, type Reading, RULES } from './timeline-patterns.ts';

/**
 * Finds the timelines a message states and drops the look-alikes: past dates and durations
 * ("sold last spring", "renting for 4 years"), rates ("3k a month"), dates of something else
 * ("letter expires in Jan", "can we talk next month"), negated ones ("not in may") and values
 * the lead took back ("march. actually make that february").
 */

export interface MentionOptions {
  /**
   * The bot just asked when: a bare "now", "ya" or "may" answers it. Undefined when the question
   * is not known: then only a message that is nothing but "now" / "right now" counts.
   */
  timelineAsked: boolean | undefined;
  /** The bot just offered a meeting: a date is a meeting time unless the lead talks about moving. */
  appointmentAsked: boolean;
}

interface Candidate {
  start: number;
  end: number;
  reading: Reading;
  duration: boolean;
  urgency: boolean;
  bareAnswer: boolean;
  /** A month or season word that only counts as a date when it stands alone. */
  ambiguous: boolean;
}

const NON_TEXT = /[^\x20-\x7e\n]+/g;
const SPACES = / {2,}/g;

/** The reader's normal form: folded, apostrophes dropped, number words as digits, no emoji. */
export const timelineText = remember((text: string): string =>
  replaceNumberWords(simplify(text)).replace(NON_TEXT, ' ').replace(SPACES, ' '),
);

const CLAUSE_BREAK = /[,;:!?\n()]|\.(?!\d)|\s(?:and|but|so|because|cause|y|pero|porque|aunque|then)\s/g;

function clauseBreaks(s: string): [number, number][] {
  return matchesOf(CLAUSE_BREAK, s).map((m) => [m.index, m.index + m[0].length]);
}

function clauseAround(breaks: readonly [number, number][], start: number, end: number): [number, number] {
  let from = 0;
  let to = Number.POSITIVE_INFINITY;
  for (const [a, b] of breaks) {
    if (b <= start) from = b;
    else if (a >= end) {
      to = a;
      break;
    }
  }
  return [from, to];
}

const FILLERS =
  /\b(?:like|maybe|probably|prob|prolly|i guess|i think|hopefully|ideally|around|about|sometime|lol|haha|lmao|ok|okay|yeah|yes|yep|um+|hm+|idk|honestly|tbh|for sure|definitely|def|si|pues|creo que|tal vez|quizas?|como|just|so|well|oh|please|pls|nope|no|the|in|by|en|para|el|la|for real|fr|ish|!+)\b/g;
const NOT_WORD = /[^a-z0-9 ]+/g;
const RUNS_OF_SPACE = /\s+/g;

/** The clause is just the phrase, give or take "like", "maybe", "lol". */
function isBare(clause: string, phrase: string): boolean {
  const rest = clause.replace(NOT_WORD, ' ').replace(FILLERS, ' ').replace(RUNS_OF_SPACE, ' ').trim();
  return rest === phrase.replace(FILLERS, ' ').replace(RUNS_OF_SPACE, ' ').trim() && rest !== '';
}

const NEGATED =
  /\b(?:not|no|never|nunca|isnt|nothing)(?: (?:es|is|really|that|too|so|super|very|muy|in|this|by|en|next))? $/;
const BY_WORD = /^(?:before|by|antes)\b/;
const NOT_UNTIL = /\b(?:not|never|wont|cant|no)\b(?: [a-z]+){0,4} $/;
const LAST =
  /\b(?:last|this past|since|desde|(?<!(?:check|call|text|circle|get|reach) )back in|most of|all of|(?:expired|sat|listed)(?: [a-z]+){0,3} after) $/;
// "the investor wants to close in 2 weeks": someone else's date, not the lead's.
const OTHERS_DATE =
  /\b(?:investors?|buyers?|they|he|she|the company|inversionistas?|comprador(?:es)?)(?: (?:just|really|still))? (?:wants?|wanted|needs?|would like|quiere|quieren) to (?:close|buy it|be in|move in|cerrar)(?: (?:in|by|within|on|en|para))? $/;
// "behind a few months on the mortgage": payments owed, not a date ahead.
const BEHIND =
  /\b(?:behind|atrasad[oa]s?|me atrase|nos atrasamos)(?: (?:on|by|like|about|almost|over|for))? $/;
const PAST_EVENT =
  /\b(?:talked|spoke|spoken|passed|died|lost|sold|bought|closed|took|spent|retired|renovated|remodeled|redid|listed|purchased|refinanced|inherited|built|applied|started|moved in|dropped|went (?:up|down)|gone (?:up|down)|rose|fell|jumped|increased|decreased|got (?:one|1|it|ours|mine|that)|bajo|subio|(?:was|were|got) (?:born|approved|pre ?approved|pre-approved|married|divorced)|fallecio|murio|se (?:nos |me |le )?fue|vendimos|vendi|vendio|compramos|compre|compro|me jubile|se jubilo|nos jubilamos|nos aprobaron|cerramos|moved out|quit paying|stopped paying|quit on (?:us|me|him|her)|broke(?: down)?|stopped working|went out|repainted|painted|replaced|redone|upgraded|installed|nacio|nacieron|burned|burnt|happened|(?:got|were|was) (?:cut|reduced)|fell (?:thru|through|apart)|there was|(?:kitchen|house|garage) fire|(?:was|were) in (?:the )?(?:hospital|rehab|icu)|se quemo|incendio)\b/;
// "need it sold by end of january", "want it listed by spring", "need to be moved in by february":
// a wish, not something done.
const WISHED =
  /\b(?:(?:want|wants|need|needs|like|get|gets|have|hope to have|hoping to have|see)(?: to have)? (?:it|the house|the home|the place|ours|everything|this (?:one|1|house|place)|our (?:house|place|home)|my (?:house|place)|mine|the old (?:one|1|house)) (?:sold|listed|closed|done|gone)|(?:to be|gotta be|have to be|be|get|hope to be) moved in|(?:hopefully|ideally|hope|hoping|wish|expecting)(?: (?:its|it s|it is|to be|to have it|it|the house is|the house))? (?:sold|listed|closed|done|gone|moved|out|in))\b/;
const AFTER_PAST_OR_OTHER =
  /^ ?(?:ago|old|behind|late|fixed|mortgage|loan|term|warranty|atras|atrasad[oa]s?|de atraso|pasad[oa]|in (?:the|this|that|our|my) (?:house|home|place)|here|there|aqui|on (?:the )?market|en (?:la|esta|mi|nuestra) casa|en el mercado)\b/;
const GERUND_AFTER = /^ [a-z]+(?:ando|iendo)\b/;
// "my listing expired tuesday. 3 months and like 4 showings": how long it was on the market.
const SHOWINGS_AFTER =
  /^ ?(?:and|with|w) (?:like |only |about |maybe |just )?(?:[0-9]+|no|zero|one|two|three|four|five) (?:showings?|offers?|open houses?)\b/;
const RATE_BEFORE =
  /(?:\d|\dk|\$|\bdollars|\bbucks|\bgrand|\bmil|\busd|\bdays?|\btimes|\bhours|\bnights|\bveces|\bdias|\bonce|\btwice|\bthree times) ?$/;
const RATE_AFTER = /^ (?:a|per|por|al|each|every|cada) (?:week|month|year|semana|mes|ano)\b|^ times\b/;
const EVERY = /\b(?:every|each|cada) $/;
const FOR_BEFORE = /\bfor (?:(?:like|about|almost|over|nearly|around|the past|the last|more than) )?$/;
const ONGOING =
  /\b(?:been|renting|rented|living|lived|owned|owning|had|rent|own|live|weve|ive|theyve|youve|sat|waited|waiting|jerking|dealing|searching|saved|saving|was|made|waste of|wasted|wasting)\b/;
// "sorry i meant march", "we could do march": a word that is also a month ("march", "may") as
// the date.
const MEANT_BEFORE = /\b(?:i meant|i mean|meant|quise decir|queria decir|(?:could|can|would|will) do)\s*$/;
const SPANISH_PAST_DURATION =
  /\b(?:tenemos|tengo|tiene|tienen|llevamos|llevo|lleva|hace|desde hace)(?: (?:como|unos|casi|mas de|ya))? $/;
// Another contract's end: "my listing agreement doesn't expire till feb", "el contrato vence en marzo"
// (a lease ending is the lead's own move date, so it stays).
const CONTRACT_ENDS =
  /\b(?:listing|listed|agreement|contract|contrato|letter|carta)(?: [a-z0-9]+){0,6} (?:expir\w*|vence|vencio|caduca|runs out|run out)\b|^ ?it (?:expires|runs out)\b/;
const EVENT =
  /\b(?:can|could) (?:we|you|i)\b|\breschedul|\bappointments?\b|\bappt\b|\bshowings?\b|\bmeeting\b|\bmeet\b|\bcall\b|\btour\b|\bvisit|\bcita\b|\bvisita\b|\bllamada\b|\bletter\b|\bcarta\b|\b(?:pre ?)?approval\b|\b(?:pre)?aprobacion\b|\bfuneral\b|\bfree\b|\bavailable\b|\bdisponibles?\b|\bopen house\b|\blets (?:talk|chat|meet)\b|\bout of town\b|\bon vacation\b|\btraveling\b|\bfuera de la ciudad\b|\bget back to you\b|\blisting (?:expires|ends|runs out|is up)\b|\btalk to you\b|\bsee you\b|\btext me\b|\bte aviso\b|\ble aviso\b|\bbe in touch\b/;
// "is that one on Baker still available": a listing's status, not the lead's free time.
const STILL_AVAILABLE = /\b(?:still|sigue|siguen|todavia (?:esta|estan)) (?:available|disponibles?)\b/g;
// "call me in a year", "check back in the spring": the lead puts the whole plan off until then.
const DEFERS =
  /\b(?:(?:call|text|hit|ping|contact|reach out to|check (?:back )?(?:with|in with)) (?:me|us)(?: up| back)?|check back|circle back|follow up|llamame|llameme|escribeme|escribame|buscame|busqueme) (?:in|after|around|next|come|en|despues|para)\b/;
// "we're holding off till spring", at the appointment offer: the sale waits, and that is its date.
const HOLDING_OFF =
  /\b(?:hold(?:ing)? off|wait(?:ing)? (?:till|til|until|for)|push(?:ing)? (?:it|this|things) (?:back|out)|esper(?:ar|amos|ando) (?:hasta|a)|mejor hasta)\b/;
// Talk about the market or the process, not the lead's own plan: "homes sell in 2 weeks here".
const MARKET_TALK =
  /\b(?:houses|homes|places|properties|casas)(?: (?:around|here|in|this|the|area|neighborhood|usually|typically|are|were|aqui|por|en|la|zona)){0,3} (?:selling|sell|sit|sitting|go|going|se venden)\b|\b(?<!give or )(?:takes?|took|usually|typically|normally|average|how long|cuanto tiempo|tarda|tardan)\b/;
const MOVING =
  /\b(?:sell|selling|buy|buying|move|moving|list|listing|out|vender|comprar|mudar\w*|(?:need|needs|necesito|necesitamos|ocupamos|ocupo) (?:a |una )?(?:house|home|place|casa))\b/;
const MARKET_QUESTION = /\b(?:good|best|better|right|bad|worst) (?:time|month|season)\b/;
const SHOULD = /\b(?:should|worth|or wait|is it)\b/;
const DONE =
  /\b(?:found|bought) (?:a|our|the|another) (?:house|home|place|condo|townhome)\b|\balready (?:bought|closed)\b|\bin escrow on\b/;
// "we bought in Menifee so we need ours gone by January": the lead's own sale still has a date.
const SELLING =
  /\b(?:sell|selling|vender|list|listing|(?:ours|it|the house|our house|our place|the old one|this (?:one|1|house|place)|mine|my house|my place) (?:(?:has to|needs to|must|gotta|have to) )?(?:gone|sold|listed|go|sell))\b/;
const SOONER_WISH = /\b(?:sooner|earlier)\b/;
// "we close on the new one jan 15 so we'd want this one sold by february": the purchase's closing
// is another home's date; the lead's own sale date, when one is also said, is the plan.
const OTHER_HOME_CLOSES =
  /\b(?:close|closing|closes|escrow)(?: [a-z]+){0,3} (?:new|other|next) (?:one|1|house|home|place|casa)\b|\b(?:new|other) (?:one|1|house|home|place) (?:closes|closing)\b|\bcerramos (?:la|en la) (?:otra|nueva)\b/;
const UNASKED_NOW = /^(?:right now|now|ahora|ahorita)$/;
// Words a closing "ya" follows without meaning "now": "ay ya", "ya basta", "pues ya", "ALTO YA".
const YA_STOP = new Set([
  'para',
  'basta',
  'bueno',
  'pues',
  'si',
  'no',
  'ok',
  'y',
  'que',
  'pero',
  'ay',
  'ah',
  'oh',
  'uy',
  'hay',
  'oye',
  'ya',
  'paz',
  'molestar',
  'mensajes',
  'escribir',
  'alto',
  'baja',
  'stop',
]);

// A wedding or a birth has a date of its own: "getting married in june", "twins due in may".
const LIFE_EVENT =
  /\b(?:married|marry|marrying|wedding|weddings|engaged|casamos|casarnos|casar|boda|baby|babies|twins|due|pregnant|born|bebe|embarazada|nace|nazca)\b/;
// "once the baby comes in march", "after my baby is born": the move waits for the event.
const AFTER_EVENT = /\b(?:after|once|when|until|till|til|before|cuando|despues|hasta|antes)\b/;
// "4th text this week", "3 offers this month": a count within a period, not a date ahead.
const COUNT_IN_PERIOD =
  /\b\d+(?:st|nd|rd|th)\b|\b(?:times|texts|calls|messages|offers|companies|people|agents)\b/;
const THIS_PERIOD = /^(?:this|esta|este) /;
// "should we wait til spring?", "would it be dumb to list in december", "is spring better":
// a question about a date is not the lead's plan; "would like to be settled by next fall" is one.
const ASKS_ABOUT =
  /^ ?(?:should|would(?! (?:like|love|prefer|rather|want))|is|are|does|do|will|isnt|arent|wouldnt|shouldnt|deberiamos|conviene|es mejor)\b/;
// "we could do march if the price is right": a condition on the sale, not talk of prices.
const PRICE_IS_RIGHT = /\bif the price (?:is|s) right\b|\bsi (?:el precio|nos pagan) (?:es|esta) bien\b/g;
const PRICES_TALK =
  /\b(?:prices?|rates?|market|precios?|tasas?|mercado|(?:more |less |mas |menos )?(?:expensive|cheaper|pricier|affordable|caro|cara|barato|barata))\b/;
// "should I wait till spring to sell?": asking for advice on a date, even right after "when?".
const ASKS_ADVICE = /^ ?(?:should|shouldnt|deberiamos|deberia|conviene|es mejor)\b/;
// "ahorita no", "now? no": the "now" is turned down.
const NOW_DENIED = /^ ?(?:no|nah|nope)\b/;

/** The last few words before a match: a past verb farther back belongs to another thought. */
function nearTail(tail: string): string {
  return tail.split(' ').slice(-6).join(' ');
}

function keep(s: string, c: Candidate, clause: [number, number], opts: MentionOptions): boolean {
  const [from, to] = clause;
  const tail = s.slice(from, c.start);
  const after = s.slice(c.end, Math.min(to, c.end + 40));
  const text = s.slice(from, Math.min(to, s.length));
  const phrase = s.slice(c.start, c.end);
  if (c.bareAnswer) {
    const bare = isBare(text, phrase);
    // "necesito vender ya", "queremos algo propio ya": a closing "ya" after a word means now.
    const before = tail.endsWith(' ') ? tail.trimEnd().split(' ').pop() : undefined;
    const closingYa = phrase === 'ya' && after.trim() === '' && !!before && !YA_STOP.has(before);
    const asked = opts.timelineAsked ?? (UNASKED_NOW.test(phrase) && isBare(s, phrase));
    if (!closingYa && !(bare && asked)) return false;
  }
  if (c.ambiguous) {
    if (!isBare(text, phrase) && !MEANT_BEFORE.test(tail)) return false;
    if (phrase === 'may' && !opts.timelineAsked) return false;
  }
  if (NEGATED.test(tail)) return false;
  if (c.reading.kind === 'now' && NOW_DENIED.test(after)) return false;
  if (ASKS_ADVICE.test(text) && s[to] === '?') return false;
  // "not dealing with it before xmas": a deadline the lead rules out.
  if (BY_WORD.test(phrase) && NOT_UNTIL.test(tail)) return false;
  if (
    LAST.test(tail) ||
    BEHIND.test(tail) ||
    OTHERS_DATE.test(nearTail(tail)) ||
    (PAST_EVENT.test(nearTail(tail)) && !WISHED.test(tail)) ||
    AFTER_PAST_OR_OTHER.test(after) ||
    SHOWINGS_AFTER.test(s.slice(c.end, c.end + 40))
  )
    return false;
  if (c.duration) {
    if (RATE_BEFORE.test(tail) || RATE_AFTER.test(after) || EVERY.test(tail)) return false;
    if (ONGOING.test(FOR_BEFORE.test(tail) ? tail : nearTail(tail))) return false;
    if (SPANISH_PAST_DURATION.test(tail) || GERUND_AFTER.test(after)) return false;
  }
  const event = EVENT.test(text.replace(STILL_AVAILABLE, ' ')) && !DEFERS.test(text);
  if (event || MARKET_TALK.test(text) || CONTRACT_ENDS.test(text)) return false;
  if (LIFE_EVENT.test(text) && !MOVING.test(s) && !AFTER_EVENT.test(text)) return false;
  if (THIS_PERIOD.test(phrase) && COUNT_IN_PERIOD.test(tail)) return false;
  const priceTalk = PRICES_TALK.test(text.replace(PRICE_IS_RIGHT, ' '));
  if (!opts.timelineAsked && (ASKS_ABOUT.test(text) || (priceTalk && !MOVING.test(text)))) return false;
  // A question back ("like 30 days?") is the lead asking, unless it answers "when?".
  if (s[to] === '?' && !opts.timelineAsked) return false;
  if (opts.appointmentAsked && !MOVING.test(text) && !HOLDING_OFF.test(text)) return false;
  if (MARKET_QUESTION.test(text) || (c.reading.kind === 'now' && SHOULD.test(text))) return false;
  return true;
}

/** The next match of a global pattern (no copy of it, as `matchAll` makes), past empty ones. */
function nextMatch(re: RegExp, s: string): RegExpExecArray | null {
  const m = re.exec(s);
  if (m?.[0] === '') re.lastIndex += 1;
  return m;
}

function candidateAt(
  m: RegExpExecArray,
  reading: Reading,
  kind: Omit<Candidate, 'start' | 'end' | 'reading'>,
): Candidate {
  return { start: m.index, end: m.index + m[0].length, reading, ...kind };
}

// The slot reader and the live timeline readers look at the same message; its candidates are
// found once and only read afterwards.
const candidates = remember((s: string): readonly Candidate[] => {
  const found: Candidate[] = [];
  for (const rule of RULES) {
    const kind = {
      duration: rule.duration === true,
      urgency: rule.urgency === true,
      bareAnswer: rule.bareAnswer === true,
      ambiguous: false,
    };
    rule.re.lastIndex = 0;
    for (let m = nextMatch(rule.re, s); m; m = nextMatch(rule.re, s)) {
      const reading = rule.read(m);
      if (reading) found.push(candidateAt(m, reading, kind));
    }
  }
  for (const rule of CONTEXT_RULES) {
    rule.re.lastIndex = 0;
    for (let m = nextMatch(rule.re, s); m; m = nextMatch(rule.re, s)) {
      const reading = rule.read(s, m);
      const ambiguous = rule.isDate ? !rule.isDate(s, m) : false;
      if (reading)
        found.push(
          candidateAt(m, reading, { duration: false, urgency: false, bareAnswer: false, ambiguous }),
        );
    }
  }
  // Longest first: "end of next year" over "next year", "a year and a half" over "a year".
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of found) {
    if (kept.every((k) => c.end <= k.start || c.start >= k.end)) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
});

const SEASON_WAITED_OUT =
  /\b(?:after|once|despues de(?: que (?:pase|termine|se acabe))?|cuando (?:pase|termine|se acabe))(?: the| el| la)? $/;

/** The timelines a message states, in the order it states them (after any correction). */
export function findTimelineMentions(text: string, opts: MentionOptions): Reading[] {
  const s = timelineText(text);
  // Asked when, "ASAP, we already bought the other house" dates the lead's own sale.
  if (DONE.test(s) && !SELLING.test(s) && !opts.timelineAsked) return [];
  const breaks = clauseBreaks(s);
  const kept = candidates(s).filter((c) => keep(s, c, clauseAround(breaks, c.start, c.end), opts));
  let corrected = -1;
  for (const m of matchesOf(CORRECTION, s)) corrected = m.index + m[0].length;
  const after = kept.filter((c) => c.start >= corrected);
  let stated = after.length > 0 ? after : kept;
  // "en marzo, después de que pase el invierno": with a date of its own, the season the lead waits
  // out is the reason, not the plan.
  const waitedOut = (c: Candidate) =>
    c.reading.kind === 'date' &&
    c.reading.date.season !== undefined &&
    SEASON_WAITED_OUT.test(s.slice(Math.max(0, c.start - 40), c.start));
  if (stated.some((c) => !waitedOut(c))) stated = stated.filter((c) => !waitedOut(c));
  // "sooner the better, march at the latest": the deadline is the plan, the wish for sooner is not
  // a date ("asap, march at the latest" is: asap).
  // "next month, sooner the better": the same, with the date said first.
  if (stated.some((c) => c.reading.kind !== 'now' && !SOONER_WISH.test(s.slice(c.start, c.end))))
    stated = stated.filter((c) => !SOONER_WISH.test(s.slice(c.start, c.end)));
  // "twins coming in may, need to move FAST": the birth or the wedding is the deadline, and the
  // hurry is to be moved by then, so the date wins over "fast" / "urgent".
  const ownDate = (c: Candidate) => {
    const [from, to] = clauseAround(breaks, c.start, c.end);
    return !OTHER_HOME_CLOSES.test(s.slice(from, Math.min(to, s.length)));
  };
  if (stated.some(ownDate)) stated = stated.filter(ownDate);
  const deadline = stated.some((c) => {
    if (c.urgency || c.reading.kind !== 'date') return false;
    const [from, to] = clauseAround(breaks, c.start, c.end);
    return LIFE_EVENT.test(s.slice(from, Math.min(to, s.length)));
  });
  return (deadline ? stated.filter((c) => !c.urgency) : stated).map((c) => c.reading);
}
