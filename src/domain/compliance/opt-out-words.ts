// Word lists for TCPA opt-out, opt-in and HELP. All entries are in flattened form (lowercase, no
// accents, no apostrophes) because they are compared against flatten() output.

/** A message (or sentence) made only of these words, plus politeness, is an opt-out. */
export const BARE_OPT_OUT_WORDS: readonly string[] = [
  'stop',
  'stopall',
  'unsubscribe',
  'unsubcribe',
  'unsuscribe',
  'unsubscibe',
  'unsub',
  'cancel',
  'cancle',
  'cancell',
  'cansel',
  'end',
  'quit',
  'optout',
  'revoke',
  'remove',
  'dnc',
  'enough',
  'harassment',
  'parar',
  'para',
  'pare',
  'paren',
  'alto',
  'basta',
  'detener',
  'cancelar',
  'baja',
  'borrenme',
  'borrame',
  'borreme',
  'eliminenme',
  'eliminame',
];

/**
 * Misspelled STOP, one word at a time: "stahp", "sotp", "stpo", "stopp", "stooop". Only ever
 * compared with a whole word standing alone as a keyword, so real words never get here.
 */
export const MISSPELLED_STOP = /^s+(?:t+(?:o+p*|a+(?:w+|h*)p+|p+o*)|o+t+p+)$/;

/** Whole-clause phrases that revoke consent on their own. */
export const BARE_OPT_OUT_PHRASES: readonly string[] = [
  'opt out',
  'opt me out',
  'remove me',
  'delete me',
  'delete my number',
  'take me off',
  'take me off the list',
  'stop all',
  'stop it',
  'stop already',
  'leave me alone',
  'leave us alone',
  'go away',
  'get lost',
  'knock it off',
  'cut it out',
  'no texting',
  'no texts',
  'no text messages',
  'do not contact',
  'dont contact',
  'do not text',
  'dont text',
  'thats enough',
  'enough already',
  'dejame en paz',
  'dejenme en paz',
  'dejeme en paz',
  'de baja',
  'ya basta',
  'basta ya',
  'no chinguen',
  'no chingues',
  'no molesten',
  'no moleste',
  'no molestes',
];

/**
 * Phrases that are an opt-out only as the whole message: "no more" alone answers our texts,
 * but "3 bedrooms, no more" is a limit; "do not call" alone is the do-not-call request.
 */
export const WHOLE_MESSAGE_OPT_OUT_PHRASES: readonly string[] = ['no more', 'do not call', 'no mas'];

/**
 * "Wrong number": the person we reach never gave consent, so the live bots stop texting. It is an
 * objection, not a revocation keyword, so the keyword reader keeps it apart.
 */
export const WRONG_NUMBER_PHRASES: readonly string[] = [
  'wrong number',
  'you have the wrong number',
  'you got the wrong number',
  'numero equivocado',
];

/** Politeness, interjections and filler that may surround a bare keyword without changing it. */
export const EDGE_FILLERS: readonly string[] = [
  'please',
  'pls',
  'plz',
  'pleas',
  'thanks',
  'thank you',
  'thx',
  'ty',
  'now',
  'right now',
  'asap',
  'immediately',
  'already',
  'ok',
  'okay',
  'k',
  'just',
  'sorry',
  'hi',
  'hey',
  'hello',
  'i said',
  'omg',
  'lol',
  'lmao',
  'haha',
  'wtf',
  'ugh',
  'seriously',
  'dude',
  'geez',
  'jeez',
  'por favor',
  'porfa',
  'favor',
  'gracias',
  'ya',
  'ahora',
  'ahorita',
  'hola',
  'perdon',
  'dije',
];

/** Words after "don't text me" / "stop texting me" that turn it into a timing preference. */
export const TIMING_QUALIFIERS: readonly string[] = [
  'before',
  'after',
  'until',
  'till',
  'til',
  'during',
  'between',
  'so early',
  'so late',
  'this early',
  'this late',
  'at night',
  'in the morning',
  'in the evening',
  'on weekends',
  'on the weekend',
  'at work',
  'antes',
  'despues',
  'hasta',
  'a las',
  'en la manana',
  'en la noche',
  'por la noche',
  'de noche',
  'los fines',
  'tan temprano',
  'tan tarde',
];

export const BARE_OPT_IN_WORDS: readonly string[] = [
  'start',
  'unstop',
  'yes',
  'resume',
  'subscribe',
  'resubscribe',
  'restart',
  'optin',
  'si',
  'comenzar',
  'iniciar',
  'reanudar',
  'alta',
];

export const BARE_OPT_IN_PHRASES: readonly string[] = [
  'opt in',
  'opt me in',
  'opt back in',
  'opt me back in',
  'start again',
  'start texts',
  'start texting',
  'start texting me again',
  'text me again',
  'you can text me again',
  'darme de alta',
  'dame de alta',
  'de alta',
];

/** The carrier HELP keyword and its bare variants. */
export const BARE_HELP_WORDS: readonly string[] = ['help', 'info', 'ayuda'];

/**
 * Misspelled HELP and AYUDA, one word at a time: "helpp", "heeelp", "hlep", "ayudaaa". Only ever
 * compared with a whole word standing alone as a keyword, as MISSPELLED_STOP is.
 */
export const MISSPELLED_HELP = /^(?:h+e+l+p+|h+l+e+p+|a+y+u+d+a+)$/;

export const BARE_HELP_PHRASES: readonly string[] = [
  'help me',
  'help menu',
  'help info',
  'i need help',
  'ayudame',
  'ayudenme',
  'ayudeme',
];

/** Questions about the messages themselves, which a HELP keyword may come with. */
export const ABOUT_THE_MESSAGES: readonly string[] = [
  'who is this',
  'whos this',
  'who dis',
  'who are you',
  'who r u',
  'who is texting me',
  'what is this',
  'whats this',
  'what is this about',
  'what is this number',
  'whats this number',
  'what number is this',
  'whose number is this',
  'who is this number',
  'whats this about',
  'what are these',
  'what are these texts',
  'what are these messages',
  'what is going on',
  'whats going on',
  'que es esto',
  'que es',
  'quien es',
  'quien eres',
  'quienes son',
  'quien habla',
  'de que se trata',
  'de que se trata esto',
  'de que se trata todo esto',
  'no entiendo',
  'no le entiendo',
  'i dont understand',
  'i dont get it',
  'whats this for',
  'what is this for',
  'i dont get these',
  'i dont get these msgs',
  'i dont get these messages',
  'i dont get these texts',
  'i dont understand these',
  'i dont understand these messages',
  'i dont understand these texts',
  'no entiendo estos mensajes',
  'no idea what this is',
  'no idea what this text is',
  'no idea what this is about',
  'no clue what this is',
  'idk what this is',
];
