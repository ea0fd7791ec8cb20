import { remember } from '../remember.ts';
import type { Keyword } from '../understand/types.ts';
import { detectOptIn, detectRevocation, isBare, stripFillers } from './opt-out.ts';
import { ABOUT_THE_MESSAGES, BARE_HELP_PHRASES, BARE_HELP_WORDS, MISSPELLED_HELP } from './opt-out-words.ts';
import { clausesOf as clauses } from './opt-out-text.ts';
import { flatten } from './text.ts';

// The carrier keywords as dialogue acts: STOP (revokes consent), HELP (who is texting and how to
// stop) and START (consent given back). Deterministic word lists and patterns only, so every
// decision can be traced to a rule; the policy is the keyword section of eval/corpus/README.md.

const HELP = { words: BARE_HELP_WORDS, phrases: BARE_HELP_PHRASES, misspelled: MISSPELLED_HELP };
// "HELP who is this", "help me please what is this", "i need help what is this", "ayudaaa qué es
// esto": the keyword leading a question about us.
const HELP_LEAD =
  /^(?:i need )?(?:h+e+l+p+|h+l+e+p+|a+y+u+d+a+|info)(?: me)?(?: (?:please|pls|plz|por favor))? (.+)$/;

// "got a random text from this #, whats it for", "no entiendo quién me manda esto": a clause that
// says a text came in and asks who sent it or what it is for.
const GOT_A_TEXT =
  '(?:i )?(?:just )?(?:got|get|getting|received|recieved) (?:a |this |these |your |some )?(?:random |weird |strange |unknown )?(?:text|texts|message|messages|msg|msgs)(?: from (?:(?:this|your|a|an|some)(?: (?:number|random number|unknown number))?|u guys|you guys|yall|you|u))?(?: about (?:(?:a|the|my|our|some) (?:house|home|property)|houses|homes|real estate))?';
const WHAT_FOR =
  '(?:i have |have |i got |got )?no (?:clue|idea) (?:why|who|what (?:it|this) is(?: about| for)?)|(?:whos|who is|who s) (?:sending|texting|messaging) (?:me|us)(?: this| these)? about (?:houses|homes|my house|a house|real estate)|(?:whats|what is) this (?:service|thing)(?: and why (?:do|did) (?:i|we) (?:have|get) (?:it|this))?|(?:whats|what is) this (?:msg|message|text)(?: about| for)?|de donde (?:salio|sale|viene|vino|salieron|vienen) (?:este mensaje|este texto|esto|estos mensajes)|(?:i )?(?:didnt|did not|never) sign(?:ed)? up for (?:anything|this|these|it)|(?:i )?(?:just )?(?:got|received|getting) (?:this|these|it) from (?:a |an |some )?(?:random |unknown |strange |weird )?(?:number|#)|no entiendo (?:que|de que) (?:es|son|se trata)(?: (?:este|esto|estos|el|los))?(?: (?:mensaje|mensajes|texto|textos))?|(?:whats|what is|what are) (?:it|this|that|these|they) (?:for|about)(?: (?:my|our|the) (?:house|home|property|place))?|is (?:this|it) (?:about|regarding) (?:the |my |our |a )?(?:[a-z]+ ){0,2}[a-z]+|who (?:is|s) (?:sending|texting|messaging) (?:me|us)(?: this| these)?|no entiendo(?: (?:quien|que|por que|de que))?(?: (?:me|nos))? (?:manda|mandan|escribe|escriben|envia|envian|se trata)(?: esto| estos mensajes| este mensaje)?|(?:no se )?quien (?:me|nos) (?:manda|mandan|escribe|escriben|envia|envian) (?:esto|estos mensajes|este mensaje)|what (?:do|should) (?:i|we) (?:reply|respond|answer|say|text back)(?: (?:to|with))?(?: (?:this|these|that|it))?|que (?:le |les )?(?:respondo|contesto|digo)(?: a esto)?|(?:i )?(?:dont|do not|idk|dunno)(?: know)? (?:what|who) (?:this|these|that|it)(?: (?:texts?|msgs?|messages?))? (?:is|are)(?: (?:about|for))?|no entiendo (?:este|estos|el|los|tu|su|sus|tus) (?:mensaje|mensajes|texto|textos)|no se (?:que|quien) (?:es|son) (?:esto|estos mensajes|este mensaje|este numero)|(?:i )?(?:have |got )?no (?:clue|idea) what (?:these|this|the|your) (?:texts?|msgs?|messages?) (?:is|are)(?: (?:about|for))?|what list is this|what list (?:am i|are we) on|who keeps (?:sending|texting|messaging)(?: (?:me|us))?(?: this| these)?|quien (?:me |nos )?(?:manda|mandan|envia|envian) esto|no conozco a (?:ningun|ninguna|ningunos) [a-z]+|(?:i )?(?:dont|do not) know (?:any|anyone named|a) [a-z]+';
const ABOUT_A_TEXT = new RegExp(`^(?:${GOT_A_TEXT}(?: (?:${WHAT_FOR}))?|(?:${WHAT_FOR}))$`);

/** A question about the messages themselves, or how to stop them. */
function aboutTheMessages(flat: string): boolean {
  const plain = stripFillers(flat).replace(EMPHASIS, ' ').replace(SPACES, ' ').trim();
  return ABOUT_THE_MESSAGES.includes(plain) || ABOUT_A_TEXT.test(plain) || detectRevocation(flat);
}
// "what even is this", "who the heck is this": the same question said louder.
const EMPHASIS = /(?<![a-z])(?:even|exactly|actually|the hell|the heck|on earth)(?![a-z])/g;
const SPACES = / {2,}/g;

function isHelpPart(flat: string): boolean {
  if (isBare(flat, HELP)) return true;
  const rest = HELP_LEAD.exec(flat)?.[1];
  return rest !== undefined && aboutTheMessages(rest);
}

/**
 * The HELP keyword: HELP, INFO, AYUDA or a bare "help me", alone or with a question about the
 * messages ("help, what is this?", "what do I text to stop? help"). "Help me sell my house" and
 * "help! we need to move by January" are ordinary requests.
 */
export const detectHelp = remember((text: string): boolean => {
  const parts = clauses(text);
  if (parts.length === 0) return false;
  if (isBare(flatten(text), HELP)) return true;
  let help = false;
  for (const part of parts) {
    if (isHelpPart(part)) help = true;
    else if (!aboutTheMessages(part)) return false;
  }
  return help;
});

/** Every keyword the message carries, most binding first: STOP, START, HELP. */
export function readKeywords(text: string): Keyword[] {
  const kinds: Keyword[] = [];
  if (detectRevocation(text)) kinds.push('STOP');
  else if (detectOptIn(text, { strict: true })) kinds.push('START');
  if (detectHelp(text)) kinds.push('HELP');
  return kinds;
}

/**
 * The keyword a message carries, or null. A message that asks for help with stopping ("help, how
 * do I stop these") is STOP: the opt-out binds, and its confirmation answers the question.
 */
export function readKeyword(text: string): Keyword | null {
  return readKeywords(text)[0] ?? null;
}
