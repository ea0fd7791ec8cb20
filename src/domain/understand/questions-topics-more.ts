import { wordRegex } from '../compliance/text.ts';
import { type TopicRule, YOU } from './questions-topics.ts';

// More wordings of the same question topics, by what the lead is after rather than by keyword:
// a listing's fate ("did it get an offer", "I don't see it anymore"), how we found them, who
// exactly is writing, whether this is a trick, and whether a pre-approval is needed first.
// Same form as TOPIC_RULES (questions-topics.ts); both lists are read for every sentence.

const MY_DETAILS =
  '(?:my|this|our) (?:number|num|phone number|phone|cell|cell number|info|information|contact|contact info|details|name|email)';
const PREAPPROVAL =
  '(?:pre ?approv[a-z]*|prequal[a-z]*|pre ?qual[a-z]*|pre ?aprob[a-z]*|preaprob[a-z]*|(?:loan |mortgage |bank )?approval|(?:approval |lender |bank |pre ?approval )?letter)';

export const MORE_TOPIC_RULES: readonly TopicRule[] = [
  {
    topic: 'listing_status',
    said: [
      wordRegex(
        'what happened (?:w|with|to) (?:that|the|this) (?:one|house|home|listing|place|condo|townhome)|(?:dont|do not|cant|cannot|no longer) (?:see|find) it (?:anymore|any more|online|listed|on (?:zillow|redfin|the site|the app))|(?:if|whether) (?:the|that|this) (?:[a-z0-9]+ ){0,4}(?:is|s) still (?:available|for sale|on the market|up|listed|there)',
      ),
    ],
    asked: [
      wordRegex(
        '(?:get|got|gotten|had|have) (?:an |any |multiple )?offers?(?: already| yet)?$|still around|(?:on|off) the market$|(?:drop|dropped|lower|lowered|reduce|reduced|cut) (?:the )?(?:price|asking)|(?:grab|grabbed|snatched|scooped) (?:it|that one)(?: up)?',
      ),
    ],
  },
  {
    topic: 'how_got_number',
    said: [
      wordRegex(
        `(?:buy|buying|bought|purchase|purchased|pull|pulled|get|got|grab|grabbed) ${MY_DETAILS} (?:from|off|out of)|(?:howd|how d|how did|how do|how does) (?:${YOU} )?(?:find|reach|locate|track down|get to) (?:me|us)|(?:howd|how d|how did|how do) (?:${YOU} )?track (?:me|us) down|(?:is|was) (?:this|it) (?:from|off) (?:the|that|an?|my) (?:open house|sign ?in|sign in sheet|mailer|postcard|flyer|form|ad|website)`,
      ),
    ],
    asked: [],
  },
  {
    topic: 'identity',
    said: [
      wordRegex(
        `(?:texting|talking|speaking|chatting|writing) (?:with|to) (?:jorge|him|the agent|the realtor)(?: himself| herself| directly)? or|(?:jorge|him|he) himself|someone in (?:his|the|your) office|name of (?:your|the|his|this) (?:company|brokerage|office|firm|team|agency|business)|(?:his|your|jorges|the agents) (?:last|full) name|last name$|(?:are|r|is) (?:you|u|this) the same (?:person|guy|lady|company|people|one|number|jorge|agent|realtor) (?:that|who|from|as)|(?:are|r) (?:you|u) with (?:the )?(?:hoa|city|county|bank|lender|irs|government|utility|utilities)|(?:agent|realtor|broker) or (?:a |an )?(?:marketing|lead|call center|telemarketing|telemarketer|investor|wholesaler)`,
      ),
    ],
    asked: [],
  },
  {
    topic: 'scam',
    said: [
      wordRegex(
        '(?:prove|show me) (?:it|this|that|you)(?: (?:is|isnt|are|arent|is not))?(?: (?:real|legit|not spam|spam|a real))?|(?:why|how) (?:should|would|can|could) (?:i|we) (?:trust|believe) (?:a |an |some )?(?:random|this|these|unknown|strangers?|texts?)|(?:ask|asking) (?:me )?for (?:my )?(?:social|ssn|social security|bank|credit card|card number|password)|wire (?:money|funds|you)|too good to be true|whats the catch|sospechos[oa]|se ve (?:medio |muy )?raro',
      ),
    ],
    asked: [],
  },
  {
    // "what's the first step", "how long does it usually take", "do I have to move out before
    // showings", "does it need to be staged", "¿cuándo podemos hacer oferta?", "no sé por dónde empezar".
    topic: 'process',
    said: [
      wordRegex(
        '(?:can|could) (?:we|i) (?:buy|purchase) (?:it|the (?:house|home|place) (?:we|i) (?:rent|live in|are renting))$|(?:whats|what is|what are) the (?:first|next) steps?|where do (?:i|we) (?:even )?(?:start|begin)|(?:no se|ni se) (?:ni )?por donde empezar|por donde (?:empiezo|empezamos|empezar)|how long (?:does|do|will|would|did) (?:it|the whole thing|the process|this|everything|selling|buying|escrow|closing)(?: usually| typically| normally| generally| all)? (?:take|last)|(?:need|needs|have|has) to be staged|(?:cuando|como) (?:podemos|puedo|se puede|puede uno) (?:hacer|meter|poner|presentar) (?:una |la )?oferta|(?:how|when) (?:do|can|should) (?:we|i) (?:make|put in|submit|write) (?:an|the) offer',
      ),
    ],
    asked: [
      wordRegex(
        '(?:need|have) to (?:move out|leave|be out|be home|be there|stage)|staging|stage (?:it|the house|the home)|(?:move|moving) out (?:before|during|for) (?:showings|the showings|listing|escrow)',
      ),
    ],
  },
  {
    // "which one is safer?", "is the Preserve area nice?", "is it far from the 15?", "lowest
    // property taxes", "good parks for the kids", "¿dónde hay menos crimen?"
    topic: 'area_info',
    // "¿qué tal es Rialto para vivir?", "cómo es Fontana para vivir".
    said: [wordRegex('(?:que tal|como) (?:es|esta) (?:[a-z]+ ){1,3}para (?:vivir|familias?|ninos|criar)')],
    asked: [
      wordRegex(
        'safer|safest|crimen|parks?|parques?|(?:area|neighborhood|part|side|zona|colonia) (?:is |s )?(?:nice|good|safe|ok|okay|bonita|buena|segura)|far (?:from|to)|(?:close|near|closer)(?: to)? (?:the )?(?:[0-9]+|freeway|highway|airport|beach|downtown|metrolink|train|mountains)|(?:lowest|highest|low|high|lower|higher) (?:property )?tax(?:es)?',
      ),
    ],
  },
  {
    // "do I have to pay anything upfront?", "¿el comprador tiene que pagarle algo a Jorge?",
    // "after commission and closing what would I actually net?"
    topic: 'fees_commission',
    said: [
      wordRegex(
        'pay (?:anything |something |any money |money )?(?:upfront|up front|out of pocket)|upfront (?:fees?|costs?|payment)|tiene(?:n)? que (?:pagar|pagarle)(?:le)? algo|(?:pagarle|pagar) algo (?:a jorge|al agente|a ustedes)',
      ),
    ],
    asked: [
      wordRegex('(?:actually |really )?net|walk away with|take home|me queda(?:ria)? (?:libre|limpio)'),
    ],
  },
  {
    // "are people even buying in december", "did rancho get more expensive or is it leveling off"
    topic: 'market',
    // "¿cuánto cuestan las casas por aquí?", "how much did the one down the street go for?".
    said: [
      wordRegex(
        'cuanto (?:cuestan|valen|salen|estan) las casas|how much (?:did|do|does) (?:the|that|this) one(?: [a-z0-9]+){0,6} (?:go|goes) for',
      ),
    ],
    asked: [
      wordRegex(
        '(?:people|buyers|anyone|anybody|folks) (?:even |still |actually )?(?:buying|looking|selling)(?: in| right now| now| this time| during| around)|(?:get|got|getting|gotten) (?:more |less )?(?:expensive|cheaper|pricier)|level(?:ing|ed)? (?:off|out)',
      ),
    ],
  },
  {
    // "roughly what % is closing", "who pays for the inspection and appraisal?"
    topic: 'closing_costs',
    said: [
      wordRegex(
        'who (?:pays|covers|pays for|is paying) (?:for )?(?:the )?(?:inspection|appraisal|title|escrow|closing|transfer tax)|what (?:%|percent) (?:is |are |for |of )?(?:closing|closing costs)',
      ),
    ],
    asked: [wordRegex('closing (?:is|are) (?:like )?(?:what|how much)')],
  },
  {
    // "¿en cuánto se vendería mi casa?", "¿en cuánto cree que se venda?"
    topic: 'home_value',
    said: [
      wordRegex(
        '(?:en )?cuanto (?:se )?(?:venderia|venderiamos|vendera|podria vender|podriamos vender)|(?:en |para )?cuanto (?:cree|crees|creen|piensa|piensas|piensan|calcula|calculas) que (?:se |la |lo )?(?:venda|vende|venderia|vale|puedo vender|podemos vender|podria vender)',
      ),
    ],
    asked: [],
  },
  {
    topic: 'preapproval_needed',
    said: [
      wordRegex(
        `(?:look|looking|see|seeing|tour|touring|shop|shopping|start looking)(?: at)?(?: (?:houses|homes|places))? (?:before|without) (?:we |i )?(?:talk(?:ing)? to|get(?:ting)?|hav(?:e|ing)|contact(?:ing)?|go(?:ing)? to|call(?:ing)?) (?:a |the |our |my )?(?:lender|bank|loan officer|mortgage|approval|letter)|offers? without (?:a |an |the )?(?:letter|pre ?approv[a-z]*|approval|lender)|(?<!\\bno )${PREAPPROVAL}(?: thing| letter)? (?:required|optional|necessary|needed|a must|mandatory|a requirement)`,
      ),
    ],
    asked: [
      wordRegex(`(?:need|needs|have to|has to|must|gotta|require|requires) (?:a |an |the )?${PREAPPROVAL}`),
    ],
  },
  {
    // "como comprador tengo que pagarle algo a usted?", "after your cut", "redfin does 1.5%, can you
    // match that".
    topic: 'fees_commission',
    said: [
      wordRegex(
        '(?:tengo|tenemos|tendria|tendriamos) que pagar(?:le|les)? (?:algo|a usted|a ustedes|a jorge)|after (?:your|his|the realtors|the agents) cut|(?:can|could|would|will) (?:you|jorge) match (?:that|(?:their|the|that) (?:fee|rate|commission))',
      ),
    ],
    asked: [],
  },
  {
    // "did the Alta Loma one with the view sell already?", "any price drop on the Upland 4 bed?"
    topic: 'listing_status',
    said: [],
    asked: [
      wordRegex(
        '(?:did|has) the (?:[a-z0-9]+ ){1,6}(?:sell|sold|go pending|gone pending|close)|(?:any|a) (?:price drop|price cut|price reduction|reduction|drop) on the',
      ),
    ],
  },
];
