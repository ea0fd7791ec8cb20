import { type Place, REGION_ZONES } from './quiet-hours-places.ts';

// North American area codes by state or province (NANPA assignments in service; overlays
// included). A phone number travels with its owner, so this is the weakest clue to where a lead
// is; state laws still use it: Florida, Oklahoma and Connecticut presume a number with one of
// their area codes belongs to a resident.
const BY_REGION: Readonly<Record<string, readonly number[]>> = {
  AL: [205, 251, 256, 334, 659, 938],
  AK: [907],
  AZ: [480, 520, 602, 623, 928],
  AR: [327, 479, 501, 870],
  CA: [
    209, 213, 279, 310, 323, 341, 350, 408, 415, 424, 442, 510, 530, 559, 562, 619, 626, 628, 650, 657, 661,
    669, 707, 714, 747, 760, 805, 818, 820, 831, 837, 840, 858, 909, 916, 925, 949, 951,
  ],
  CO: [303, 719, 720, 970, 983],
  CT: [203, 475, 860, 959],
  DE: [302],
  DC: [202, 771],
  FL: [
    239, 305, 321, 324, 352, 386, 407, 448, 561, 645, 656, 689, 727, 728, 754, 772, 786, 813, 850, 863, 904,
    941, 954,
  ],
  GA: [229, 404, 470, 478, 678, 706, 762, 770, 912, 943],
  HI: [808],
  ID: [208, 986],
  IL: [217, 224, 309, 312, 331, 447, 464, 618, 630, 708, 730, 773, 779, 815, 847, 861, 872],
  IN: [219, 260, 317, 463, 574, 765, 812, 930],
  IA: [319, 515, 563, 641, 712],
  KS: [316, 620, 785, 913],
  KY: [270, 364, 502, 606, 859],
  LA: [225, 318, 337, 457, 504, 985],
  ME: [207],
  MD: [227, 240, 301, 410, 443, 667],
  MA: [339, 351, 413, 508, 617, 774, 781, 857, 978],
  MI: [231, 248, 269, 313, 517, 586, 616, 679, 734, 810, 906, 947, 989],
  MN: [218, 320, 507, 612, 651, 763, 924, 952],
  MS: [228, 601, 662, 769],
  MO: [235, 314, 417, 557, 573, 636, 660, 816, 975],
  MT: [406],
  NE: [308, 402, 531],
  NV: [702, 725, 775],
  NH: [603],
  NJ: [201, 551, 609, 640, 732, 848, 856, 862, 908, 973],
  NM: [505, 575],
  NY: [
    212, 315, 329, 332, 347, 363, 516, 518, 585, 607, 624, 631, 646, 680, 716, 718, 838, 845, 914, 917, 929,
    934,
  ],
  NC: [252, 336, 472, 704, 743, 828, 910, 919, 980, 984],
  ND: [701],
  OH: [216, 220, 234, 283, 326, 330, 380, 419, 436, 440, 513, 567, 614, 740, 937],
  OK: [405, 539, 572, 580, 918],
  OR: [458, 503, 541, 971],
  PA: [215, 223, 267, 272, 412, 445, 484, 570, 582, 610, 717, 724, 814, 835, 878],
  RI: [401],
  SC: [803, 821, 839, 843, 854, 864],
  SD: [605],
  TN: [423, 615, 629, 731, 865, 901, 931],
  TX: [
    210, 214, 254, 281, 325, 346, 361, 409, 430, 432, 469, 512, 682, 713, 726, 737, 806, 817, 830, 832, 903,
    915, 936, 940, 945, 956, 972, 979,
  ],
  UT: [385, 435, 801],
  VT: [802],
  VA: [276, 434, 540, 571, 686, 703, 757, 804, 826, 948],
  WA: [206, 253, 360, 425, 509, 564],
  WV: [304, 681],
  WI: [262, 274, 353, 414, 534, 608, 715, 920],
  WY: [307],
  PR: [787, 939],
  VI: [340],
  GU: [671],
  AB: [368, 403, 587, 780, 825],
  BC: [236, 250, 257, 604, 672, 778],
  MB: [204, 431, 584],
  NB: [428, 506],
  NL: [709, 879],
  NS: [782, 902],
  ON: [226, 249, 289, 343, 365, 382, 387, 416, 437, 519, 548, 613, 647, 683, 705, 742, 753, 807, 905, 942],
  QC: [263, 354, 367, 418, 438, 450, 468, 514, 579, 581, 819, 873],
  SK: [306, 474, 639],
  // 867 serves Yukon, the Northwest Territories and Nunavut; see its zones below.
  NT: [867],
};

const NY = 'America/New_York';
const CHI = 'America/Chicago';
const DEN = 'America/Denver';
const BOI = 'America/Boise';
const LA = 'America/Los_Angeles';

/**
 * Area codes outside their region's majority zone, or straddling a zone line. A code not listed
 * takes the zone where most of its region's people live (its region's first zone). Where a code
 * straddles a line, the zone with most of its people comes first (the 850 panhandle is mostly
 * Central: Pensacola, Fort Walton and Panama City outnumber Tallahassee) and the others follow,
 * so a text must fit the window in each of them.
 */
const ZONE_OVERRIDES: Readonly<Record<number, readonly string[]>> = {
  850: [CHI, NY], // Florida panhandle
  448: [CHI, NY],
  915: [DEN], // El Paso TX
  270: [CHI, 'America/Kentucky/Louisville'], // western Kentucky; Elizabethtown is Eastern
  364: [CHI, 'America/Kentucky/Louisville'],
  423: [NY], // East Tennessee
  865: [NY],
  931: [CHI, NY], // Middle Tennessee; Cumberland County is Eastern
  219: [CHI], // Gary IN
  812: ['America/Indiana/Indianapolis', CHI], // Evansville corner is Central
  930: ['America/Indiana/Indianapolis', CHI],
  574: ['America/Indiana/Indianapolis', CHI], // Starke County is Central
  906: ['America/Detroit', CHI], // four Upper Peninsula counties are Central
  928: ['America/Phoenix', DEN], // the Navajo Nation keeps daylight saving time
  701: [CHI, DEN], // south-west North Dakota
  605: [CHI, DEN], // West River South Dakota
  308: [CHI, DEN], // Nebraska panhandle
  620: [CHI, DEN], // four western Kansas counties
  785: [CHI, DEN],
  208: [BOI, LA], // northern Idaho is Pacific
  986: [BOI, LA],
  541: [LA, BOI], // Malheur County OR
  458: [LA, BOI],
  775: [LA, DEN], // West Wendover NV
  907: ['America/Anchorage', 'America/Adak'], // the western Aleutians
  250: ['America/Vancouver', 'America/Edmonton'], // the Kootenays and Peace River
  236: ['America/Vancouver', 'America/Edmonton'],
  257: ['America/Vancouver', 'America/Edmonton'],
  672: ['America/Vancouver', 'America/Edmonton'],
  807: ['America/Toronto', 'America/Winnipeg'], // Kenora is Central
  418: ['America/Toronto', 'America/Halifax'], // the Magdalen Islands keep Atlantic time
  581: ['America/Toronto', 'America/Halifax'],
  367: ['America/Toronto', 'America/Halifax'],
  709: ['America/St_Johns', 'America/Goose_Bay'], // Labrador keeps Atlantic time
  879: ['America/St_Johns', 'America/Goose_Bay'],
  // Yukon, the Northwest Territories and Nunavut share 867; most of its people are on Mountain time.
  867: ['America/Edmonton', 'America/Whitehorse', 'America/Winnipeg', 'America/Iqaluit'],
};

const REGION_OF = new Map<number, string>();
for (const [region, codes] of Object.entries(BY_REGION)) for (const c of codes) REGION_OF.set(c, region);

const NON_DIGITS = /\D/g;

/**
 * The area code of a North American number ("+1 (305) 555-0123", "305-555-0123", "13055550123");
 * null when the number is not a NANP number (other country codes, short codes, junk).
 */
export function areaCodeOf(phone: string | undefined): number | null {
  if (!phone) return null;
  const trimmed = phone.trim();
  let digits = trimmed.replace(NON_DIGITS, '');
  if (trimmed.startsWith('+') && !digits.startsWith('1')) return null;
  if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
  if (digits.length !== 10) return null;
  // NANP area codes and exchanges never start with 0 or 1.
  if (digits[0] === '0' || digits[0] === '1' || digits[3] === '0' || digits[3] === '1') return null;
  return Number(digits.slice(0, 3));
}

/** The region and zones an area code serves; null for unassigned or non-geographic codes (800, 555…). */
export function placeOfAreaCode(code: number): Place | null {
  const region = REGION_OF.get(code);
  if (!region) return null;
  const zones = ZONE_OVERRIDES[code] ?? REGION_ZONES[region]?.slice(0, 1);
  return zones ? { region, zones } : null;
}

export function placeOfPhone(phone: string | undefined): Place | null {
  const code = areaCodeOf(phone);
  return code === null ? null : placeOfAreaCode(code);
}
