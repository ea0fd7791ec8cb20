import { fold } from './normalize.ts';

const SUFFIX =
  '(?:st|str|street|ave|av|avenue|rd|road|dr|drive|ln|lane|ct|court|blvd|boulevard|way|pl|place|cir|' +
  'circle|pkwy|parkway|ter|terrace|trl|trail|hwy|highway|loop|sq|square|pt|point|row|path|walk|pass|' +
  'plz|plaza|cv|cove|xing|crossing|run|ridge|cres|crescent)';
const SPANISH_PREFIX = '(?:calle|camino|via|paseo|avenida|vista|placita|corte|entrada|rancho)';
const DIRECTION = '(?:n|s|e|w|ne|nw|se|sw|north|south|east|west)\\.?';
const NAME = "[a-z0-9][a-z0-9'.-]*";
// `\s*(?:,\s*)?`, not `\s*,?\s*`: two adjacent `\s*` try every split of a run of spaces.
const UNIT =
  '(?:\\s*(?:,\\s*)?(?:#\\s*[a-z0-9-]+|(?:apt|apartment|unit|ste|suite|spc|space|bldg|lot)\\.?\\s*(?:#\\s*)?[a-z0-9-]+))?';
const CITY =
  '(?:rancho cucamonga|alta loma|etiwanda|upland|fontana|ontario|chino hills|chino|claremont|rialto|' +
  'montclair|eastvale|corona|redlands|san bernardino|riverside|pomona|la verne|san dimas|glendora|' +
  'colton|loma linda|highland|jurupa valley|norco|yucaipa|victorville|hesperia|apple valley|azusa)';
const TAIL = `${UNIT}(?:\\s*(?:,\\s*)?${CITY}\\b)?(?:\\s*(?:,\\s*)?(?:ca|calif|california)\\b\\.?)?(?:\\s*(?:,\\s*)?\\d{5}(?:-\\d{4})?\\b)?`;

const WITH_SUFFIX = new RegExp(
  `(?<![\\w$.,])(\\d{1,6}[a-z]?)\\s+(?:${DIRECTION}\\s+)?((?:${NAME}\\s+){0,3}?${NAME})\\s+${SUFFIX}\\b\\.?`,
  'g',
);
const WITH_PREFIX = new RegExp(
  `(?<![\\w$.,])(\\d{1,6}[a-z]?)\\s+(${SPANISH_PREFIX}\\s+${NAME}(?:\\s+${NAME})?)`,
  'g',
);
// Unit, city, state and zip after the street, read from where the street ends.
const AFTER_STREET = new RegExp(TAIL, 'y');

// Words that make "2 car garage way too small" or "3 kids on the way" look like streets.
const NOT_STREET_WORDS = new Set(
  (
    'a an the and or but to in of for with my our your his her their is are was be at on by per it this ' +
    'that bed beds bedroom bedrooms br bath baths bathroom bathrooms ba car cars garage garages story ' +
    'stories sq ft feet square acre acres month months day days week weeks year years yr yrs kid kids ' +
    'people dogs cats minutes mins miles hours hrs hr each times homes houses dollars percent down k m thousand ' +
    'million mil units more less than about around over under only just we i you they he she some other ' +
    'de la el los las y en mi su meses dias anos recamaras cuartos banos'
  ).split(' '),
);

interface Span {
  start: number;
  /** Where the number and street end ("8127 Banyan St"). */
  streetEnd: number;
  /** Where the unit, city, state and zip that follow end. */
  end: number;
}

function findSpans(folded: string): Span[] {
  const spans: Span[] = [];
  for (const re of [WITH_SUFFIX, WITH_PREFIX]) {
    re.lastIndex = 0;
    for (let m = re.exec(folded); m; m = re.exec(folded)) {
      const name = (m[2] ?? '').split(/\s+/);
      if (name.some((w) => NOT_STREET_WORDS.has(w))) {
        // "350 on 1234 Banyan St": retry just after the rejected number.
        re.lastIndex = m.index + 1;
        continue;
      }
      const street = m[0].replace(/(?<![\s,.])[\s,.]+$/, '');
      AFTER_STREET.lastIndex = m.index + m[0].length;
      const tail = AFTER_STREET.exec(folded)?.[0] ?? '';
      const text = (m[0] + tail).replace(/(?<![\s,.])[\s,.]+$/, '');
      spans.push({ start: m.index, streetEnd: m.index + street.length, end: m.index + text.length });
      re.lastIndex = Math.max(re.lastIndex, AFTER_STREET.lastIndex);
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/**
 * The first US street address in the text ("1234 Banyan St", "8765 Haven Ave, Rancho Cucamonga",
 * "9 W Foothill Blvd Apt 3"), as the lead typed it; null when there is none ("3 beds 2 baths").
 */
export function extractAddress(text: string): string | null {
  const first = findSpans(fold(text))[0];
  if (!first) return null;
  return text.slice(first.start, first.end).replace(/\s+/g, ' ');
}

/**
 * The first street address as number and street only, as the lead typed it ("1542 N Euclid Ave"
 * from "selling 1542 N Euclid Ave Upland CA"); null when there is none.
 */
export function extractStreetAddress(text: string): string | null {
  const first = findSpans(fold(text))[0];
  if (!first) return null;
  return text.slice(first.start, first.streetEnd).replace(/\s+/g, ' ');
}

/**
 * Blanks out street addresses (same length) so their numbers are not read as prices or areas.
 * With `streetOnly`, the city, state and zip after the street stay readable.
 */
export function maskAddresses(folded: string, streetOnly = false): string {
  // Built in one pass: cutting and re-joining the whole text per address grew with their product.
  let out = '';
  let at = 0;
  for (const s of findSpans(folded)) {
    const end = streetOnly ? s.streetEnd : s.end;
    if (end <= at) continue;
    const from = Math.max(s.start, at);
    out += folded.slice(at, from) + ' '.repeat(end - from);
    at = end;
  }
  return out + folded.slice(at);
}
