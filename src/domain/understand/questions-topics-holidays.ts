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
    // "first time, so honestly no clue how any of this works", "idk how any of this works lol":
    // the steps asked for in a statement.
    topic: 'process',
    said: [
      wordRegex(
        '(?:no clue|no idea|(?:dont|do not|didnt) (?:really )?know|idk|dunno|not sure|clueless about) how (?:any of )?(?:this|it|the process|buying|selling|the whole thing|all of this|all this) (?:works|goes)',
      ),
    ],
    asked: [],
  },
  {
    // "can i just go see it or do i need like, paperwork first", "no tenemos carta del banco, ¿es
    // obligatorio?", "quiero ver casas pero no tengo nada del banco todavía, se puede así?",
    // "primero queremos ver casas y luego vamos al banco, ¿se puede?", "my lender said i need an
    // agent first, agent says i need a lender first. which is it".
    topic: 'preapproval_needed',
    said: [
      wordRegex(
        '(?:need|needs) (?:a|an) (?:lender|agent) first(?: [a-z]+){1,6} (?:need|needs) (?:a|an) (?:lender|agent) first',
      ),
    ],
    asked: [
      wordRegex(
        '(?:need|needs|have to have|gotta have) (?:like )?(?:paperwork|papers|a letter|the letter|anything|something) (?:from (?:the|a) (?:bank|lender) )?(?:first|before)|(?:carta|letter|banco|bank|lender)(?: [a-z]+){0,4} (?:es obligatori[oa]|is (?:it|that) required)|(?:necesito|necesitamos|ocupo|ocupamos) (?:algo|una carta|la carta|papeles) (?:del|de un|de el) (?:banco|prestamista|lender)|(?:no tengo|no tenemos) (?:nada|carta|la carta)(?: [a-z]+){0,2} (?:del|de el) banco(?: [a-z]+){0,2} se puede|(?:ver|mirar) casas (?:y )?(?:luego|despues)(?: [a-z]+){0,2} (?:al banco|el prestamo|la carta|lo del banco)',
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
      // "¿me la compran ustedes directo o tengo que ponerla a la venta?", "do you buy houses directly?".
      wordRegex(
        '(?:me|nos) la compran (?:ustedes )?(?:directo|directamente)|(?:do|would|will|can) (?:you|yall|u)(?: guys)? buy (?:it|my house|the house|houses|homes) (?:directly|outright|yourselves|for cash)|(?:tengo|tenemos) que ponerla a la venta',
      ),
      // "y tengo que arreglarla antes de vender?": the Spanish of "do I have to fix it up first?".
      wordRegex(
        '(?:tengo|tenemos|hay) que (?:arreglar|reparar|componer|pintar|remodelar)(?:la|le|lo)? (?:[a-z]+ ){0,2}antes de (?:vender|venderla|listar|ponerla)',
      ),
      wordRegex(
        '(?:y )?(?:ahora )?que sigue|como le (?:hacemos|hago)|how long (?:does |will )?(?:buying|selling|the process|escrow|closing) (?:take|takes)',
      ),
    ],
  },
  {
    // "pls stop texting and use email", "just use my email instead".
    topic: 'switch_to_email',
    said: [
      // "prefiero correo, casi no reviso los textos", "I'd rather email".
      wordRegex(
        'prefiero (?:el |por )?(?:correo|email|e mail|mail)|(?:i )?(?:prefer|would rather|d rather) (?:e ?mail|to be e ?mailed|you e ?mail)',
      ),
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
  {
    // "quisiera saber cuánto cobran y cómo es el proceso", "queremos comprar pero no sé cómo
    // empezar", "¿tiene que venir a la casa?", "does Jorge work with buyers who are out of state?",
    // "what's the difference between prequalified and preapproved?": the steps, asked in passing.
    topic: 'process',
    said: [
      wordRegex(
        'como es el proceso|(?:no se|no sabemos|no se ni) (?:como|por donde) (?:empezar|comenzar|le hago|le hacemos)',
      ),
    ],
    asked: [
      wordRegex(
        '(?:tiene|tienen|necesita|necesitan) que (?:venir|entrar|pasar) a (?:la|mi|nuestra) casa|(?:does|do|will|can) (?:jorge|he|you|u|you guys) (?:work|help) with (?:buyers|sellers|people|clients|folks)(?: who are| that are)? (?:from )?(?:out of state|out of town|from out of state|moving from)|(?:whats|what is) the difference between (?:pre ?qualified|pre ?qualification|pre ?approved|pre ?approval)',
      ),
    ],
  },
  {
    // "what are you guys charging these days?", "¿cuánto le pago a Jorge si compro? ¿o lo paga el
    // vendedor?".
    topic: 'fees_commission',
    said: [],
    asked: [
      wordRegex(
        '(?:what|how much) (?:are|do|does|is) (?:you|u|you guys|yall|jorge|he|your team) (?:charging|charge)|cuanto le (?:pago|pagamos|pagaria|pagariamos) a (?:jorge|usted|ustedes)|lo paga el (?:vendedor|comprador)',
      ),
    ],
  },
  {
    // "no more texts please, email is fine: …".
    topic: 'switch_to_email',
    said: [
      wordRegex(
        '(?:no more texts|stop texting|no texts)(?: [a-z]+){0,2} (?:email|e mail) (?:is|works) (?:fine|better|ok|okay|best)',
      ),
    ],
    asked: [],
  },
  {
    // "we talked to someone at Chase, does that count?": a lender talk, is it enough.
    topic: 'preapproval_needed',
    said: [],
    asked: [
      wordRegex(
        '(?:talked|spoke|spoken|met|chatted) (?:to|with) (?:someone|somebody|a guy|a lady|a lender|a loan officer|the bank|my bank|our bank)(?: [a-z]+){0,3} (?:does|is) (?:that|it|this) (?:count|enough|good enough|ok)',
      ),
    ],
  },
  {
    // "¿este es el número de Jorge?", "is Jorge the guy who did the open house on Sapphire?".
    topic: 'identity',
    said: [],
    asked: [
      wordRegex(
        '(?:este|esta|es este|es esta) (?:es )?(?:el )?(?:numero|celular|cel|telefono) de jorge|is jorge the (?:guy|man|agent|realtor|one|person) (?:who|that|from)',
      ),
    ],
  },
  {
    // "ayúdeme a decidir entre Ontario y Chino", "help me pick between Upland and Fontana".
    topic: 'area_info',
    said: [
      wordRegex(
        '(?:ayudeme|ayudame|ayudenos|help me|help us) (?:a )?(?:decidir|escoger|elegir|decide|pick|choose) (?:entre|between) [a-z]+',
      ),
    ],
    asked: [],
  },
];
