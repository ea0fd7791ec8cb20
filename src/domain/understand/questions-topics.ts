import { wordRegex } from '../compliance/text.ts';
import type { QuestionTopic } from './types.ts';

// Word lists for the topics of questions leads ask, English and Spanish, over flattened text
// (lower case, no accents, no apostrophes: "how'd u get my #" → "howd u get my number").
// `said`: the words are a question by themselves, typed with or without "?" ("who dis",
// "scam", "email me instead"). `asked`: topic words that only make a question when the
// sentence is asked ("closing costs?" yes, "closing next week" no).

export interface TopicRule {
  topic: QuestionTopic;
  said: readonly RegExp[];
  asked: readonly RegExp[];
}

/** "how does this work", "what's the process": the steps asked for by name. */
export const HOW_IT_WORKS =
  '(?:whats|what is) the process|how does (?:it|this|that|the process|this all|all this|buying|selling|it all) work';

export const YOU = '(?:you|u|ya|yall|you guys|u guys|you all|y all|jorge|he|she|they|your team|your office)';
const MY_DETAILS =
  '(?:my|this|our) (?:number|numbr|numba|num|phone number|phone|cell|cell number|digits|info|information|contact|contact info|details|address|email|name|data)';
const AGENT = '(?:agent|realtor|broker|real estate agent|rep)';
const HOUSE = '(?:house|home|place|property|condo|townhouse|townhome|casa|one|unit|lot)';
const WORD = '[a-z0-9%.]+';
const LANGUAGE = 'spanish|espanol|english|ingles';

export const TOPIC_RULES: readonly TopicRule[] = [
  {
    topic: 'how_got_number',
    said: [
      wordRegex(
        `(?:how|where|why|when|whered)(?: else)? (?:did |do |does |would |d )?(?:${YOU} )?(?:even |ever |actually |really )?(?:get|got|find|found|obtain|have|has|pull|buy|bought) ${MY_DETAILS}`,
      ),
      wordRegex(`howd (?:${YOU} )?(?:get|find) ${MY_DETAILS}`),
      // "how'd you get ahold of me", "what list did you get my number from", "who'd you get it from"
      wordRegex(
        `(?:how|howd|where|whered) (?:did |do |d )?(?:${YOU} )?(?:get|got|find|found) (?:a ?hold|hold) of (?:me|us)|(?:what|which) (?:list|site|website|database|company|app|form|source) (?:did |do |are )?(?:${YOU} )?(?:get|got|find|found|pull|buy|bought|using)|(?:who|where|whod|whered) (?:did |d )?(?:${YOU} )?(?:get|got) (?:it|this|that|${MY_DETAILS}) from|who (?:is|was) (?:giving|selling|passing) (?:out )?${MY_DETAILS}`,
      ),
      wordRegex(`who (?:gave|sold|shared|passed) (?:${YOU} )?${MY_DETAILS}`),
      wordRegex(
        `(?:how|where) (?:did|do|does|would) (?:${YOU}) (?:find|get|reach) (?:me|us)|(?:sell|sold|give|gave) (?:${YOU}) ${MY_DETAILS}`,
      ),
      wordRegex(
        '(?:dont|do not|never|cant|cannot) (?:remember|recall) (?:ever )?(?:signing|giving|sign|putting|filling|asking|requesting|registering)',
      ),
      wordRegex(
        `(?:bought|sold|got|get|pull|pulled|took|grab|grabbed|scrape|scraped|find|found) ${MY_DETAILS} (?:from|off|on|out of|in)`,
      ),
      // "where my phone number came from", "are you buying lists or something?"
      wordRegex(
        `${MY_DETAILS} (?:came|come|comes|coming) from|(?:buying|buy|bought|selling|using|use|purchase|purchased) (?:lists|leads|data|phone lists|call lists|numbers|phone numbers|peoples numbers)`,
      ),
      wordRegex(
        '(?:como|de donde|por que|porque) (?:es que )?(?:ustedes )?(?:tienen|tiene|tienes|saben|sabe|consiguieron|obtuvieron|sacaron) (?:mi|mis|nuestro|nuestra|nuestros|nuestras) (?:numero|telefono|celular|nombre|direccion|informacion|info|datos|correo|contacto)',
      ),
      wordRegex(
        'i (?:never|didnt|did not) (?:gave|give|sign|signed|ask|asked|opt|opted|put|request|requested)(?: up| in| for)?(?: you| u| anyone| it| my number| my info| this| anything)*',
      ),
      wordRegex(
        '(?:como|de donde|donde|por que|quien) (?:le |les |te |me )?(?:consiguio|consiguieron|conseguiste|obtuvo|obtuvieron|saco|sacaron|sacaste|tiene|tienen|tienes|dio|dieron|paso|pasaron) (?:mi|mis|este|esta) (?:numero|telefono|celular|cel|informacion|info|datos|correo|direccion|contacto)',
      ),
      wordRegex('nunca (?:les |le |te )?(?:di|dimos|he dado|di permiso|me registre|me inscribi|pedi)'),
      wordRegex(
        `(?:whered|wheres|howd|how d|where d) (?:${YOU} )?(?:get|got|find|found|pull|buy) ${MY_DETAILS}`,
      ),
      // "how do you know who I am", "how do you know I'm selling", "¿cómo sabe mi nombre?"
      wordRegex(
        `how (?:do|did|does|would|could) ${YOU} (?:even |already |guys )?know (?:who (?:i|we) (?:am|are)|(?:that )?(?:im|i am|were|we are|i was|we were|i want|we want|i have|we have|i own|we own)|(?:my|our) (?:name|address|house|home|number|situation|plans)|about (?:me|us|my|our)|where (?:i|we) live)`,
      ),
      wordRegex(
        '(?:como|de donde|por que) (?:me |nos )?(?:sabe|saben|sabes|conoce|conocen|conoces) (?:mi|mis|nuestro|nuestra|que (?:vendo|quiero|queremos|vendemos))|(?:mi|mis|el|este) (?:numero|telefono|celular|informacion|info|datos|correo|contacto) (?:de donde|donde|como|quien) (?:lo |la |los |las |se )?(?:sacaron|consiguieron|obtuvieron|sacaste|conseguiste|saco|consiguio|dio|dieron|paso)',
      ),
      // "is this from that zillow thing I clicked", "did I fill something out?"
      wordRegex(
        '(?:is|was) (?:this|it|that) (?:from|because of|about|through) (?:that|the|a|an|my|some) (?:[a-z]+ ){0,3}(?:thing|form|ad|site|website|app|survey|listing|inquiry|request|post|click|sweepstakes|giveaway|signup|sign up)|did (?:i|we) (?:fill (?:something|anything|a form|out|in)|sign up|opt in|register|request|submit|click)|(?:es|fue) (?:de|por) (?:ese|esa|el|la|un|una) (?:[a-z]+ ){0,2}(?:anuncio|formulario|pagina|encuesta)',
      ),
      wordRegex(
        `how (?:are|r|is|can|did|come) ${YOU} (?:even |still )?(?:texting|txting|calling|contacting|messaging) (?:me|us)(?: (?:if|when|im|i am|my number|were|this number))?$`,
      ),
    ],
    // "was this from the open house sign in sheet?", "¿fue por lo de Zillow que llené?"
    asked: [
      wordRegex(
        '^(?:(?:so|oh|ah|ok|wait|hey|hmm) )*(?:is|was|did) (?:this|it|that|you) (?:come |get it )?(?:from|because of|through|thru|off|via) (?:the|that|a|an|my|some|our|zillow|redfin|realtor|facebook|instagram|google)|^(?:(?:so|oh|ah|ok|wait|hey|hmm) )*(?:is|was) (?:this|it|that) (?:the|that|a|an|your) (?:mailer|postcard|flyer|letter|ad|form|survey|sign ?in sheet|open house|website|site|app|zillow|redfin)|(?:fue|es) por (?:lo de|lo del|el|la|ese|esa|un|una)',
      ),
    ],
  },
  {
    topic: 'scam',
    said: [
      wordRegex(
        'scam|scams|scammer|scammers|scamming|scammy|fraud|fraudulent|phishing|estaf[a-z]*|fraude|enganando|engano',
      ),
      wordRegex('(?:is|are|r) (?:this|that|it|you|u|ya|yall) (?:for real|fr)'),
      wordRegex(
        `(?:is|are|r) (?:this|that|it|you|u|ya|yall|you guys) (?:even |really |actually )?(?:legit|legitimate|real)`,
      ),
      wordRegex(
        '(?:youre|ur|this is|thats|this|sounds|seems) (?:not )?(?:legit|legitimate|sketchy|shady|fishy|sus)',
      ),
      wordRegex('how (?:do|can|would) (?:i|we) (?:know|tell|trust|verify)'),
      wordRegex(
        '(?:es|esto es|eso es|son) (?:real|reales|de verdad|en serio|confiable|legal|legitimo) ?(?:esto|eso)?|es (?:esto|eso) (?:real|de verdad|legitimo|confiable|legal)',
      ),
      /^(?:legit|real|fr|for real)$/,
      // "is this a real company?", "are you a legit business", "is this some lead gen thing"
      wordRegex(
        `(?:is|are|r) (?:this|that|it|you|u|ya|yall|you guys|jorge|he) (?:even |really |actually )?(?:a |an )?(?:real|legit|legitimate|registered|actual|licensed) (?:company|business|brokerage|office|firm|agency|realty|outfit|operation)|lead gen|lead generation|(?:es|son) (?:una )?(?:empresa|compania|oficina) (?:real|de verdad|legitima|seria)`,
      ),
    ],
    asked: [wordRegex('legit|legitimate|trustworthy|confiable|spam')],
  },
  {
    topic: 'identity',
    said: [
      wordRegex(
        'who (?:is|s|dis|dat|this|tf|the hell|the heck|dat|is dis)(?: is)? ?(?:this|that|dis|texting|messaging|writing|sending|it|here)?|whos (?:this|that|dis|texting|messaging|jorge)|who dis|who (?:are|r) (?:you|u|ya|yall|you guys)|who r u|whom? am i (?:even |actually |really |exactly |currently )?(?:talking|speaking|texting|chatting|writing) (?:to|with)|who (?:do )?(?:you|u|ya) (?:work for|work with|represent|with)|who (?:sent|send) (?:me )?(?:this|these|that)',
      ),
      wordRegex('do (?:i|we) know (?:you|u|ya|him|jorge)|i dont know (?:a|any|who) (?:jorge|you)'),
      /^(?:who|quien|who again|who now|sorry who|perdon quien|and you are|you are|and u are|y usted es|y tu eres)$/,
      wordRegex(
        '(?:what|which) (?:company|brokerage|office|firm|agency|team|realtor|agent|broker|realty)|(?:brokerage|company) (?:are|r) (?:you|u)|^(?:are|r) (?:you|u|ya|yall) (?:from|with|part of|working for|working with)(?! (?:here|around here|the area|california|ca)$)(?= [a-z])',
      ),
      wordRegex(
        `(?:what|whats) (?:is )?(?:this|it) (?:about|regarding|for|in regards to)|(?:what|whats) (?:is )?this$|^(?:what|whats|que es|que) (?:is )?(?:this|esto)$|^(?:wtf|wth|tf|what the (?:hell|heck|fuck|f)) (?:is )?(?:this|dis|that)$`,
      ),
      wordRegex('(?:is|are) (?:this|u|you) (?:jorge|the agent|the realtor|his assistant)'),
      wordRegex(
        'quien (?:habla|es|eres|me escribe|me habla|me manda|me texteo|manda|escribe|son|sera)|de parte de quien|con quien (?:hablo|estoy hablando|tengo el gusto)|que es esto|(?:que|cual) (?:compania|empresa|oficina|agencia|inmobiliaria)',
      ),
      // "¿viene Jorge en persona?", "¿viene él?"; not "viene el bebé".
      wordRegex('(?:va a venir|viene|vendra) (?:(?:jorge|el agente)(?: en persona)?|el(?: en persona)?$)'),
    ],
    asked: [wordRegex('your name|his name|su nombre|tu nombre')],
  },
  {
    topic: 'licensed',
    said: [
      wordRegex(
        `(?:are|r|is) (?:you|u|ya|yall|you guys|jorge|he|she) (?:even |really |actually )?(?:a |an )?(?:licensed|licenced|real|actual|legit|legitimate|certified|registered) (?:agent|realtor|broker|real estate agent|agents|realtors)(?! or (?:a |an |just )?(?:bot|robot|ai|machine|computer|human|person|real person))|(?:are|r|is) (?:you|u|ya|yall|you guys|jorge|he|she) (?:even |really |actually )?(?:a )?(?:licensed|licenced)|(?:esta|es|estas|eres) (?:usted |el )?(?:licenciad[oa]|certificad[oa])|(?:tiene|tienes|tienen) (?:su |tu )?licencia|dre (?:number|license|lic)|license number|numero de licencia|how (?:long|many years) (?:have|has) ${YOU} been`,
      ),
    ],
    asked: [
      wordRegex(
        `license|licence|licensed|licenced|unlicensed|licencia|licenciado|dre|credentials|certified|how long have ${YOU} (?:been|worked|done|doing)|years (?:of experience|in (?:the business|real estate))|experience|experiencia|cuanto tiempo (?:lleva|tiene)`,
      ),
    ],
  },
  {
    topic: 'preapproval_needed',
    said: [
      // "can we look first and do the loan stuff later?"
      wordRegex(
        '(?:look|looking|see|seeing|tour|touring|shop|shopping|view|viewing)(?: at)?(?: (?:houses|homes|places))? first (?:and |then )*(?:do|get|deal with|worry about|handle|figure out|sort out)(?: the)? (?:loan|mortgage|financing|approval|pre ?approval|lender|bank)',
      ),
      wordRegex(
        `(?:before|without|prior to) (?:getting |being |a |an |the )?(?:pre ?approv${WORD}|prequal${WORD}|pre qual${WORD}|pre aprob${WORD}|preaprob${WORD})`,
      ),
      wordRegex(
        // Not "all cash so no preapproval needed": said, not asked.
        '(?<!\\bno )pre ?approv[a-z]* (?:letter )?(?:required|necessary|needed|a must|mandatory)|(?:es|sea) (?:necesari[oa]|obligatori[oa]) (?:estar |la |tener )?(?:pre ?aprob[a-z]*|preaprob[a-z]*)',
      ),
      wordRegex(
        'difference between (?:pre ?qual|pre ?approv|pre ?aprob)[a-z]*|diferencia entre (?:pre ?calif|pre ?aprob|pre ?qual)[a-z]*',
      ),
    ],
    asked: [
      wordRegex(
        `(?:need|needs|have|has|required|require|should|must|gotta|necesito|necesita|necesitamos|hay que|tengo que|tenemos que|debo|debemos|ocupo) (?:${WORD} ){0,3}(?:pre ?approv${WORD}|pre ?approval|prequal${WORD}|pre qual${WORD}|pre aprob${WORD}|preaprob${WORD}|approved|a letter|la carta|(?:loan|lender|bank|approval|pre ?approval) letter|letter from (?:a|the|my) (?:lender|bank)|carta (?:del|de) (?:banco|prestamista|aprobacion|preaprobacion))`,
      ),
    ],
  },
  {
    topic: 'switch_to_email',
    said: [
      // An address given with "send them there": "mi correo es …, mándeme casas ahí".
      wordRegex(
        'email (?:[a-z]+ ){0,3}(?:send|mandar|mande|mandeme|mandame|envie|enviame|envieme|enviar) (?:me |us )?(?:[a-z]+ ){0,3}(?:there|ahi|alli|that way|to it|to that)',
      ),
      wordRegex(
        `email me|e mail me|mail me|(?:by|via|through|over|thru|in an?|an) e ?mail|(?:email|e mail)(?: is| would be| works)? (?:better|easier|best|instead|please|pls|works better)|(?:send|forward|shoot|mail) (?:${WORD} ){0,4}(?:to|at) (?:my )?(?:e ?mail|inbox|gmail|yahoo|hotmail)|e ?mail only|only (?:by |via )?e ?mail|(?:can|could|would) (?:you|u) (?:just )?e ?mail|prefer e ?mail|rather (?:do )?e ?mail`,
      ),
      wordRegex(
        `(?:por|a mi|al|mi) (?:correo|email|e mail|mail)(?! es)|(?:mandar|mande|mandame|mandeme|envie|enviar|enviame|envieme|escribame|escribeme) (?:${WORD} ){0,3}(?:un )?(?:correo|email|e mail)|mejor (?:por )?(?:correo|email)|solo (?:por )?(?:correo|email)`,
      ),
    ],
    asked: [wordRegex('e ?mail|correo')],
  },
  {
    topic: 'listing_status',
    said: [],
    asked: [
      wordRegex(
        `still (?:available|avail|for sale|on the market|up|listed|open|active|there|a thing)|available|avail|availible|availabe|avalable|(?:is|was) (?:it|that|that one|this one|the house|the home|the place) (?:sold|pending|gone|taken|still (?:up|there))|(?:has|have) (?:it|they|that one|the seller|the sellers) (?:had|gotten|received|got) (?:any )?offers|pending|under contract|in escrow|contingent|off the market|(?:did|has) (?:it|that|that one) (?:sell|sold|close|closed|go|gone)|(?:did|has) (?:the|that|this) (?:${WORD} ){1,4}(?:sell|sold|close|closed|go pending|gone pending)|todavia (?:la|lo|las|los) (?:venden|tienen|vende)|(?:la|lo) siguen vendiendo|sell yet|sold yet|how many offers|any offers|offers (?:on|in)|disponible|(?<!(?:poner|ponerla|ponerlo|ponemos|pongo|ponga) )a la venta|se vendio|vendida|ya se vendio|todavia esta|sigue (?:a la venta|disponible|en venta)`,
      ),
      wordRegex(
        `(?:see|tour|view|visit|look at|check out|ver|visitar) (?:the|that|this|la|el|esa|esta) ${HOUSE}`,
      ),
    ],
  },
  {
    topic: 'home_value',
    said: [
      wordRegex(
        `(?:what|how much) (?:${WORD} ){0,5}(?:worth|value|valued|valuation)|(?:see|know|find out|check|curious) (?:${WORD} ){0,3}(?:what|how much) (?:${WORD} ){0,3}(?:worth|sell for|get for|get)|(?:what|how much) (?:${WORD} ){0,6}(?:sell|selling|list|go|went|get|sold|listed|going|listing) (?:(?:it|my|our|the|this|that|house|home|place|condo|property|casa) ){0,3}for|(?:what|how much) (?:${WORD} ){0,3}(?:list|price|sell) (?:it |my house |our house |the house |my home |our home )?at$`,
      ),
      wordRegex(
        `what (?:are|r|have|did|do) (?:the )?(?:similar|comparable|homes like|houses like|ones like|places like|other) (?:${WORD} ){0,4}(?:getting|get|going for|go for|selling for|sell for|sold for|gone for|went for)`,
      ),
      wordRegex(
        `how much (?:would|will|could|can|do|did) (?:${YOU}) (?:pay|give|offer)(?: me| us)?(?: cash)? for`,
      ),
      wordRegex(
        '(?<!(?:looking at|checking|checked|based on|after|saw|seen|pulled|ran)(?: the| some)? )comps|comparables|comparable sales|cma|market analysis|home valuation|what (?:do|would|did) (?:you|u) think (?:its|it is|it would|my|our|the house|the place|we could|we can|i could|i can)',
      ),
      wordRegex(
        `cuanto (?:vale|valdria|cuesta|me dan|me darian|podria (?:sacar|pedir|vender))|cuanto (?:${WORD} ){0,3}(?:vale|valdria|valga|valdra)|valor de (?:mi|la|nuestra) casa|que (?:precio|valor) tiene`,
      ),
    ],
    asked: [
      wordRegex(
        // "is it even worth talking?", "worth a shot?": worth the trouble, not the home's value.
        'worth(?! (?:it|talking|talk|my time|your time|the (?:time|trouble|effort|wait|hassle)|a (?:shot|try|call)|trying|calling|waiting|asking|checking|looking))|value|price|precio|valor|sell for|get for|zestimate|appraisal|appraise|zillow (?:says|said|estimate|value|thinks|has it)|redfin (?:says|said|estimate)',
      ),
    ],
  },
  {
    topic: 'fees_commission',
    said: [
      wordRegex(
        '(?<!(?:save|saving|skip|avoid|pay no|paying no) (?:the |on |a |any )?)(?:commission|commissions)|comision|honorarios|(?:only )?if (?:its|it is|this is|thats) free|(?:not|im not|i am not|wont be|aint) paying (?:for|you|a)',
      ),
      wordRegex(
        '(?:what|how much) (?:do |would |will |does |did )?(?:you|u|ya|jorge|he|yall|you guys|u guys) (?:charge|take|cost|get|make)|(?:cuanto|que) (?:me |nos |le )?cobr[a-z]*|(?:your|ur|his) (?:rate|cut|fee|fees|percentage|charge)|(?:do|take|charge|work for|list (?:it )?for|go down to|accept) [0-9.]+ ?(?:%|percent)',
      ),
    ],
    asked: [
      wordRegex(
        '(?<!hoa |hoa dues |hoa and |mello roos |title |escrow |closing )(?:fee|fees)|charge|charges|cost me|costs me|(?:what|how much) (?:does|will|would|is) (?:it|this|that) (?:cost|gonna cost)|pay (?:you|u|the (?:agent|buyers? agent|realtor))|percent|%|free|cobran|cobra|cobrar|cuesta el servicio|(?:buyers?|selling|listing) (?:agent )?(?:fee|side)',
      ),
      wordRegex(`who pays (?:the )?(?:buyers? )?${AGENT}`),
    ],
  },
  {
    topic: 'closing_costs',
    said: [
      wordRegex(
        `closing cost|closing costs|gastos de cierre|costos de cierre|costo de cierre|net sheet|(?:how much|what) (?:${WORD} ){0,4}(?:walk away with|end up with|left with|take home|net)`,
      ),
    ],
    asked: [
      wordRegex(
        'closing|escrow|walk away with|(?:end up|left) with (?:after|in)|title (?:fees|insurance|company)|who pays (?:for )?(?:the )?(?:title|escrow|transfer tax)|transfer tax|take home|net|after everything|cierre|el escrow',
      ),
    ],
  },
  {
    topic: 'market',
    said: [
      wordRegex(
        'buyers market|sellers market|(?:hows|how is|how s) the market|how long (?:do|are|will) (?:houses|homes|listings|properties|places) (?:take|sit|stay|last|taking|sitting)',
      ),
      // "how are sales lately", "how's the market looking in Chino", "¿cómo anda el mercado?"
      wordRegex(
        '(?:how|hows) (?:are|is|s|re|have|has)? ?(?:home |house )?(?:sales|prices|values|things selling|the market|real estate|the housing market|housing)(?: been| doing| looking| going| lately| out there| around here| in| these days| right now| now|$)|(?:como|que tal) (?:anda|andan|esta|estan|va|van|se ve|se ven) (?:el mercado|los precios|las ventas|las tasas|las casas|el market)',
      ),
      // Prices and pace in general, not the lead's own house: "what are houses going for in
      // Alta Loma", "¿están vendiéndose rápido las casas?", "los precios están bajando o qué".
      wordRegex(
        `what (?:are|r|do|have|is) (?:the )?(?:houses|homes|places|properties|condos|townhomes|casas|prices)(?: [a-z]+){0,3} (?:going|selling|sell|listing|list|go|gone|went|sold|getting) (?:for|at)|(?:precios|casas) (?:[a-z]+ ){0,2}(?:estan |van a |siguen )?(?:bajando|subiendo|bajar|subir|cayendo|caer)|(?:estan |se estan )?(?:vendiendose|se venden|se estan vendiendo) (?:rapido|lento|bien)|vale la pena (?:vender|comprar|esperar)|conviene (?:vender|comprar|esperar)`,
      ),
    ],
    asked: [
      wordRegex(
        'market|upper hand|buyers or sellers|(?:its|it is|now is|is now|is it|if its|if now is|if it is|if now|whether its|whether now is) (?:a |the )?(?:good|bad|right|better|smart) time$|concessions|seller credits|(?:dip|dipped|dipping|tank|tanking|tanked|crash|crashing|plummet[a-z]*|plunge) ?(?:yet|soon|again|next year|this year)?$|(?:about to|going to|gonna) (?:tank|crash|dip|drop|fall|pop)|(?:better|worse|best|worst|dumb|smart|wise|crazy|stupid|bad idea|good idea|a mistake|silly) (?:time |month |season )?to (?:list|sell|buy|wait)(?! first| before| after| or (?:buy|sell|list))|prices|pricing|home values|house values|property values|values (?:going|gone|went|dropping|rising|falling|up|down)|housing|median|average (?:price|sale|sales|home|house|days)|days on (?:the )?market|over asking|above asking|below asking|under asking|over list|multiple offers|bidding wars?|appreciat[a-z]*|tasas|intereses|(?:good|bad|right|smart|wise|great|terrible|worst|dumb|ok|okay|better|ideal|best) (?:time|moment|idea|year|season) (?:to|for) (?:sell|buy|list|purchase|move|get in)|(?:dumb|smart|wise|crazy|stupid|silly|bad idea|good idea) to (?:sell|buy|list|wait) (?:now|right now|rn|this year|in this)|(?:buen|mal|mejor|peor) (?:momento|tiempo) (?:para|de) (?:vender|comprar)|(?:se|estan) (?:estan )?vend(?:en|iendo)|ventas|sellers or buyers|(?:houses|homes|things|properties|places|condos|listings) (?:still )?(?:selling|sell|going|moving|sitting) (?:fast|quick|quickly|slow|slowly|long)|(?:get|make|net) more if (?:i|we) (?:wait|hold)|(?:should|do|would) (?:i|we) (?:wait|hold off|hold)|what (?:does|do|would|will|can) (?:[a-z0-9]+ ){1,3}(?:get|buy) (?:you|u|me|us|one|ya)|prices (?:dip|dipping|dropping|go down|going down|come down|coming down|go up|going up)|prices (?:go|going|drop|dropping|fall|falling|rise|rising|come|coming|headed|gonna|ever|will)|bubble|crash|correction|slowing down|slow down|heating up|cooling|(?:sell|buy|list) now or (?:wait|later)|now or later|how (?:fast|quick|quickly) (?:are|do|will|is) (?:homes|houses|things|properties|places|condos)|(?:are|r) prices|where are prices|interest rates|rates|good time to (?:sell|buy|list)|when (?:would|is|will) (?:it )?(?:be )?(?:best|the best time|a good time)|(?:better|smart|best) to wait|wait (?:til|till|until|for)|competitive|inventory|homes for sale (?:right now|now)|a lot of (?:homes|houses|inventory)|sit on the market|houses (?:selling|sell) (?:fast|quickly)|mercado|buen momento|tardan en vender|precios',
      ),
    ],
  },
  {
    topic: 'area_info',
    said: [],
    asked: [
      wordRegex(
        'safe|safety|crime|dangerous|schools?|school district|good area|good areas|best area|best areas|what areas?|which areas?|what part(?! of (?:no|stop|not)\\b)|which part|neighborhoods?|commute|traffic|family friendly|kid friendly|good (?:for|with) (?:kids|families|family|children|retirees)|for families|for a family|things to do|escuelas?|seguro|segura|peligroso|zona|zonas|que areas|que area|vecindario|colonia',
      ),
    ],
  },
  {
    topic: 'process',
    said: [
      wordRegex(HOW_IT_WORKS),
      wordRegex(
        '(?:walk|talk|take) (?:me|us) through|explain (?:the process|the steps|how (?:it|this|that|selling|buying|listing) works)|(?:tell|show) (?:me|us) how (?:it|this|selling|buying|listing) works',
      ),
    ],
    asked: [
      wordRegex(
        `process|steps|how long does it take|(?:are|r|do|would|will|can) (?:you|u|you guys|yall|jorge|he|they) (?:the ones (?:who|that) |guys (?:who|that) )?(?:trying to |going to |gonna |wanting to |want to |looking to )?(?:buy|flip|purchase|make (?:an )?offers?|make cash offers|buy houses)|(?:hay que|tengo que|tenemos que|debo|debemos|necesito|necesitamos|ocupo|ocupamos) (?:arreglar|reparar|pintar|limpiar|preparar|firmar|pagar|componer)|cuanto (?:tiempo )?(?:tarda|tardaria|tardara|toma|tomaria|se tarda|se tardaria|lleva|llevaria) (?:en )?(?:vender|venderse|venderla|comprar|cerrar|el proceso|todo)|involved in (?:listing|selling|buying)|(?:sell|buy|selling|buying) and (?:buy|sell|buying|selling) at the same time|make (?:any )?repairs|fix (?:anything|stuff|things|it up)|inspections?|appraisals?|contingenc[a-z]*|earnest money|how do (?:offers?|showings?|inspections?|appraisals?|contingencies|bids|counter ?offers?) work|fha|va loan|conventional loan|how long (?:to|will it take to) (?:sell|buy|close)|what happens (?:after|next|when|if|at)|do (?:i|we) (?:need|have) to (?:sign|fix|repair|prepare|stage|clean|do|bring|pay|get|be)|(?:have|need) to (?:sign|fix|repair|prepare|stage)|sign (?:anything|something|a contract)|contract|listing agreement|open houses?|down payment|(?<![0-9.])[0-9.]+ ?(?:%|percent) down|how does (?:${WORD} ){1,8}work|is it possible to (?:buy|sell|do it|close|list|get)|es posible (?:comprar|vender|hacerlo)|se puede comprar|bankruptcy|credit|loan|mortgage|afford|qualify|programs?|first time buyers?|itin|new build|need a realtor|(?:buy|sell) first|when can we start|how do we start|where do (?:i|we) start|(?:get|getting) started|how do (?:we|i) (?:start|begin)|next steps?|^(?:so )?(?:whats|what is|what are|what s) (?:next|the next step|the next steps)$|how (?:do|would|can|does|should) (?:i|we|one) (?:sell|buy|list|go about|qualify|apply)|self employed|1099|w2|income|student loans?|debt|credit score|citizen|green card|visa|daca|como (?:le hago|hago|hacemos|funciona|empiezo|empezamos|se hace)|(?:que|what) (?:necesito|necesitamos|ocupo|ocupamos|documents|papers|papeles|documentos|do (?:i|we) need (?:to (?:do|have|bring|get)|for))|how long (?:is|does|will|would) (?:escrow|closing|the process|it take|inspection)|(?<!(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo|manana|tarde|noche|semana|hoy|las [0-9]+) )se puede(?! (?:el|este|ese|a las|en la (?:manana|tarde|noche)|hoy|manana|lunes|martes|miercoles|jueves|viernes|sabado|domingo)\b)|programas?|primeros compradores|pasos|proceso`,
      ),
    ],
  },
];

/**
 * "other": requests that are a question for us even without a question form (call me, write in
 * Spanish, let me talk to Jorge, why do you need to know), and asked ones (do you speak Spanish?).
 */
export const OTHER_RULE: TopicRule = {
  topic: 'other',
  said: [
    wordRegex(
      '(?<!(?:dont|not|never|stop|quit) )(?:call|ring|phone) (?:me|us)(?! (?:crazy|old|names|out|back when))|give (?:me|us) a (?:call|ring)|(?:can|could) (?:you|u|we) (?:just )?(?:call|talk on the phone|do (?:it|this) (?:over|on) the phone|do (?:a )?(?:zoom|video|facetime))|llameme|llamame|llamenme|me (?:puede|pueden|puedes) llamar',
    ),
    wordRegex(
      `(?:switch|change|cambiar|cambia|cambie|pasar|go back) (?:it )?(?:to|a|al) (?:${LANGUAGE})|(?:in|en) (?:${LANGUAGE}) (?:please|pls|plz|por favor)|(?:text|write|speak|talk|reply|respond|message|escribir|escribirme|escribeme|escribame|hablarme|textear|mandar|contestar|contestarme) (?:${WORD} ){0,2}(?:in|en) (?:${LANGUAGE})|(?:${LANGUAGE}) (?:please|pls|plz|por favor)|^(?:${LANGUAGE})$|(?:keep|stay) (?:it |this )?in (?:${LANGUAGE})|mejor en (?:${LANGUAGE})`,
    ),
    wordRegex(
      '(?:talk|speak|hablar|platicar) (?:to|with|con) (?:jorge|a (?:real )?(?:person|human)|someone|the agent|el agente|una persona)(?: directly| directamente)?|(?:put|get) (?:me )?(?:a )?(?:real )?(?:person|human|someone real) on|(?:get|give) me (?:a )?(?:real )?(?:person|human)',
    ),
    wordRegex(
      'why (?:the hell |the heck |on earth )?(?:do|does|would|should) (?:you|u|that|it|this) (?:need|want|care|matter|ask)|why (?:are|r) (?:you|u) asking|why (?:the hell |the heck |on earth )?does (?:that|it|this) matter|(?:y )?a (?:ti|usted|ustedes) que (?:te|le|les) importa|para que (?:quiere|quieres|necesita|necesitas) saber|por que (?:pregunta|preguntas|quiere saber)',
    ),
    /^(?:why|why tho|why though|por que|para que)$/,
    wordRegex(
      'what (?:do|does) (?:you|u|ya|yall|you guys|he|jorge) (?:even |actually |really )?want(?: from (?:me|us))?$|que (?:quiere|quieren|quieres) (?:de mi|de nosotros|conmigo)?$',
    ),
  ],
  asked: [
    wordRegex(`(?:${LANGUAGE})$|(?:speak|habla|hablas|hablan|hablar) (?:${LANGUAGE})`),
    // "my husband can only do after 6, is that ok?"
    wordRegex(
      '(?:is|would|will) (?:that|it|this) (?:be )?(?:ok|okay|fine|alright|all right|cool|a problem)$',
    ),
    // "¿ustedes también manejan rentas?", "do you guys do rentals too?": a service we may not offer.
    wordRegex(
      '(?:manejan|maneja|hacen|hace|ayudan con|ayuda con|trabajan con|do|handle|help with|work with) (?:tambien |also |too )?(?:rentas|rentals?|renting|leases|leasing|property management|alquileres|administracion de propiedades|commercial|comercial|land|terrenos)',
    ),
  ],
};
