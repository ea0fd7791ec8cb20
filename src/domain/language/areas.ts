import { remember } from '../remember.ts';
import { maskAddresses } from './address.ts';
import { fold } from './normalize.ts';

/** Rancho Cucamonga's neighbourhoods and the nearby Inland Empire cities, as they are spelled. */
export const defaultNeighborhoods: readonly string[] = [
  'Rancho Cucamonga',
  'Alta Loma',
  'Etiwanda',
  'North Etiwanda',
  'Victoria',
  'Terra Vista',
  'Caryn',
  'Day Creek',
  'Central Park',
  'Haven View Estates',
  'Red Hill',
  'Upland',
  'Fontana',
  'Ontario',
  'Chino',
  'Chino Hills',
  'Claremont',
  'Rialto',
  'Montclair',
  'Eastvale',
  'Redlands',
  'San Dimas',
];

type Aliases = Readonly<Record<string, readonly string[]>>;

// Short forms people text. Each applies only when its canonical name is in the caller's list.
const ALIASES: Aliases = {
  'Rancho Cucamonga': ['rancho', 'rc', 'rancho cuca', 'cucamonga'],
  'Haven View Estates': ['haven view'],
  'North Etiwanda': ['n etiwanda'],
  Victoria: ['victoria gardens', 'victoria arbors', 'victoria groves'],
};

/**
 * The cities of the market as the CRM records them. Etiwanda and Alta Loma are kept as their own
 * values; Rancho Cucamonga's other neighbourhoods, "RC" and its zip codes are Rancho Cucamonga.
 */
export const marketCities: readonly string[] = [
  'Rancho Cucamonga',
  'Alta Loma',
  'Etiwanda',
  'Upland',
  'Ontario',
  'Fontana',
  'Chino Hills',
  'Chino',
  'Claremont',
  'Montclair',
  'Pomona',
  'La Verne',
  'San Dimas',
  'Diamond Bar',
  'Walnut',
  'Eastvale',
  'Norco',
  'Corona',
  'Jurupa Valley',
  'Riverside',
  'Rialto',
  'Bloomington',
  'Colton',
  'San Bernardino',
  'Loma Linda',
  'Redlands',
];

/** Short forms, neighbourhoods and zip codes of the market cities. */
export const marketCityAliases: Aliases = {
  'Rancho Cucamonga': [
    'rancho',
    'rc',
    'rancho cuca',
    'cucamonga',
    'victoria gardens',
    'victoria arbors',
    'victoria groves',
    'terra vista',
    'haven view estates',
    'day creek',
    'central park',
    'red hill',
    '91701',
    '91730',
    '91737',
    '91739',
  ],
  Etiwanda: ['north etiwanda', 'n etiwanda'],
  'Alta Loma': ['altaloma'],
  'Chino Hills': ['chino hls', 'chino hlls'],
  Ontario: ['ontario ranch', '91761', '91762', '91764'],
  Upland: ['91784', '91786'],
  Fontana: ['92335', '92336', '92337'],
  Chino: ['91708', '91710'],
  Claremont: ['91711'],
  Montclair: ['91763'],
  Eastvale: ['92880'],
  'Jurupa Valley': ['jurupa', 'mira loma'],
  'San Bernardino': ['san berdoo'],
};

// Real words one typo away from a name ("a Victorian", "moving to Montana").
const NEVER_FUZZY = new Set([
  'victorian',
  'montana',
  'ontarian',
  'chinos',
  'reddish',
  'cotton',
  'colon',
  'walnuts',
  'coronas',
  'corina',
  'norma',
]);

interface Key {
  key: string;
  canonical: string;
  words: number;
}

const squash = (s: string) => fold(s).replace(/[^a-z0-9]+/g, '');
/** Keys grouped by first letter (every match, exact or fuzzy, shares it), with their lengths. */
interface KeyGroup {
  keys: Key[];
  shortest: number;
  longest: number;
}
type KeyIndex = Map<string, KeyGroup>;
const keyCache = new WeakMap<readonly string[], WeakMap<Aliases, KeyIndex>>();

function keysFor(neighborhoods: readonly string[], aliases: Aliases): KeyIndex {
  const cached = keyCache.get(neighborhoods)?.get(aliases);
  if (cached) return cached;
  const index: KeyIndex = new Map();
  for (const canonical of neighborhoods) {
    for (const form of [canonical, ...(aliases[canonical] ?? [])]) {
      const key = squash(form);
      const group = index.get(key.charAt(0)) ?? { keys: [], shortest: key.length, longest: key.length };
      group.keys.push({ key, canonical, words: form.trim().split(/\s+/).length });
      group.shortest = Math.min(group.shortest, key.length);
      group.longest = Math.max(group.longest, key.length);
      index.set(key.charAt(0), group);
    }
  }
  const byAliases = keyCache.get(neighborhoods) ?? new WeakMap<Aliases, KeyIndex>();
  byAliases.set(aliases, index);
  keyCache.set(neighborhoods, byAliases);
  return index;
}

/** Optimal string alignment distance, stopping early once it exceeds `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // Three rows of the table are enough: a swap of neighbours looks two rows back.
  let before: number[] = [];
  let above: number[] = [];
  for (let j = 0; j <= b.length; j++) above.push(j);
  for (let i = 1; i <= a.length; i++) {
    const row: number[] = [i];
    let best = Number.POSITIVE_INFINITY;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, before[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    before = above;
    above = row;
  }
  return above[b.length]!;
}

// No name is read with more typos than this, so no longer or shorter run of words can match it.
const MOST_TYPOS = 2;

function allowedTypos(key: string): number {
  if (key.length >= 12) return MOST_TYPOS;
  return key.length >= 6 ? 1 : 0;
}

function matches(candidate: string, key: string): boolean {
  if (candidate === key) return true;
  const typos = allowedTypos(key);
  if (typos === 0 || Math.abs(candidate.length - key.length) > typos) return false;
  if (NEVER_FUZZY.has(candidate)) return false;
  return editDistance(candidate, key, typos) <= typos;
}

/** One place named in a message: its canonical name and where it sits in the folded text. */
export interface PlaceMention {
  canonical: string;
  start: number;
  end: number;
}

/** The runs of letters a-z and digits in a folded text, and where each starts. */
function tokensOf(folded: string): { words: string[]; starts: number[] } {
  const words: string[] = [];
  const starts: number[] = [];
  for (let at = 0; at < folded.length; at++) {
    if (!isWordChar(folded.charCodeAt(at))) continue;
    const start = at;
    while (at + 1 < folded.length && isWordChar(folded.charCodeAt(at + 1))) at++;
    words.push(folded.slice(start, at + 1));
    starts.push(start);
  }
  return { words, starts };
}

function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

/** The longest name that the words from `i` on spell, and how many words it takes; null if none. */
function placeAt(
  words: readonly string[],
  i: number,
  group: KeyGroup,
): { canonical: string; words: number } | null {
  // The words run together ("rancho", "ranchocucamonga"…), up to four and no longer than a name
  // of this letter can be.
  const joined: string[] = [];
  let run = '';
  for (let n = 1; n <= Math.min(4, words.length - i); n++) {
    run += words[i + n - 1] ?? '';
    if (run.length > group.longest + MOST_TYPOS) break;
    joined.push(run);
  }
  for (let n = joined.length; n >= 1; n--) {
    const candidate = joined[n - 1] ?? '';
    if (candidate.length < group.shortest - MOST_TYPOS) break;
    // Exact matches first, so "victoria gardens" is not read as a typo of something else.
    const hit =
      group.keys.find((k) => k.key === candidate) ??
      // Words run together and a typo as well only for a name of as many words: "up and" is no
      // "Upland", "ranchocucamonga" is still "Rancho Cucamonga".
      group.keys.find((k) => Math.abs(k.words - n) <= 1 && n <= k.words && matches(candidate, k.key));
    if (hit) return { canonical: hit.canonical, words: n };
  }
  return null;
}

/**
 * Every place of `names` (and their short forms in `aliases`) named in the text, in order, with
 * its position. Tolerates case, accents, missing spaces and a small typo; a longer name wins over
 * a shorter one inside it.
 */
export function locatePlaces(
  text: string,
  names: readonly string[],
  options: { aliases?: Readonly<Record<string, readonly string[]>>; streetOnly?: boolean } = {},
): PlaceMention[] {
  const masked = maskAddresses(fold(text), options.streetOnly ?? false);
  const { words, starts } = tokensOf(masked);
  const index = keysFor(names, options.aliases ?? ALIASES);
  const found: PlaceMention[] = [];
  let i = 0;
  while (i < words.length) {
    const group = index.get(words[i]?.charAt(0) ?? '');
    const place = group ? placeAt(words, i, group) : null;
    if (place) {
      const last = i + place.words - 1;
      found.push({
        canonical: place.canonical,
        start: starts[i] ?? 0,
        end: (starts[last] ?? 0) + (words[last]?.length ?? 0),
      });
    }
    i += place?.words ?? 1;
  }
  return found;
}

/**
 * The neighbourhoods named in a message, in canonical spelling and in the order mentioned.
 * Tolerates case, accents, missing spaces ("altaloma") and a small typo ("etiwnada"); a longer
 * name wins over a shorter one inside it ("Chino Hills" is not also "Chino").
 */
export function extractAreas(
  text: string,
  neighborhoods: readonly string[] = defaultNeighborhoods,
): string[] {
  let read = areaReaders.get(neighborhoods);
  if (!read) {
    read = remember(
      (t) => [...new Set(locatePlaces(t, neighborhoods).map((p) => p.canonical))],
      8,
      (areas) => [...areas],
    );
    areaReaders.set(neighborhoods, read);
  }
  return read(text);
}

// One reader per list of place names (a configuration keeps its list for its whole life).
const areaReaders = new WeakMap<readonly string[], (text: string) => string[]>();
