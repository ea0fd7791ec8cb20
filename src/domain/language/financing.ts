import { simplify } from './normalize.ts';

export type FinancingStatus = 'pre_approved' | 'cash' | 'not_yet' | 'in_process';

/** How a buyer pays. `lender` is only set when the buyer named one. */
export interface Financing {
  status: FinancingStatus;
  lender?: string;
}

export interface FinancingOptions {
  /** True when the bot just asked about financing: bare "not yet", "no", "working on it", "cash" then count. */
  justAsked?: boolean;
}

const APPROVAL =
  '(?:pre ?-?approv\\w*|preapprov\\w*|pre ?-?qualif\\w*|prequalif\\w*|approv\\w*|pre ?-?aprob\\w*|preaprob\\w*)';
const NOT_APPROVED = new RegExp(
  `\\b(?:(?:not|arent|am not|im not|were not|havent|have not|never|dont|didnt|no)(?: yet| been| gotten| got| get)* ${APPROVAL}|no (?:estoy|estamos|tengo|tenemos)(?: la| una)? ${APPROVAL}|(?:need|needs|have|want|plan|planning|hoping|going) to (?:get|be) ${APPROVAL}|(?:need|necesito|necesitamos) (?:a |una |la )?${APPROVAL})`,
);
const PROCESS = new RegExp(
  `\\b(?:getting ${APPROVAL}|working on (?:getting |our |my |the )?(?:${APPROVAL}|financing|loan|mortgage)|(?:in|started) the (?:process|application)|applying|applied|waiting (?:on|for) (?:the |my |our )?(?:approval|pre ?-?approval|lender|underwriting|bank|letter)|(?:talking|speaking|meeting|working) (?:to|with) (?:a |my |our |the )?(?:lender|bank|loan officer|broker|mortgage)|pre ?-?qualified|prequalified|en proceso|tramitando|aplicando|aplique|hablando con (?:un |el |mi )?(?:banco|prestamista|lender))\\b`,
);
const APPROVED = new RegExp(
  `\\b(?:${APPROVAL}|approval letter|(?:got|been|am|are|were|already|just got) approved|have (?:a |our |my )?(?:loan|financing|mortgage) (?:lined up|ready|in place|approved)|financing (?:is )?(?:lined up|ready|in place|secured|approved)|aprobad[oa]s? (?:por|con) (?:el |un |una |la )?(?:banco|prestamista|lender))\\b`,
);
const CASH =
  /\b(?:all[- ]cash|paying (?:in |with )?cash|pay (?:in |with |all )?cash|cash buyers?|cash purchase|buy\w* (?:it |a house |the house |a home )?(?:with|in|for) cash|(?:in|with) cash|cash offer|(?:en|de|al) (?:efectivo|contado)|pag\w* (?:en|de|al) (?:efectivo|contado)|cash)\b/;
const NO_CASH = /\b(?:no|not|dont have|without|sin) (?:\w+ ){0,2}cash\b|\bcash out\b/;
const NOT_YET =
  /\b(?:(?:havent|have not|didnt|did not|never|not yet) (?:\w+ ){0,4}(?:lender|bank|loan officer|mortgage|financing|loan)|(?:dont|do not) have (?:a |an |any )?(?:lender|loan officer|financing|mortgage broker)|(?:need|looking for|want|recommend|find) (?:a |an )?(?:good )?(?:lender|loan officer|mortgage broker)|no (?:lender|financing)(?: yet)?|todavia no|aun no|no tengo (?:un )?(?:prestamista|lender|financiamiento)|no he hablado con|necesito (?:un )?(?:prestamista|lender|prestamo))\b/;
const BARE_NOT_YET =
  /^(?:no|nope|nah|not yet|no not yet|nope not yet|not really|not at the moment|not right now|no todavia|no aun|todavia no|aun no|no yet)\b/;
const BARE_IN_PROCESS =
  /^(?:working on it|in (?:the )?process|in progress|almost|getting there|en eso|trabajando en eso)\b/;

const KNOWN_LENDERS: [RegExp, string][] = [
  [/\bchase\b/, 'Chase'],
  [/\bwells ?fargo\b/, 'Wells Fargo'],
  [/\b(?:bank of america|bofa)\b/, 'Bank of America'],
  [/\brocket(?: mortgage)?\b/, 'Rocket Mortgage'],
  [/\bu\.?s\.? bank\b/, 'U.S. Bank'],
  [/\bciti(?:bank)?\b/, 'Citi'],
  [/\bnavy federal\b/, 'Navy Federal'],
  [/\busaa\b/, 'USAA'],
  [/\bguild(?: mortgage)?\b/, 'Guild Mortgage'],
  [/\bloan ?depot\b/, 'loanDepot'],
  [/\bfairway\b/, 'Fairway'],
  [/\bguaranteed rate\b/, 'Guaranteed Rate'],
  [/\bnew american funding\b/, 'New American Funding'],
  [/\bunited wholesale|\buwm\b/, 'United Wholesale Mortgage'],
  [/\bpennymac\b/, 'PennyMac'],
  [/\bmr\.? cooper\b/, 'Mr. Cooper'],
  [/\bschools ?first\b/, 'SchoolsFirst'],
  [/\bgolden (?:1|one)\b/, 'Golden 1'],
  [/\bkinecta\b/, 'Kinecta'],
  [/\barrowhead\b/, 'Arrowhead Credit Union'],
  [/\bflagstar\b/, 'Flagstar'],
  [/\bcrosscountry|cross country mortgage\b/, 'CrossCountry Mortgage'],
  [/\bmovement mortgage\b/, 'Movement Mortgage'],
];
const NAMED_AFTER =
  /\b(?:with|through|thru|from|by|via|con|at)\s+((?:[A-Z][\w&'.-]*)(?:\s+(?:[A-Z][\w&'.-]*|of|de))*)/;
const NOT_A_LENDER = new Set(['I', 'My', 'The', 'A', 'An', 'Me', 'Us', 'Our', 'We', 'You', 'Jorge']);

function lenderOf(raw: string, simple: string): string | undefined {
  const known = KNOWN_LENDERS.find(([re]) => re.test(simple));
  if (known) return known[1];
  const named = NAMED_AFTER.exec(raw)?.[1]?.replace(/(?<!\s)\s+(?:of|de)$/, '');
  if (!named || NOT_A_LENDER.has(named.split(/\s+/)[0] ?? '')) return undefined;
  return named;
}

/**
 * How the buyer will pay: "pre-approved with Chase", "preapproved", "paying cash", "all cash",
 * "haven't talked to a lender", "working on it", "pre-aprobado", "pago en efectivo", "todavía no".
 * A budget alone never means pre-approved. Null when financing is not mentioned.
 */
export function extractFinancing(text: string, options: FinancingOptions = {}): Financing | null {
  const simple = simplify(text)
    .replace(/[!?,.;:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  let status: FinancingStatus | null = null;
  if (NOT_APPROVED.test(simple)) status = PROCESS.test(simple) ? 'in_process' : 'not_yet';
  else if (PROCESS.test(simple)) status = 'in_process';
  else if (CASH.test(simple) && !NO_CASH.test(simple) && (options.justAsked || !/^cash$/.test(simple)))
    status = 'cash';
  else if (APPROVED.test(simple)) status = 'pre_approved';
  else if (NOT_YET.test(simple)) status = 'not_yet';
  else if (options.justAsked && BARE_IN_PROCESS.test(simple)) status = 'in_process';
  else if (options.justAsked && BARE_NOT_YET.test(simple)) status = 'not_yet';
  if (!status) return null;
  const lender = status === 'pre_approved' || status === 'in_process' ? lenderOf(text, simple) : undefined;
  return lender ? { status, lender } : { status };
}
