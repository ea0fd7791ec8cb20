import { wordRegex } from '../compliance/text.ts';
import { HOW_TO_GET } from '../language/financing.ts';
import { type TopicRule, YOU } from './questions-topics.ts';

// Everyday wordings of the question topics that name the situation rather than the topic: touring
// before the lender, what a tract is fetching, how long homes take to sell here, what living in a
// city is like, whether meeting the agent binds them, how the texts found them. Same form as
// TOPIC_RULES (questions-topics.ts); every list is read for every sentence.

const HOME = '(?:place|house|home|condo|townhouse|townhome|casa)';
const TOUR = '(?:see|tour|look at|visit|go see|ver|visitar|ensenar|mostrar)';
const APPROVED = '(?:approved|pre ?approved|aprobad[oa]s?|preaprobad[oa]s?|the letter|a letter|la carta)';

export const EVERYDAY_TOPIC_RULES: readonly TopicRule[] = [
  {
    // "can we go see a few places before getting approved", "do we need to see a lender before we
    // tour anything?", "¿se puede ver casas sin estar aprobado?", "¿ocupo estar aprobada para ver casas?".
    topic: 'preapproval_needed',
    said: [
      wordRegex(
        `${TOUR}(?: (?:a few|some|any|the))?(?: (?:places|houses|homes|casas|anything))? (?:before|without|sin|antes de) (?:getting |being |we are |were |having |estar |tener )?${APPROVED}|(?:before|without) (?:we are |were |being |getting )?(?:approved|aprobad[oa]s?)(?: (?:to|para) (?:see|tour|look|ver|visitar))?`,
      ),
      wordRegex(
        `(?:ocupo|necesito|tengo que|ocupamos|necesitamos|tenemos que|hace falta|se necesita|es necesario|hay que) (?:estar |tener |la )?${APPROVED} para (?:ir a )?(?:ver|visitar)|sin (?:eso|la carta|estar aprobad[oa]s?) no (?:nos|me) (?:pueden|puede) (?:ensenar|mostrar|llevar a ver)`,
      ),
    ],
    asked: [
      wordRegex(
        `(?:need|have) to (?:have|get|see|talk to) (?:a |the )?(?:letter|lender|loan officer|bank) (?:before|to) (?:we )?(?:tour|touring|see|seeing|look|looking|view)`,
      ),
    ],
  },
  {
    // How to get one at all: "how do I even get preapproved?", "help me figure out the preapproval
    // thing", "¿cómo le hago para sacar la preaprobación?", "¿se necesita buen crédito para que me
    // aprueben?".
    topic: 'preapproval_needed',
    said: [
      wordRegex(HOW_TO_GET),
      wordRegex(
        '(?:need|necesita|necesito|necesitamos|ocupo|ocupa|hay que) (?:tener )?(?:good |buen |un buen )?(?:credit|credito)(?: score)? (?:para|to) (?:que (?:me|nos) (?:aprueben|den)|get approved|be approved|qualify|calificar)',
      ),
    ],
    asked: [],
  },
  {
    // "what would my place in Chino get?", "what it'd appraise for", "what are they getting in my
    // tract?", "a cash offer from opendoor for 610. is that fair?".
    topic: 'home_value',
    said: [
      wordRegex(`appraise for|what (?:it|itd|it would|would it|will it) appraise`),
      wordRegex(
        `(?:getting|going for|selling for) in (?:my|our) (?:tract|neighborhood|hood|street|area|complex|development)`,
      ),
    ],
    asked: [
      wordRegex(`what (?:would|could|will) (?:my|our) ${HOME}(?: [a-z]+){0,3} (?:get|go for|sell for|fetch)`),
      wordRegex(`offer (?:[a-z0-9]+ ){0,5}(?:is (?:that|it|this) (?:a )?fair|ripping (?:us|me) off)`),
    ],
  },
  {
    // "how long does it usually take to sell in rancho right now?", "is there anything under 500 in
    // upland", "whats a normal price there".
    topic: 'market',
    said: [],
    asked: [
      wordRegex(
        'how long (?:does|do|will) (?:it|houses|homes|they) (?:usually |typically |normally )?(?:take|sit)(?: to (?:sell|go)(?: (?:a|the|my|our) (?:house|home|place))?)? (?:in [a-z]+|right now|around here|these days|rn|lately)|(?:anything|something|any houses|any homes) (?:under|below|for less than) [0-9]+|(?:whats|what is|what s) a (?:normal|typical|average|decent) price|(?:is that|is it|thats) (?:even )?realistic in [a-z]+',
      ),
    ],
  },
  {
    // "how bad is the mello roos in the newer etiwanda tracts", "¿cuál es más tranquila, Upland o
    // Claremont?", "Montclair? is it up and coming", "¿cómo es vivir en Alta Loma?", "are they
    // still building a bunch of new homes by the 15?".
    topic: 'area_info',
    said: [wordRegex('como es vivir en|up and coming')],
    asked: [
      wordRegex(
        '(?:how bad|how high|how much) is (?:the )?(?:mello roos|hoa|traffic|crime)|(?:cual|which) (?:es |one is |is )?(?:mas |more )?(?:tranquil[oa]|safe|segur[oa]|quiet|better for)|(?:still )?building (?:a bunch of |a lot of |all these |more )?new (?:homes|houses)',
      ),
    ],
  },
  {
    // "my husband signed us up for this didn't he", "I filled out a form … is this about that?",
    // "is that why you're texting", "who told you this house is mine?".
    topic: 'how_got_number',
    said: [
      wordRegex(
        `(?:signed|sign) (?:us|me) up for (?:this|these)|(?:is that|thats|is this) why (?:${YOU}) (?:are |re )?(?:texting|contacting|messaging|reaching out)|who told (?:${YOU}) (?:this|that|the) (?:${HOME}|property) is (?:mine|ours)`,
      ),
    ],
    asked: [wordRegex('is (?:this|it) (?:about|from|because of) (?:that|the form|my listing|the listing)')],
  },
  {
    // "if I meet with him am I locked into anything?", "what does he need to see, the whole
    // house?", "does jorge do that kind of thing?", "can jorge actually do that?", "cómo se saca?".
    topic: 'process',
    said: [wordRegex('locked (?:in|into)|como se (?:saca|consigue|obtiene)')],
    asked: [
      wordRegex(
        `what does (?:jorge|he|she) need to see|does (?:jorge|he|she|${YOU}) (?:do|handle) (?:that|this|those) (?:kind|type|sort) of|can (?:jorge|he|she|${YOU}) (?:actually |really |even )?(?:do|pull off|handle) (?:that|this)|(?:is that|is it|is this) even doable`,
      ),
    ],
  },
  {
    // "can we just do a phone call first", "¿se puede por videollamada?", "could jorge help us find a
    // lender?", "email me a list of lenders", "do I need to do anything before he comes over?".
    topic: 'other',
    said: [
      wordRegex(
        '(?:do|have) a phone call|phone call first|(?:find|recommend|refer) (?:us |me )?(?:a |any )?(?:good )?lenders?|list of lenders',
      ),
    ],
    // "¿se puede por videollamada?" asks; "a video call would be easier" answers the offer of a time.
    asked: [
      wordRegex(
        `(?:need|have) to do anything before (?:${YOU}) (?:comes?|gets?) (?:over|here|by)|videollamada|video ?call|facetime`,
      ),
    ],
  },
  {
    // "whos asking", "is this a real estate thing?".
    topic: 'identity',
    said: [wordRegex('^(?:and )?(?:whos|who is|who s) asking$')],
    asked: [wordRegex('is this (?:a |some )?real estate (?:thing|company|agent|deal)')],
  },
  {
    // "whats jorge's cut on that", "are you even a realtor or just a wholesaler?", "¿sí van a venir
    // de verdad o es cuento?", "¿la puedo cambiar?".
    topic: 'fees_commission',
    said: [],
    asked: [
      wordRegex(
        `(?:jorges|his|your|the agents|the realtors|(?:${YOU})s) cut|(?:have to|need to|gotta|do i|do we|would i|would we) pay (?:${YOU}|him|the agent|the realtor|anybody|anyone) (?:anything|something|a fee|a commission)`,
      ),
    ],
  },
  {
    topic: 'licensed',
    said: [wordRegex('(?:or|just) (?:a |an )?wholesalers?')],
    asked: [
      wordRegex(
        `are (?:${YOU}) (?:even |actually |really )?(?:a |an )?(?:real )?(?:realtor|agent)(?! or (?:a |an )?(?:bot|robot|ai|human|person|computer))`,
      ),
    ],
  },
  {
    topic: 'scam',
    said: [],
    asked: [wordRegex('de verdad o (?:es )?(?:cuento|mentira|estafa)')],
  },
  {
    topic: 'reschedule',
    said: [],
    asked: [
      wordRegex(
        '(?:la|lo) (?:puedo|podemos|podria) (?:cambiar|mover)|(?:cambiar|mover) (?:la|el) (?:cita|dia|fecha)',
      ),
    ],
  },
];
