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

// Short forms people text. Each applies only when its canonical name is in the caller's list.
const ALIASES: Record<string, readonly string[]> = {
  'Rancho Cucamonga': ['rancho', 'rc', 'rancho cuca', 'cucamonga'],
  'Haven View Estates': ['haven view'],
  'North Etiwanda': ['n etiwanda'],
  Victoria: ['victoria gardens', 'victoria arbors', 'victoria groves'],
};

// Real words one typo away from a name ("a Victorian", "moving to Montana").
const NEVER_FUZZY = new Set(['victorian', 'montana', 'ontarian', 'chinos', 'reddish']);

interface Key {
  key: string;
  canonical: string;
  words: number;
}

const squash = (s: string) => fold(s).replace(/[^a-z0-9]+/g, '');
/** Keys grouped by first letter: every match, exact or fuzzy, shares it. */
type KeyIndex = Map<string, Key[]>;
const keyCache = new WeakMap<readonly string[], KeyIndex>();

function keysFor(neighborhoods: readonly string[]): KeyIndex {
  const cached = keyCache.get(neighborhoods);
  if (cached) return cached;
  const index: KeyIndex = new Map();
  for (const canonical of neighborhoods) {
    for (const form of [canonical, ...(ALIASES[canonical] ?? [])]) {
      const key = squash(form);
      const group = index.get(key.charAt(0)) ?? [];
      group.push({ key, canonical, words: form.trim().split(/\s+/).length });
      index.set(key.charAt(0), group);
    }
  }
  keyCache.set(neighborhoods, index);
  return index;
}

/** Optimal string alignment distance, stopping early once it exceeds `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = Number.POSITIVE_INFINITY;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}

function allowedTypos(key: string): number {
  if (key.length >= 12) return 2;
  return key.length >= 6 ? 1 : 0;
}

function matches(candidate: string, key: string): boolean {
  if (candidate === key) return true;
  const typos = allowedTypos(key);
  if (typos === 0 || NEVER_FUZZY.has(candidate)) return false;
  return editDistance(candidate, key, typos) <= typos;
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
  const tokens = maskAddresses(fold(text)).match(/[a-z0-9]+/g) ?? [];
  const index = keysFor(neighborhoods);
  const found: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    let consumed = 0;
    const keys = index.get(tokens[i]?.charAt(0) ?? '') ?? [];
    for (let n = Math.min(4, tokens.length - i); n >= 1 && consumed === 0 && keys.length > 0; n--) {
      const candidate = tokens.slice(i, i + n).join('');
      // Exact matches first, so "victoria gardens" is not read as a typo of something else.
      const hit =
        keys.find((k) => k.key === candidate) ??
        keys.find((k) => Math.abs(k.words - n) <= 1 && matches(candidate, k.key));
      if (hit) {
        if (!found.includes(hit.canonical)) found.push(hit.canonical);
        consumed = n;
      }
    }
    i += consumed || 1;
  }
  return found;
}
