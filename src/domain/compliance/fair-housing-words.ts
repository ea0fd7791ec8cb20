// Vocabulary for the Fair Housing rules, flattened (lowercase, no accents, no apostrophes).
// Lists are "|"-separated to keep them readable in one place.

export type ProtectedClass =
  | 'race'
  | 'color'
  | 'religion'
  | 'national_origin'
  | 'sex'
  | 'familial_status'
  | 'disability'
  | 'age'
  | 'other';

export function terms(list: string): string[] {
  return list
    .split('|')
    .map((term) => term.trim())
    .filter((term) => term.length > 0);
}

/** Spanish adjective stems inflected for gender and number: blanc → blanco, blanca, blancos, blancas. */
function gendered(stems: string): string {
  return terms(stems)
    .flatMap((stem) => [`${stem}o`, `${stem}a`, `${stem}os`, `${stem}as`])
    .join('|');
}

/** Nouns that name a group of people on their own: "no Muslims", "fewer Hispanics". */
export const GROUP_NOUNS: Readonly<Record<ProtectedClass, string>> = {
  race: 'caucasians|asians|african americans|people of color|persons of color|minorities|non whites|nonwhites|asiaticos|asiaticas|afroamericanos|afroamericanas|minorias|gente de color|personas de color',
  color: 'dark skinned people|light skinned people|brown people|gente de piel oscura|personas de piel oscura',
  national_origin:
    'hispanics|latinos|latinas|latinx|mexicans|immigrants|foreigners|illegals|illegal aliens|arabs|indians|middle easterners|koreans|filipinos|armenians|iranians|persians|africans|haitians|somalis|puerto ricans|cubans|salvadorans|guatemalans|pakistanis|nigerians|russians|hispanos|hispanas|mexicanos|mexicanas|inmigrantes|extranjeros|ilegales|arabes|indios|coreanos|filipinos|armenios|africanos',
  religion:
    'muslims|moslems|jews|christians|catholics|mormons|hindus|sikhs|buddhists|atheists|evangelicals|musulmanes|judios|judias|cristianos|catolicos|mormones|evangelicos|ateos|hindues',
  sex: 'women|men|females|males|gays|lesbians|homosexuals|transgenders|trans people|single women|single men|mujeres|hombres|lesbianas|homosexuales',
  familial_status:
    'kids|children|babies|toddlers|teenagers|teens|families|families with kids|families with children|young families|young family|families with young kids|single moms|single mothers|pregnant women|ninos|ninas|hijos|bebes|chamacos|familias|familias con ninos|mujeres embarazadas|madres solteras',
  disability:
    'disabled people|the disabled|handicapped people|the handicapped|people with disabilities|mentally ill people|the mentally ill|people in wheelchairs|wheelchair users|group homes|recovering addicts|sober living homes|people with aids|discapacitados|minusvalidos|personas con discapacidad|enfermos mentales|hogares grupales',
  age: 'seniors|elderly people|the elderly|old people|older people|old folks|retirees|young people|millennials|boomers|ancianos|viejitos|personas mayores|gente mayor|adultos mayores|jovenes',
  other:
    'married couple|married couples|unmarried couple|unmarried couples|singles|single people|parejas casadas|solteros|solteras|those people|these people|that kind of people|those kind of people|those kinds of people|the wrong kind of people|the wrong crowd|undesirables|section 8|section eight|welfare people|people on welfare|esa gente|ese tipo de gente|esas personas|seccion 8',
};

/** Nouns that also name things ("egg whites", "gabinetes blancos"): count only right after an avoid cue. */
export const WEAK_GROUP_NOUNS: Readonly<Record<ProtectedClass, string>> = {
  race: 'whites|blacks|blancos|blancas|negros|negras',
  color: 'morenos|morenas',
  national_origin: 'chinos|chinese|japanese|vietnamese',
  religion: '',
  sex: '',
  familial_status: '',
  disability: '',
  age: 'viejos',
  other: '',
};

/** Adjectives that name a group when next to a people noun (and, for some classes, a place noun). */
export const GROUP_ADJECTIVES: Readonly<Record<ProtectedClass, string>> = {
  race: `white|black|asian|caucasian|african american|minority|non white|nonwhite|${gendered('blanc|negr|asiatic|afroamerican')}`,
  color: `dark skinned|light skinned|brown|de color|de piel oscura|de piel clara|${gendered('moren')}`,
  national_origin: `hispanic|latino|latina|latinx|mexican|chinese|indian|arab|arabic|middle eastern|foreign|immigrant|korean|vietnamese|filipino|armenian|persian|iranian|japanese|russian|african|inmigrante|inmigrantes|arabe|arabes|${gendered('hispan|latin|mexican|chin|extranjer|indi|corean|armeni|african')}`,
  religion: `muslim|jewish|christian|catholic|mormon|hindu|sikh|buddhist|evangelical|islamic|religious|musulman|musulmana|musulmanes|musulmanas|${gendered('judi|cristian|catolic|evangelic|religios')}`,
  sex: 'gay|lesbian|trans|transgender|lgbt|lgbtq|queer|female|male|lesbiana|lesbianas|homosexual|homosexuales',
  familial_status: '',
  disability: `disabled|handicapped|mentally ill|blind|deaf|${gendered('discapacitad|minusvalid')}`,
  age: `old|older|elderly|young|younger|retired|mayor|mayores|joven|jovenes|${gendered('ancian|viej')}`,
  other: '',
};

/** Classes whose adjectives also mark places: "a white neighborhood" yes, "an older area" no. */
export const PLACE_ADJECTIVE_CLASSES: ReadonlySet<ProtectedClass> = new Set([
  'race',
  'color',
  'national_origin',
  'religion',
  'sex',
]);

export const PEOPLE_NOUNS_EN = terms(
  'people|persons|folks|families|family|buyers|buyer|neighbors|neighbours|neighbor|neighbour|residents|resident|tenants|tenant|renters|renter|owners|owner|homeowners|person|man|men|woman|women|guy|guys|couple|couples|crowd|population|kids|children|households|household|purchasers|purchaser|individuals|clients|client',
);
export const PLACE_NOUNS_EN = terms(
  'neighborhood|neighborhoods|neighbourhood|neighbourhoods|area|areas|community|communities|part of town|parts of town|side of town|street|streets|block|building|complex|town|city|enclave|district|suburb|suburbs|zip code',
);
export const PEOPLE_NOUNS_ES = terms(
  'gente|personas|persona|familias|familia|vecinos|vecinas|vecino|vecina|compradores|comprador|compradora|residentes|inquilinos|inquilino|duenos|dueno|propietarios|hombre|hombres|mujer|mujeres|pareja|parejas|poblacion|ninos|clientes|cliente',
);
export const PLACE_NOUNS_ES = terms(
  'barrio|barrios|zona|zonas|vecindario|vecindarios|colonia|colonias|comunidad|comunidades|area|areas|calle|cuadra|edificio|ciudad|fraccionamiento',
);

/** A group word followed by one of these is about a thing, not people: "Jewish community center". */
export const THING_AFTER = terms(
  'center|centre|college|school|schools|church|temple|restaurant|restaurants|food|market|markets|store|stores|cuisine|room|rooms|bedroom|bedrooms|bathroom|playroom|play|park|playground|discount|discounts|menu|rug|pool|club|program|furniture|toys|stuff|swing|area rug|parking|ramp|access',
);

/** Phrases that are a fair-housing request by themselves. */
export const DIRECT_PHRASES: Readonly<Record<ProtectedClass, string>> = {
  race: 'racial makeup|racial mix|racial composition|racially|composicion racial|mezcla racial',
  color: 'skin color|color de piel',
  national_origin: 'ethnic makeup|ethnic mix|ethnic composition|ethnically|composicion etnica',
  religion: '',
  sex: '',
  familial_status:
    'adults only|adult only|no children allowed|no kids allowed|kid free|child free|childless couples|solo adultos|sin ninos permitidos',
  disability: '',
  age: '',
  other:
    'people like us|people like me|people like ourselves|our kind|my kind|our own kind|our type of people|my type of people|demographics|demographic makeup|what kind of people live|what type of people live|what sort of people live|who lives in (?:the|that|this) (?:area|neighborhood)|gente como nosotros|gente como yo|personas como nosotros|nuestra clase de gente|demografia|que tipo de gente vive|que clase de gente vive',
};
