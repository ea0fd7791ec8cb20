import { type ObjectionRule, w } from './objections-patterns.ts';

/**
 * Everyday ways of saying an objection, by the event or the complaint rather than the keyword:
 * the purchase is done (keys, closing papers, an accepted offer, a new build), a relative with a
 * new licence lists it, the lead is only
 * nosy, it is a bit early, the texts come too often or at the wrong time, and the number belongs
 * to someone else. Same form as OBJECTION_RULES (objections-patterns.ts).
 */

const MONTH =
  '(?:jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december)';
const DAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const TEXTS = '(?:texts|text messages|messages|txts|msgs|calls|textos|mensajes|llamadas)';
const KIN =
  '(?:cousin|brother|sister|mom|mother|dad|father|uncle|aunt|son|daughter|wife|husband|friend|best friend|neighbor|brother in law|sister in law|mother in law|father in law|coworker|buddy|primo|prima|hermano|hermana|tio|tia|cunado|cunada|amigo|amiga|hijo|hija)';
const COUNT = '(?:[0-9]+|two|three|four|five|six|several|multiple|like [0-9]+|como [0-9]+|dos|tres|cuatro)';

export const EVERYDAY_OBJECTION_RULES: readonly ObjectionRule[] = [
  {
    // "my nephew just got his license so we're gonna list with him".
    type: 'listed_with_other',
    pattern: w(
      '(?:list|listing|gonna list|going to list|will list|sell|selling|gonna sell) (?:it |the house |the home |our house )?(?:with|w|through|thru) (?:him|her|them)|(?:vamos a|la vamos a|lo vamos a) (?:listar|vender) con (?:el|ella|ellos)',
    ),
    requires: /\b(?:license|licence|licensed|licencia|realtor|agent|agente|broker)\b/,
    negatable: true,
    statement: true,
    notFor: ['buyer'],
  },
  {
    // Complaints about the texts themselves, or their hour: "getting really tired of these
    // messages", "these automated texts are kinda annoying", "a text every single day", "do NOT
    // call me at work", "you texted me at 10pm", "less questions more listings", "enough with the
    // 20 questions", "I don't need the check-ins", "not 3 a week", "ya no me hagan tantas
    // preguntas", "no me manden mensajes tan temprano", "me anden llamando a cada rato".
    type: 'stop_texting',
    pattern: w(
      `(?:tired|sick) of (?:these|your|the|all these|all the|all your|getting) ${TEXTS}|(?:these|your|the|all these|all the)(?: automated| auto| constant| daily)? ${TEXTS} (?:are|r) (?:kinda |kind of |so |really |very |getting )?(?:annoying|a lot|too much|excessive|irritating|spammy)|(?:a|another|one) (?:text|message|call) (?:every|each) (?:single )?(?:day|morning|night|week)|(?:dont|do not|never) (?:call|text|message|txt|email) (?:me|us) (?:at work|so early|so late|this early|this late|at night|on (?:the )?weekends?|on sundays?)|(?:texted|called|messaged|texting|calling) (?:me|us) at (?:9|10|11|12|midnight)(?: ?pm| at night)?(?! ?am)|(?:less|fewer) questions|(?:the )?(?:20|twenty) questions|(?:dont|do not) need (?:the|these|your|all the|all these|any) (?:check ins|checkins|check in texts|follow ups|followups|reminders)|not (?:[0-9]|two|three|four|five) (?:texts? )?(?:a|per) (?:week|day)|tantas preguntas|(?:no|ya no) (?:me|nos) (?:hagan|hagas|haga) (?:mas )?preguntas|no (?:me|nos) (?:manden|mandes|mande|escriban|escribas|llamen|llames) (?:mensajes |textos )?(?:tan temprano|tan tarde|de noche|en la noche|al trabajo|en el trabajo)|(?:me|nos) (?:anden|esten|este|anda) (?:llamando|escribiendo|mandando mensajes|texteando) (?:a cada rato|tanto|todo el dia|a todas horas)`,
    ),
  },
  {
    // Scorn for the trade or for us, in everyday words: "nice try, lowballer", "none of your damn
    // business", "another parasite agent", "clowns. all of you", "agents are a scam", "so done
    // with realtors", "que te importa", "vete a la goma".
    type: 'hostile',
    pattern: w(
      `lowballers?|none of (?:your|ur|yo) (?:damn |dang |darn |freaking |fucking |effing )?business|parasite|^clowns|clowns all of (?:you|yall)|(?:agents|realtors|you people|you guys|yall|this) (?:are|is) (?:all )?(?:a )?(?:scam|scams|scammers)|(?:so )?done with (?:realtors|agents|you people|you guys|yall)(?! for)|que te importa|vete a la goma|(?:no es|no son) (?:de tu|de su) (?:incumbencia|asunto)`,
    ),
  },
  {
    // "we got the keys friday", "just signed the closing docs", "our offer on a townhome got
    // accepted", "ended up going with a new build", "closing dec 20th", "ya aceptaron nuestra oferta".
    type: 'already_bought',
    pattern: w(
      `(?:got|have|picked up|get) (?:the|our) keys|(?:signed|signing) (?:the |our |all the )?(?:closing|final|loan) (?:docs|documents|papers|paperwork)|(?:our|my) offer (?:on|for) (?:[a-z0-9]+ ){1,5}(?:got|was|has been|just got) accepted|(?:aceptaron|acepto|aceptan) (?:nuestra|mi|la) oferta|(?:ended up|decided on|went|going|gone|bought|buying|purchased|got) (?:with )?(?:a |the )?(?:new build|new construction|brand new build|from the builder|model home)|(?:we|i|were|we are) (?:closing|close) (?:on )?(?:the )?(?:${MONTH} ?[0-9]{1,2}|[0-9]{1,2}(?:st|nd|rd|th)|${DAY})|(?:we|i) (?:already |finally |just )?found (?:one|a place|a house|a home|our (?:place|house|home)|our dream (?:home|house)|the one)|found our (?:dream|forever|new) (?:home|house|place)|(?:got|bought|found) one already|already (?:got|bought) one|(?:we|i) (?:already|just|finally) (?:bought|purchased)(?= ya| but| so| and| lol| thanks| thx| tho| thank|$)|ya we bought|we bought (?:a|an|our) (?:house|home|place|condo|townhouse|townhome)`,
    ),
    statement: true,
    unless: /\b(?:sell|selling|listing|list it|our house is|if we|when we|once we|before we|vender)\b/,
    notFor: ['seller'],
  },
  {
    // "in escrow!!", "under contract, so no need": a buyer or new lead whose purchase is pending.
    type: 'already_bought',
    pattern:
      /^(?:(?:were|we are|im|i am|already|currently|just went|just got|finally) )*(?:in escrow|under contract|in contract)$/,
    whole: true,
    notFor: ['seller'],
  },
  {
    // "just being nosy", "only wanted to see the estimate", "looking not buying", "clicked
    // something on zillow", "nomás estoy chismeando los precios".
    type: 'just_looking',
    pattern: w(
      `(?:just|only|purely) (?:being )?nosy|nosy lol|(?:just|only) (?:wanted|wanna|want|needed) (?:to )?(?:see|know|check)(?: what)?(?: the| my| our)? (?:estimate|zestimate|number|comps|comps look like|value|ballpark)|looking not buying|looking but not buying|(?:clicked|hit|tapped) (?:on )?(?:something|a link|an ad|a button|it)(?: [a-z]+){0,3} (?:i guess|by accident|lol|on accident|sin querer)|(?:solo|nomas|nada mas) (?:ando|andamos|estoy|estamos) (?:mirando|viendo|checando|chismeando|curioseando)|(?:viendo|mirando|checando) nomas|chismeando|(?:mirando|viendo|checando) (?:los )?precios(?: nada mas| nomas| la verdad|$)`,
    ),
    statement: true,
  },
  {
    // "was just on zillow and clicked something": opens like a question, but tells.
    type: 'just_looking',
    pattern: w(
      '(?:i |we )?(?:was|were) just (?:on|browsing|scrolling|looking at) (?:zillow|redfin|realtor|trulia)',
    ),
  },
  {
    // "little early", "bit early for numbers", "not this year or next", "18 months out", "not till
    // we pay off some debt", "we haven't even decided to sell", "todavía falta mucho".
    type: 'too_early',
    pattern: w(
      `(?:a )?(?:little|lil|bit|tad|touch) (?:too |bit )?(?:early|soon|premature)|not (?:this year|next year)(?: or next| or the next| either)?|(?:1[3-9]|2[0-9]|3[0-6]) (?:months|mos) (?:out|away|off|from now)|not (?:till|til|until|untill|before) (?:we|i) (?:pay|save|sell|get|finish|have|find|retire|can)|not there yet|(?:havent|have not|not) (?:even )?(?:decided|sure) (?:yet )?(?:if|whether|to) (?:we |i )?(?:(?:re|are|am|will|should|want to|wanna) )?(?:sell|selling|buy|buying|move|moving|list)|(?:todavia|aun) (?:falta|le falta) (?:mucho|bastante|un rato)|(?:el otro ano|el ano que viene|el proximo ano) (?:a lo mejor|tal vez|quizas|yo creo)|not even sure (?:if |whether )?(?:were|we are|im|i am) (?:selling|buying|moving)|not sure (?:if |whether )?(?:were|we are|im|i am) (?:selling|buying|moving) yet|hasta (?:el )?20(?:2[8-9]|[3-9][0-9])`,
    ),
    statement: true,
    unless: /\b(?:tomorrow|today|tonight|[0-9]+ ?(?:am|pm)|manana|hoy)\b/,
  },
  {
    // "not for sale", "don't need help, thanks", "appreciate it but no", "never lol", "no quiero nada".
    type: 'not_interested',
    pattern: w(
      `(?:^|its |it is |house is |home is |the house is )not for sale|(?:dont|do not) need (?:any |your )?(?:help|anything|services)(?! (?:with|to|finding|selling|buying))|appreciate (?:it|that|you|the offer)(?: though| tho)?(?: but)? (?:no|nah|pass|were good|im good)|no (?:quiero|queremos|necesito|necesitamos) nada`,
    ),
    statement: true,
  },
  {
    type: 'not_interested',
    pattern: /^(?:never|nunca|never ever|hell no|absolutely not|no way|no way jose|jamas|ni loca|ni loco)$/,
    whole: true,
  },
  {
    // "nah we are good thanks", "no thanks, I'm all set": a polite no as the whole message.
    type: 'not_interested',
    pattern:
      /^(?:nah|no|nope|naw)(?: thanks| thank you| thx)? (?:we are|were|we re|im|i am|i m) (?:good|ok|okay|fine|all set)(?: (?:thanks|thank you|thx|tho|though|for now))?$/,
    whole: true,
    // To "any repairs needed?" or "pre-approved?", "no we're good" answers the question.
    after: [null, 'buy_or_sell', 'motivation', 'timeline', 'price', 'budget', 'area', 'appointment'],
  },
  {
    // How often and when we write: "3 texts in one day is too much", "text like once a week",
    // "pause the texts till january", "only text me if something comes up", "you don't have to
    // follow up so much", "u text me at all hours", "me llegan como 3 textos al día", "bájenle".
    type: 'stop_texting',
    pattern: w(
      `${COUNT}(?: different)? (?:${TEXTS}|people)(?: [a-z]+){0,6} (?:in one day|in a day|a day|per day|today|this week|this morning|al dia|por dia|hoy|en un dia|esta semana)|(?:${TEXTS}|texting|messaging)(?: [a-z]+){0,3} (?:is|are|es|son) (?:way )?(?:too much|too many|excessive|a lot|demasiado|mucho)|(?:text|message|contact|write|hit) (?:me |us )?(?:up )?(?:like |only |just )?(?:once|one time|twice) (?:a|per|every|each) (?:week|month|couple weeks)|(?:uno|una vez|un mensaje) (?:por|a la|cada) (?:semana|mes)|pause (?:the |these |your |all |all the )?(?:${TEXTS}|texting|messaging|follow ups)|only (?:text|message|contact|call|hit) (?:me |us )?(?:up )?(?:if|when|on|during|after|before|in the)|(?:follow|following|check|checking|reach|reaching) (?:up|in|out) (?:so|this|that) (?:much|often)|(?:dont|do not) (?:have|need) to (?:keep )?(?:follow(?:ing)? up|check(?:ing)? in|text(?:ing)?|messag(?:e|ing))(?: me| us)? (?:so much|so often|every day|all the time)|(?:text|txt|message|call|texting|messaging|calling)(?: me| us)? (?:at all hours|all hours|all day|all night|so early|so late|this early|this late|at [0-9]+ ?am)|[0-9]+ ?am (?:text|message|call)|every time (?:i|we) (?:answer|reply|respond)|(?:gonna|going to|will) (?:you )?(?:guys )?keep (?:texting|messaging|contacting|bugging)|(?:otra vez|de nuevo) (?:la misma|lo mismo|con lo mismo|con la misma)|la misma pregunta|hasta la madre con (?:sus|tus|los|tantos) (?:mensajes|textos)|(?:bajenle|bajale|bajele)|(?:por ?que|por q|porq|xq|pq|para que) (?:me |nos )?(?:siguen|sigues|sigue) (?:mandando|escribiendo|enviando|texteando|molestando)|son las [0-9]+ de la (?:manana|noche)`,
    ),
  },
  {
    // "my sister in law does real estate", "got a guy already", "I'm with Compass already".
    type: 'has_agent',
    pattern: w(
      `${KIN}(?: [a-z]+)? (?:does|is in|works in|sells|is into) real estate|(?:found|bought|buying|looking|working|going) (?:[a-z]+ ){0,3}(?:with|through|thru) (?:another|a different|other|an other) (?:realtor|agent|broker)|(?:got|have|found) (?:a|my|our) (?:guy|gal|person|lady|dude) (?:already|for that|for this)|(?:im|i am|were|we are) (?:already )?with (?:compass|keller williams|kw|coldwell banker|century 21|redfin|remax|re max|exp realty|berkshire hathaway|sothebys)`,
    ),
    negatable: true,
    statement: true,
  },
  {
    // "we signed with someone last week", "my contract with my agent ends in january", "listed
    // since september with someone else", "la tiene otra agente", "ya tiene letrero".
    type: 'listed_with_other',
    pattern: w(
      'signed (?:with|up with) (?:someone|somebody|another|a different|other|her|him|them)(?! (?:up|on|for))|(?:my|our) (?:contract|agreement) with (?:my|our|the) (?:agent|realtor|broker)|listed (?:[a-z0-9]+ ){0,3}with (?:someone|somebody) else|(?:la|lo) tiene (?:otro|otra|un|una) (?:agente|agenta|realtor|corredor|corredora)|(?:ya )?(?:tiene|tenemos|pusimos) (?:el )?letrero',
    ),
    negatable: true,
    statement: true,
    notFor: ['buyer'],
  },
  {
    // The number is someone else's: "this used to be my daughter's number", "this was his
    // phone", "you meant to text someone else", "must be a mix up", "don't know any Jorge".
    type: 'wrong_number',
    pattern: w(
      `(?:used to be|was) (?:my [a-z]+s|his|her|their|my old|my late [a-z]+s) (?:old )?(?:number|phone|cell)|meant (?:to (?:text|message|reach|contact)|for) (?:someone|somebody) else|(?:must be|some|a|its a) mix ?up|(?:dont|do not) know (?:any|anyone named|anybody named) (?!(?:agent|realtor|lender|broker|one|body|thing|of|good|better|other|more|about)\\b)[a-z]+(?<!s)(?= who| whos|$)|never (?:lived|owned (?:a house|a home|anything|property)) in|(?:have|got|has) (?:me|us) (?:confused|mixed up) with (?:someone|somebody|another)`,
    ),
    notFor: ['buyer'],
  },
  {
    // "i'm the tenant, the owner lives in vegas": the house is not the sender's to sell.
    type: 'wrong_number',
    pattern: w('(?:im|i am|were|we are) (?:just )?(?:the |a )?(?:tenants?|renters?)'),
    requires:
      /\b(?:owner|owners|landlord|landlady|not (?:my|our) (?:house|home|place)|(?:dont|do not) own)\b/,
    notFor: ['buyer'],
  },
  {
    // The seller's own house is already gone or going: "our place is in escrow, closing on the
    // 19th", "its actually pending now", "new owners get the keys saturday", "we sold that one back
    // in 2019", "la nuestra ya está en escrow".
    type: 'already_sold',
    pattern: w(
      '(?:our|the|my) (?:place|house|home|condo|property) (?:is |s )?(?:actually |already |now |officially )?(?:in escrow|pending|under contract|in contract)(?! on| for)|(?:its|it is|it s) (?:actually |already |now |officially )?pending(?: now)?$|new owners|(?:la nuestra|nuestra casa|la casa) (?:ya )?(?:esta )?en escrow|(?:sold|vendimos|vendi) (?:that|this|esa|esta) (?:one|place|house|home|property|casa)',
    ),
    negatable: true,
    statement: true,
    unless: /\bwrong (?:number|person|guy|lady)\b/,
    notFor: ['buyer'],
  },
  {
    // "bought a house already, take me off this list", "we went into escrow yesterday on a place
    // in Ontario", "ya firmamos y nos dieron las llaves".
    type: 'already_bought',
    pattern: w(
      'bought (?:a|an|our) (?:house|home|place|condo|townhouse|townhome) already|(?:went|go|going|got|are|were) (?:into|in) escrow(?: [a-z]+)? on (?:a|an|our|the) (?:new )?(?:place|house|home|condo|townhome|townhouse)|(?:nos|me) (?:dieron|entregaron) las llaves|ya firmamos(?! (?:el|la|con|contrato de))',
    ),
    statement: true,
    unless: /\b(?:sell|selling|listing|list it|our house is|if we|when we|once we|before we|vender)\b/,
    notFor: ['seller'],
  },
  {
    // More complaints about the texts or the questions: "how many times do I have to tell you",
    // "bro you texted me 3 times yesterday", "ya me mandaron como diez mensajes", "you dont need to
    // keep checking in", "why do you need to know all this", "ya no me pregunten tanto", "why do i
    // keep getting these", "thought i blocked you".
    type: 'stop_texting',
    pattern: w(
      'how many times (?:do|must|will|have) (?:i|we) (?:have to |gotta |need to )?(?:tell|told) (?:you|u|yall|ppl|people)|(?:texted|messaged|called|texting|calling) (?:me|us) (?:like )?(?:[0-9]+|two|three|four|five|six|ten|several|multiple) times|(?:me|nos) (?:mandaron|mandan|han mandado|enviaron|escribieron) (?:como )?(?:[0-9]+|dos|tres|cuatro|cinco|seis|diez|veinte|mil|un chingo de|un monton de) (?:mensajes|textos)|(?:dont|do not) (?:have|need) to keep (?:checking in|following up|texting|messaging|asking|reaching out)|(?:ill|i will|we will|well) (?:text|call|reach out to|contact|hit) (?:you|u)(?: up)? (?:when|once) (?:im|i am|were|we are|its) (?:ready|time)|why do (?:you|u|yall) need to know all (?:this|that)|(?:ya )?no (?:me|nos) (?:pregunten|preguntes|pregunte) (?:tanto|tantas cosas|mas)|(?:why|how come) (?:do|am|are) (?:i|we) (?:keep|still|keep on) (?:getting|receiving) (?:these|this|them|your)|(?:i|we) (?:thought (?:i|we) )?(?:already )?blocked (?:you|u|yall|this number)|basta de (?:tanta|tantas|tantos|tanto) (?:llamada|llamadas|mensaje|mensajes)',
    ),
  },
  {
    // "go sell your own house lmao", "eat rocks", "váyanse a la fregada", "qué fastidio con
    // ustedes, puro interés".
    type: 'hostile',
    pattern: w(
      'eat (?:rocks|dirt|glass)|go (?:sell|list|get|find) (?:your own|a real)|a la fregada|que fastidio con ustedes|puro interes|(?:bola de|pinches) (?:buitres|vividores|interesados)',
    ),
  },
  {
    // Nothing to sell or buy at all: "not selling to anyone", "basta ya, no tengo casa, rento",
    // "I'm 19 and live with my parents", "ya no vamos a comprar", "not now, not ever".
    type: 'not_interested',
    pattern: w(
      'not (?:selling|buying) (?:to anyone|to anybody|period|ever|at all)|no (?:tengo|tenemos) casa|(?:i|we) (?:dont|do not) (?:even )?own (?:a |any )?(?:house|home|property)|(?:i|we) (?:still )?live with (?:my|our) parents|ya no (?:vamos a|voy a|queremos|quiero) comprar|not now,? not ever|not now or ever',
    ),
    statement: true,
    // "wrong number, I don't even own a house" is the wrong number, not a no from the owner.
    unless: /\b(?:wrong (?:number|person|guy|lady)|numero equivocado|equivocad[oa])\b/,
  },
  {
    // The sale called off in everyday words: "we pulled it off the market", "the divorce is off so
    // we're staying", "mejor no, ya lo platicamos y nos quedamos".
    type: 'not_selling_anymore',
    pattern: w(
      'pulled (?:it|the house|the home|the listing|our house) (?:off|from) (?:the )?market|so (?:were|we are|im|i am) staying|(?:mejor|siempre) no(?: [a-z]+){0,5} nos (?:quedamos|la quedamos)',
    ),
    statement: true,
    notFor: ['buyer'],
  },
  {
    // Not yet, in a hard time: "we haven't even thought about the house yet", "give me a little
    // time", "buying is off the table for now".
    type: 'too_early',
    pattern: w(
      '(?:havent|have not|hasnt|not) (?:even )?(?:thought|talked) about (?:the house|selling|it|that|moving|buying)(?: yet)?|give (?:me|us) (?:a little|a lil|a bit of|a little more|a bit more) time|(?:buying|selling|moving) is off the table|off the table for now',
    ),
    statement: true,
  },
  {
    // "creo que se equivocó, yo no soy la señora Martínez", "wrong house, I sold that place".
    type: 'wrong_number',
    pattern: w(
      'no soy (?:el |la )?(?:senor|senora|senorita|sr|sra|don|dona) [a-z]+|(?:im|i am) not (?:mr|mrs|ms|miss) [a-z]+|wrong (?:house|property|address)',
    ),
    notFor: ['buyer'],
  },
  {
    // "we went into escrow on another house!!", "opened escrow on a townhome last week".
    type: 'already_bought',
    pattern: w(
      '(?:went|got|go|going) (?:into|in) escrow on|opened escrow on|(?:entramos|estamos) en escrow (?:con|de) (?:otra|una)',
    ),
    statement: true,
    notFor: ['seller'],
  },
  {
    // "qué fastidio, ustedes nomás quieren su comisión", "all you want is your commission".
    type: 'hostile',
    pattern: w(
      '(?:ustedes|tu|usted) (?:nomas|nada mas|solo) (?:quieren|quiere|quieres) (?:su|tu) (?:comision|dinero|lana)|all (?:you|yall|you guys|you people) (?:want|care about) is (?:your|the) (?:commission|money|cut)',
    ),
  },
  {
    // "mejor la vamos a vender nosotros solitos": selling it themselves.
    type: 'listed_with_other',
    pattern: w(
      '(?:vender|venderla|vendemos|vendo)(?: la| la casa)? (?:nosotros|yo) (?:solitos|solitas|solos|solas|solit[oa])',
    ),
    statement: true,
    notFor: ['buyer'],
  },
  {
    // "no, gracias, ya no andamos buscando": the search is called off, not finished.
    type: 'not_interested',
    pattern: w('ya no (?:andamos|estamos|ando|estoy) buscando'),
    statement: true,
    // "ya estamos viviendo en la nueva, ya no andamos buscando": bought, not a no.
    unless: /\b(?:nueva|compramos|viviendo en)\b/,
  },
];
