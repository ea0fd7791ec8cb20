import { MONTH, type ObjectionRule, w } from './objections-patterns.ts';

/**
 * Objections said plainly, the way a text is fired off: a purchase done in passing ("we needed a
 * house and we got one"), not yet in so many words ("touch base with me in like 18 months"), the
 * texts themselves mocked ("u guys text more than my ex"), scorn for the trade ("you'd just
 * lowball me anyway"), a flat no ("not gonna happen chief", "nel, no vendo"), a sign in the yard
 * from another company. Same form as OBJECTION_RULES (objections-patterns.ts).
 */

const TEXTS = '(?:texts|text messages|messages|calls|textos|mensajes|mensajitos|llamadas)';
const YOU = '(?:you|yall|you guys|you people|this number|your company)';
// A no said again, which is both a flat no and a complaint about being asked: "I said no already",
// "THIS IS THE THIRD TIME IVE SAID NO".
const SAID_NO_AGAIN =
  '(?:i|we|ive|weve|i have|we have) (?:already )?(?:said|told you|told yall|told u) no(?: (?:already|before|twice|again))?$|(?:[0-9]+(?:st|nd|rd|th)|second|third|fourth|fifth) time (?:ive|i have|i|weve|we have|we) (?:said|told you) no';

export const PLAIN_OBJECTION_RULES: readonly ObjectionRule[] = [
  {
    // "we needed a house and we got one 😂 closed nov 30", "closed last week on a condo".
    // "bought in march, youre a little late lol", "we actually just bought. moving in next weekend",
    // "we're literally sitting in our new living room rn", "ya agarramos casa con el builder".
    // Said in passing: "we moved in on the 20th", "signed on a new build, keys in feb", "we close on
    // our house monday", "ya estamos viviendo en la nueva", "moving boxes into our new place".
    type: 'already_bought',
    pattern: w(
      [
        `(?:and|but|already|so) (?:we|i) got (?:one|1)(?: already)?(?! (?:more|of|question))|(?:we|i) closed (?:on (?:it|a [a-z]+|our [a-z]+) )?(?:${MONTH} [0-9]{1,2}|last (?:week|month)|yesterday)`,
        `(?:already |just )?bought (?:in|back in|last) (?:${MONTH}|spring|summer|fall|year|month)|(?:we|i) (?:actually |literally |already )?just (?:bought|closed)(?: (?:a|our|one|the) (?:house|home|place|condo|townhome))? (?:moving|last|so|lol|and)|sitting in (?:our|my) new (?:living room|house|home|place|kitchen|backyard)|ya (?:agarramos|compramos|encontramos|conseguimos|cerramos) (?:casa|una casa|la casa)`,
        '(?:we |i )?moved in (?:on|last|in|a|two|three|the)\\b|signed on a new build|we close on our (?:new )?(?:house|place|home) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|next|this|on|in)|estamos viviendo en la nueva|ya no andamos buscando|into our new (?:place|house|home)',
      ].join('|'),
    ),
    statement: true,
    notFor: ['seller'],
    unless: /\b(?:sell|selling|list|listing|vender)\b/,
  },
  {
    // "touch base with me in like 18 months, not before", "check back after my wife finishes
    // residency", "not in the market yet", "going to pass for now, not really a good time",
    // "juntando para el enganche, falta como un año", "pero no ahorita, tal vez en unos 2 años".
    // "just started thinking about it tbh, nothing serious yet", "need to save up first".
    // "we'll think about it after the baby comes", "my tenant's lease runs til next august", "not
    // for a good while", "primero quiero arreglar mi crédito", "not gonna list for at least 18
    // months", "cuando esté lista yo les aviso", "I'll call when I'm ready", "no quiere todavía".
    type: 'too_early',
    pattern: w(
      [
        '(?:touch base|check in|reach out|circle back|follow up|check back)(?: with (?:me|us))? (?:in|after) (?:like |about |around |maybe )?(?:[0-9]+|a|an|six|a few|a couple(?: of)?) (?:months|years|year|mos)|check back (?:after|next|around|once|when)|not in the market yet|pass for now|not (?:really )?(?:a )?(?:good|great|the right) time (?:for (?:us|me)|right now|yet)|falta (?:como |casi |mas de )?(?:un|1|dos|2) anos?|no (?:ahorita|ahora|todavia)(?: [a-z]+){0,3} (?:tal vez|quiza|quizas|a lo mejor|en unos?|hasta)',
        'just (?:started|starting) (?:thinking|to think)(?: about (?:it|this|that))?|nothing serious yet|early days|need to save (?:up )?(?:first|more)|(?:tengo|tenemos) que ahorrar (?:primero|mas)',
        `(?:well|we will|ill|i will) think about it|lease (?:runs|is) (?:til|till|until|through) next|not for a (?:good |long )?while|mas adelante|(?:primero|first) (?:quiero|queremos|need to|want to|gotta) (?:arreglar|fix) (?:mi|my|our|nuestro) (?:credito|credit)|a year of paystubs|(?:not gonna|not going to|wont|will not) (?:list|sell|buy)(?: [a-z]+){0,2} for (?:at least )?(?:[0-9]+|a|another|a few|a couple)|cuando (?:este|estemos) list[oa]s? (?:yo |nosotros )?(?:les|le|te) (?:aviso|avisamos|hablo)|(?:ill|i will|we ll|well) call (?:you )?when (?:im|i am|were|we are) ready|no quiere todavia`,
      ].join('|'),
    ),
    statement: true,
  },
  {
    // The texts mocked or complained of: "u guys text more than my ex", "a text from you people
    // every morning", "do you guys text everyone on the street", "who texts at 6am", "ya basta de
    // mensajes", "i'm done with these texts", "alto ya con los textos", "chill with the texts", "yo
    // no pedí nada de esto".
    // How often, and how often again: "4 texts in one week?? come on", "every single day with these
    // texts", "me mandan mensajes todos los días", "ya deje de preguntarme tantas cosas", "you
    // already asked me that yesterday", "the texts at 7am are a bit much", "otro mensaje?? ya les
    // contesté", "for the 3rd time, yes I'm approved".
    // "7am on a sunday?? seriously", "I answered this last week. do you guys not read the replies",
    // "these automated texts are getting old", "the same reminder 3 times", "no me pregunten lo
    // mismo cada rato", "before you ask AGAIN", "you people texted my late husband's phone".
    type: 'stop_texting',
    pattern: w(
      [
        `${YOU} (?:text|message|call) (?:more|way more|so much|too much|a lot|nonstop|constantly)|(?:a|one) (?:text|message|call) from ${YOU} (?:every|each) (?:single )?(?:day|morning|night|week)|(?:do|did) ${YOU} (?:text|message|spam) (?:everyone|everybody|every (?:house|one|person))|who (?:texts|calls|messages) (?:at|this early|this late|before) |(?:ya )?basta de ${TEXTS}|(?:para|paren|alto|basta) (?:ya )?con (?:los |tus |sus |tantos )?${TEXTS}|(?:im|i am|were|we are) (?:so |really |just )?(?:done|over it|fed up|sick|tired) (?:with|of) (?:these|the|your|all these|all the|all your) ${TEXTS}|(?:chill|ease up|lay off|cool it)(?: (?:with|on))? (?:the|these|your|all the|all these) ${TEXTS}|(?:why|how come) (?:am i|are we) (?:getting|receiving) (?:these|them|so many)|(?:every ?time|each time|whenever) (?:i|we) (?:delete|block|ignore) (?:one|it|them)|ya (?:les|te|le) (?:dije|he dicho|dijimos) que no (?:mil|muchas|varias|un monton de|[0-9]+) veces|harassing people|nobody asked (?:for|you)|no one asked (?:for|you)|(?:youre|you are) texting (?:me )?about|(?:yo )?no (?:pedi|solicite|pedimos) (?:nada|esto|informacion)`,
        `(?:[0-9]+|two|three|four|five|six|so many|this many) (?:${TEXTS}) (?:in|this|a|per) (?:one |a |single )?(?:week|day|morning|hour)|every (?:single )?day with (?:these|the|your|all these) ${TEXTS}|(?:me|nos) (?:mandan|manda|escriben|escribe|envian|textean) (?:mensajes? |textos? )?todos los dias|(?:deje|dejen|deja|dejes) de preguntar(?:me|nos)? tantas cosas|(?:already|ya) asked (?:me |us )?(?:that|this) (?:yesterday|already|before|twice|last week)|asked (?:me |us )?(?:that|this) (?:yesterday|twice) already|${TEXTS} at (?:[0-9]+|six|seven|five) ?(?:am|in the morning)? (?:are|is) (?:a bit|a little|too|way too|kinda|kind of|a tad) much|^(?:y )?otro mensaje(?: mas)?$|ya (?:les|le|te) (?:conteste|respondi|contestamos)|for the (?:2nd|3rd|[4-9]th|second|third|fourth|fifth|[0-9]+th) time`,
        // "ya me preguntaste eso, ¿no lees?", "ya basta de preguntas", "¿por qué tanta pregunta?",
        // "you already sent me this yesterday", "this is the 4th
        // message", "ya estuvo con tanto mensaje", "ya parece spam".
        `ya (?:me|nos) (?:preguntaste|pregunto|preguntaron|pregunta)|(?:no|ni) (?:lees|leen)\\b|(?:ya )?basta de (?:tantas )?preguntas|(?:deje|dejen|deja|dejes) de preguntar\\b|(?:por que|porque|xq) (?:tanta|tantas) preguntas?|(?:you|u|yall) already sent (?:me |us )?(?:this|that|the same)|(?:this is|thats|that s|its) (?:the|like the|your) (?:[0-9]+(?:st|nd|rd|th)|second|third|fourth|fifth|sixth) (?:text|message|msg)|ya estuvo (?:con|de) (?:tanto|tantos|los) (?:mensajes?|textos?)|(?:ya )?parece spam`,
        `${SAID_NO_AGAIN}|no (?:me|nos) (?:vuelvas|vuelva|vuelvan) a preguntar|(?:you|u|yall) already asked (?:me |us )?(?:that|this)$|(?:its|it is|son las) [0-9]{1,2} ?(?:am|de la manana)$|[0-9]{1,2} ?am on a (?:sunday|saturday|weekend)|(?:not|even) read the (?:replies|answers|texts|messages)|automated ${TEXTS} are getting old|same (?:reminder|text|message) (?:like )?[0-9]+ times|el mismo mensaje (?:como )?[0-9]+ veces|no (?:me|nos) pregunten lo mismo|muchos mensajes|before you ask (?:again|me again)|texted my late (?:husbands|wifes|moms|dads) (?:phone|number)`,
      ].join('|'),
    ),
  },
  {
    // Scorn for the trade or for us: "you'd just lowball me anyway", "what's it to you", "is that
    // what they call spam bots now", "realtors did nothing for me", "pathetic", "have some
    // decency", "anyone but a guy who cold texts me", "nomás andan buscando a quién sacarle dinero".
    // "lol another vulture. hard pass", "a bot that wants my money", "you guys are why nobody can
    // afford a house", "oh sure let me tell a random texter my bottom line".
    // "let me tell a robot my bottom line, great idea", "my motivation is getting realtors to
    // leave me alone", "6% to stick a sign in my yard, nice racket", "no sea encajoso".
    type: 'hostile',
    pattern: w(
      [
        '(?:just|only|gonna|going to|always) lowball (?:me|us)|whats it to (?:you|ya)|spam ?bots?|(?:realtors|agents|you people|you guys) (?:did|do|does) (?:nothing|jack|squat)|pathetic|pateticos?|have some (?:decency|respect|shame)|anyone but (?:you|a guy|an agent|a realtor|someone who)|sacar(?:le|les|nos|me)? (?:el )?dinero|a la (?:chingada|ch ngada|chngada)|son (?:unos|puros) (?:buitres|vividores|rateros|ratas|interesados)',
        'another vulture|a bot that wants my money|(?:you guys|yall|you people|realtors|agents) are (?:why|the reason) (?:nobody|no one|people|we)|let me tell a random (?:texter|stranger|person|bot)',
        'go (?:bother|text|spam|pester|bug|harass) (?:someone|somebody|some1|some one) else|(?:your|ur|you guys|yall|these|this) (?:bots?|texts|messages|company|service|ai|robots?) (?:are|is|r) (?:garbage|trash|useless|crap|junk|a joke|worthless|stupid|dumb|pathetic)|nice try(?: [a-z]+)? (?:scammer|scammers|scam artist)|(?:puro|pura|puros|puras|son un|son unos) (?:fraude|fraudes|estafa|estafadores|rateros)|tell a (?:robot|bot|texter)(?: [a-z]+){0,2} (?:my )?(?:bottom line|price|number)|decir mi precio a un robot|getting realtors to leave me alone|a text from a realtor what a treat|nice racket|encajos[oa]|text bot that (?:cant|can not)',
      ].join('|'),
    ),
  },
  {
    // A flat no: "not gonna happen chief", "nel, no vendo", "ni de chiste", "no means no", "hard
    // no", "we're never leaving", "zero plans to sell", "the house isn't going anywhere, neither
    // are we", "aquí nos vamos a quedar", "I'll sell to anyone but you", "no les vendo nada", "no
    // ocupo nada", "no vendo ni voy a vender", "we just refinanced, not going anywhere".
    // "ima pass", "nel, gracias", "we're not moving. ever.", "neither really, just refinancing".
    // "there's no motivation, I'm not selling", "no estoy vendiendo, gracias", "my husband handles
    // this and he said no".
    type: 'not_interested',
    pattern: w(
      [
        'not (?:gonna|going to) happen|aint happening|no means no|hard (?:no|pass)|ni de (?:chiste|broma|milagro)|(?:nel|nop|nope|no) no (?:vendo|vendemos)|^no (?:vendo|vendemos)|(?:were|we are|im|i am) never (?:leaving|moving|selling)|(?:zero|no) plans (?:to|of) (?:sell|selling|move|moving|buy|buying)(?: (?:ever|period|at all))?$|(?:isnt|is not|aint) going anywhere|neither are we|(?:aqui )?nos vamos a quedar|pies por delante|anyone but (?:you|a guy|an agent|a realtor|someone who)|no (?:les|te|le) (?:vendo|vendemos) nada|no (?:ocupo|necesito|ocupamos|necesitamos) nada|no (?:vendo|vendemos) ni (?:voy|vamos) a vender|refinanced(?: [a-z0-9]+){0,3} not going anywhere',
        '^(?:ima|im gonna|ill|i will|gonna) pass$|^nel(?: gracias)?$|not moving ever|carry me out of (?:here|this house)|just refinanc(?:ing|e)|solo (?:estamos )?refinanciando',
        `${SAID_NO_AGAIN}|no y no (?:me|nos) (?:vuelvas|vuelva|vuelvan) a preguntar|not now not ever|not now or ever|^nel pastel$|(?:im|i am) not selling(?! (?:until|till|til|before|yet|right now|now|this|for|in))|no estoy vendiendo(?! (?:hasta|todavia|ahorita|por ahora))|(?:he|she) said no$`,
      ].join('|'),
    ),
    statement: true,
  },
  {
    // "its with another agent so doesnt matter", "sign's already in the yard, different company",
    // "we're handling it without an agent".
    type: 'listed_with_other',
    pattern: w(
      '(?:its|it is|the house is|our house is) (?:already )?(?:with|listed with) (?:another|a different|other|some other) (?:agent|realtor|broker|company)|signs? (?:is )?(?:already )?in the (?:front )?yard|(?:handling|doing|selling) it (?:ourselves|myself|without an? (?:agent|realtor))',
    ),
    statement: true,
    notFor: ['buyer'],
  },
  {
    // "I like scrolling listings at night lol not actually buying anything".
    // "lurking on zillow at 2am", "nada más quería ver precios", "we're not really looking".
    type: 'just_looking',
    pattern: w(
      [
        'not (?:actually |really )?buying (?:anything|yet)|not (?:actually |really )?buying$|scrolling (?:listings|zillow|redfin|realtor)',
        'lurking on (?:zillow|redfin|realtor|trulia)|(?:nada mas|nomas|solo) (?:queria|quiero|queriamos|estoy|estamos)(?: [a-z]+)? (?:ver|viendo) (?:precios|casas)|(?:were|we are|im|i am) not (?:really|actually) looking',
      ].join('|'),
    ),
    statement: true,
  },
  {
    // "pulled the listing, the rates scared off every buyer".
    type: 'not_selling_anymore',
    pattern: w(
      [
        'pulled (?:the|our) listing|(?:took|taken) (?:it|the house|our house) off the market',
        'decidimos no (?:vender(?:la|lo)?|venderla)|decided not to sell',
      ].join('|'),
    ),
    statement: true,
    notFor: ['buyer'],
  },
  {
    // "had a cash buyer knock on the door lol, it's done".
    // "house is gone, closed in august".
    // "sold it to the neighbor's son over the summer", "we took a cash offer from one of those
    // companies", "al final decidimos no venderla", "offer accepted on our place yesterday".
    type: 'already_sold',
    pattern: w(
      [
        '(?:had|got|found) (?:a )?(?:cash )?buyer(?: [a-z]+){0,6} (?:its|it is) (?:done|sold|gone)',
        '(?:the |our |my )?(?:house|home|place) (?:is|s) gone (?:closed|sold|escrow)',
        'sold it to (?:the |a |my |our )?[a-z]+(?: [a-z]+)? (?:over|last|in|this|back)|took a cash offer',
        // "offer accepted on our place yesterday lol": the lead's own home is the one sold.
        'offers? (?:got |was |were )?accepted on (?:our|my) (?:place|house|home|condo|townhouse|townhome)|(?:accepted|took) an offer on (?:our|my|the) (?:place|house|home|condo)',
      ].join('|'),
    ),
    statement: true,
    notFor: ['buyer'],
  },
  {
    // "my cousin's a realtor so I'm good".
    // "I have a guy. been using him for years".
    type: 'has_agent',
    pattern: w(
      [
        '(?:my|our) (?:cousin|brother|sister|mom|dad|uncle|aunt|friend|best friend|son|daughter|wife|husband|neighbor|brother in law|sister in law|primo|prima|hermano|hermana|tio|tia)s? (?:is )?(?:a |an )?(?:realtor|agent|broker)',
        '^(?:i|we) (?:have|got) a (?:guy|gal|lady)$|been using (?:him|her|them) for years',
      ].join('|'),
    ),
    statement: true,
  },
  {
    // "already bought thru another agent", "we put an offer on another house".
    type: 'already_bought',
    pattern: w(
      'already bought (?:thru|through|with|w) |got one (?:with|through|thru|w) (?:another|a different|an?|other) (?:agent|realtor|broker)|(?:put|made|wrote) (?:an|a) offer on (?:another|a different) (?:house|home|place)',
    ),
    statement: true,
    notFor: ['seller'],
  },
  {
    // "this is Brandon's phone, he passed away", "es el teléfono de mi papá".
    // "she had this number before me": a number that changed hands.
    // "this is a business line", "meant for whoever had my number before", "you have my dad's old
    // number".
    type: 'wrong_number',
    pattern: w(
      [
        'this (?:is|was) [a-z]+s (?:phone|number|cell)|(?:es|era) el (?:telefono|numero|celular) de',
        '(?:she|he|they) (?:had|used to have) (?:this|the|that) number before (?:me|us)',
        'this is a business line|meant for (?:whoever|someone who|the person who) had (?:my|this) number|have my [a-z]+s old number',
      ].join('|'),
    ),
  },
  {
    // "our agent's already on it", "my buddy from church is gonna list it for us".
    type: 'has_agent',
    pattern: w(
      'our agents? (?:is |s )?already on it|(?:buddy|friend|cousin|brother|sister|neighbor)(?: [a-z]+){0,3} (?:is )?(?:gonna|going to) list it',
    ),
    statement: true,
    notFor: ['buyer'],
  },
];
