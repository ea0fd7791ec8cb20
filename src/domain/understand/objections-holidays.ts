import { type ObjectionRule, SEASON, w } from './objections-patterns.ts';

const LATER = `(?:the )?(?:${SEASON}|next year|new year|new years|20(?:2[7-9]|[3-9][0-9]))`;

/**
 * "gonna pass for now", "we're gonna keep renting": a polite no, which "for now" alone does not
 * make a "later" ("pass for now, not a good time to move" still is one: NOT_THE_TIME).
 */
export const NOT_THE_TIME = w('(?:good|right|the) time|later|yet|next year|todavia|mas adelante');
export const PASSES = w(
  '(?:gonna|going to|ill|i will|well|we will|i ll|im gonna|were gonna) pass(?: for now| this time| on (?:it|this|that))?|(?:gonna|going to|decided to|will) (?:keep|stay|just keep) renting(?! (?:for )?(?:another|one more) (?:year|few months))|(?:vamos a|voy a) seguir rentando',
);

/**
 * Objections of leads caught in a busy season or after a deal went wrong: waiting on a spouse's job,
 * a tax year or the new year; passing politely; buying elsewhere;
 * finding the texts too many. Same form as OBJECTION_RULES (objections-patterns.ts).
 */
export const HOLIDAY_OBJECTION_RULES: readonly ObjectionRule[] = [
  {
    // "not listing til spring at the earliest",
    // "we're not doing anything until like summer 2027", "waiting till my husband hits 2 yrs at his
    // new job", "prob not for another 18 months", "nada en serio hasta que
    // pase lo de los impuestos".
    type: 'too_early',
    pattern: w(
      `at the (?:very )?earliest|(?:waiting|wait|gonna wait|going to wait) (?:till|til|until) (?:my|our) (?:husband|wife|partner|son|daughter|kids|lease|job|bonus|credit|refund)|not (?:doing|selling|listing|buying|moving|looking)(?: anything)? (?:till|til|until|before) (?:like )?${LATER}|(?:thinking|planning) (?:about it |on it )?for (?:late |early |mid |the end of )?next year|not for (?:another |like |about )?(?:9|1[0-9]|2[0-9]|nine|ten|eleven|twelve|eighteen) (?:months|mos)|nada (?:en serio|seguro|formal) hasta|todavia no (?:quiere|queremos|quiero|quiere mi esposo|quiere mi esposa) (?:vender|comprar)|(?:pa l|pal) otro ano|(?:dos|tres|2|3) o (?:tres|cuatro|3|4) anos`,
    ),
    statement: true,
  },
  {
    // "let me get through the holidays first", "primero quiero juntar más dinero", "apenas estamos
    // juntando para el enganche": not yet, in other words.
    type: 'too_early',
    pattern: w(
      `(?:let me|let us|lets|gotta|have to|need to|want to|wanna) get (?:through|past|thru) (?:the holidays|christmas|new years?|tax season|the new year)|(?:todavia|aun) (?:estamos |estoy )?juntando (?:para el enganche|dinero|lana|feria|para la casa)|primero (?:quiero|queremos|tengo que|tenemos que|hay que) juntar (?:mas )?(?:dinero|lana|feria|para el enganche)|apenas (?:estamos|estoy) empezando(?: a (?:pensar\\w*|ver|buscar|mirar))?|(?:waiting|wait) (?:on|for) (?:a|my|our|the|his|her) (?:raise|bonus|promotion|tax refund|refund)`,
    ),
    statement: true,
  },
  {
    // "not even thinking about it until the kids go back to school", "text
    // me after the holidays", "I can't really think about the house yet", "give us a few weeks",
    // "todavía falta": later, in so many words.
    type: 'too_early',
    pattern: w(
      `not (?:even )?thinking about (?:it|selling|buying|moving|that)(?: [a-z]+){0,2} (?:until|till|til|before)|(?:text|hit|ping|check (?:back )?with) (?:me|us)(?: up| back)? (?:again )?after (?:the holidays|christmas|new years?|the new year)|(?:cant|can not|cannot) (?:really |even )?think about (?:the house|the home|selling|buying|moving|any of (?:this|that)|it) (?:yet|right now|rn)|give (?:us|me) (?:a few|a couple|a couple of|some|a few more) (?:weeks|months)|todavia falta(?: mucho| rato| tiempo| un rato)?`,
    ),
    statement: true,
  },
  {
    // "moving is the last thing on our minds this year", "that's a 2029 problem lol", "ask me again
    // after the bonus hits in March", "my head is not there right now", "let's not get ahead of
    // ourselves", "mi esposo dice que todavía no, que esperemos", "ni al caso ahorita",
    // "todavía no, apenas vamos empezando a ahorrar": not now, in everyday words.
    type: 'too_early',
    pattern: w(
      `(?:is|its|are) the last thing on (?:my|our) minds?|(?:thats|that is|its) a 20(?:2[7-9]|[3-9][0-9]) (?:problem|thing)|ask (?:me|us) (?:again )?(?:after|once|when|in) |(?:my|our) (?:head is|heads are|minds? (?:is|are)) not (?:there|in it)|(?:lets|let s) not get ahead of (?:ourselves|myself)|(?:dice|dijo) que (?:todavia|aun) no|esperemos a ver|ni al caso|(?:todavia|aun) no(?: [a-z]+){0,3} (?:esperando|empezando a ahorrar)|apenas (?:vamos|estamos) empezando a ahorrar|(?:todavia|aun) no (?:queremos|quiero) (?:ver|buscar) casas|(?:at|in) the (?:dreaming|daydreaming) stage|por ahora no (?:vamos|voy) a hacer nada`,
    ),
    statement: true,
  },
  {
    // "we're happy here for now, maybe when the kids are out of the house", "estamos a gusto aquí,
    // tal vez cuando se casen los hijos": staying, until something far off.
    type: 'too_early',
    pattern: w(
      '(?:happy|comfortable|good|fine|a gusto|contentos|bien) (?:here|aqui|donde estamos|where we are)(?: for now| por ahora| ahorita)?(?: [a-z]+){0,2} (?:maybe|tal vez|quizas|until|hasta) (?:when|cuando|que)',
    ),
    statement: true,
  },
  {
    // "not yet, maybe after christmas", "todavía no, tal vez en la primavera", "not til after the
    // baby, so maybe summer": not now, with a later time said loosely beside it.
    type: 'too_early',
    pattern:
      /^(?:(?:ugh|no|nah|nope|hmm|lol|oh) )?(?:not yet|todavia no|aun no|not (?:til|till|until) after)(?: [a-z0-9]+){0,20} (?:maybe|tal vez|quizas|a lo mejor|probably|prob|give (?:us|me)|denos|danos|dame|deme)\b/,
    after: [null, 'timeline', 'buy_or_sell', 'motivation'],
  },
  {
    // "not selling yet, maybe in the spring": the sale put off, not called off.
    type: 'too_early',
    pattern: w('not (?:selling|buying|moving|listing) (?:just )?yet'),
    statement: true,
  },
  {
    // "once the lease is up we can talk", "after the baby comes we'll look", "my husband says wait
    // til spring", "el otro año, no antes": a later start, in so many words.
    type: 'too_early',
    pattern: w(
      `^(?:once|after|when) (?:the|my|our|el|la|mi) (?:lease|baby|kids?|school year|holidays|renta|contrato|bebe)(?: [a-z]+){0,3} (?:(?:we|i) (?:can|could|will|ll)|well|ill) (?:talk|look|start looking|chat)|(?:says|said|dice que) (?:wait|esperar|esperemos) (?:til|till|until|hasta) ${LATER}|(?:${LATER}|el otro ano|el ano que viene|el proximo ano) no antes`,
    ),
    statement: true,
  },
  {
    // "ahorita no, hasta después de año nuevo", "neither right this second. maybe after the
    // holidays we can talk", "not touching this till january", "we gotta pay off the car first,
    // then we'll talk", "nos falta mucho", "im thinking 2028", "dont really want to sell yet", "we
    // decided to keep renting another year", "waiting for my husband to hit 20 years in the army",
    // "after tax season maybe": not now, in everyday words. ("after my daughter graduates in june"
    // is a date, and "no voy a comprar todavía" beside "just looking" is that.)
    type: 'too_early',
    pattern: w(
      `(?:ahorita|ahora|por ahora) no (?:hasta|tal vez|quizas)|(?:neither|not) right (?:this second|this minute|now)(?: [a-z]+){0,3} maybe|not touching (?:this|it|anything|that) (?:till|til|until)|first then (?:well|we will|we ll|we can|lets|ill|i will|i ll) talk|(?:nos|me) falta mucho|^falta mucho|(?:im|i am|were|we are) thinking (?:like )?20(?:2[8-9]|[3-9][0-9])|(?:dont|do not) (?:really )?want to (?:sell|buy|move|list)(?: it)? (?:just )?yet|keep renting (?:for )?(?:another|one more) (?:year|few months)|(?:were|we are|im|i am) (?:waiting|wait) (?:for|on|til|till|until) (?:my|our) (?:husband|wife|partner) to|(?:after|despues de) (?:tax season|the holidays|las fiestas|christmas|navidad) maybe$`,
    ),
    statement: true,
  },
  {
    // "can we talk after christmas? house is full of in-laws": a later talk asked for.
    type: 'too_early',
    pattern: w(
      '(?:can|could) (?:we|you) (?:talk|chat|touch base|connect|reconnect|circle back) (?:after|in) (?:christmas|the holidays|new years?|the new year|january)',
    ),
  },
  {
    // "neither tbh, we just refinanced in october".
    type: 'not_interested',
    pattern: w('(?:we|i) (?:just|recently) refinanced|acabamos de refinanciar'),
    statement: true,
  },
  {
    // "gonna pass for now, appreciate it", "i'll pass", "we're gonna keep renting".
    type: 'not_interested',
    pattern: PASSES,
    negatable: true,
  },
  {
    // "my husband and I have decided to remain in our home", "we're staying put".
    type: 'not_interested',
    pattern: w(
      '(?:decided|decide|going|gonna|want|wants|plan|planning|chose) to (?:remain|stay) (?:in (?:our|my|the) (?:home|house)|put)|(?:were|we are|im|i am) (?:staying|remaining) (?:in (?:our|my) (?:home|house)|put)|(?:decidimos|vamos a|queremos) quedarnos (?:en (?:la|nuestra|mi) casa|aqui)',
    ),
    negatable: true,
    statement: true,
  },
  {
    // "we ended up buying my cousins house", "already went with the builder's place", "we're going
    // with the other house".
    type: 'already_bought',
    pattern: w(
      'ended up (?:buying|getting|going with)|(?:already )?(?:went|going|gone) with (?:the|a) (?:builders?|new build|new construction|other house|other home|other place|different house)',
    ),
    negatable: true,
    statement: true,
    notFor: ['seller'],
  },
  {
    // "Don't need a realtor. Don't need a house.", "I'm not playing", "no la vendo" (not "menos de
    // 820 no la vendo", a floor).
    type: 'not_interested',
    pattern: w(
      '(?:dont|do not) need (?:a|an|any) (?:house|home)(?! (?:with|that|in|until|till|near|right|yet|now|for|to|who|like))|(?:im|i am) not playing(?! (?:that|this|the|any|games?|around))|(?<![a-z0-9] )no (?:la|lo) (?:vendo|vendemos|vamos a vender)',
    ),
    statement: true,
  },
  {
    // "i literally opened the zillow app at my work party", "scrolling redfin in bed".
    type: 'just_looking',
    pattern: w(
      '(?:opened|scrolling|scrolled|scrolling through|browsing) (?:the )?(?:zillow|redfin|realtor com)(?: app)?',
    ),
    statement: true,
  },
  {
    // "nah we're not gonna go thru with it", "decidimos no vender".
    type: 'not_selling_anymore',
    pattern: w('not (?:gonna|going to) go (?:thru|through) with it|decidimos no vender|ya no vamos a vender'),
    notFor: ['buyer'],
  },
  {
    // "our listing w the other agent runs out dec 31".
    type: 'listed_with_other',
    pattern: w(
      '(?:our|my|the) listing (?:w|with) (?:the other|another|our|my|the old) (?:agent|realtor|broker)',
    ),
    notFor: ['buyer'],
  },
  {
    // "i dont own a house?? i rent an apartment", "creo que se equivocó, yo nunca pedí información".
    type: 'wrong_number',
    pattern: w(
      '(?:i|we) (?:dont|do not|dont even) own (?:a|the|any|this) (?:house|home|property|place)|(?:creo que )?(?:se|te) (?:equivoco|equivocaron)(?: de (?:numero|persona))?',
    ),
  },
  {
    // "how about mind your business", "y a usted qué le importa".
    type: 'hostile',
    pattern: w(
      'mind (?:your|ur) (?:own )?business|(?:y )?(?:a usted|a ti) que (?:le|te) importa|(?:you|youve|you ve) (?:got|have) (?:some|a lot of) nerve|(?:que )?se vayan al (?:diablo|carajo)|vayanse al (?:diablo|carajo)',
    ),
  },
  {
    // "u guys are kinda pushy", "oigan qué insistentes", "cada rato me mandan mensaje", "ya me había
    // preguntado eso", "can this wait till monday".
    type: 'stop_texting',
    pattern: w(
      '(?:you|u|yall|you guys|u guys|you all) (?:are|r) (?:kinda |so |really |too |very |a little |a bit )?pushy|que insistentes|(?:a )?cada rato (?:me|nos) (?:mandan|escriben|envian)|(?:ya )?me (?:habia|habian|habias) preguntado (?:eso|lo mismo)|ya (?:les|le|te) (?:habia|habiamos) (?:contestado|respondido)|can (?:this|it) wait (?:till|til|until) (?:monday|tomorrow|next week|after)|(?:i )?keep getting (?:these|this|your|them)|[0-9]+ (?:texts|messages|msgs) in (?:[0-9]+|one|two|three|a) (?:days?|hours?|weeks?)|(?:texts|messages|msgs) (?:are|r) (?:way |much |a bit |kinda )?too (?:frequent|often|much)',
    ),
    negatable: true,
  },
];
