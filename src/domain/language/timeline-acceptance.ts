import { remember } from '../remember.ts';
import { simplify } from './normalize.ts';
import { readTimeline } from './timeline.ts';

export type Acceptance = 'yes' | 'no';

export interface AcceptanceContext {
  /**
   * True (the default) when the message answers "would selling within 30-45 days work?", so a
   * bare "yes", "sure" or "no" counts. Pass false when reading a message sent before the question:
   * then only explicit timeline statements ("asap", "I need 3 months") count.
   */
  justAsked?: boolean;
}

const DECLINE =
  /\b(?:too (?:soon|fast|quick|quickly|early|short|rushed)|not (?:that|so) (?:fast|soon|quick|quickly)|thats (?:too )?(?:fast|quick)|need (?:more|a lot more) time|(?:cant|cannot|couldnt|wont|not able to|unable to) (?:\w+ ){0,2}(?:that (?:fast|soon|quick|quickly)|so (?:fast|soon)|in 30|in 45|within 30|by then)|(?:not|no) (?:gonna|going to) work|(?:doesnt|does not|wont|will not) work|not possible|no way|muy pronto|demasiado pronto|no tan (?:rapido|pronto)|necesito mas tiempo|necesitamos mas tiempo|(?:es )?muy poco tiempo|no (?:me |nos )?(?:funciona|sirve|alcanza)|no (?:puedo|podemos) tan (?:rapido|pronto))\b/;
// Said about the timeline itself, so it counts even before the question: "30 days is fine".
const ACCEPT_TIMELINE =
  /\b(?:(?:30|45|thirty|forty ?five) days (?:is )?(?:fine|ok|okay|good|works|perfect)|the sooner the better)\b/;
// A yes to whatever was asked: counts only as the answer to the 30-45 days question ("la casa
// está bien" is about the house).
const ACCEPT =
  /\b(?:that works|works (?:for (?:me|us)|great|fine)|would work|sounds (?:good|great|perfect|fine|doable)|(?:we|i) (?:can|could) (?:do|make) (?:that|it)|(?:thats|is) (?:fine|doable|perfect|good)|no problem|doable|me parece bien|esta bien|de acuerdo|sin problema|por supuesto|claro que si|nos funciona|me funciona|si funciona|perfecto)\b/;
// A lone "k" is a shrug, not a yes (it counts as a vague answer).
const YES_START =
  /^(?:yes|yeah|yea|yep|yup|ya|sure|ok|okay|absolutely|definitely|of course|correct|totally|for sure|perfect|great|fine|probably|i think so|si|claro|dale|va|orale|seguro|tal vez si|creo que si)\b/;
const NO_START =
  /^(?:no|nope|nah|not really|negative|i dont think so|probably not|definitely not|absolutely not|not at all|no creo|para nada|tampoco)\b(?! (?:problem|worries|doubt|rush|hurry|se\b|sé|prisa|hay prisa|hay problema|problema))/;

/**
 * Whether the seller accepts selling within 30-45 days: "yes", "sure", "that works", "the sooner
 * the better", "asap", "1 month", "sí", "claro", "está bien" → 'yes'; "no", "too soon",
 * "not that fast", "I need at least 3 months", "N months" with N ≥ 2 → 'no'; otherwise null.
 */
export function extractTimelineAcceptance(text: string, context: AcceptanceContext = {}): Acceptance | null {
  return (context.justAsked ?? true) ? afterQuestion(text) : unprompted(text);
}

const afterQuestion = remember((text) => acceptance(text, true), 8);
const unprompted = remember((text) => acceptance(text, false), 8);

function acceptance(text: string, justAsked: boolean): Acceptance | null {
  const simple = simplify(text)
    .replace(/[!?,.;:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (DECLINE.test(simple)) return 'no';
  const timeline = readTimeline(text, justAsked);
  const months = timeline.months ?? (timeline.days !== undefined ? timeline.days / 30 : undefined);
  if (months !== undefined) return months <= 1.5 ? 'yes' : 'no';
  if (
    timeline.horizon === 'just_looking' ||
    timeline.horizon === 'within_year' ||
    timeline.horizon === 'over_year'
  ) {
    return 'no';
  }
  if (timeline.urgency === 'asap') return 'yes';
  if (timeline.urgency === 'later' && justAsked) return 'no';
  if (ACCEPT_TIMELINE.test(simple)) return 'yes';
  if (!justAsked) return null;
  if (ACCEPT.test(simple)) return 'yes';
  if (NO_START.test(simple)) return 'no';
  if (YES_START.test(simple) || timeline.urgency === 'soon') return 'yes';
  return null;
}
