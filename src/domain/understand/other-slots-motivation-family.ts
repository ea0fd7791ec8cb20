// Cue lists for the family reasons of readMotivationSlot (other-slots-motivation.ts): a death,
// a divorce, a marriage, moving in together, an inheritance. English and Spanish, simplified text.

export const cues = (alternatives: readonly string[]) => new RegExp(`\\b(?:${alternatives.join('|')})\\b`);

export const KIN =
  '(?:mom|mother|moms|mothers|mama|dad|father|dads|fathers|papa|parents?|grand(?:ma|pa|mother|father|parents?)s?|husband|hubby|wife|spouse|son|daughter|brother|sister|aunt|uncle|grandson|granddaughter|madre|padre|mami|papi|esposo|esposa|marido|hijo|hija|hermano|hermana|abuel[oa]|tio|tia|suegr[oa])';
const PARTNER = '(?:partner|boyfriend|girlfriend|bf|gf|fiancee?|novio|novia|pareja|prometid[oa])';

export const DEATH = cues([
  // "needs a downstairs room for my dad now that mom's gone".
  'now that (?:my |our )?(?:mom|dad|mother|father|wife|husband|grandma|grandpa|abuela|mama|papa)s? (?:is |s )?(?:gone|passed)',
  'passed away|passed on',
  `(?:${KIN}|she|he)(?: just| recently)? (?:passed|died)(?! (?:the|a|an|inspection|away from|out)\\b)`,
  // Not a machine: "the ac died this summer".
  '(?<!\\b(?:ac|heater|furnace|car|truck|battery|fridge|refrigerator|phone|laptop|computer|pump|dishwasher|washer|dryer|tv|engine|hvac|unit|compressor|oven|stove|water heater) )(?:passed|died) (?:in|on|last|yesterday|this|a (?:few|couple))',
  `late ${KIN}`,
  '(?:shes|hes|she is|he is) gone',
  // "we buried my dad", "she was buried in May"; not "texts get buried" or "buried in debt".
  'funeral|executor|buried (?:him|her|them|my|our)|(?:was|were) buried',
  // "my dad isn't even buried yet", "mi esposo se encargaba de todo y ya no está".
  '(?:isnt|is not|not) (?:even )?buried',
  `(?:mi|nuestr[oa]) ${KIN} (?:\\w+ ){0,8}ya no esta\\b(?! (?:aqui|en casa|interesad\\w*|disponible))`,
  `(?:${KIN}s|his|her) (?:trust|estate) (?:is|gets|was) (?:settled|closed)`,
  'se nos fue|en paz descanse|(?:estamos|estoy|andamos|ando) de luto por|in mourning for',
  '(?:fallecio|murio|fallecer|falleci\\w*|muri\\w*)',
  // "enterramos a mi abuelo la semana pasada".
  '(?:enterramos|sepultamos|enterraron|sepultaron) a',
  `(?:lost|losing) (?:my|our) (?!baby|job|jobs)${KIN}`,
  `perdi(?:mos)? a (?:mi|nuestr[oa]) ${KIN}`,
]);
export const DIVORCE = cues([
  'divorc\\w*|divorse\\w*',
  'separat(?:ed|ing|ion)',
  'splitting up|split up|breaking up',
  'ex (?:and i|n i|&)',
  '(?:my|our) ex\\b',
  'ex[- ](?:wife|husband|spouse)',
  'separad[oa]s?|separacion|me separe|nos separamos|nos estamos separando|me estoy separando',
  // "my husband left and I can't afford this place on my own".
  '(?:my|our) (?:husband|wife|spouse|hubby) (?:just )?(?:left|walked out|moved out)',
  // "he moved out in sept and the judge says we have to sell it".
  '(?:he|she) moved out(?: [a-z]+){0,5} (?:judge|court|lawyer|attorney)',
  '(?:me|nos) dejo (?:mi )?(?:esposo|esposa|marido|mujer)|(?:mi )?(?:esposo|esposa|marido|mujer) (?:me|nos) dejo',
  '(?:nos vamos a|vamos a|me voy a|nos queremos|queremos) separar',
]);
export const NOT_MARRIED = cues([
  '(?:not|arent|are not|no) (?:\\w+ )?married',
  'no (?:estamos|nos hemos) casad\\w*',
  'no (?:wedding|boda)',
]);
export const MARRIAGE = cues([
  'getting married|get married|got married|just married|marrying|marriage|married|weddings?',
  '(?:just |got |getting )?engaged',
  'newly ?weds?',
  'combining (?:households|homes)',
  'nos casamos|casarnos|casarme|me caso|(?:me voy|nos vamos|vamos) a casar|boda|compromet\\w*|recien casados',
]);
export const MOVING_IN = cues([
  // "my boyfriend has a house in Corona so I'm moving in with him".
  `${PARTNER}(?: [a-z]+){0,8} moving in (?:with|w) (?:him|her|them)`,
  `moving in (?:with|w) (?:my|our) ${PARTNER}`,
  `moving in (?:with (?:my|our) ${PARTNER}|together)`,
  `move in (?:with (?:my|our) ${PARTNER}|together)`,
  `(?:my )?${PARTNER} and i (?:are|r) moving in`,
  'living together',
  '(?:getting|buying|finding) a (?:place|house|home) together',
  '(?:me voy a|nos vamos a|vamos a) (?:juntar|vivir juntos)',
  `juntar(?:me|nos)? con mi ${PARTNER}`,
  `(?:vivir|irme a vivir|mudar(?:me|nos)?|me mudo|me voy a mudar) con mi ${PARTNER}`,
]);
export const INHERITED = cues([
  'inherit\\w*|inheritance|probate',
  '(?:left|leaving) (?:it|the house|the home|the place) to (?:me|us)',
  'left (?:me|us) the (?:house|home|place)',
  '(?:in|through|thru) (?:a|the|his|her|their) (?:trust|will)',
  // "está en un trust", "quedó en el fideicomiso de mis abuelos".
  '(?:esta|quedo|estan) en (?:un|el|su) (?:trust|fideicomiso)|fideicomiso',
  `(?:${KIN}s?|family|living) trust|beneficiar(?:y|ies)`,
  'estate sale',
  // Not "the trustee sale is set for jan 22": that is the bank's auction (financial).
  '(?:trust|estate) (?:house|home|property)|trustees?(?! sale)',
  // "the trust finally closed so we can sell grandma's place".
  'the (?:trust|estate) (?:finally )?(?:closed|settled|cleared|went through|is done|is settled)',
  'herencia|heredamos|herede|heredo|heredad[oa]|sucesion|testamento',
  // "la casa era de mi mamá, nos la dejó a mis hermanos y a mí".
  `(?:nos|me) la (?:dejo|dejaron) a|era de (?:mi|nuestr[oa]) ${KIN}`,
]);
