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
/** Keys grouped by first letter: every match, exact or fuzzy, shares it. */
type KeyIndex = Map<string, Key[]>;
const keyCache = new WeakMap<readonly string[], WeakMap<Aliases, KeyIndex>>();

function keysFor(neighborhoods: readonly string[], aliases: Aliases): KeyIndex {
  const cached = keyCache.get(neighborhoods)?.get(aliases);
  if (cached) return cached;
  const index: KeyIndex = new Map();
  for (const canonical of neighborhoods) {
    for (const form of [canonical, ...(aliases[canonical] ?? [])]) {
      const key = squash(form);
      const group = index.get(key.charAt(0)) ?? [];
      group.push({ key, canonical, words: form.trim().split(/\s+/).length });
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

function allowedTypos(key: string): number {
  if (key.length >= 12) return 2;
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

const TOKEN = /[a-z0-9]+/g;

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
  const tokens = [...masked.matchAll(TOKEN)].map((m) => ({ word: m[0], start: m.index }));
  const index = keysFor(names, options.aliases ?? ALIASES);
  const found: PlaceMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    let consumed = 0;
    const keys = index.get(tokens[i]?.word.charAt(0) ?? '') ?? [];
    // The words from here run together: "rancho", "ranchocucamonga"… up to four words.
    const joined: string[] = [];
    for (let n = 1; n <= Math.min(4, tokens.length - i) && keys.length > 0; n++) {
      joined.push((joined[n - 2] ?? '') + (tokens[i + n - 1]?.word ?? ''));
    }
    for (let n = joined.length; n >= 1 && consumed === 0; n--) {
      const candidate = joined[n - 1] ?? '';
      // Exact matches first, so "victoria gardens" is not read as a typo of something else.
      const hit =
        keys.find((k) => k.key === candidate) ??
        keys.find((k) => Math.abs(k.words - n) <= 1 && matches(candidate, k.key));
      if (hit) {
        const last = tokens[i + n - 1];
        found.push({
          canonical: hit.canonical,
          start: tokens[i]?.start ?? 0,
          end: (last?.start ?? 0) + (last?.word.length ?? 0),
        });
        consumed = n;
      }
    }
    i += consumed || 1;
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
