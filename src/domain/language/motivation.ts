import { fold, simplify } from './normalize.ts';

export type MotivationKind =
  | 'relocation'
  | 'downsizing'
  | 'divorce'
  | 'inherited'
  | 'financial_distress'
  | 'upgrading'
  | 'other';

/** Why the seller is selling, and where they are going when they said so. */
export interface Motivation {
  kind: MotivationKind;
  destination?: string;
}

const DIVORCE =
  /\b(?:divorc\w*|separat(?:ed|ing|ion)|splitting up|split up|ex[- ](?:wife|husband|spouse)|separad[oa]s?|separacion)\b/;
const INHERITED =
  /\b(?:inherit\w*|inheritance|estate sale|probate|(?:passed|died) and left|left (?:us|me|it to (?:me|us))(?: the house)?|(?:mom|mother|dad|father|parents?|grandm\w*|grandp\w*|grandparents|aunt|uncle) (?:passed|died)|herencia|heredamos|herede|heredo|sucesion|testamentaria|(?:fallecio|murio) (?:mi|nuestra|nuestro))\b/;
const DISTRESS =
  /\b(?:behind (?:on|in) (?:\w+ )?(?:payments?|mortgage|the mortgage|taxes)|(?:cant|cannot|can not|unable to|couldnt) (?:afford|keep up|make (?:the )?payments|pay (?:the )?mortgage)|(?:pre-?)?foreclos\w*|notice of default|bankrupt\w*|lost (?:my|his|her|our) jobs?|laid off|medical bills|(?:in|drowning in) debt|owe more than|underwater|upside down|short sale|tax lien|back taxes|atrasad[oa]s? (?:en|con) (?:los |la )?(?:pagos|hipoteca)|no (?:podemos|puedo) pagar|ejecucion hipotecaria|embargo|perdi (?:mi|el) trabajo|deudas?)\b/;
const RELOCATION =
  /\b(?:moving (?:to|out of|out to|back to|closer)|move out to|(?:be|live|living) (?:closer to|near) (?:my |our )?(?:family|kids|parents|grandkids|daughter|son)|relocat\w*|transfer(?:red|ring)?|new job|job (?:offer|transfer|in)|for work|work (?:is )?(?:moving|sending)|military|pcs(?:ing)?|(?:move|moving) (?:out of|across) (?:state|the state|california|the country)|(?:leaving|leave) (?:california|the state|ca)|out of state|retir\w* to|nos (?:mudamos|vamos|cambiamos|regresamos) (?:a|para|de estado|fuera)|(?:mudar(?:me|nos)?|me mudo|irnos|regresarnos) (?:a|para|de estado|fuera)|cambio de trabajo|traslado|reubica\w*)\b/;
const DOWNSIZING =
  /\b(?:downsiz\w*|too (?:much|big of a) house|(?:house|home|place) is too big|too big for|(?:house|home|place)(?: is| s)? (?:way )?too (?:big|large)|too much (?:space|house|upkeep|yard)|empty nest\w*|kids (?:moved|are|r|have|all|have all|are all) (?:out|grown|gone|moved out)|kids (?:left|moved away)|smaller (?:place|home|house|condo)|dont need (?:all )?(?:this|that) (?:space|room)|(?:casa )?(?:muy|demasiado) grande|mas pequena|reducir|los hijos (?:ya )?se (?:fueron|casaron)|se (?:fueron|casaron) (?:los|mis|nuestros) hijos|(?:nos |me )?queda (?:muy |demasiado )?grande)\b/;
const UPGRADING =
  /\b(?:need (?:more|a bigger) (?:space|room|house|home|place)|more (?:space|room)|bigger (?:house|home|place|yard)|growing family|baby on the way|(?:were|we are|wife is) expecting|outgr(?:own|ew)|upgrad\w*|mas espacio|(?:casa )?mas grande|familia (?:esta )?creciendo|bebe en camino)\b/;
const OTHER =
  /\b(?:because|since|reason|tired of|landlord|tenants?|rental|investment|cash out|equity|retir\w*|health|neighbors|commute|passed away|died|porque|cansad[oa]s? de|fallecio|murio|inquilinos|inversion|jubil\w*|salud)\b/;

const DESTINATION =
  /\b(?:moving (?:back |out )?to|relocating to|relocate to|move (?:back |out )?to|headed to|heading to|retiring to|transferred to|job in|(?:closer to|near|be with) (?:my |our |the )?(?:family|kids|parents|grandkids|daughter|son|mom|dad) (?:in|out in)|(?:mudamos|mudarnos|mudo|vamos|cambiamos|irnos|regresamos) (?:a|para))\s+/g;
const NOT_A_PLACE = new Set(
  'a an my our his her their something somewhere be get buy sell rent do find another un una algo otra otro smaller bigger new different cheaper larger'.split(
    ' ',
  ),
);
const STOP = new Set(
  'for because since to in next soon and with so by this that when after before asap or but where once this, as por para porque y en con pronto cuando despues antes el la lo que mas the'.split(
    ' ',
  ),
);

function titleCase(word: string): string {
  return word.length <= 2 ? word.toUpperCase() : word.charAt(0).toUpperCase() + word.slice(1);
}

/** The place after "moving to …", in the lead's spelling ("Texas", "Boise Idaho", "the Bay Area"). */
function destination(text: string): string | undefined {
  const folded = fold(text);
  for (const m of folded.matchAll(DESTINATION)) {
    const start = m.index + m[0].length;
    const words =
      text
        .slice(start)
        .match(/^[\p{L}.'-]+(?:\s+[\p{L}.'-]+){0,3}/u)?.[0]
        .split(/\s+/) ?? [];
    const kept: string[] = [];
    for (const [i, word] of words.entries()) {
      const low = fold(word).replace(/(?<![.,])[.,]+$/, '');
      if (i === 0 && low === 'the') continue;
      if (i === 0 && NOT_A_PLACE.has(low)) break;
      if (STOP.has(low) || (kept.length > 0 && low === 'the')) break;
      kept.push(word.replace(/(?<![.,])[.,]+$/, ''));
      if (/[.,]$/.test(word)) break;
    }
    if (kept.length > 0) {
      const place = kept.join(' ');
      return place === place.toLowerCase() ? kept.map(titleCase).join(' ') : place;
    }
  }
  return undefined;
}

/**
 * The seller's motivation: relocation (with destination: "moving to Texas for work"), downsizing
 * ("kids moved out, too much house"), divorce, inherited ("my mom passed and left us the house"),
 * financial_distress ("behind on payments"), upgrading ("growing family"), or other when a reason
 * is given that fits none of those. Null when no reason is given. English and Spanish.
 */
export function extractMotivation(text: string): Motivation | null {
  const simple = simplify(text);
  const relocating = RELOCATION.test(simple);
  const place = relocating ? destination(text) : undefined;
  // "Moving to a smaller place" is downsizing; "moving to Texas" is relocation.
  const rules: [RegExp | boolean, MotivationKind][] = [
    [DIVORCE, 'divorce'],
    [INHERITED, 'inherited'],
    [DISTRESS, 'financial_distress'],
    [place !== undefined, 'relocation'],
    [DOWNSIZING, 'downsizing'],
    [UPGRADING, 'upgrading'],
    [relocating, 'relocation'],
    [OTHER, 'other'],
  ];
  const hit = rules.find(([rule]) => (typeof rule === 'boolean' ? rule : rule.test(simple)));
  if (!hit) return null;
  return place ? { kind: hit[1], destination: place } : { kind: hit[1] };
}

/** Why a lead moves, in the sixteen labels the CRM and the corpus use. */
export type MotivationReason =
  | 'relocation'
  | 'job'
  | 'upsizing'
  | 'downsizing'
  | 'divorce'
  | 'death_in_family'
  | 'financial'
  | 'retirement'
  | 'investment'
  | 'bought_another'
  | 'moving_in_with_partner'
  | 'marriage'
  | 'taxes'
  | 'tenants'
  | 'inherited'
  | 'other';

export interface MotivationOptions {
  /** True when the bot just asked why: one-word reasons ("money", "work", "schools") then count. */
  justAsked?: boolean;
  /**
   * Who the bot is talking to. A buyer's money trouble is a reason to wait, not to move, and a
   * buyer's schools or HOA are wishes, not reasons; "we bought a house" is a reason to sell only
   * for a seller or when the message also speaks of selling.
   */
  bot?: 'lead' | 'seller' | 'buyer';
}

const REASON_KIN =
  '(?:mom|mother|moms|mothers|mama|dad|father|dads|fathers|papa|parents?|grand(?:ma|pa|mother|father|parents?)s?|husband|hubby|wife|spouse|son|daughter|brother|sister|aunt|uncle|grandson|granddaughter|madre|padre|mami|papi|esposo|esposa|marido|hijo|hija|hermano|hermana|abuel[oa]|tio|tia|suegr[oa])';
const REASON_PARTNER =
  '(?:partner|boyfriend|girlfriend|bf|gf|fianc[eé]e?|fiance|novio|novia|pareja|prometid[oa])';

const REASON_DEATH = new RegExp(
  `\\b(?:passed away|passed on|${REASON_KIN}(?: just| recently)? (?:passed|died)|(?:passed|died) (?:in|on|last|yesterday|this|a (?:few|couple))|late (?:${REASON_KIN}|${REASON_KIN}s)|funeral|buried|executor|(?:${REASON_KIN}s|his|her) (?:trust|estate) (?:is|gets|was) (?:settled|closed)|se nos fue|(?:fallecio|murio|falleci\\w*|muri\\w*) (?:mi|nuestr[oa]|el|la)|(?:fallecio|murio)|en paz descanse|(?:lost|losing) (?:my|our) (?!baby|job|jobs)${REASON_KIN})\\b`,
);
const REASON_DIVORCE =
  /\b(?:divorc\w*|divorse\w*|separat(?:ed|ing|ion)|splitting up|split up|breaking up|ex (?:and i|n i|&)|(?:my|our) ex\b|ex[- ](?:wife|husband|spouse)|separad[oa]s?|separacion|me separe|nos separamos|nos estamos separando)\b/;
const REASON_NOT_MARRIED =
  /\b(?:not|arent|are not|no) (?:\w+ )?married\b|\bno (?:estamos|nos hemos) casad|\bno (?:wedding|boda)\b/;
const REASON_MARRIAGE =
  /\b(?:getting married|get married|got married|just married|marrying|marriage|married|wedding|(?:just |got |getting )?engaged|newly ?weds?|combining (?:households|homes)|nos casamos|casarnos|casarme|me caso|(?:me voy|nos vamos|vamos) a casar|boda|compromet\w*|recien casados)\b/;
const REASON_MOVING_IN = new RegExp(
  `\\b(?:moving in (?:with (?:my|our) ${REASON_PARTNER}|together)|move in (?:with (?:my|our) ${REASON_PARTNER}|together)|(?:my )?${REASON_PARTNER} and i (?:are|r) moving in|living together|(?:me voy a|nos vamos a|vamos a) (?:juntar|vivir juntos)|juntar(?:me|nos)? con mi ${REASON_PARTNER}|(?:vivir|irme a vivir) con mi ${REASON_PARTNER})\\b`,
);
const REASON_INHERITED =
  /\b(?:inherit\w*|inheritance|probate|(?:left|leaving) (?:it|the house|the home|the place) to (?:me|us)|left (?:me|us) the (?:house|home|place)|(?:in|through|thru) (?:a|the|his|her|their) (?:trust|will)|estate sale|herencia|heredamos|herede|heredo|heredad[oa]|sucesion|testamento)\b/;
const REASON_TAXES =
  /\b(?:(?:property|prop) tax\w*|tax(?:es)? (?:are|is|r) (?:too |so |really |way )?(?:high|crazy|insane|killing)|tax bill|taxes|mello[- ]?roos|prop(?:osition)? 19|capital gains?|impuestos?|predial)\b/;
const REASON_FINANCIAL =
  /\b(?:lost (?:my|his|her|our) jobs?|laid off|got fired|(?:cant|cannot|can not|couldnt|unable to) (?:afford|keep up|make (?:the )?payments?|pay (?:the )?(?:mortgage|bills))|behind (?:on|in) (?:\w+ )?(?:payments?|mortgage|bills)|(?:pre-?)?foreclos\w*|notice of default|bankrupt\w*|short sale|underwater|upside down|(?:in|drowning in) debt|medical bills|need (?:the )?(?:cash|money)|pay off (?:the |my |our )?(?:loan|debts?|mortgage)|bank (?:is|keeps) (?:calling|after)|(?:me quede|nos quedamos) sin trabajo|perdi (?:mi|el) trabajo|(?:ya )?no (?:podemos|puedo) (?:con los pagos|pagar\w*)|atrasad[oa]s? (?:en|con)|deudas?|embargo|ejecucion hipotecaria)\b/;
const REASON_RETIREMENT =
  /\b(?:retir(?:e|ed|ee|ees|ing|ement)|jubil\w*|pension(?:ed|ado)|(?:me voy a|nos vamos a|voy a|vamos a|ya me|ya nos|me|nos) retir\w*|retirad[oa]s?)\b/;
const REASON_JOB =
  /\b(?:transfer(?:red|ring)?|(?:new|a) job (?:in|at|offer|starts?)|new job|job (?:offer|transfer|relocation)|for (?:my |his |her |our )?(?:(?:husband|hubby|wife|spouse|partner)s? )?(?:job|work)|(?:job|work|company|employer) (?:is )?(?:moving|sending|relocating) (?:me|us|him|her)|got (?:a )?(?:job|position|orders)|military|(?:pcs|pcsing)\b|orders|por (?:el |su |mi )?trabajo|(?:cambio|oferta) de trabajo|nuevo trabajo|me (?:transfirieron|cambiaron|mandan)|lo (?:transfirieron|cambiaron|mandan)|traslado)\b/;
const REASON_BOUGHT_ANOTHER =
  /\b(?:(?:already |just )?(?:bought|bougth|boughted|purchased|closed on|buying) (?:a |another |our |my |the |a new |our new )?(?:new |other )?(?:house|home|place|condo|build|townhome|one)(?! (?:in|for) (?:19|20)\d\d)|(?:already |just )?(?:bought|bougth) in [a-z]+|escrow (?:on|for) (?:our|my|the) new|(?:our|my) new (?:place|house|home) (?:closes|closed)|(?:ya )?compramos (?:otra|una|la)|ya (?:compre|compramos))\b/;
const REASON_TENANTS =
  /\b(?:tenants?|(?:dealing with|tired of|problems? with|bad|my|the) renters|renters? (?:are|is|wont|left|moving)|inquilinos?|(?:renting|rented|rent) it out|(?:que|la) rento)\b/;
const REASON_INVESTMENT =
  /\b(?:investment|investing|reinvest\w*|1031|cash out|cash flow|rental(?: property)?|airbnb|short[- ]term rentals?|inversion|invertir|(?:mientras|while) (?:los )?precios (?:estan|are) (?:altos|high)|while prices are high)\b/;
const REASON_UPSIZING =
  /\b(?:bigger (?:place|house|home|yard|one)|something bigger|(?:more|extra) (?:room|space|bedrooms?)|outgr(?:ew|own|owing)|(?:baby|twins|another (?:one|baby|kid)|kid|triplets) (?:on the way|coming)|baby (?:#?\d|number \d)|(?:another|an extra|one more) (?:bedroom|room)|(?:just )?had (?:a|our|another) baby|(?:were|we are|wife is|shes) expecting|growing family|family is growing|upgrad(?:e|ing) to|(?:mas|más) (?:espacio|grande)|bebe en camino|familia (?:esta )?creciendo|\d kids in a \d)\b/;
const REASON_DOWNSIZING =
  /\b(?:downsiz\w*|too (?:much|big of a) house|(?:house|home|place)(?: is| s)? (?:way |just )?too (?:big|large|much)|too much (?:space|house|upkeep|yard)|less (?:yard|house|space|upkeep|maintenance)|empty nest\w*|kids (?:are|r|have|all)? ?(?:all )?(?:grown|gone|moved out|out of the house)|kids (?:left|moved away)|smaller (?:place|home|house|condo|one)|(?:something|algo) (?:mas )?(?:smaller|chico|pequeno|chiquito)|(?:muy|demasiado) grande|mas (?:chica|chico|pequena|pequeno)|los hijos (?:ya )?se (?:fueron|casaron)|se (?:fueron|casaron) (?:los|mis|nuestros) hijos|(?:nos |me )?queda (?:muy |demasiado )?grande)\b/;
const REASON_RELOCATION =
  /\b(?:relocat\w*|moving (?:to|out of|out to|back to|back home|closer|near|here|from|2|away|across)|move (?:to|out of|closer|near|back)|(?:going|headed|heading|go) back to|(?:move|moving|be|live|living|get) (?:closer to|near) (?:my |our |the )?(?:family|kids|grandkids|parents|daughter|son|mom|dad)|(?:want|get|getting) out of (?:california|ca|the state|socal|here)|out of state|leaving (?:california|ca|the state)|nos (?:vamos a mudar|mudamos|cambiamos|regresamos)|nos vamos a (?!vender|comprar|casar|juntar)[a-z]+|me (?:regreso|mudo|voy a mudar)|(?:irme|irnos|regresarme|regresarnos|mudarme|mudarnos) a)\b/;
const REASON_OTHER =
  /\b(?:(?:hate|bad|loud|crazy|annoying|noisy|problems? with|tired of|sick of) (?:my |the |our )?neighbou?rs|neighbou?rs (?:are|r|is) (?:so |too |really )?(?:loud|crazy|awful|terrible|a nightmare|annoying|bad|noisy)|neighbou?rhood (?:has|is|s) (?:gotten|getting|changed|going)|commute (?:is|s)\b|(?:long|bad|terrible|brutal|awful) commute|tired of (?:the )?commut\w*|hoa(?: fees| dues)?(?: is| are| s| r)? (?:a nightmare|too|so|crazy|insane|ridiculous|killing|out of control|keeps?|went up|going up)|(?:hate|tired of|sick of) (?:the |my |our )?hoa|school district|(?:better|good|great|best) schools?|schools? for (?:the|my|our) kids|noisy|too (?:loud|much noise)|(?:is|am|got|getting|been|s) (?:sick|ill)\b(?! of)|health (?:reasons|issues|problems)|(?:my|his|her) health|need (?:a |one )?(?:single |one )story|fresh start|(?:want|need|ready for) a change|moving in with (?:us|me)|(?:problemas con|odio a) (?:los|mis) vecinos|(?:por|mi|su) salud|enferm[oa]s?|(?:mejores|buenas) escuelas)\b/;
// Answers to "why are you selling?" that are a single word or two.
const REASON_BARE_REASON: [RegExp, MotivationReason][] = [
  [/^(?:money|bills|finances|financial|the money|dinero|deudas)\b/, 'financial'],
  [/^(?:work|job|trabajo)\b/, 'job'],
  [/^(?:family|familia)\b/, 'relocation'],
];

const SELLING = /\b(?:sell\w*|this one|list\w*|vender|vendo)\b/;

const REASON_RULES: [RegExp, MotivationReason][] = [
  [REASON_DEATH, 'death_in_family'],
  [REASON_DIVORCE, 'divorce'],
  [REASON_MARRIAGE, 'marriage'],
  [REASON_MOVING_IN, 'moving_in_with_partner'],
  [REASON_INHERITED, 'inherited'],
  [REASON_TAXES, 'taxes'],
  [REASON_FINANCIAL, 'financial'],
  [REASON_RETIREMENT, 'retirement'],
  [REASON_JOB, 'job'],
  [REASON_BOUGHT_ANOTHER, 'bought_another'],
  [REASON_TENANTS, 'tenants'],
  [REASON_INVESTMENT, 'investment'],
  [REASON_UPSIZING, 'upsizing'],
  [REASON_DOWNSIZING, 'downsizing'],
  [REASON_RELOCATION, 'relocation'],
  [REASON_OTHER, 'other'],
];

/**
 * The lead's reason in the sixteen labels: a death outranks everything said with it, then
 * divorce, marriage, moving in with a partner, an inheritance, taxes, money trouble, retirement,
 * a job, a house already bought, tenants, investment, more or less room, a move for other reasons
 * (family, cost, leaving the state) and finally `other` (schools, neighbours, HOA, health,
 * commute). Null when no reason is given. English and Spanish.
 */
export function readMotivation(text: string, options: MotivationOptions = {}): MotivationReason | null {
  const simple = simplify(text);
  for (const [re, reason] of REASON_RULES) {
    if (reason === 'marriage' && REASON_NOT_MARRIED.test(simple)) continue;
    if ((reason === 'financial' || reason === 'other') && options.bot === 'buyer') continue;
    if (reason === 'bought_another' && options.bot !== 'seller' && !SELLING.test(simple)) continue;
    if (re.test(simple)) return reason;
  }
  if (options.justAsked) {
    const bare = REASON_BARE_REASON.find(([re]) => re.test(simple));
    if (bare && !(bare[1] === 'financial' && options.bot === 'buyer')) return bare[1];
  }
  return null;
}
