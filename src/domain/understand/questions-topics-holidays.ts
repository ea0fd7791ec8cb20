import { wordRegex } from '../compliance/text.ts';
import type { TopicRule } from './questions-topics.ts';

// Questions of leads who write between other things (a party, a trip, year-end errands) and keep
// them short: what comes next, which brokerage, whether that house is still free, who pays. Same
// form as TOPIC_RULES (questions-topics.ts); every list is read for every sentence.

export const HOLIDAY_TOPIC_RULES: readonly TopicRule[] = [
  {
    // "necesito precalificar antes de ver casas o cómo es?".
    topic: 'preapproval_needed',
    said: [],
    asked: [
      // "¿necesito eso para ver casas?", "do we need that before we look at houses?".
      wordRegex(
        '(?:necesito|necesitamos|ocupo|ocupamos|do i need|do we need) (?:eso|esa|that|it|one) (?:para|to|before|antes de) (?:ver|see|look|tour|mirar|visitar)(?: at)? (?:casas|houses|homes|places)',
      ),
      wordRegex(
        '(?:necesito|necesitamos|hay que|tengo que|tenemos que) (?:pre ?calificar|pre ?aprobar(?:me|nos)?|estar pre ?aprobad[oa]s?|la pre ?aprobacion|la pre ?calificacion|precalificarme|precalificarnos) (?:antes|para|primero)',
      ),
      // "can we look around first and do the loan stuff after?", "¿se puede ver casas así?" (not
      // approved), "¿podemos ver casas primero y luego lo de la aprobación?".
      wordRegex(
        '(?:look|looking|see|tour|ver|mirar|visitar) (?:[a-z]+ ){0,3}(?:first|primero) (?:[a-z]+ ){0,5}(?:loan|money|financing|approval|approved|lender|bank|aprobacion|prestamo|banco|credito|financiamiento)|(?:se puede|se pueden|podemos|puedo) (?:ver|mirar|visitar) (?:casas |las casas )?(?:asi|sin (?:estar )?(?:pre ?)?aprobad[oa]s?|sin (?:la )?(?:pre ?)?aprobacion)',
      ),
    ],
  },
  {
    // "sí ya tengo la carta, qué sigue?", "cómo le hacemos con las dos cosas al mismo tiempo?",
    // "idk depends how long buying takes".
    topic: 'process',
    said: [
      wordRegex('depends (?:on )?how long (?:buying|selling|the process|escrow|closing) (?:takes|will take)'),
    ],
    asked: [
      wordRegex(
        '(?:y )?(?:ahora )?que sigue|como le (?:hacemos|hago)|how long (?:does |will )?(?:buying|selling|the process|escrow|closing) (?:take|takes)',
      ),
    ],
  },
  {
    // "pls stop texting and use email", "just use my email instead".
    topic: 'switch_to_email',
    said: [
      wordRegex(
        '(?:and|just|please|pls|plz) (?:use|send (?:it |everything |stuff )?(?:to|by|via|thru|through)) (?:my )?(?:email|e mail)(?: instead)?',
      ),
    ],
    asked: [],
  },
  {
    // "whats your brokerage? then we can talk numbers", "is this another agent?", "wait is this with
    // jorge or someone else?", "is this one of those we buy houses cash companies?".
    topic: 'identity',
    said: [],
    asked: [
      wordRegex(
        '(?:es|eres) (?:usted |tu )?(?:jorge|el agente|la agente) o (?:su|tu|el|la) asistente|(?:is this|are you|r u) (?:jorge|the agent) or (?:his|the|an|a) assistant|(?:whats|what is|which is|who is|whos) (?:your|ur|his|jorges) (?:brokerage|broker|company|office|firm|team)|(?:is this|is that|are you|r u|r you) (?:another|one more) (?:agent|realtor|broker|investor|company)|is (?:this|that|it) (?:with|from) (?:jorge|you|your team)(?: or)?|(?:is this|are you|r u) (?:one of )?those (?:we buy houses|we buy|cash|cash offer|investor)(?: [a-z]+){0,2} (?:companies|company|people|guys|places|buyers|investors)',
      ),
    ],
  },
  {
    // "any update on a price drop for the one off carnelian?", "si la casa de Fontana sigue libre",
    // "le bajaron el precio a la de Upland?".
    topic: 'listing_status',
    said: [
      wordRegex(
        '(?:si )?(?:la|el|esa|ese) (?:casa|casita|depa|condo)(?: [a-z]+){0,3} (?:sigue|esta) (?:libre|disponible)',
      ),
    ],
    asked: [
      wordRegex(
        '(?:any )?(?:update|news) on (?:a |the )?price (?:drop|reduction|cut)|(?:sigue|esta) (?:libre|disponible)|le bajaron (?:el )?precio',
      ),
    ],
  },
  {
    // "tengo que pagarle yo a usted o el vendedor?".
    topic: 'fees_commission',
    said: [],
    asked: [
      wordRegex(
        '(?:tengo|tenemos) que pagar(?:le|les)? (?:yo |nosotros )?(?:a usted|a ustedes|al agente|a jorge)|quien (?:le )?paga (?:al agente|a usted|a ustedes|la comision)',
      ),
    ],
  },
  {
    // "en cuánto se vende mi casa hoy en día?", "para eso le pregunto a usted cuánto puede valer".
    topic: 'home_value',
    said: [wordRegex('(?:le|te) pregunto (?:a usted |a ti )?cuanto (?:puede|podria) valer')],
    asked: [
      wordRegex('en cuanto se (?:vende|venderia) (?:mi|nuestra|la) casa|cuanto (?:puede|podria) valer'),
    ],
  },
  {
    // "is the mello roos bad in the newer parts of rancho?".
    topic: 'area_info',
    said: [],
    asked: [
      wordRegex(
        '(?:is|are) (?:the )?mello ?roos (?:bad|high|a lot|much|crazy|expensive)|(?:es|esta) (?:muy )?(?:caro|cara) (?:por )?(?:alla|ahi|aya)|is it (?:expensive|pricey) (?:over )?there',
      ),
    ],
  },
];
