import { simplify } from './normalize.ts';
import { ACK_WORDS, NO_WORDS, YES_WORDS } from './yes-no.ts';

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
  '(?:pre ?-?approv\\w*|preapprov\\w*|pre ?-?qualif\\w*|prequalif\\w*|approv\\w*|pre ?-?aprob\\w*|preaprob\\w*|aprobad[oa]s?)';
const NOT_APPROVED = new RegExp(
  `\\b(?:(?:not|arent|am not|im not|were not|havent|have not|never|dont|didnt|no)(?: yet| been| gotten| got| get| done the| started the)* ${APPROVAL}|no (?:estoy|estamos|tengo|tenemos)(?: la| una)? ${APPROVAL}|no (?:nos|me|les) (?:han|ha) (?:dado la )?(?:aprobado|preaprobado|aprobacion|preaprobacion)|no (?:nos|me|les) (?:aprueban|aprobaron)|no (?:tenemos|tengo) (?:la |una )?carta|(?:dont|do not) have (?:a|the|our|my) (?:letter|pre ?approval)|(?:need|needs|have|want|plan|planning|hoping|going) to (?:get|be) ${APPROVAL}|(?:need|necesito|necesitamos) (?:a |una |la )?${APPROVAL})`,
);
const PROCESS = new RegExp(
  `\\b(?:getting ${APPROVAL}|working on (?:getting |our |my |the )?(?:${APPROVAL}|financing|loan|mortgage)|(?:in|started) the (?:process|application)|applying|applied|waiting (?:on|for) (?:the |my |our )?(?:approval|pre ?-?approval|lender|underwriting|bank|letter)|(?:talking|speaking|meeting|working) (?:to|with) (?:a |my |our |the )?(?:lender|bank|loan officer|broker|mortgage)|pre ?-?qualified|prequalified|en proceso|tramitando|aplicando|aplique|hablando con (?:un |el |mi )?(?:banco|prestamista|lender))\\b`,
);
const APPROVED = new RegExp(
  `\\b(?:${APPROVAL}|approval letter|(?:got|been|am|are|were|already|just got) approved|have (?:a |our |my )?(?:loan|financing|mortgage) (?:lined up|ready|in place|approved)|financing (?:is )?(?:lined up|ready|in place|secured|approved)|aprobad[oa]s? (?:por|con) (?:el |un |una |la )?(?:banco|prestamista|lender)|(?:ya )?(?:nos|me|les) aprobaron|(?:el banco|the bank) (?:nos|me) aprobo|(?:el banco|the bank|our lender|my lender) (?:nos|me|gave us|gave me) (?:dio|dieron)? ?(?:hasta|up to))\\b`,
);
// How a buyer says they pay cash; a seller's "cash offer" and a bare "cash" count only as CASH.
const BUYER_CASH_WORDS =
  'all[- ]cash|paying (?:in |with |all )?cash|pay (?:in |with |all )?cash|cash buyers?|cash purchase|purchas(?:e|ing) (?:in |with |all )?cash|buy\\w* (?:it |a house |the house |a home )?(?:with|in|for) cash|buy\\w* (?:all )?cash|pag\\w* (?:en|de|al) (?:efectivo|contado)';
const BUYER_CASH = new RegExp(`\\b(?:${BUYER_CASH_WORDS})\\b`);
const CASH = new RegExp(
  `\\b(?:${BUYER_CASH_WORDS}|(?:in|with) cash|cash offer|(?:en|de|al) (?:efectivo|contado)|cash)\\b`,
);
// Not "no loan, all cash": the words between the negation and the cash say nothing of it.
const NO_CASH =
  /\b(?:no|not|dont have|without|sin) (?:(?!all\b|so\b|but\b|just\b)\w+ ){0,2}cash\b|\bcash out\b/;
const NOT_YET =
  /\b(?:(?:havent|have not|didnt|did not|never|not yet) (?:\w+ ){0,4}(?:lender|bank|loan officer|mortgage|financing|loan)|(?:dont|do not) have (?:a |an |any )?(?:lender|loan officer|financing|mortgage broker)|(?:need|looking for|want|recommend|find) (?:a |an )?(?:good )?(?:lender|loan officer|mortgage broker)|(?:need|have|gotta|got) to (?:talk to|talk with|call|see|find|get) (?:a |an )?(?:lender|loan officer|mortgage broker)|no (?:lender|financing)(?: yet)?|todavia no|aun no|no tengo (?:un )?(?:prestamista|lender|financiamiento)|no he hablado con|no (?:hemos|he) ido al banco|(?:havent|have not) (?:talked|spoken) to one yet|necesito (?:un )?(?:prestamista|lender|prestamo))\b/;
const BARE_NOT_YET = new RegExp(
  `^(?:no|${NO_WORDS}|no not yet|nope not yet|not at the moment|not right now|no aun|no yet)\\b`,
);
const WITH_A_LENDER = /\b(?:working|talking|speaking|going|dealing) (?:with|w|to|thru|through)\b/;
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
// Words that follow "with"/"con" and are not a lender: people, and what a buyer pays or qualifies with.
const NOT_A_LENDER = new Set([
  'I',
  'My',
  'The',
  'A',
  'An',
  'Me',
  'Us',
  'Our',
  'We',
  'You',
  'Jorge',
  'ITIN',
  'SSN',
  'DACA',
  'Cash',
  'Efectivo',
  'Thanks',
  'Thank',
  'Thx',
  'Ty',
  'Gracias',
  'Yes',
  'Yeah',
  'Yep',
  'Ok',
  'Okay',
  'Si',
  'Sí',
  'Just',
  'Already',
  'Lol',
  'And',
  'But',
  'So',
  'Y',
  'Pero',
]);

function lenderOf(raw: string, simple: string): string | undefined {
  const known = KNOWN_LENDERS.find(([re]) => re.test(simple));
  if (known) return known[1];
  const named = NAMED_AFTER.exec(raw)?.[1]?.replace(/(?<!\s)\s+(?:of|de)$/, '');
  if (!named || NOT_A_LENDER.has(named.split(/\s+/)[0] ?? '')) return undefined;
  return named;
}

/** "paying cash", "all cash", "pagamos de contado": a buyer's own way to pay (not a "cash offer"). */
export function paysCashAsBuyer(text: string): boolean {
  return BUYER_CASH.test(simplify(text));
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
  if (BUYER_CASH.test(simple) && !NO_CASH.test(simple)) status = 'cash';
  else if (NOT_APPROVED.test(simple)) status = PROCESS.test(simple) ? 'in_process' : 'not_yet';
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

export interface PreapprovalOptions {
  /** True when the bot just asked "are you pre-approved?": a bare "yes", "nope", "ya" then counts. */
  justAsked?: boolean;
}

/** "how do I get preapproved", "¿cómo le hago para sacar la preaprobación?": not approved yet, and a question for the bots. */
export const HOW_TO_GET =
  '(?:how (?:do|can|would|should) (?:i|we) (?:even )?(?:get|become|go about getting) (?:pre ?approved|preapproved|approved)|como (?:le )?(?:hago|hacemos|puedo|podemos) (?:para )?(?:sacar|obtener|conseguir|tener) (?:la |una )?(?:pre ?aprobacion|preaprobacion|aprobacion)|(?:figure out|start with|help (?:me|us) with) (?:the |this |a )?(?:pre ?approval|preapproval|preaprobacion))';
const HOW_TO_GET_RE = new RegExp(`\\b${HOW_TO_GET}\\b`);

const QUESTION_START =
  /^(?:(?:and|but|so|oh|y|pero|o sea) )?(?:do|does|did|can|could|should|would|will|is|are|am|what|whats|how|why|when|which|necesito|necesitamos|hay que|tengo que|tenemos que|se necesita|puedo|podemos)\b/;
const EXPIRED =
  /\b(?:(?<!(?:not|hasnt|isnt|havent|never) )expired|(?:se )?(?:vencio|caduco)|ya se venci\w*)\b/;
const HAS_LETTER =
  /\b(?:(?:have|got|has|received|recieved) (?:the|our|my|a|an) (?:pre ?-?approval |approval )?letter|(?:the |our |my )?(?:pre ?-?approval |approval )?letter (?:from [a-z]+ )?(?:just )?(?:came|arrived|came in|is in|hit my (?:inbox|email)|showed up|landed)|(?:ill|i will|we will|well|can) (?:send|forward|email) (?:you |her |him )?(?:the|our|my) (?:pre ?-?approval |approval )?letter|(?:tenemos|tengo|recibimos|recibi) (?:la|una|nuestra) carta|(?:me|nos) (?:llego|llegaron|dieron|mandaron) (?:la|una) carta)\b/;
const QUALIFIED_ONLY = /\b(?:pre ?-?qual\w*|prequal\w*|pre ?-?calific\w*|precalific\w*)\b/;
const UNSURE = new RegExp(
  `\\b(?:(?:if|whether) (?:i|we) (?:can|could|will|would) (?:get|be) ${APPROVAL}|(?:depends(?: on)?|see|find out|know) what (?:i|we) (?:get|can get|will get|are|re) ${APPROVAL} for|(?:once|as soon as|after) (?:i|we) (?:get|are) ${APPROVAL}|(?:credit|credito) (?:is|es|esta) (?:bad|not good|rough|malo|mal)|bad credit|(?:no|not) (?:tengo|tenemos|have|great|good) (?:buen |good |great )?(?:credito|credit)|mal credito)\\b`,
);
// The loan not started or not finished, in everyday words: "we havent talked to anyone about a
// loan yet", "still figuring out the loan part", "ni hemos ido al banco", "now they want to redo
// everything". Not knowing what one qualifies for, or credit to fix, says nothing either way.
const NOT_STARTED =
  /\b(?:(?:havent|have not|didnt|did not|not yet) (?:\w+ ){0,4}(?:about (?:a|the) (?:loan|mortgage)|sent (?:anything|it|them|the paperwork) in|done the (?:actual |real )?(?:approval|pre ?approval|application))|(?:still )?figuring out (?:the )?(?:loan|financing|mortgage)(?: part| stuff)?|(?:neither|none) of us (?:has|have) (?:been|gone|talked|spoken) (?:to|with) (?:a|the|any) (?:bank|lender|loan officer)|(?:ni|no) (?:hemos|he) (?:ido al banco|aplicado|ido con (?:el|un) (?:banco|prestamista|lender))|(?:if|whether) anyone would (?:even )?give (?:me|us) a loan|lenders? (?:want|wants|need|needs) (?:paystubs|pay stubs|w2s|tax returns)|(?:want|wants|have|has) to redo (?:everything|the whole thing|the approval)|(?:finish|complete) the (?:approval|pre ?approval|loan))\b/;
const NO_LENDER_YET =
  /\b(?:(?:havent|have not|didnt|did not|never|not yet) (?:\w+ ){0,4}(?:lender|bank|loan officer|mortgage broker)|(?:dont|do not) have (?:a |an |any )?(?:lender|loan officer|financing)|(?:know|recommend|need|looking for) (?:a |an )?(?:good )?(?:lender|loan officer|mortgage broker)|(?:need|have|gotta|got) to (?:talk to|talk with|call|see|find) (?:a |an )?(?:lender|loan officer|mortgage broker)|(?:appointment|meeting|call) (?:with|w) (?:a |my |our |the )?(?:lender|loan officer|bank)|no he hablado con|no tengo (?:un )?(?:prestamista|lender)|credit(?:s| s| is) (?:bad|not great|messed up|shot)|(?:fixing|working on|repairing) (?:my|our) credit|no (?:lender|loan officer|pre ?approval|preapproval)(?: yet)?(?: or anything)?(?= |$)(?! (?:needed|necessary|required)))\b/;
// "the bank has been jerking us around on the approval": still waiting, so not yet.
const STILL_WORKING =
  /\b(?:jerking (?:us|me) around|(?:giving|gave|getting) (?:us |me )?the run ?around|dragging (?:their|its|his|her) feet|in process|in progress|in underwriting|underwriting|waiting to hear|(?:gathering|getting) (?:the |our )?(?:documents|paperwork|docs)|estamos en eso|en eso|ahi vamos|en tramite|juntando (?:los )?papeles|reuniendo (?:los )?documentos|(?:mandamos|enviamos|entregamos|metimos|mande|envie|entregue) (?:los |todos los )?(?:papeles|documentos|papeleo|solicitud|aplicacion)|estamos esperando|figuring (?:that|it|this) out with (?:the|our|my|a) (?:lender|bank)|(?:the |our |my )?(?:lender|bank) is helping (?:us|me)|ya merito|(?:nomas|solo|solamente|nada mas) (?:nos )?falta la carta|(?:sent|turned in|submitted) (?:all )?(?:the |our |my )?(?:paperwork|documents|docs|application))\b/;
const LEADING_YES = new RegExp(`^(?:${YES_WORDS}|ya(?! no\\b)|we are|i am|im|ya estamos|ya tenemos|y)\\b`);
// A thumbs-up or a check mark answers yes.
const YES_EMOJI = /\u{1F44D}|\u{1F44C}|\u2705|\u2714/u;
const SAYS_YES_WITH = /\b(?:says|said|dice que|dijo que) (?:yes|yeah|si) (?:through|with|w|con|por) [a-z]+/;
const LENDER_SAYS_OK =
  /\b(?:lender|bank|loan officer) says (?:we|were|we are|i|im|i am) (?:good|approved|qualified)\b/;
const TRAILING_YES = /\b(?:so )?(?:yes|yeah|yep|yup|si)$/;
const TRAILING_NO = /\b(?:so|but) (?:no|nope|nah)(?: not yet)?$|\b(?:not yet|todavia no|aun no)$/;
const ACK_FIRST = new RegExp(`^(?:${ACK_WORDS})\\s+`);
const ACK_ONLY = new RegExp(`^(?:${ACK_WORDS})$`);
const LEADING_NO = new RegExp(`^(?:no|${NO_WORDS}|not at the moment)\\b`);

// "like spring but do we need a loan approval": a question can start after "but".
const CONTRAST = / (but|pero) /g;
// Words about a loan: "in process" or "applied" say something about financing only beside them,
// or right after the pre-approval question ("el divorcio ya está en proceso" does not).
const LOAN_TALK =
  /\b(?:approv\w*|aprob\w*|preaprob\w*|qualif\w*|lender|loan|mortgage|bank|banco|prestamista|prestamo|credit|credito|letter|carta|financ\w*|underwriting|paperwork|papeles|documents|documentos)\b/;

/** The statements of a message, without the clauses that ask something ("do I need to be?"). */
function statements(simple: string): string {
  return (simple.replace(CONTRAST, ', $1 ').match(/[^.?!;,]+[.?!;,]*/g) ?? [])
    .filter((c) => !c.includes('?') && !QUESTION_START.test(c.trim()))
    .map((c) => c.replace(/(?<![.!;,])[.!;,]+$/, '').trim())
    .filter((c) => c.length > 0)
    .join(' . ');
}

/**
 * Whether a buyer is pre-approved: true for "pre-approved", "approved up to 800", "ya tenemos la
 * preaprobación"; false for "not yet", "pre-qualified", "applied, waiting", "working on it", "we
 * were approved in June but it probably expired", "haven't talked to a lender". Questions ("do I
 * need to be pre-approved?") and cash buyers give null; bare yes/no count only after the question.
 */
export function readPreapproval(text: string, options: PreapprovalOptions = {}): boolean | null {
  // Asking how to get one at all: not approved yet.
  if (HOW_TO_GET_RE.test(simplify(text))) return false;
  const said = statements(simplify(text));
  if (said === '') return null;
  const flat = said.replace(/ \. /g, ' ');
  // "it probably expired" of a letter; "our listing with remax expired" is no word on financing.
  const letterExpired = EXPIRED.test(flat) && (options.justAsked === true || LOAN_TALK.test(flat));
  // "no loan, all cash so no preapproval needed": a cash buyer needs no approval.
  if (BUYER_CASH.test(flat) && !NO_CASH.test(flat)) return null;
  if (letterExpired || NOT_APPROVED.test(flat) || UNSURE.test(flat) || NOT_STARTED.test(flat)) return false;
  const approvedWord = APPROVED.test(flat) && !QUALIFIED_ONLY.test(flat.replace(/pre ?-?approv\w*/g, ''));
  if (QUALIFIED_ONLY.test(flat) && !/\b(?:pre ?-?approv|preaprob|pre ?-?aprob)/.test(flat)) return false;
  if ((PROCESS.test(flat) || STILL_WORKING.test(flat)) && (options.justAsked || LOAN_TALK.test(flat)))
    return false;
  // "working w rocket", "talking to chase": with a named lender, and no approval said.
  if (options.justAsked && WITH_A_LENDER.test(flat) && LENDER_NAMES.test(flat) && !APPROVED.test(flat))
    return false;
  // "my wife handles that, she says yes through Navy Federal": a yes, with the lender named.
  if (options.justAsked && SAYS_YES_WITH.test(flat)) return true;
  if (approvedWord || HAS_LETTER.test(flat) || LENDER_SAYS_OK.test(flat)) return true;
  if (NO_LENDER_YET.test(flat)) return false;
  if (CASH.test(flat) && !NO_CASH.test(flat)) return null;
  if (!options.justAsked) return null;
  // "ok we are", "bueno, todavía no": the acknowledgment first says nothing either way.
  const first = (said.split(' . ').find((c) => !ACK_ONLY.test(c)) ?? '').replace(ACK_FIRST, '');
  if (LEADING_NO.test(first)) return false;
  if (BARE_IN_PROCESS.test(first)) return false;
  if (LEADING_YES.test(first) || TRAILING_YES.test(flat) || YES_EMOJI.test(text)) return true;
  if (TRAILING_NO.test(flat)) return false;
  return null;
}

// How the big lenders are spelled when the lead writes them in one case ("crosscountry", "UWM").
const LENDER_SPELLING: Record<string, string> = {
  crosscountry: 'CrossCountry',
  loandepot: 'loanDepot',
  pennymac: 'PennyMac',
  schoolsfirst: 'SchoolsFirst',
  uwm: 'UWM',
  usaa: 'USAA',
  bofa: 'BofA',
  'us bank': 'US Bank',
  'u.s. bank': 'U.S. Bank',
  'mr cooper': 'Mr Cooper',
  'mr. cooper': 'Mr. Cooper',
};
// Short names leads use for a lender whose full name we know: "navy fed" is Navy Federal.
const SHORT_NAMES: Record<string, string> = { 'navy fed': 'Navy Federal' };
const LENDER_NAMES =
  /\b(?:chase|wells ?fargo|bank of america|bofa|rocket(?: mortgage)?|u\.?s\.? bank|citi(?:bank)?|navy fed(?:eral)?(?: credit union)?|usaa|guild(?: mortgage)?|loan ?depot|fairway(?: independent mortgage)?|guaranteed rate|new american funding|united wholesale(?: mortgage)?|uwm|pennymac|mr\.? cooper|schools ?first(?: fcu| credit union)?|golden (?:1|one)(?: credit union)?|kinecta|arrowhead(?: credit union)?|flagstar|cross ?country(?: mortgage)?|movement mortgage|better(?:\.com| mortgage)|sofi|ally|caliber|freedom mortgage|homepoint|home point|amerisave|provident|logix|wescom|altura|cal ?coast)\b/i;
const LOAN_PROGRAMS = new Set(['FHA', 'VA', 'USDA', 'Conventional', 'Jumbo', 'Cal', 'CalHFA']);
const FINANCE_TALK =
  /\b(?:approv\w*|preapprov\w*|aprob\w*|preaprob\w*|qualif\w*|lender|loan|mortgage|bank|financ\w*|credit union|prestamista|banco|prestamo|with|w|thru|through|con|letter|carta|up to|hasta|budget|presupuesto)\b/;
const NAMED_LENDER =
  /\b(?:with|w|through|thru|via|con|from)\s+((?:[A-Z][\w&'.-]*)(?:\s+(?:[A-Z][\w&'.-]*|of|de))*)/;

// "yes we're preapproved, Paramount": the lender named right after the approval.
const APPROVED_COMMA =
  /\b(?:pre-?approved|preapproved|approved|preaprobad[oa]s?|aprobad[oa]s?)\s*[,:-]\s*((?:[A-Z][\w&'.-]*)(?:\s+[A-Z][\w&'.-]*)*)/;
// "sí tenemos la carta, de Banco Popular": the letter's issuer.
const LETTER_FROM =
  /\b(?:carta|letter|pre-?aprobaci[oó]n|aprobaci[oó]n|pre-?approval|approval),?\s+(?:de|from)\s+((?:[A-Z][\w&'.-]*)(?:\s+(?:[A-Z][\w&'.-]*|of|de))*)/;

function tidyLender(written: string): string {
  const alias = SHORT_NAMES[written.toLowerCase()];
  if (alias) return alias;
  const known = LENDER_SPELLING[written.toLowerCase()];
  if (written === written.toLowerCase() || written === written.toUpperCase())
    return (
      known ??
      written
        .replace(/\b[a-z]/gi, (c) => c.toUpperCase())
        .replace(/\B[A-Z]+/g, (s) => s.toLowerCase())
        // "Bank of America", "Bank of the West": the small words stay small inside a name.
        .replace(/(?<=\S )(?:Of|The|And|De|Del|La)\b/g, (w) => w.toLowerCase())
    );
  return written;
}

/**
 * The lender's name as the lead wrote it, capitalisation tidied: "wells fargo" → "Wells Fargo",
 * "Rocket" stays "Rocket", "uwm" → "UWM", "CrossCountry" as written. An unknown lender counts when
 * it is named after "with"/"through"/"con" in a sentence about financing. Loan programs (FHA, VA)
 * and "my bank" are not lenders.
 */
export function readLender(text: string, options: PreapprovalOptions = {}): string | null {
  const simple = simplify(text);
  const known = LENDER_NAMES.exec(text);
  // "Navy Federal" sent alone: the lender, whatever was asked.
  const alone = known !== null && simple.replace(/[^a-z0-9 ]/g, '').trim() === known[0].toLowerCase();
  if (!options.justAsked && !alone && !FINANCE_TALK.test(simple)) return null;
  if (known) return tidyLender(known[0].replace(/\s+/g, ' '));
  const status = readPreapproval(text, options);
  if (status === null && !PROCESS.test(simple)) return null;
  const named = (NAMED_LENDER.exec(text) ??
    LETTER_FROM.exec(text) ??
    APPROVED_COMMA.exec(text))?.[1]?.replace(/(?<!\s)\s+(?:of|de)$/, '');
  const first = named?.split(/\s+/)[0] ?? '';
  if (!named || NOT_A_LENDER.has(first) || LOAN_PROGRAMS.has(first)) return null;
  return named;
}
