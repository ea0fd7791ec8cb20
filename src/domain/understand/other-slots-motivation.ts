import { locatePlaces, marketCities, marketCityAliases } from '../language/areas.ts';
import { simplify } from '../language/normalize.ts';
import {
  cues,
  DEATH,
  DIVORCE,
  INHERITED,
  KIN,
  MARRIAGE,
  MOVING_IN,
  NOT_MARRIED,
} from './other-slots-motivation-family.ts';
import { CARE, NEAR_FAMILY, OTHER } from './other-slots-motivation-other.ts';
import type { BotKind, MotivationSlot } from './types.ts';

export interface MotivationOptions {
  /** True when the bot just asked why: one-word reasons ("money", "work") then count. */
  justAsked: boolean;
  /**
   * A buyer's money trouble is a reason to wait, not to move, and a buyer's schools or HOA are
   * wishes, not reasons; "we bought a house" is a reason to sell only for a seller or when the
   * message also speaks of selling.
   */
  bot: BotKind;
}

const TAXES = cues([
  'did to (?:my|our) (?:property )?taxes',
  '(?:property|prop) tax\\w*',
  'tax(?:es)? (?:are|is|r) (?:too |so |really |way )?(?:high|crazy|insane|killing)',
  'tax bill|for tax (?:reasons|purposes)',
  '(?:high|crazy|insane|ridiculous|rising|the) taxes',
  'mello[- ]?roos',
  'prop(?:osition)? 19',
  'capital gains?',
  'impuestos? (?:de la propiedad|estan|son|muy|subieron|altos|tan altos)|predial',
  'pagar (?:tantos |los |tanto de )?impuestos',
  'impuestos? (?:ya |tan |muy |bien )?(?:estan |son |salen )?(?:carisimos|caros|altisimos|por las nubes)',
]);
const FINANCIAL = cues([
  'free up (?:some )?(?:cash|money|equity)',
  'money(?:s| s| is) (?:tight|short)|(?:el )?dinero no (?:nos |me )?alcanza|(?:queremos|quiero|necesitamos|necesito) el dinero para|(?:want|need) the (?:money|cash) (?:to|for) (?:start|open|pay)',
  'lost (?:my|his|her|our|their) jobs?',
  '(?:\\d+|a few|a couple|two|three|four|five|six|some|several) (?:\\w+ )?(?:months?|payments?) behind',
  '(?:bank|lender) (?:\\w+ ){0,2}(?:breathing down|on (?:my|our) (?:back|neck)|sent (?:a|us|me|our)|calling|after (?:me|us)|threaten\\w*)',
  'breathing down (?:my|our) necks?',
  'banco (?:me |nos )?(?:esta |estan |quiere |va a )?(?:presion\\w*|quitar\\w*|embarg\\w*)',
  'laid off|got fired|(?:dejo|deje|dejamos) de trabajar|ya no (?:podemos|puedo|alcanzamos|alcanzo) (?:con|a pagar|pagar) la hipoteca|(?:hours|pay|salary) (?:got|was|were) cut',
  // "whatever gets us out from under the mortgage", "nos dieron de baja en el trabajo".
  'out from under (?:the |our |this |that )?(?:mortgage|loan|debt|house|payments)',
  'dieron de baja (?:en|del) (?:el )?(?:trabajo|empleo|chamba)',
  // Not "she couldn't keep up with it" (the upkeep of the house).
  '(?:cant|cannot|can not|couldnt|unable to) (?:afford|keep up(?! with (?:it|the (?:house|home|place|yard|upkeep|maintenance|repairs|stairs)|everything))|make (?:the )?payments?|pay (?:the )?(?:mortgage|bills))',
  'behind (?:on|in) (?:\\w+ )?(?:payments?|mortgage|bills)',
  'behind (?:a few|a couple|\\d+|two|three|some) (?:\\w+ )?(?:months?|payments?) on (?:the |our |my )?(?:mortgage|payments?|loan)',
  '(?:bank|lender) (?:is|s) on (?:my|our) back',
  '(?:pre-?)?foreclos\\w*',
  'notice of default|bankrupt\\w*|short sale|underwater|upside down',
  '(?:in|drowning in) debt|medical bills|(?:2nd|second) mortgage|(?:mortgage|payments?|house payment) (?:is|are) (?:drowning|killing|crushing) (?:us|me)|ya no aguant\\w* (?:los|el|las) pagos?',
  'banco (?:ya )?(?:nos|me) (?:mando|mandaron|envio|enviaron) (?:un |el )?aviso',
  'need (?:the )?(?:cash|money|equity)',
  // "the bank set a sale date", "trustee sale is on the 20th".
  '(?:bank|lender) (?:\\w+ ){0,2}(?:set|scheduled|picked|gave (?:us|me)) (?:a )?(?:sale|auction) date|trustee sale',
  'necesit\\w* (?:el |la )?(?:dinero|lana|feria)',
  'pay off (?:the |my |our )?(?:loan|debts?|mortgage)',
  'bank (?:is|keeps) (?:calling|after)',
  '(?:me quede|nos quedamos) sin trabajo',
  'perdi (?:mi|el) trabajo',
  // "me atrasé 3 meses con la hipoteca", "aviso de remate", "ya no aguanto los gastos".
  '(?:me atrase|nos atrasamos|atrasad[oa]s?) (?:\\w+ ){0,3}(?:con|en) (?:la hipoteca|los pagos|el pago)',
  'aviso de remate|remate|(?:no|ya no) (?:aguanto|aguantamos|alcanzo|alcanzamos|podemos con) (?:los gastos|las deudas|los pagos)',
  '(?:ya )?no (?:podemos|puedo) (?:con los pagos|pagar\\w*)',
  'atrasad[oa]s? (?:en|con)',
  'deudas?|embargo|ejecucion hipotecaria',
  '(?:me|nos|lo|la) (?:corrieron|despidieron)|sin (?:trabajo|empleo)',
  '(?:debo|debemos) (?:\\w+ )?(?:pagos|meses)',
  'auction|money (?:is|s) (?:tight|short)|tight on (?:money|cash)',
  '(?:bank|lender) (?:is |s )?sending (?:us |me )?(?:letters|notices)',
  // "we were thinking of selling bc we fell behind", "loan modification", "aviso de default",
  // "queremos vender antes de que nos la quiten".
  '(?:fell|falling|got|getting) behind|loan mod(?:ification)?|(?:aviso|carta|notice|letter) (?:de |of )?default',
  'antes de que (?:nos|me) (?:la|lo) quiten|(?:nos|me) (?:la|lo) van a quitar|(?:nos|me) quiten la casa',
]);
const RETIREMENT = cues([
  'retir(?:e|ed|ee|ees|ing|ement)',
  'jubil\\w*',
  'pension(?:ed|ado)',
  '(?:me voy a|nos vamos a|voy a|vamos a|ya me|ya nos|me|nos) retir\\w*',
  'retirad[oa]s?',
]);
const JOB = cues([
  // "my wife got the job at Kaiser", "le salió un jale a mi esposo en Texas".
  'got (?:the|a|a new) job|le salio (?:un )?(?:jale|trabajo|chamba)',
  'transfer(?:red|ring)?',
  // "mi jefe me va a mandar a la planta de chino": sent by the employer.
  '(?:mi jefe|la empresa|la compania|el trabajo|mi trabajo) (?:me|nos) (?:va a mandar|van a mandar|manda|mando|mandan|transfiere|va a transferir) a',
  '(?:new|a) job (?:in|at|offer|starts?)',
  'new job',
  'job (?:offer|transfer|relocation)',
  'for (?:my |his |her |our )?(?:(?:husband|hubby|wife|spouse|partner)s? )?(?:job|work)',
  '(?:job|work|company|employer)s? (?:is )?(?:moving|sending|relocating|moved|transferred|sent|relocated) (?:me|us|him|her)',
  '(?:got|accepted|took|offered) (?:a |an )?(?:new )?(?:job|position|role|orders)',
  'job (?:is )?(?:now )?in\\b',
  // "my job is moving to Irvine", "hubby got hired at the port", "moving the business to Boise".
  '(?:job|office) is (?:moving|relocating)|got hired|(?:moving|relocating|moved) (?:the|my|our) (?:business|company|shop|store|practice)|open(?:ing)? (?:a )?(?:second|new|another) (?:shop|store|location|office|business)',
  '(?:trabajo|compania|empresa) (?:de \\w+ (?:\\w+ )?)?(?:lo|la|me|nos) (?:mando|manda|transfirio|cambio)',
  'military|orders|pcs|pcsing|stationed',
  'por (?:el |su |mi )?trabajo',
  '(?:cambio|oferta) de trabajo|nuevo trabajo|(?:me|le|nos|les) (?:acaban de )?(?:ofrecer|ofrecieron|ofrecio|dieron) (?:un )?(?:trabajo|empleo|puesto|chamba)',
  '(?:me|lo|nos) (?:transfirieron|cambiaron|mandan)',
  // "me están transfiriendo a Houston", "nos van a transferir".
  'transfiriendo|(?:me|lo|la|nos|le|les) (?:transfieren|van a transferir)',
  '(?:me|lo|la|nos|le|les) (?:mandaron|mandan|manda|mando|van a mandar) a trabajar',
  'traslado',
  'job starts (?:in|up in|out in) [a-z]+',
  'consigui\\w* (?:un )?(?:nuevo )?(?:trabajo|empleo)|nuevo empleo',
  // "me salió trabajo en Phoenix", "le salió un trabajo allá".
  '(?:me|le|nos|les) (?:salio|salieron) (?:un )?(?:buen )?(?:trabajo|empleo|chamba)',
]);
const BOUGHT_ANOTHER = cues([
  '(?:already |just )?(?:bought|bougth|boughted|purchased|closed on|buying) (?:a |another |our |my |the |a new |our new )?(?:new |other |next )?(?:house|home|place|condo|build|townhome|one)(?! (?:in|for) (?:19|20)\\d\\d)',
  '(?:already |just )?(?:bought|bougth) in [a-z]+',
  // "offer accepted on our new place in Temecula".
  'offer (?:got |was )?accepted on (?:a|the|our new) (?:new )?(?:house|home|place|condo)|offer on (?:a|the|our) (?:new )?(?:house|home|place|condo)(?: [a-z]+){0,3} (?:got |was )?accepted',
  // Past tense only: "buying a bigger house" is upsizing.
  '(?:bought|purchased|closed on) (?:a |another |our |the )?(?:bigger|smaller|larger|single story) (?:house|home|place|condo|one)',
  'escrow (?:on|for) (?:our|my|the|a) new',
  'found (?:our|my) next (?:place|house|home)',
  '(?:bought|purchased|closed on) (?:a |our |my |the )?dream (?:house|home|place|condo)',
  '(?:close|closing|closes) on (?:the|our|my) new (?:house|home|place|condo|one)|(?:our|my|the) new (?:build|construction)(?: [a-z]+){0,4} (?:closes|closing)',
  '(?:our|my) new (?:place|house|home) (?:closes|closed)',
  '(?:ya )?compramos (?:otra|una|la)',
  // "in contract on our dream house in Temecula", "paying two mortgages".
  '(?:in|into|under) contract on (?:our|a|the|my) (?:new |dream |next )?(?:house|home|place|condo)',
  // "we just got into a house in Temecula and need to sell ours".
  '(?:just |already )?got into (?:a|another|our|the) (?:new )?(?:house|home|place|condo)',
  // "we found a house in Yucaipa and we're already in contract on it so now ours has to sell".
  'found (?:a|another|our|the) (?:new )?(?:house|home|place|condo)(?: [a-z]+){0,8} (?:in|under) contract',
  '(?:paying|pay|carrying|stuck with) (?:two|2|double) (?:mortgages|house payments|payments)',
  'ya (?:compre|compramos)|compramos (?:una )?casa',
]);
// Tenant trouble or tenants leaving; a house merely "tenant occupied" says nothing about why.
const TENANTS = cues([
  'tenants? (?:(?:just|finally|already|are|is|have) )?(?:problems?|issues?|wont|dont|do not|are not|arent|not paying|stopped paying|leave|move out|leaving|moving out|moves out|moving|moved out|left|gave (?:us )?notice|gave (?:their|his|her) notice|trashed|destroyed|keep|calling)',
  '(?:problem|bad|nightmare|difficult) tenants?|(?:tenants?|inquilinos?|renters?) no (?:pagan|han pagado|paga|ha pagado|quieren salir|se quieren salir)',
  '(?:tenants?|renters) (?:are|is|r) (?:a |an |such a |the )?(?:nightmare|awful|terrible|horrible|worst|pain|headache|impossible|destroying|trashing|ruining)',
  '(?:have|has|got) (?:a )?tenants?(?: in it)?',
  '(?:tired of|sick of|done with|dealing with|problems? with) (?:the |my |our )?(?:tenants?|renters|being a landlord)',
  '(?:done|over|tired of|sick of|hate|dont want to be|do not want to be|no longer want to be) (?:being )?a landlord|landlording',
  '(?:ya no quiero|no quiero|cansad[oa]s? de) (?:ser )?(?:casero|arrendador|rentar)',
  'renters? (?:are|is|wont|left|moving|keep|broke|trashed)',
  '(?:been |were |was |are |have been )?(?:renting|rented) it out',
  'inquilinos?',
  '(?:que|la) rento',
]);
const INVESTMENT = cues([
  'compr\\w*(?: [a-z]+){0,3} (?:para|pa) rentarla',
  'cashing out and (?:renting|rent)',
  'investment|investing|reinvest\\w*|1031|^investors?\\b|(?:im|i am|we are|were) (?:an? )?(?:real estate )?investors?|investor here|cash ?flows?|cashflowing|(?:es|son) para rentar(?:la|lo|las|los)?|the numbers (?:have|need) to work|cap rate',
  'cash out|cash flow|pull (?:the |our |my )?equity',
  '(?:moving|move|put|putting|roll|rolling) (?:the |our |my )?(?:money|equity|proceeds) (?:into|in to|toward)',
  // Not "we have a rental lined up down there" (a place to live).
  'rentals?(?: property| properties)?(?! (?:lined up|waiting|set up|down there|up there|out there))',
  'airbnb|short[- ]term rentals?',
  'inversion|invertir',
  'comprar (?:unas |algunas |mas )?rentas|sacar(?:le)? la ganancia',
  '(?:mientras|while) (?:los )?precios (?:estan|are) (?:altos|high)',
  'while prices are high',
]);
const UPSIZING = cues([
  'esperando (?:un |una |el |la |nuestro )?(?:bebe|bebito|nino|nina)|vamos a tener (?:un )?bebe|(?:viene|vienen) (?:el|un|otro|los|nuestro) (?:bebe|bebes|bebito|gemelos)',
  'bigger (?:place|house|home|yard|one)|something bigger',
  '(?:more|extra) (?:room|space|bedrooms?)',
  'outgr(?:ew|own|owing)',
  '(?:baby|twins|another (?:one|baby|kid)|kid|triplets) (?:on the way|coming)',
  // A parent moving in who needs room of their own: "my mom's moving in with us so we need a place
  // with a casita" (without the room, "she's moving in with us" is `other`).
  "moving in with (?:us|me)(?: [a-z']+){0,8} (?:casita|in ?law|adu|granny flat|guest ?house|more room|more space|bigger|extra (?:room|bedroom))",
  'baby (?:#?\\d|number \\d)',
  'babys? (?:is )?due',
  '(?:another|an extra|one more) (?:bedroom|room)',
  '(?:just )?had (?:a|our|another) baby',
  '(?:were|we are|wife is|im|i am) expecting',
  'pregnant|embarazada',
  'growing family|family is growing',
  // "thinking of upgrading", "upgrade.": not "needs an upgrade" (a condition) or "the upgrade".
  '(?<!(?:an|the|new) )(?<!needs? an )upgrad(?:e|ing)(?! (?:the|our|my) (?:kitchen|bath\\w*|floors?|roof))',
  '(?:having|expecting) (?:a |another |our )?(?:baby|twins|triplets|kid)',
  '(?:nos |me )?(?:queda|quedo) (?:muy |demasiado )?(?:chica|chico|pequena|pequeno)',
  'mas (?:espacio|grande)|bebe en camino|familia (?:esta )?creciendo|(?:ya )?no (?:cabemos|cabimos)',
  '\\d kids in a \\d',
  // "trade our condo for a house", "bursting at the seams".
  '(?:trade|trading|swap|swapping) (?:our|my|the) (?:condo|townhome|townhouse|apartment|starter home|place) for (?:a|an actual|a real) (?:real |bigger |single family )?(?:house|home)',
  'bursting at the seams|(?:anything|something|a little) (?:bigger|larger)',
  // "4 bedrooms, his mom is moving in with us": a parent moving in, with the rooms for them.
  "(?:[0-9]+|four|five|six|more) (?:bedrooms?|beds?|rooms?|recamaras?|cuartos?),?(?: [a-z']+){0,4} (?:move|moving|come|coming) (?:to live )?in with (?:us|me)",
]);
const DOWNSIZING = cues([
  'downsiz\\w*',
  'too (?:much|big of a) house',
  '(?:house|home|place)(?: is| s)? (?:way |just )?too (?:big|large|much)',
  'too much (?:space|house|upkeep|yard)',
  'less (?:yard|house|space|upkeep|maintenance)',
  'empty nest\\w*',
  'kids (?:are|r|have|all)? ?(?:all )?(?:long )?(?:grown|gone|moved out|out of the house)',
  'too (?:big|large|much) for (?:the two of us|the 2 of us|two people|2 people|just us|just me|us|me)(?: two| 2)?',
  'kids (?:left|moved away)',
  // Not a sale priced against someone else's: "our neighbor got 735 for a smaller one".
  // "buy a smaller single-story home nearby".
  '(?<!for a )smaller (?:(?:single|one|1)[ -](?:story|level) )?(?:place|home|house|condo|one)',
  // "I can't manage a two story anymore. I want something small on one level."
  'something small(?:er)? (?:on one level|single story|one story)|(?:cant|can not|cannot) (?:manage|handle|do) (?:a |the )?(?:two|2) story',
  // "we don't need 4 bedrooms anymore", "my daughter's off to college".
  '(?:dont|do not) need (?:[0-9]+|four|five|all (?:these|the|those)|that many|so many) (?:bedrooms|rooms|beds)',
  '(?:something|algo) (?:mas )?(?:smaller|chico|pequeno|chiquito)',
  '(?:muy|demasiado) grande',
  'mas (?:chica|chico|pequena|pequeno)',
  'los hijos (?:ya )?se (?:fueron|casaron)',
  'se (?:fueron|casaron) (?:los|mis|nuestros) hijos',
  '(?:nos |me )?queda (?:muy |demasiado )?grande',
  '(?:es|esta) (?:mucha casa|mucho|demasiado) para nosotros',
  '(?:nuestros|mis|los) hijos ya no viven (?:con nosotros|aqui|en (?:la )?casa)',
]);
// A commute complaint with no new job is `other`, even when it comes with a move.
const COMMUTE = cues([
  'commute (?:is|s)\\b',
  'commute (?:to|into) [a-z]+ (?:is|s)\\b',
  'commute (?:to|into) (?:\\w+ ){1,2}(?:is )?(?:killing|destroying|brutal|too much|exhausting)',
  '(?:long|bad|terrible|brutal|awful) commute',
  'tired of (?:the )?commut\\w*',
  '(?:drive|driving|traffic) (?:to|into|in) (?:\\w+ ){0,3}(?:every ?day|daily|is killing|killing|is brutal|is too much)',
  // "el traffic pa LA me tiene harto, 3 horas diarias en la 10".
  '(?:traffic|trafico)(?: [a-z]+){0,3} (?:me|nos) (?:tiene|tienen) (?:harto|harta|hartos|cansad[oa]s?)|(?:[0-9]+|dos|tres|cuatro) horas (?:diarias|al dia|diario) (?:en|manejando)',
]);
const RELOCATION = cues([
  '(?:moving|move) (?:up|down|out|over) to [a-z]+',
  // "to be near him and the grandchildren".
  '(?:be|live|living) (?:near|close to|closer to) (?:him|her|them|the grandchildren|the grandkids|our grandchildren|our grandkids|my grandchildren|my grandkids)',
  // "moving in with my wife's parents in Arizona to help take care of them".
  '(?:moving|move|going to live) in with (?:my|our|his|her) (?:(?:wife|husband|hubby)s? )?(?:parents|mom|dad|mother|father|in laws|inlaws|sister|brother|daughter|son|kids|children|family)',
  'nos (?:queremos|vamos a|tenemos que) ir de (?:california|aqui|el estado|este estado)',
  'relocat\\w*',
  // "my daughter just had twins in Austin and we want to be there".
  '(?:we|i) (?:want|wanna|need) to be (?:there|out there|near them|with them)',
  'moving (?:to|out of|out to|back to|back home|back from|closer|near|here|there|from|2|away|across)',
  'move (?:to|out of|closer|near|back)',
  '(?:going|headed|heading|go) back to(?! (?:school|college|work|the office|the drawing board))',
  '(?:move|moving|be|live|living|get) (?:closer to|near) (?:my |our |the )?(?:family|kids|grandkids|parents|daughter|son|mom|dad)',
  '(?:want|get|getting) out of (?:california|ca|the state|socal|here)',
  '(?:move|moving|relocating|going|headed|leaving) (?:\\w+ )?out of state',
  'leaving (?:california|ca|the state)',
  'cost of living|too expensive (?:here|in california)',
  '(?:california|cali|ca|socal|here|this state|it|everything) (?:is |s )?(?:just |way |so |getting |too )*(?:too )?expensive',
  '(?:heading|headed) (?:to|out to|back to|off to)',
  '(?:tired of|done with|sick of|over) (?:california|ca|socal|the state|this state|living here)',
  '(?:estar|vivir|casa|casita|algo) (?:mas )?cerca de (?:mis|mi|nuestros|nuestra|nuestro|la|los|las) (?:hij[oa]s?|niet[oa]s?|familia|papas|padres)',
  'nos (?:vamos a mudar|mudamos|cambiamos|regresamos)',
  'nos vamos a (?!vender|comprar|casar|juntar|quedar)[a-z]+',
  'me (?:regreso|mudo|voy a mudar)',
  '(?:irme|irnos|regresarme|regresarnos|mudarme|mudarnos) a|se va a vivir (?:conmigo|con nosotros|con (?:mi|su) [a-z]+)',
  // "nos queremos ir a Guadalajara", "nos vamos con mi hija a Arizona"
  '(?:nos|me) (?:queremos|quiero|vamos a|pensamos|planeamos) (?:ir|mudar|cambiar|regresar) (?:a|para|pa)',
  'nos vamos con (?:mi|mis|nuestra|nuestro|nuestros|la|el|los) [a-z]+ (?:a|para|pa)',
  // "vendo y me voy pa Arizona".
  '(?:me voy|nos vamos) (?:pa|para|a) (?!que\\b|vender|comprar|casar|juntar|quedar|ir\\b|poner|jubilar|retirar|divorciar|separar|esperar|tardar|trabajar|tomar|dar|hacer|ver|pensar)[a-z]+',
  '(?:we|i) (?:already )?moved(?: already| away)?\\b(?! in)',
  'ya nos mudamos',
]);
// One-word answers to "why are you selling?".
const BARE: [RegExp, MotivationSlot][] = [
  [/^(?:money|bills|finances|financial|the money|dinero|deudas)\b/, 'financial'],
  [/^(?:work|job|trabajo)\b/, 'job'],
  [/^(?:family|familia)\b/, 'relocation'],
  [/^(?:taxes|impuestos)\b/, 'taxes'],
  [/^(?:the )?(?:schools?|escuelas?)\b/, 'other'],
  [/^(?:honestly |mostly |just |its |it s )?(?:the )?(?:neighbou?rs|vecinos)\b/, 'other'],
];
const QUESTION_OPENER = /^(?:do|does|did|can|could|should|would|will|is|are|what|whats|how|why|when|which)\b/;
const CLAUSE = /[^.?!;]+[.?!;]*/g;
// "nos vamos por el trabajo, pero ¿cuánto cobran?": the part before the question still states.
const ASKED_AFTER_COMMA = /^([^,]+),[^,]*\?/;

/** The message without the clauses that ask something ("what about taxes?"). */
function statements(simple: string): string {
  return (simple.match(CLAUSE) ?? [])
    .map((c) => (c.includes('?') ? (ASKED_AFTER_COMMA.exec(c)?.[1] ?? c) : c))
    .filter((c) => !c.includes('?') && !QUESTION_OPENER.test(c.trim()))
    .join(' ');
}

const SELLING = /\b(?:sell\w*|this one|list\w*|vender|vendo)\b/;

// First match wins: a death outranks the inheritance or move it brings, divorce the money
// trouble that comes with it, retirement the move, a job the move it causes.
// Someone else's sale moves the tenant: "our landlord is selling", "landlord's selling".
const LANDLORD_SELLS = cues([
  '(?:landlord|landlady|owner)s? (?:is |s )?(?:selling|vendiendo)',
  '(?:casero|dueno) (?:esta )?vendiendo',
]);

// Quitting a job leaves the household short when it is why the house is sold ("my husband quit his
// job so we gotta sell"), unless the lead is moving for it ("quit my job, moving back to ohio"):
// read after relocation, and only beside selling.
const QUIT_JOB = cues([
  '(?:quit|quitting|left|leaving) (?:my|his|her|our|their|the) jobs?',
  '(?:renuncio|renuncie|renuncio a|dejo|deje) (?:su |mi |el )?(?:trabajo|empleo)',
]);

// Spanish move verbs without a destination say no reason to move, as "we're moving" says none:
// "nadie me regresó la llamada", "nos vamos a morir aquí", "por fin nos vamos a cambiar", "ya nos
// cambiamos en octubre", "me mandan demasiados mensajes". With one ("nos cambiamos a Texas") they do,
// and "me cambio de trabajo" is a change of job.
const NOT_A_MOVE =
  /\b(?:me|nos|le) (?:regreso|regresaron|regresa) (?:la|el|los|las|mi|su|tu)\b|\bnos vamos a [a-z]+(?:ar|er|ir)\b(?! (?:con (?:mi|mis|nuestr[oa]s?|la|el|los|las) [a-z]+ )?(?:a|para|pa|de regreso)\b)|\b(?:nos|me) (?:cambiamos|mudamos|cambio|mudo)\b(?! (?:a|para|pa|de regreso|de trabajo|de empleo)\b)|\b(?:me|nos) mandan\b(?! (?:a|para)\b)/g;

// "selling here and buying in Boise": the next home is out of the market, so the sale is a move.
const BUYING_IN =
  /\b(?:buy|buying|comprar|compramos) (?:a (?:house|place|home) |una casa |algo )?(?:in|out in|over in|en) ([a-z]+(?: [a-z]+)?)/;

function buysElsewhere(simple: string): boolean {
  const place = BUYING_IN.exec(simple)?.[1];
  return (
    place !== undefined && locatePlaces(place, marketCities, { aliases: marketCityAliases }).length === 0
  );
}

const RULES: [RegExp, MotivationSlot][] = [
  [LANDLORD_SELLS, 'other'],
  [DEATH, 'death_in_family'],
  [DIVORCE, 'divorce'],
  [MARRIAGE, 'marriage'],
  [MOVING_IN, 'moving_in_with_partner'],
  [INHERITED, 'inherited'],
  [TAXES, 'taxes'],
  [FINANCIAL, 'financial'],
  [RETIREMENT, 'retirement'],
  [JOB, 'job'],
  [BOUGHT_ANOTHER, 'bought_another'],
  [TENANTS, 'tenants'],
  [INVESTMENT, 'investment'],
  [UPSIZING, 'upsizing'],
  [DOWNSIZING, 'downsizing'],
  [COMMUTE, 'other'],
  [RELOCATION, 'relocation'],
  [CARE, 'other'],
  [NEAR_FAMILY, 'relocation'],
  [QUIT_JOB, 'financial'],
  [OTHER, 'other'],
];

/**
 * The lead's reason in the sixteen labels of the corpus: relocation, job, upsizing, downsizing,
 * divorce, death_in_family, financial, retirement, investment, bought_another,
 * moving_in_with_partner, marriage, taxes, tenants, inherited, other. Null when no reason is
 * given. English and Spanish.
 */
export function readMotivationSlot(text: string, options: MotivationOptions): MotivationSlot | null {
  const simple = statements(simplify(text));
  const moves = simple.replace(NOT_A_MOVE, ' ');
  for (const [re, reason] of RULES) {
    if (reason === 'marriage' && NOT_MARRIED.test(simple)) continue;
    if ((reason === 'financial' || reason === 'other') && options.bot === 'buyer') continue;
    if (re === QUIT_JOB && !SELLING.test(simple) && options.bot !== 'seller') continue;
    if (reason === 'bought_another' && options.bot !== 'seller' && !SELLING.test(simple)) continue;
    const said = reason === 'relocation' || reason === 'job' ? moves : simple;
    if (re.test(said)) return reason;
  }
  if (SELLING.test(simple) && buysElsewhere(simple)) return 'relocation';
  if (!options.justAsked) return null;
  const bare = BARE.find(([re]) => re.test(simple))?.[1];
  return bare === 'financial' && options.bot === 'buyer' ? null : (bare ?? null);
}
