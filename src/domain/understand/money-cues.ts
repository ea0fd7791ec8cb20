/**
 * Words around a figure that say what it is: whose price, which end of a range, a debt, rent, a
 * pre-approval, a question about some other house. Read on the text `scanMoney` returns (folded,
 * number words as digits). `…Before` patterns end at the figure, `…After` ones start right after it.
 */

// Every "before" pattern ends in `\s*(?:(?:about|…)\s*)?$`, never `\s*(?:about|…)?\s*$`: two
// adjacent `\s*` try every split of a run of spaces.
const FILLER = String.raw`\s*(?:(?:about|around|like|maybe|roughly|~|\$|only|just|unos|como)\s*)?$`;
const before = (words: string) => new RegExp(`(?:${words})${FILLER}`);

/** A ceiling: "under 600", "no more than 750", "nothing over 800", "hasta 600". */
export const MAX_BEFORE = before(
  String.raw`\b(?:(?:stop sending|(?:do|ca|wo)n'?t|cannot|no|not|nothing|never)(?: [a-z']+){0,3} (?:over|above|more than|past)|no(?: [a-z]+){0,2} pasar(?:nos)? de|under|below|(?<!\bno |\bnot )less than|no more than|not more than|not over|nothing (?:over|above|more than)|no higher than|not above|up to|upto|max(?:imum)?(?: of| is)?|at most|cap(?:ped)? at|top(?: end)?(?: of| is)?|ceiling(?: of| is)?|limit(?: of| is)?|hasta|menos de|no mas de|nada (?:mas de|arriba de)|maximo(?: de)?|como maximo|a lo mucho|debajo de|por debajo de)|<`,
);
export const MAX_AFTER =
  /^\s*(?:tops|max(?:imum)?|or less|or under|or below|at most|at the most|is (?:my|our|the) (?:max|limit|ceiling|cap|top|most|budget)|o menos|maximo|como maximo|a lo mucho)\b/;

/** A lower bound: "anything over 700", "more than 400", "400+", "o más". */
export const MIN_BEFORE = before(
  String.raw`\b(?:(?<!\bno |\bnot |\bnothing )(?:over|above|more than|higher than)|north of|upwards of|minimum(?: of)?|min|starting at|mas de|arriba de)|>`,
);
export const MIN_AFTER =
  /^\s*(?:\+|or more|or (?:above|higher|up)|and up|plus|o mas|para arriba|pa arriba|en adelante|pa delante|or better)/;

/**
 * A floor: "at least 480", "1 mil, no less", "won't take less than 1.1", "nothing under 650",
 * "ni un centavo menos de 750". A seller's floor is a `price_min`; a buyer's is a `budget_min`.
 */
export const FLOOR_BEFORE = before(
  String.raw`\b(?:at least|at the (?:very )?least|no (?:less|lower) than|not (?:less|lower) than|not under|nothing (?:under|below|less than|lower than)|(?:(?:do|ca|wo)n'?t|wouldn'?t|couldn'?t|cannot|will not|would not|not|never)(?: [a-z']+){0,5} (?:less than|lower than|under|below|a (?:penny|cent|dime|dollar) less than)|al menos|por lo menos(?: el)?|lo minimo (?:seria|serian|es|son)|minimo(?: de)?|(?:no|ni|nada)(?: [a-z]+){0,3} menos de|(?:nada|no|ni) (?:abajo|debajo|por debajo) de|(?:my|our|the) (?:bottom line|floor|lowest|rock bottom)(?: is| would be| price is)?|bottom line(?: is| would be)?|rock bottom(?: is)?|(?:the )?(?:least|lowest) (?:i|we)(?:'?d| would| will| could| can)? (?:take|accept|go|do|settle for)(?: is| would be)?|lo (?:menos|minimo|mas bajo) que (?:aceptaria|aceptariamos|acepto|aceptamos|tomaria|tomariamos|agarraria|agarrariamos)(?: (?:es|son|seria|serian))?|\b(?:i|we)(?:'?d| would| could| can) (?:take|accept|settle for|go (?:as low as|down to))(?: as low as)?)`,
);
// A cue that leads into a figure of its own ("600, no less than 570", "unos 600, mínimo 570")
// is that figure's floor, not the one before it.
export const FLOOR_AFTER =
  /^\s*(?:,\s*)?(?:is (?:my|our|the) (?:absolute )?(?:bottom|floor|lowest|minimum|bottom line)|(?:dollars?\s+)?(?:period\s+)?(?:that'?s|that is|it'?s|it is|is) (?:the |our |my )?(?:absolute |very )?(?:lowest|bottom|minimum|least)\b(?! (?:price |one |house |home )?(?:in|on|around|of) )|or (?:we|i)(?: will|'?ll)? (?:stay|keep it|keep the house|don'?t sell|won'?t sell|are not selling|aren'?t selling)|(?:just |even )?to (?:even )?(?:consider|think about|entertain|bother|make it worth)|no less|not less|at least|at (?:a |the )?(?:very )?minimum|at the (?:very )?least|minimum|min|minimo|como minimo|no menos|(?:not|ni) (?:a |un )?(?:penny|cent|dime|dollar|peso|centavo|dolar) less|(?:(?:and|y)\s+)?ni (?:un )?(?:peso|centavo|dolar) menos|floor|(?:not|and not) a (?:penny|cent|dime|dollar) (?:under|less|lower))\b(?!\s*(?:(?:than|of|de|que)\s+)?\$?\d)/;

/** A buyer's stretch is the real ceiling: "could stretch to 680", "go up to 700 for the right one". */
export const STRETCH_BEFORE = before(
  String.raw`\b(?:stretch(?:ing)?(?: it)?(?: up)?(?: to)?|go (?:up )?(?:to|as high as)|push(?: it)?(?: up)? to|estirar(?:nos)?(?: hasta| a)?)`,
);

/** A pre-approval amount: "approved for 720", "pre-approved w chase for 700", "approved up to 800". */
export const APPROVAL_BEFORE =
  /\b(?:pre[\s-]?approved|approved|pre[\s-]?qualified|qualified|preaprobad[oa]s?|aprobad[oa]s?)\s+(?:(?:with|w\/?|by|thru|through|from|at|con)\s+[a-z&']+(?:\s+[a-z&']+)?\s+)?(?:(?:for|up to|upto|to|at|hasta|por|para|of)\s*)?(?:\$\s*)?$/;

/** The lead turns a figure down: "we want 750 not 700", "my wife says 650 is too low". */
// "not 700"; "dont send me 650s", "no me vaya a salir con casas de 500": houses the lead does not want.
export const NEGATED_BEFORE =
  /\b(?:not|nor|(?:dont|do not|never) (?:send|show) (?:me|us)(?: any| more)?(?: (?:houses|homes|places|listings|stuff))?(?: (?:in the|at|over|above|for))?|no (?:me|nos) (?:vaya|vayan|vayas|venga|vengan) a (?:salir|mandar|ensenar) con(?: puras)?(?: casas)?(?: de)?)\s*(?:\$\s*)?$/;
export const REJECTED_AFTER =
  /^\s*(?:(?:is|was|seems|sounds|es|esta|seria)\s+)?(?:(?:way|much|muy|demasiado)\s+)?(?:too (?:low|little|cheap)|not enough|isnt enough|no es suficiente|bajo|poco)\b/;

/** A debt or what was paid long ago: "we owe 400", "we paid 320 in 2012", "compramos en 300". */
export const DEBT_OR_PAST_BEFORE = before(
  String.raw`\b(?:(?:owe|owes|owed|owing)(?: (?:almost|about|around|like|nearly|over|roughly|close to|just under|a little over|just over))?|balance(?: is| of)?|mortgage(?: is| of)?|payoff(?: is)?|pay ?off|loan(?: is| of)?|bought(?: it)?(?: for| at)?|paid(?: for it)?|purchased(?: it)?(?: for)?|debo|debemos|deuda(?: de)?|compramos(?: la| la casa)?(?: en| por)?|pagamos(?: la casa)?(?: en)?|pague|sold(?: it| ours| (?:our|my) (?:last |old |first )?(?:house|home|place|condo))?(?: (?:in|back in) (?:19|20)\d\d)?(?: for| at)?|vendimos(?: la casa)?(?: en| por)?|(?:put|spent|invested|sunk|puse|pusimos|gastamos|invertimos)|(?:we were|it was|was) listed(?: it)? (?:at|for)|had it (?:listed )?(?:at|for))`,
);
/** A figure from a year already gone: "it was 650 in 2022", "paid 300 back in 2015". */
export const YEAR_AFTER = /^\s*(?:back )?(?:in|en) ((?:19|20)\d\d)\b/;

/** Someone else's figure: an estimate, an agent's opinion, a friend or neighbour's sale. */
export const OTHERS =
  /\b(?:neighbou?rs?|next door|(?:two|2|three|3|a few|few|couple) (?:doors|houses) (?:down|over|up)|down the (?:street|block|road)|across the (?:street|way)|around the corner|same (?:street|model|floor ?plan|tract)|comps?|zillow|redfin|zestimate|realtor ?com|appraiser|appraisal|apprais\w+ (?:at|for)|friend|coworker|cousin|brother|sister|(?:an?|the|my|our|his|her) (?:realtor|agent|broker)|(?:they|he|she) (?:sold|got|listed|paid)|vecin[oa]s?|casa de (?:al )?lado|(?:mi|un|una) (?:amig[oa]|compadre|comadre|prim[oa]|herman[oa])|(?:el|la|un|una) (?:agente|realtor|corredor[a]?)|(?:houses?|homes?|places?|casas?) (?:like (?:mine|ours)|around here|nearby|in (?:my|our|the) (?:area|neighborhood|tract|complex)|como la mia|de por aqui|cercanas?))\b/g;
/** The lead speaking for themself again after naming someone else. */
export const FIRST_PERSON =
  /\b(?:i|we|id|wed|im|me|my|our|us|quiero|queremos|quisiera|esperamos|espero|nos|yo|nosotros)\b/;

/** An online estimate: a seller who quotes one and names no figure of their own takes it as theirs. */
export const ESTIMATE = /\b(?:zillow|redfin|zestimate|realtor ?com|trulia|estimate|estimado)\b/;

/** The lead takes a quoted figure as their own: "Zillow says 780 so that", "whatever the neighbours got". */
export const ADOPTS =
  /\b(?:so that|that(?:s| is) (?:fine|good|my number|what (?:i|we) want)|whatever|same as|the same|match(?:es)?|lo mismo|eso)\b/;

/** Wanting more than a figure named before: "worth more", "anything over that", "más que eso", "vale más". */
export const MORE_THAN_THAT =
  /\b(?:at least (?:that|what (?:they|he|she|it) (?:got|sold for|went for))|(?:clear|cover|pay off|payoff|break even on) (?:what (?:we|i) owe|the (?:loan|mortgage|balance))|worth (?:(?:way|much|a lot|a bit|a little|far) )?more|vale (?:(?:mucho|bastante|un poco|algo) )?mas|(?:more|over|above|higher) than (?:that|this|it|what)|(?:seems|sounds|feels|looks) (?:way |kinda |kind of |a bit |a little |too )?low|(?:anything|something|a bit|a little) (?:more|over|above|higher)|over that|above that|mas que eso|mas de eso|(?:arriba|encima) de eso|mas que (?:eso|lo que)|(?:too|muy|demasiado) (?:low|bajo))\b/;

/** Wanting more than the figure quoted next: "more than what zillow says, which is 690", "más de lo que dice Zillow". */
export const MORE_THAN_QUOTED =
  /\b(?:(?:more|higher|better|over|above) than (?:what )?(?:the |my |our )?|mas (?:de lo )?que (?:lo que )?(?:dice |da |marca )?(?:el |la )?)(?:zillow|redfin|zestimate|estimate|appraisal|realtor ?com|trulia|neighbou?rs?|comps?|estimado|avaluo|vecinos?)\b/;

/**
 * Paying off the debt is the least the seller will take: "need to clear what we owe, 480", "gotta
 * cover the mortgage, which is like 480", "para pagar lo que debemos, como 480". (A bare "lo que
 * debemos, como 420" answering the price question is the price itself.)
 */
const CLEARS = String.raw`(?:clear|cover|pay off|payoff|break even on|get out from under) (?:what (?:we|i) owe|the (?:loan|mortgage|balance|payoff|debt)|(?:our|my) (?:loan|mortgage|debt))|(?:pagar|cubrir|liquidar|sacar) (?:lo que (?:debo|debemos)|la (?:hipoteca|deuda))`;
export const CLEARS_DEBT = new RegExp(String.raw`\b(?:${CLEARS})\b`);
export const CLEARS_DEBT_BEFORE = before(
  String.raw`\b(?:${CLEARS})(?:,? (?:which is|that is|thats|its|is|of|que es|que son|son|es)|,)?`,
);

/** Money set aside for something else, said a few words later: "100k from my dad for the down". */
export const SET_ASIDE_LATER =
  /\b(?:for (?:the |a |our |my )?down\b|down ?payment|para (?:el |la )?enganche|de enganche|for closing|in reserves?)/;

/** Money that is not a home price: rent, payments, savings, income. */
export const NOT_PRICE_AFTER =
  /^\s*(?:after (?:paying off|the payoff|(?:we |i )?pay(?:ing)? (?:it )?off|(?:the|our|my) (?:loan|mortgage)(?: is)? (?:paid off|is paid))\b|down|(?:as a |for (?:the |a )?)?down ?payment|(?:para (?:el |la )?|de |of )?(?:enganche|deposit)|(?:in |of |de |for )?rent\b|(?:de |en )?renta\b|a month|per month|monthly|a mo\b|\/mo|mo\b|al mes|mensual|a year|per year|in savings|saved|ahorrad|in equity|de equity|of equity|income|salary)/;
export const NOT_PRICE_BEFORE = before(
  String.raw`\b(?:(?:dropped|fell|rose|jumped|went (?:up|down)|gone (?:up|down)|increased|decreased|bajo|subio)(?: by)?|down payment(?: of)?|enganche(?: de)?|rent(?: is)?|renta(?: de| es)?|make|earn|income(?: of)?|salary(?: of)?|gano|ganamos|saved|ahorrado|deposit(?: of)?|hoa(?: is| of)?|payment(?: is| of| under| around| at)?|pago(?: de| es)?|(?:credit|credit score|fico|fico score|score|credito)(?: is| of| around| es| de)?|(?:[a-z]*day|[a-z]*days|weekend|weekends|tomorrow|today|tonight|morning|afternoon|evening|night|sabado|domingo|lunes|martes|miercoles|jueves|viernes|manana|tarde) (?:after|at|around|by|before|from|a las|despues de las|como a las))`,
);

/**
 * A question that prices something else from a figure ("what would the payment be on 700k?",
 * "closing costs on a 650k house?") holds no figure of the lead's; "could we get 750?" does.
 */
export const QUESTION_START =
  /^\s*(?:(?:so|and|but|ok|okay|hey|hi|also|oh|honestly|idk|wait|um|like|pero|oye|y)(?:\s*,)?\s+)?(?:what|whats|how|would|could|can|do|does|did|is|are|will|should|cuanto|cuanta|cuantos|puedo|podemos|se puede)\b/;
/** A question of its own after the figure: ", y cuánto cobra?", ", but how much…", ", what's next?". */
export const QUESTION_OPENS =
  /(?:,|\b(?:and|but|so|also|y|pero|tambien))\s*(?:(?:and|but|so|also|y|pero|tambien)\s+)?(?:what|whats|how|who|when|where|which|why|do|does|did|is|are|can|could|would|should|will|cuanto|cuanta|cuantos|cuantas|como|que|quien|cuando|donde|se puede|puedo|podemos)\b/;
export const COST_WORDS =
  /\b(?:how much|(?:get|gets|buy|buys) (?:you|me|us)(?! out(?! here| there)\b)|afford|qualify|payments?|monthly|a month|per month|\/mo(?:nth)?|al mes|closing costs?|taxes|tax|commission|fees?|insurance|net|interest|down|cuanto|cuanta|pago|mensualidad|impuestos|comision|enganche)\b/;
export const OBJECT_OF_BEFORE = /\b(?:on|for|of|de|en|por)\s*(?:(?:a|an|the|una?|like|about|around|\$)\s*)?$/;

/** Words that say the figure is a home the lead would buy, or the one they sell. */
export const BUY_WORDS =
  /\b(?:buy|buying|purchase|close on|(?:the |our |a )?(?:new|next) (?:place|house|home|one)|budget|afford|pre[\s-]?approved|approved|pre[\s-]?approval|qualified|spend|comprar|compramos una|presupuesto|preaprobad\w*|preaprobacion|aprobad\w*|gastar)\b/g;
export const SELL_WORDS =
  /\b(?:sell|selling|(?:for|on) (?:our|my) (?:house|home|place|condo)|list it|listing it|asking|lowball\w*|vender|vendo|venderla|vendemos|sacar|pedir|pido|pedimos|(?:ours|mine|(?:our|my) (?:house|home|place|condo)|la (?:mia|nuestra)|mi casa|nuestra casa)(?: is| es)?(?: probably| prob| maybe| like)? (?:worth|vale))\b/g;

/**
 * In a message that speaks of both sides ("we'd want 720 for ours. budget for the next one is
 * 900ish"), the words that put a figure on one side: before it in its sentence, or right after it.
 */
export const SELL_SIDE =
  /\b(?:ours|mine|(?:our|my) (?:current )?(?:house|home|place|condo|townhouse)|this one|la (?:nuestra|mia)|(?:nuestra|mi) casa|list(?:ing)? (?:it )?(?:at|for)|sell(?:ing)?|sale|vender|vendemos|venderla|sacar|go for|worth|vale|(?:por|for) (?:la|nuestra|mi|our|my|the) (?:casa|house|home|place))\b/g;
export const BUY_SIDE =
  /\b(?:(?:the|a|our) (?:next|new|other) (?:one|place|house|home)|the next|la otra|(?:el|la) (?:siguiente|nueva)|spend|budget|afford|look(?:ing)? (?:up to|around|in the)|shop(?:ping)? (?:up to|around|for|in the)|buy(?:ing)?|comprar|presupuesto|gastar)\b/g;
/** Between a figure and the side named right after it: "720 for ours", "700 for the next one". */
export const SIDE_AFTER_GAP = /^ *(?:(?:k|ish|grand) +)?(?:for|on|para|por|de|en) +$/;

/** Joins two figures into a range: "700-750", "between 700 and 750", "de 450 a 500", "800 or 850". */
export const RANGE_JOIN = /^\s*(?:-|to|or|hasta|a|o)\s*(?:(?:about|around|like|\$)\s*)?$/;
export const RANGE_AND = /^\s*(?:and|y|n|&)\s*(?:(?:about|around|\$)\s*)?$/;
export const RANGE_OPEN = /\b(?:between|from|entre|de)\s*(?:(?:about|around|\$)\s*)?$/;
export const RANGE_COMMA = /^\s*,\s*$/;
/** A hedge between two figures is a range: "550, maybe 575", "600 or maybe 650", "600, quizás 650". */
export const RANGE_HEDGE =
  /^\s*(?:\?\s*$|(?:,\s*)?(?:or |o )?(?:maybe|possibly|perhaps|quizas?|tal vez)\s*(?:(?:about|around|like|\$)\s*)?$)/;
