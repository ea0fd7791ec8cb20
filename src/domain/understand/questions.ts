import { classifyAiQuestion } from '../compliance/ai-question.ts';
import { detectOptOut } from '../compliance/opt-out.ts';
import { wordRegex } from '../compliance/text.ts';
import { readScheduling } from './questions-scheduling.ts';
import { type Clause, clausesOf, flatMessage } from './questions-text.ts';
import { OTHER_RULE, TOPIC_RULES, type TopicRule } from './questions-topics.ts';
import { rememberRead } from './remember-read.ts';
import type { Act, QuestionTopic, UtteranceContext } from './types.ts';

// Reads the questions a lead asks us, whether they ask if we are a bot, and what they say about
// meeting times. Other acts (answers, objections, feelings, keywords) are read elsewhere.

// Complaints about the texts and "wrong number" replies open like questions but are not ones.
const NOT_A_QUESTION = wordRegex(
  '(?:keep|keeps|stop|quit) (?:texting|txting|messaging|calling|bugging|bothering|spamming|sending)|text (?:me )?less|too many (?:texts|messages)|wrong (?:number|person|guy)|theres no [a-z]+ here|no [a-z]+ (?:here|lives here)|numero equivocado|unsubscribe',
);
// "How about Tuesday" offers a time, "qué emoción" and "what a day" are feelings, "can you help
// me find a house" answers "buy or sell?", a bare "what?" asks to repeat.
const NOT_OTHER = wordRegex(
  '^(?:what|wat|wut|huh|que|mande|como|eh|what now|sorry what|do it|do that|do so)$|^(?:what|how|que) (?:a|an|nice|cool|great|exciting|sad|awful|fun|sweet|lovely|terrible|funny|crazy|weird|rude|bueno|padre|lindo|bonito)(?![a-z])|who (?:knows|cares)|what ?ever|is what it is|how about|what about|why not|help (?:me|us) (?:find|buy|sell|look)|ayudar(?:me|nos)? a (?:encontrar|comprar|vender|buscar)|que (?:emocion|bueno|padre|bien|susto|pena|triste|horror|miedo|gusto|alegria|lindo|bonito|en paz)',
);
// Right after "are you pre-approved?", "do I need to be?" asks whether it is needed.
const PREAPPROVAL_FOLLOW_UP = wordRegex(
  '(?:need|have|got|gotta) to(?: be| get one| get it| have one| have it| get that)?$|(?:need|require|required) (?:it|one|that|a letter)|is it (?:required|necessary|needed|a must)|(?:tengo|tenemos|hay) que (?:estar|estarlo|tenerla|tenerlo|sacarla)|es (?:necesario|obligatorio|requisito)',
);
// "I already know what it's worth" tells, it does not ask.
const KNOWS_VALUE = wordRegex(
  '(?:i|we) (?:already )?(?:know|knew) (?:what|how much)|(?:i|we) (?:dont|do not) care (?:what|how much)',
);
// "How much? like 650", "where? rancho": the lead repeats our question and answers it.
const ECHO =
  /^(?:who|who me|me|what|when|where|how much|how many|how long|cuanto|cuando|donde|que|quien|yo|what do (?:i|we) (?:want|need))$/;
// "How long is escrow" asks about the process, not about what closing costs.
const HOW_LONG = wordRegex('how long|cuanto tiempo|cuanto tarda');
// "How much did the one on Amethyst sell for" asks a price, not whether it is still for sale.
const SALE_PRICE = wordRegex('how much|(?:sell|sold|go|went|list|listed|going) for');
const PREAPPROVAL_NAMED = wordRegex('pre ?approv[a-z]*|pre ?aprob[a-z]*|preaprob[a-z]*');
const GOING_FOR = wordRegex(
  '(?:what|how much) (?:are|r|do|did|is|have) (?:[a-z]+ ){0,4}(?:going|selling|sell|go|went|sold|getting|get) (?:for|at)',
);
const OWN_HOME = wordRegex(
  'my|our|ours|mine|mi|nuestra|similar|comparable|like (?:mine|ours)|same (?:model|floor ?plan|size)|(?:its|it is|it s) worth',
);
// When the bot asked for a price, turning the question back is asking what the home is worth.
const PRICE_DEFERRAL = wordRegex(
  'you tell me|u tell me|what do (?:you|u|ya) think|your (?:opinion|thoughts|take)|depends on what (?:you|u) (?:think|say)|what would (?:you|u) (?:list|price|put)|what should (?:i|we) (?:ask|list|price)|dime tu|digame|usted digame|que opina|que piensa|lo que (?:usted|tu) (?:diga|digas|crea|creas)',
);

function ruleHits(rule: TopicRule, clause: Clause, saidOnly: boolean): boolean {
  if (rule.said.some((pattern) => pattern.test(clause.flat))) return true;
  return !saidOnly && clause.asked && rule.asked.some((pattern) => pattern.test(clause.flat));
}

/** Topics asked in one sentence. After an opt-out only explicit requests count. */
function topicsOf(clause: Clause, whole: string, ctx: UtteranceContext, saidOnly: boolean): QuestionTopic[] {
  const found: QuestionTopic[] = [];
  for (const rule of TOPIC_RULES) if (ruleHits(rule, clause, saidOnly)) found.push(rule.topic);
  if (
    (ctx.lastQuestion === 'preapproval' || PREAPPROVAL_NAMED.test(whole)) &&
    clause.asked &&
    PREAPPROVAL_FOLLOW_UP.test(clause.flat)
  ) {
    found.push('preapproval_needed');
  }
  if (ctx.lastQuestion === 'price' && PRICE_DEFERRAL.test(clause.flat)) found.push('home_value');
  if (ruleHits(OTHER_RULE, clause, saidOnly)) found.push('other');
  // A more specific topic wins over the general one it overlaps with.
  const drop = new Set<QuestionTopic>();
  const has = (topic: QuestionTopic) => found.includes(topic);
  if (has('preapproval_needed')) drop.add('process');
  if (has('closing_costs')) drop.add('fees_commission');
  if (has('closing_costs') && has('process'))
    drop.add(HOW_LONG.test(clause.flat) ? 'closing_costs' : 'process');
  if (has('listing_status') && has('home_value')) {
    drop.add(SALE_PRICE.test(clause.flat) ? 'listing_status' : 'home_value');
  }
  if (has('market')) drop.add('area_info');
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
    return dedupe(acts);
  }

  const topics: QuestionTopic[] = [];
  const optOut = detectOptOut(text);
  for (const [index, clause] of clauses.entries()) {
    if (index < clauses.length - 1 && ECHO.test(clause.flat)) continue;
    const found = topicsOf(clause, whole, ctx, optOut);
    // A sentence asked like a question whose topic no list knows is still a question to answer.
    const unplaced =
      found.length === 0 &&
      (clause.worded || clause.markedWh) &&
      !clause.exclaimed &&
      ai === null &&
      !optOut &&
      scheduling.length === 0 &&
      !NOT_OTHER.test(clause.flat);
    topics.push(...(unplaced ? (['other'] as const) : found));
  }
  for (const topic of new Set(topics)) acts.push({ act: 'question', topic });
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
