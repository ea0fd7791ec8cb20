// Where a lead is, as far as the clock is concerned: US states and territories and Canadian
// provinces, their time zones, and the state a ZIP code belongs to. Pure data and lookups.

/** A state, territory or province and the time zones the lead may be in there (first = most people). */
export interface Place {
  region: string;
  zones: readonly string[];
}

const NY = 'America/New_York';
const DET = 'America/Detroit';
const IND = 'America/Indiana/Indianapolis';
const LOU = 'America/Kentucky/Louisville';
const CHI = 'America/Chicago';
const DEN = 'America/Denver';
const BOI = 'America/Boise';
const PHX = 'America/Phoenix';
const LA = 'America/Los_Angeles';
const ANC = 'America/Anchorage';

/**
 * Every official time zone of each region, the zone with most people first. A lead known only by
 * region could be in any of them, so a message must fit the window in all of them; a ZIP code or
 * an area code usually narrows it to one. Unofficial local practice (Phenix City AL and Kenton OK
 * keeping their neighbours' clocks) is not modelled.
 */
export const REGION_ZONES: Readonly<Record<string, readonly string[]>> = {
  AL: [CHI],
  AK: [ANC, 'America/Adak'],
  // The Navajo Nation keeps daylight saving time; the rest of Arizona does not.
  AZ: [PHX, DEN],
  AR: [CHI],
  CA: [LA],
  CO: [DEN],
  CT: [NY],
  DE: [NY],
  DC: [NY],
  FL: [NY, CHI],
  GA: [NY],
  HI: ['Pacific/Honolulu'],
  ID: [BOI, LA],
  IL: [CHI],
  IN: [IND, CHI],
  IA: [CHI],
  KS: [CHI, DEN],
  KY: [LOU, CHI],
  LA: [CHI],
  ME: [NY],
  MD: [NY],
  MA: [NY],
  MI: [DET, CHI],
  MN: [CHI],
  MS: [CHI],
  MO: [CHI],
  MT: [DEN],
  NE: [CHI, DEN],
  NV: [LA, DEN],
  NH: [NY],
  NJ: [NY],
  NM: [DEN],
  NY: [NY],
  NC: [NY],
  ND: [CHI, DEN],
  OH: [NY],
  OK: [CHI],
  OR: [LA, BOI],
  PA: [NY],
  RI: [NY],
  SC: [NY],
  SD: [CHI, DEN],
  TN: [CHI, NY],
  TX: [CHI, DEN],
  UT: [DEN],
  VT: [NY],
  VA: [NY],
  WA: [LA],
  WV: [NY],
  WI: [CHI],
  WY: [DEN],
  PR: ['America/Puerto_Rico'],
  VI: ['America/St_Thomas'],
  GU: ['Pacific/Guam'],
  AB: ['America/Edmonton'],
  BC: ['America/Vancouver', 'America/Edmonton'],
  MB: ['America/Winnipeg'],
  NB: ['America/Moncton'],
  NL: ['America/St_Johns', 'America/Goose_Bay'],
  NS: ['America/Halifax'],
  NT: ['America/Edmonton'],
  NU: ['America/Iqaluit', 'America/Winnipeg', 'America/Edmonton'],
  ON: ['America/Toronto', 'America/Winnipeg'],
  PE: ['America/Halifax'],
  QC: ['America/Toronto', 'America/Halifax'],
  SK: ['America/Regina'],
  YT: ['America/Whitehorse'],
};

export const CANADIAN_REGIONS: ReadonlySet<string> = new Set([
  'AB',
  'BC',
  'MB',
  'NB',
  'NL',
  'NS',
  'NT',
  'NU',
  'ON',
  'PE',
  'QC',
  'SK',
  'YT',
]);

const REGION_NAMES: Readonly<Record<string, string>> = {
  alabama: 'AL',
  alaska: 'AK',
  arizona: 'AZ',
  arkansas: 'AR',
  california: 'CA',
  colorado: 'CO',
  connecticut: 'CT',
  delaware: 'DE',
  'district of columbia': 'DC',
  'washington dc': 'DC',
  'washington d.c.': 'DC',
  florida: 'FL',
  georgia: 'GA',
  hawaii: 'HI',
  idaho: 'ID',
  illinois: 'IL',
  indiana: 'IN',
  iowa: 'IA',
  kansas: 'KS',
  kentucky: 'KY',
  louisiana: 'LA',
  maine: 'ME',
  maryland: 'MD',
  massachusetts: 'MA',
  michigan: 'MI',
  minnesota: 'MN',
  mississippi: 'MS',
  missouri: 'MO',
  montana: 'MT',
  nebraska: 'NE',
  nevada: 'NV',
  'new hampshire': 'NH',
  'new jersey': 'NJ',
  'new mexico': 'NM',
  'new york': 'NY',
  'north carolina': 'NC',
  'north dakota': 'ND',
  ohio: 'OH',
  oklahoma: 'OK',
  oregon: 'OR',
  pennsylvania: 'PA',
  'rhode island': 'RI',
  'south carolina': 'SC',
  'south dakota': 'SD',
  tennessee: 'TN',
  texas: 'TX',
  utah: 'UT',
  vermont: 'VT',
  virginia: 'VA',
  washington: 'WA',
  'west virginia': 'WV',
  wisconsin: 'WI',
  wyoming: 'WY',
  'puerto rico': 'PR',
  'us virgin islands': 'VI',
  guam: 'GU',
  alberta: 'AB',
  'british columbia': 'BC',
  manitoba: 'MB',
  'new brunswick': 'NB',
  'newfoundland and labrador': 'NL',
  'nova scotia': 'NS',
  'northwest territories': 'NT',
  nunavut: 'NU',
  ontario: 'ON',
  'prince edward island': 'PE',
  quebec: 'QC',
  québec: 'QC',
  saskatchewan: 'SK',
  yukon: 'YT',
};

/** "FL", "fl", "Florida", " florida " → "FL"; anything else → null. */
export function normalizeRegion(state: string | undefined): string | null {
  if (!state) return null;
  const s = state.trim().toLowerCase().replace(/\s+/g, ' ');
  if (s.length === 2) {
    const code = s.toUpperCase();
    return code in REGION_ZONES ? code : null;
  }
  return REGION_NAMES[s] ?? null;
}

export function placeOfState(state: string | undefined): Place | null {
  const region = normalizeRegion(state);
  const zones = region ? REGION_ZONES[region] : undefined;
  return region && zones ? { region, zones } : null;
}

// USPS allocates the first three digits of a ZIP code by state (sectional centers). Ranges are
// inclusive; military (AA/AE/AP) prefixes are left out, they say nothing about a clock.
const ZIP3_RANGES: readonly (readonly [number, number, string])[] = [
  [5, 5, 'NY'],
  [6, 7, 'PR'],
  [8, 8, 'VI'],
  [9, 9, 'PR'],
  [10, 27, 'MA'],
  [28, 29, 'RI'],
  [30, 38, 'NH'],
  [39, 49, 'ME'],
  [50, 54, 'VT'],
  [55, 55, 'MA'],
  [56, 59, 'VT'],
  [60, 69, 'CT'],
  [70, 89, 'NJ'],
  [100, 149, 'NY'],
  [150, 196, 'PA'],
  [197, 199, 'DE'],
  [200, 200, 'DC'],
  [201, 201, 'VA'],
  [202, 205, 'DC'],
  [206, 219, 'MD'],
  [220, 246, 'VA'],
  [247, 268, 'WV'],
  [270, 289, 'NC'],
  [290, 299, 'SC'],
  [300, 319, 'GA'],
  [320, 339, 'FL'],
  [341, 349, 'FL'],
  [350, 369, 'AL'],
  [370, 385, 'TN'],
  [386, 397, 'MS'],
  [398, 399, 'GA'],
  [400, 427, 'KY'],
  [430, 459, 'OH'],
  [460, 479, 'IN'],
  [480, 499, 'MI'],
  [500, 528, 'IA'],
  [530, 549, 'WI'],
  [550, 567, 'MN'],
  [569, 569, 'DC'],
  [570, 577, 'SD'],
  [580, 588, 'ND'],
  [590, 599, 'MT'],
  [600, 629, 'IL'],
  [630, 658, 'MO'],
  [660, 679, 'KS'],
  [680, 693, 'NE'],
  [700, 715, 'LA'],
  [716, 729, 'AR'],
  [730, 732, 'OK'],
  [733, 733, 'TX'],
  [734, 749, 'OK'],
  [750, 799, 'TX'],
  [800, 816, 'CO'],
  [820, 831, 'WY'],
  [832, 838, 'ID'],
  [840, 847, 'UT'],
  [850, 865, 'AZ'],
  [870, 884, 'NM'],
  [885, 885, 'TX'],
  [889, 898, 'NV'],
  [900, 961, 'CA'],
  [967, 968, 'HI'],
  [969, 969, 'GU'],
  [970, 979, 'OR'],
  [980, 994, 'WA'],
  [995, 999, 'AK'],
];

// ZIP prefixes whose clock is not their state's majority zone: one zone, or several when the
// prefix itself straddles a zone line. A prefix not listed keeps the majority zone.
const ZIP3_ZONES: Readonly<Record<number, readonly string[]>> = {
  324: [CHI], // Panama City FL
  325: [CHI], // Pensacola FL
  420: [CHI], // Paducah KY
  421: [CHI], // Bowling Green KY
  422: [CHI],
  423: [CHI], // Owensboro KY
  424: [CHI], // Henderson KY
  373: [NY], // Chattanooga TN
  374: [NY],
  376: [NY], // Johnson City TN
  377: [NY], // Knoxville TN
  378: [NY],
  379: [NY],
  463: [CHI], // Gary IN
  464: [CHI],
  476: [CHI], // Evansville IN
  477: [CHI],
  498: [DET, CHI], // Iron Mountain and Marquette MI
  499: [DET, CHI], // Houghton and Ironwood MI
  577: [DEN], // Rapid City SD
  586: [CHI, DEN], // Dickinson ND
  677: [CHI, DEN], // Colby KS
  678: [CHI, DEN], // Dodge City KS
  691: [CHI, DEN], // North Platte NE
  693: [DEN], // Scottsbluff NE
  798: [DEN], // El Paso TX
  799: [DEN],
  885: [DEN],
  835: [LA], // Lewiston ID
  838: [LA], // Coeur d'Alene ID
  979: [BOI], // Ontario OR
  865: [PHX, DEN], // Navajo Nation AZ
};

const ZIP = /^(\d{3})\d{2}(?:-?\d{4})?$/;

/** The place of a US ZIP code ("33101", "33101-1234"); null for anything else. */
export function placeOfZip(zip: string | undefined): Place | null {
  const m = zip ? ZIP.exec(zip.trim()) : null;
  if (!m?.[1]) return null;
  const prefix = Number(m[1]);
  const range = ZIP3_RANGES.find(([lo, hi]) => prefix >= lo && prefix <= hi);
  if (!range) return null;
  const region = range[2];
  const zones = ZIP3_ZONES[prefix] ?? REGION_ZONES[region]?.slice(0, 1);
  return zones ? { region, zones } : null;
}
