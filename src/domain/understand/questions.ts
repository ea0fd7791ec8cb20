import { classifyAiQuestion } from '../compliance/ai-question.ts';
import { detectOptOut } from '../compliance/opt-out.ts';
import { wordRegex } from '../compliance/text.ts';
import { readKeywords } from '../compliance/keywords.ts';
import { readFeelings } from './feelings.ts';
import { readScheduling } from './questions-scheduling.ts';
import { type Clause, clausesOf, flatMessage } from './questions-text.ts';
import {
  HOW_IT_WORKS as HOW_IT_WORKS_WORDS,
  OTHER_RULE,
  TOPIC_RULES as BASE_TOPIC_RULES,
  type TopicRule,
} from './questions-topics.ts';
import { EVERYDAY_TOPIC_RULES } from './questions-topics-everyday.ts';
import { MORE_TOPIC_RULES } from './questions-topics-more.ts';
import { PLAIN_TOPIC_RULES } from './questions-topics-plain.ts';
import { HOLIDAY_TOPIC_RULES } from './questions-topics-holidays.ts';
import { MONEY_TOPIC_RULES } from './questions-topics-money.ts';
import { RETURNING_TOPIC_RULES } from './questions-topics-returning.ts';
import { rememberRead } from './remember-read.ts';
import type { Act, QuestionTopic, UtteranceContext } from './types.ts';

// Reads the questions a lead asks us, whether they ask if we are a bot, and what they say about
// meeting times. Other acts (answers, objections, feelings, keywords) are read elsewhere.

// Complaints about the texts and "wrong number" replies open like questions but are not ones.
const NOT_A_QUESTION = wordRegex(
  '(?:keep|keeps|stop|quit) (?:texting|txting|messaging|calling|bugging|bothering|spamming|sending|asking)|text (?:me )?less|too many (?:texts|messages)|wrong (?:number|person|guy)|theres no [a-z]+ here|no [a-z]+ (?:here|lives here)|numero equivocado|unsubscribe',
);
// "How about Tuesday" offers a time, "qué emoción" and "what a day" are feelings, "can you help
// me find a house" answers "buy or sell?", a bare "what?" asks to repeat.
const NOT_OTHER = wordRegex(
  '^(?:what|wat|wut|huh|que|mande|como|eh|what now|sorry what|do it|do that|do so)$|^(?:what|how|que) (?:a|an|nice|cool|great|exciting|sad|awful|fun|sweet|lovely|terrible|funny|crazy|weird|rude|bueno|padre|lindo|bonito)(?![a-z])|who (?:knows|cares)|what ?ever|is what it is|how about|what about|why not|help (?:me|us) (?:find|buy|sell|look)|ayudar(?:me|nos)? a (?:encontrar|comprar|vender|buscar)|que onda(?! con)|quiubo|que hubo|que (?:emocion|bueno|padre|bien|susto|pena|triste|horror|miedo|gusto|alegria|lindo|bonito|en paz|coraje|fastidio|molestia|falta de respeto|verguenza|lata|rollo|flojera|barbaridad|verguenza)|que (?:tenga|tengas|tengan|le vaya|te vaya|les vaya|dios)|(?:see|seeing|curious|check|checking|know) (?:what|whats) (?:is |s )?out there',
);
// The second question of a sentence joined by "and"/"y": "…, and do we need to fix the roof first?".
const SECOND_QUESTION =
  /\b(?:and|y|also|tambien) ((?:(?:do|does|is|are|can|should|would|will) (?:we|i|you|u|they|it|that|he|she)|how|when|where|necesito|necesitamos|hay que|tenemos que|tengo que|cuanto|cuando|donde) .+)/;
// Right after "are you pre-approved?", "do I need to be?" asks whether it is needed.
const PREAPPROVAL_FOLLOW_UP = wordRegex(
  '(?:need|have|got|gotta) to(?: be| get one| get it| have one| have it| get that)?$|(?:lo|la) (?:necesito|ocupo|necesitamos|ocupamos|necesito tener)|(?:need|needed|necesito|ocupo|necesitamos|ocupamos) (?:it |that |one |a letter |eso |esa |la carta )?(?:to|para|before|antes de) (?:see|look|ver|tour|view|touring|seeing|looking)|(?:need|require|required) (?:it|one|that|a letter)|is it (?:required|necessary|needed|a must)|(?:should|do|must|would) (?:i|we) (?:get|have|do) (?:one|it|that)(?: first| before| now)?|is (?:that|it) (?:a must|a requirement|mandatory)|(?:does|would|will) (?:that|it|this) (?:stop|keep|prevent) (?:us|me) from|can (?:we|i) (?:still |start |already |go )?(?:look|looking|see|tour|touring|shop)(?: at (?:houses|homes|places))?(?: meanwhile| in the meantime| anyway| already| now)?$|se necesita|(?:tenemos|tengo|hay) que ir al banco|(?:need|have|got) to (?:talk to|go to|see|call|get|find) (?:a |the |our )?(?:bank|lender|loan officer|mortgage broker)(?: first| before| now)?$|(?:tengo|tenemos|hay) que (?:estar|estarlo|tenerla|tenerlo|sacarla)|es (?:necesario|obligatorio|requisito)|how (?:do|can|would|should) (?:i|we) (?:do (?:that|it|this)|get (?:one|it|that|this|started))|(?:do|should|would) (?:i|we) (?:go to|call|talk to) (?:my|our|the|a) (?:bank|lender|credit union)|(?:who|where) do (?:i|we) (?:call|go|start)|what do (?:i|we) need (?:for (?:that|it|one)|to get (?:that|it|one|pre ?approved))|(?:is|would|will) (?:that|this|it) (?:be )?(?:a problem|an issue|bad|a deal breaker)|is (?:that|this|it) (?:step (?:1|one)|the first step)|(?:eso |esa |esto )?es (?:lo primero|el primer paso)|(?:es|seria) (?:eso )?(?:un )?problema',
);
// "pre-qualified online, does that count?": asks whether what they have is enough, once a
// pre-approval or pre-qualification is named in the message.
const COUNTS_AS = wordRegex(
  'does (?:that|it|this) (?:count|work|qualify|do)|es lo mismo|(?:is|its) (?:that|it) the same(?: thing)?|(?:eso|esa|esto) (?:cuenta|sirve|vale)|is (?:that|it|this) (?:enough|ok|okay|good enough|the same(?: thing)?)|(?:cuenta|sirve|vale) (?:eso|esa|esto)|(?:es|seria) suficiente',
);
// "I already know what it's worth" tells, it does not ask.
const KNOWS_VALUE = wordRegex(
  '(?:i|we) (?:already )?(?:know|knew) (?:what|how much)|(?:i|we) (?:dont|do not) care (?:what|how much)',
);
// "How much? like 650", "where? rancho": the lead repeats our question and answers it.
const ECHO =
  /^(?:who|who me|me|what|when|where|how much|how many|how long|cuanto|cuando|donde|que|quien|yo|what do (?:i|we) (?:want|need)|(?:are|am|r) (?:we|i) (?:pre ?approved|approved)|(?:do|did) (?:we|i) have (?:a |one|an )?(?:lender|budget|agent|letter)?|(?:what|whats) (?:is )?(?:our|my) budget|(?:when|how soon) (?:do|would|will) (?:we|i) (?:want to |wanna )?(?:move|buy|sell)|(?:estamos|estoy) (?:pre)?aprobad[oa]s?)$/;
// Questions that answer themselves: "did you even read my msg", "are you serious?".
const RHETORICAL = wordRegex(
  '^(?:you know what|sabe que|sabes que|saben que)(?: (?:mejor no|no|nah|never ?mind|forget it|olvidelo|olvidalo|actually))?$|did (?:you|u|yall|anyone|anybody) (?:even|actually|ever) (?:read|listen|look|check|care)|do (?:you|u|yall|you guys|you people) (?:not|even|never) (?:talk|read|listen|care|check|look)|(?:are|r) (?:you|u|yall) (?:serious|kidding|joking|kidding me|for real right now)|why (?:are|is|r) (?:realtors|agents|you people|yall|you guys|everyone|everybody|people|you all) so|why (?:does|do) (?:everyone|everybody|every1|all of you|yall|you people|you all) (?:keep|need|want|have|always)|why (?:would|should) (?:i|we) (?:ever |even )?(?:book|trust|believe|listen|bother|answer|respond|reply|sell with|work with|give you)|(?:como|que) (?:se atreven|es posible que)',
);

// Short questions that point back at the sentence before: "is it?", "true?", "how did you get it".
const POINTS_BACK =
  /^(?:(?:so|and|but|or|well|ok|really|seriously) )*(?:(?:is|isnt) (?:it|that|this)(?: (?:true|so|real|right|correct|a thing))?|right|true|or not|or no|verdad|cierto|o no|no|es cierto|es verdad|que opina|como lo ve(?: usted)?|como la ve(?: usted)?|que piensa|what do (?:you|u) think|thoughts|do (?:you|u) think so|(?:how|why|where|when) (?:did|do|would|does) (?:you|u|they) (?:get|have|find|know|do) (?:it|that|this|them))$/;

const ABOUT_THAT =
  /(?:^| )(?:is|does|would|will|could) (?:that|this|it) (?:be )?(?:a problem|an issue|ok|okay|bad|matter|a deal breaker|a dealbreaker)$/;
const WHO_PAYS = wordRegex('who (?:pays|covers|is paying)');
const ON_THE_MARKET = wordRegex('(?:on|off) the market|still (?:up|listed|for sale|available)');
// "How long is escrow" asks about the process, not about what closing costs.
const HOW_LONG = wordRegex('how long|cuanto tiempo|cuanto tarda');
// "How much did the one on Amethyst sell for" asks a price, not whether it is still for sale.
const SALE_PRICE = wordRegex('how much|(?:sell|sold|go|went|list|listed|going) for');
const PREAPPROVAL_NAMED = wordRegex(
  'pre ?approv[a-z]*|(?:not|no|arent|werent) (?:yet )?approved|approved yet|aprobad[oa]s?|preaprobacion|pre aprobacion|pre ?aprob[a-z]*|preaprob[a-z]*|pre ?qual[a-z]*|pre ?calific[a-z]*|precalific[a-z]*',
);
const GOING_FOR = wordRegex(
  '(?:what|how much) (?:are|r|do|did|is|have) (?:[a-z]+ ){0,4}(?:going|selling|sell|go|went|sold|getting|get) (?:for|at)',
);
const OWN_HOME = wordRegex(
  'my|our|ours|mine|mi|nuestra|similar|comparable|like (?:mine|ours)|same (?:model|floor ?plan|size)|(?:its|it is|it s) worth',
);
// When the bot asked for a price, turning the question back is asking what the home is worth.
const PRICE_DEFERRAL = wordRegex(
  '(?:thats|that is|its) why (?:im|i am|i was|were|we are) asking|(?:wed|id|we would|i would|would) (?:love|like|want) to (?:know|hear|find out|see)|(?:want|wanna|need) to (?:know|hear|find out) (?:for sure|what (?:you|u) think)|(?:youre|you are|your|ur) the (?:expert|pro|professional|realtor|agent)|you tell me|u tell me|what do (?:you|u|ya) think|your (?:opinion|thoughts|take)|depends on what (?:you|u) (?:think|say)|what would (?:you|u) (?:list|price|put)|what should (?:i|we) (?:ask|list|price)|dime tu|digame|usted digame|que opina|que piensa|lo que (?:usted|tu) (?:diga|digas|crea|creas)',
);

// Said after their own figure: "is that crazy?", "tell me if I'm dreaming", "¿es mucho?".
const SANITY_CHECK = wordRegex(
  'is [0-9]+k? (?:even |still |really )?(?:realistic|reasonable|enough|doable|possible|crazy)|(?:is|does|would) (?:that|it|this|the number) (?:sound |be |seem )?(?:crazy|realistic|reasonable|unrealistic|too high|too low|too much|high|low|fair|doable|possible|nuts|insane|right|about right|in the ballpark|ok|okay)|(?:am i|are we|are you) (?:crazy|dreaming|off|nuts|way off|too high|too low|high|low)|(?:es|sera|seria|esta|estara) (?:muy |demasiado )?(?:mucho|poco|demasiado|realista|razonable|justo|alto|bajo)|^(?:y )?(?:como (?:lo |la )?ve(?: usted)?|que (?:opina|le parece|te parece))$',
);
const SANITY_CHECK_SAID = wordRegex(
  '(?:tell me|let me know|lmk) (?:if|whether) (?:im|i am|thats|that is|its|we are|were|this is|i m) (?:crazy|off|wrong|dreaming|nuts|high|low|way off|too high|too low|unrealistic)',
);
// "under what the house down the street sold for": a figure compared, not a question.
const FIGURE = /[0-9]{3}|[0-9] ?k(?![a-z])/;
const ZESTIMATE = wordRegex('zestimate|zillow|redfin|estimate');
const RELATIVE_WHAT = wordRegex('(?:under|over|than|above|below|from|like|near|to) what');
// A seller who asks when someone can come and see the house asks for a visit, not a listing.
const COMING_OVER = wordRegex('come|came|venir|vengan|venga|vienen|stop by|swing by|pasar|pasen');

const HOW_IT_WORKS = wordRegex(
  'how does (?:it|this|that|the process|this all|all this|it all) work|(?:whats|what is) the process',
);

const TOPIC_RULES: readonly TopicRule[] = [
  ...BASE_TOPIC_RULES,
  ...MORE_TOPIC_RULES,
  ...EVERYDAY_TOPIC_RULES,
  ...PLAIN_TOPIC_RULES,
  ...RETURNING_TOPIC_RULES,
  ...HOLIDAY_TOPIC_RULES,
  ...MONEY_TOPIC_RULES,
];

function ruleHits(rule: TopicRule, clause: Clause, saidOnly: boolean): boolean {
  if (rule.said.some((pattern) => pattern.test(clause.flat))) return true;
  return !saidOnly && clause.asked && rule.asked.some((pattern) => pattern.test(clause.flat));
}

/** Topics asked in one sentence. After an opt-out only explicit requests count. */
function topicsOf(clause: Clause, whole: string, ctx: UtteranceContext, saidOnly: boolean): QuestionTopic[] {
  const found: QuestionTopic[] = [];
  for (const rule of TOPIC_RULES) if (ruleHits(rule, clause, saidOnly)) found.push(rule.topic);
  const named = found.length > 0;
  if (
    (ctx.lastQuestion === 'preapproval' || PREAPPROVAL_NAMED.test(whole)) &&
    clause.asked &&
    PREAPPROVAL_FOLLOW_UP.test(clause.flat)
  ) {
    found.push('preapproval_needed');
  }
  if (PREAPPROVAL_NAMED.test(whole) && clause.asked && COUNTS_AS.test(clause.flat))
    found.push('preapproval_needed');
  // A seller who names a figure and turns to us ("maybe 700? we'd like your opinion") asks the
  // value whether or not we had just asked for the price.
  const priceTalk = ctx.lastQuestion === 'price' || (ctx.bot === 'seller' && FIGURE.test(whole));
  if (
    priceTalk &&
    (PRICE_DEFERRAL.test(clause.flat) ||
      (ctx.lastQuestion === 'price' && clause.asked && SANITY_CHECK.test(clause.flat)))
  )
    found.push('home_value');
  if (ctx.lastQuestion === 'price' && SANITY_CHECK_SAID.test(clause.flat) && !found.includes('home_value'))
    found.push('home_value');
  // A buyer asking whether their figure still buys anything asks about prices here.
  if (
    ctx.lastQuestion !== 'price' &&
    clause.asked &&
    SANITY_CHECK.test(clause.flat) &&
    FIGURE.test(clause.flat)
  )
    found.push('market');
  if (ruleHits(OTHER_RULE, clause, saidOnly)) found.push('other');
  // A more specific topic wins over the general one it overlaps with.
  const drop = new Set<QuestionTopic>();
  const has = (topic: QuestionTopic) => found.includes(topic);
  if (has('preapproval_needed')) drop.add('process');
  if (has('closing_costs')) drop.add('fees_commission');
  // "do I have to pay anything upfront?", "who pays for the appraisal?": the costs, not the steps.
  // "how does this work, do you charge me anything?" asks both.
  if (has('fees_commission') && !HOW_IT_WORKS.test(clause.flat)) drop.add('process');
  if (has('closing_costs') && WHO_PAYS.test(clause.flat)) drop.add('home_value');
  if (has('closing_costs') && has('process'))
    drop.add(HOW_LONG.test(clause.flat) ? 'closing_costs' : 'process');
  if (has('listing_status') && has('home_value')) {
    drop.add(SALE_PRICE.test(clause.flat) ? 'listing_status' : 'home_value');
  }
  if (has('market')) drop.add('area_info');
  // "how long does it take to sell a house around here right now" asks about this market.
  if (has('market') && HOW_LONG.test(clause.flat)) drop.add('process');
  // "¿se puede ver casas sin estar aprobado?" asks about the pre-approval, not the steps in general.
  if (has('preapproval_needed')) drop.add('process');
  // "the house on Carnelian, is it on the market?" asks about that listing, not the market.
  if (has('listing_status') && ON_THE_MARKET.test(clause.flat)) drop.add('market');
  // "What are houses going for in Alta Loma" asks about the market; "what are similar houses
  // getting" or "what would ours go for" asks what the lead's own home is worth.
  if (has('market') && has('home_value')) drop.add(OWN_HOME.test(clause.flat) ? 'market' : 'home_value');
  // Asked for their price, "idk, what are homes going for?" asks about the market to find a
  // number for their own home: both are answered.
  if (ctx.lastQuestion === 'price' && GOING_FOR.test(clause.flat)) {
    if (!has('home_value')) found.push('home_value');
    drop.delete('home_value');
    drop.add('other');
  }
  if (KNOWS_VALUE.test(clause.flat)) drop.add('home_value');
  if (!clause.asked && RELATIVE_WHAT.test(clause.flat)) drop.add('home_value');
  // "was this from the open house sign-in sheet?" asks where the number came from.
  if (has('home_value') && ZESTIMATE.test(clause.flat)) drop.add('scam');
  if (has('home_value') || has('reschedule')) drop.add('process');
  // "not preapproved, is that a problem?": the short question is the topic just named.
  if ((named || has('preapproval_needed')) && ABOUT_THAT.test(clause.flat)) drop.add('other');
  if (has('how_got_number')) {
    drop.add('process');
    drop.add('other');
  }
  if (has('listing_status') && ctx.bot === 'seller' && COMING_OVER.test(clause.flat)) {
    drop.add('listing_status');
    if (!has('other')) found.push('other');
  }
  return found.filter((topic) => !drop.has(topic));
}

function readByRules(text: string, ctx: UtteranceContext): Act[] {
  const clauses = clausesOf(text);
  const whole = flatMessage(text);
  const acts: Act[] = [];
  const ai = aiQuestion(text, whole);
  if (ai !== null) acts.push({ act: 'identity_question', sincere: ai === 'sincere' });
  const scheduling = readScheduling(text, clauses, whole, ctx);
  if (NOT_A_QUESTION.test(whole)) {
    acts.push(...scheduling.filter((act) => act.act === 'scheduling'));
    // "stop asking me questions and just tell me what it's worth": a complaint with an explicit
    // request beside it; only the requests a list knows by their wording are read.
    const said = clauses.flatMap((clause) => topicsOf(clause, whole, ctx, true));
    // "wrong number, I don't know any Jorge" says who they are not, it does not ask who we are.
    for (const topic of new Set(said)) if (topic !== 'identity') acts.push({ act: 'question', topic });
    return dedupe(acts);
  }

  const topics: QuestionTopic[] = [];
  const optOut = detectOptOut(text);
  // Questions inside an outburst ("why does everybody need to know WHY", "do yall not talk to
  // each other??") are rhetorical: only those a list knows are read.
  const venting = readFeelings(text, ctx).includes('anger');
  // HELP gets the carrier's help answer, which says who we are: "HELP. what even is this number".
  const helpAsked = readKeywords(text).includes('HELP');
  for (const [index, clause] of clauses.entries()) {
    if (index < clauses.length - 1 && ECHO.test(clause.flat)) continue;
    let found = topicsOf(clause, whole, ctx, optOut);
    // "What do you charge, and do we need to fix the roof before listing?": two questions in one.
    const second = clause.asked ? SECOND_QUESTION.exec(clause.flat)?.[1] : undefined;
    if (second)
      found = [...new Set([...found, ...topicsOf({ ...clause, flat: second }, whole, ctx, optOut)])];
    // "the market's about to tank. is it?", "¿cómo lo ve usted?": a short question that points
    // back asks about the sentence next to it.
    const before = clauses[index - 1];
    if (found.length === 0 && clause.asked && before && POINTS_BACK.test(clause.flat)) {
      found = topicsOf({ ...before, asked: true }, whole, ctx, optOut);
    }
    // A sentence asked like a question whose topic no list knows is still a question to answer.
    const unplaced =
      found.length === 0 &&
      // "¿trabajan con préstamos VA?": a Spanish yes/no question has no question word, only "¿".
      (clause.worded ||
        clause.markedWh ||
        (clause.opened === true && topics.length === 0 && clause.flat.split(' ').length >= 4)) &&
      !clause.exclaimed &&
      ai === null &&
      !optOut &&
      !(venting && !clause.marked) &&
      !RHETORICAL.test(clause.flat) &&
      !helpAsked &&
      scheduling.length === 0 &&
      !NOT_OTHER.test(clause.flat) &&
      !(topics.some((t) => t !== 'other') && POINTS_BACK.test(clause.flat));
    topics.push(...(unplaced ? (['other'] as const) : found));
  }
  // "¿se puede cancelar y vemos otro día?": a question about moving the meeting, not about the
  // process in general.
  const aboutMeeting = scheduling.some(
    (a) => a.act === 'question' && (a.topic === 'reschedule' || a.topic === 'cancel'),
  );
  for (const topic of new Set(topics)) {
    if (!(aboutMeeting && topic === 'process')) acts.push({ act: 'question', topic });
  }
  for (const act of scheduling) {
    if (act.act === 'question' && topics.includes(act.topic)) continue;
    acts.push(act);
  }
  return dedupe(acts);
}

// "Is this Jorge or his assistant?" asks who is writing, not whether software is: the compliance
// screen still discloses (harmless), but the reading is a question about identity.
const MACHINE_OR_HUMAN = wordRegex(
  'bot|bots|robot|robots|chatbot|ai|a i|artificial|automated|automatic|auto|machine|computer|chatgpt|gpt|siri|alexa|human|humano|humana|person|persona|real|maquina|computadora|ia|inteligencia|automatico|automaticos|automatizado|programa',
);

function aiQuestion(text: string, whole: string): 'sincere' | 'banter' | null {
  const kind = classifyAiQuestion(text);
  if (kind === 'sincere' && !MACHINE_OR_HUMAN.test(whole)) return null;
  return kind;
}

/**
 * Questions to us (`question` with its topic), bot-or-human questions (`identity_question`) and
 * scheduling acts in one lead message. Hand-written word lists: a classifier trained on the
 * labelled corpus was measured against them and lost (eval/dev/questions.ts).
 */
export const readQuestionActs = rememberRead(readByRules, (acts) => acts.map((act) => ({ ...act })));

function dedupe(acts: readonly Act[]): Act[] {
  const seen = new Set<string>();
  return acts.filter((act) => {
    const key = JSON.stringify(act);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
