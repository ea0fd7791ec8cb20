import { fold } from '../language/normalize.ts';
import { centroid, haversineMiles, mode, pointOf } from './stats.ts';
import type { CmaSubject, Point, SoldComp, SubjectLocation } from './types.ts';

const SUFFIXES: Record<string, string> = {
  street: 'st',
  str: 'st',
  st: 'st',
  avenue: 'ave',
  av: 'ave',
  ave: 'ave',
  road: 'rd',
  rd: 'rd',
  drive: 'dr',
  dr: 'dr',
  lane: 'ln',
  ln: 'ln',
  court: 'ct',
  ct: 'ct',
  boulevard: 'blvd',
  blvd: 'blvd',
  place: 'pl',
  pl: 'pl',
  circle: 'cir',
  cir: 'cir',
  parkway: 'pkwy',
  pkwy: 'pkwy',
  route: 'rte',
  rte: 'rte',
  way: 'way',
  terrace: 'ter',
  ter: 'ter',
  trail: 'trl',
  trl: 'trl',
  highway: 'hwy',
  hwy: 'hwy',
};
const DIRECTIONS = new Set(['n', 's', 'e', 'w', 'north', 'south', 'east', 'west']);
const UNIT = /#|\b(?:unit|apt|apartment|ste|suite|spc|space)\b/i;
const STATE_AND_ZIP = /\b(?:ca|calif|california)\b|\b\d{5}(?:-\d{4})?\b/g;
const ZIP = /\b(9\d{4})(?:-\d{4})?\b/;

/**
 * Cuts the unit and all after it ("9235 Cedarwood Dr Unit 52" → "9235 Cedarwood Dr"). Only the last
 * line can hold it: the unit runs to the end of the text. One search from the start of that line,
 * where a regex ending in `.*$` rescanned the rest of the line from every "#".
 */
function withoutUnit(line: string): string {
  const lastLine = Math.max(...['\n', '\r', '\u2028', '\u2029'].map((end) => line.lastIndexOf(end))) + 1;
  const unit = UNIT.exec(line.slice(lastLine));
  return unit ? line.slice(0, lastLine + unit.index).trimEnd() : line;
}

const key = (s: string) =>
  fold(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** "6842 Etiwanda Avenue, Rancho Cucamonga" → "etiwanda ave"; null when there is no house number. */
export function streetKey(address: string): string | null {
  const line = withoutUnit(address.split(',')[0] ?? '');
  const words = key(line).split(' ');
  if (!/^\d+[a-z]?$/.test(words[0] ?? '')) return null;
  let rest = words.slice(1);
  if (rest.length > 1 && DIRECTIONS.has(rest[0]!)) rest = rest.slice(1);
  const suffixAt = rest.findIndex((w, i) => i > 0 && SUFFIXES[w] !== undefined);
  if (suffixAt > 0) rest = [...rest.slice(0, suffixAt), SUFFIXES[rest[suffixAt]!]!];
  return rest.length > 0 ? rest.join(' ') : null;
}

/** "9235 Cedarwood Dr Unit 52" → "Cedarwood Dr". */
export function streetName(address: string): string {
  return withoutUnit(address.split(',')[0] ?? '')
    .replace(/^\s*\d+[a-z]?\s+/i, '')
    .trim();
}

interface NameIndex {
  neighborhoods: Map<string, string>;
  cities: Map<string, string>;
  zips: Set<string>;
  streets: Map<string, SoldComp[]>;
}

const indexCache = new WeakMap<readonly SoldComp[], NameIndex>();

function indexFor(comps: readonly SoldComp[]): NameIndex {
  const cached = indexCache.get(comps);
  if (cached) return cached;
  const neighborhoodsOfCity = new Map<string, Set<string>>();
  const index: NameIndex = {
    neighborhoods: new Map(),
    cities: new Map(),
    zips: new Set(),
    streets: new Map(),
  };
  for (const c of comps) {
    index.cities.set(key(c.city), c.city);
    index.zips.add(c.zip);
    neighborhoodsOfCity.set(c.city, (neighborhoodsOfCity.get(c.city) ?? new Set()).add(c.neighborhood));
    const street = streetKey(c.address);
    if (street) index.streets.set(street, [...(index.streets.get(street) ?? []), c]);
  }
  for (const c of comps) {
    // A city made of several neighbourhoods ("Rancho Cucamonga") names the city, not one part of it.
    const isCity = (neighborhoodsOfCity.get(c.neighborhood)?.size ?? 0) > 1;
    if (!isCity) index.neighborhoods.set(key(c.neighborhood), c.neighborhood);
  }
  indexCache.set(comps, index);
  return index;
}

/** A known name after the street ("…, Alta Loma, CA 91701" or "… Ave Alta Loma") → "Alta Loma". */
function namedInAddress(address: string, names: Map<string, string>): string | undefined {
  const parts = address.split(',');
  if (parts.length > 1) {
    for (const part of parts.slice(1)) {
      const hit = names.get(key(part.replace(STATE_AND_ZIP, ' ')));
      if (hit) return hit;
    }
    return undefined;
  }
  const words = key(address.replace(STATE_AND_ZIP, ' ')).split(' ');
  // At least a house number and a street name must come first, so "6842 Etiwanda" names a street.
  for (let take = Math.min(4, words.length - 2); take >= 1; take--) {
    const hit = names.get(words.slice(-take).join(' '));
    if (hit) return hit;
  }
  return undefined;
}

function pointsOf(comps: readonly SoldComp[]): Point[] {
  return comps.map(pointOf).filter((p): p is Point => p !== undefined);
}

function nearestNeighborhood(point: Point, comps: readonly SoldComp[]): string | undefined {
  let best: { miles: number; neighborhood: string } | undefined;
  for (const c of comps) {
    const p = pointOf(c);
    if (!p) continue;
    const miles = haversineMiles(point, p);
    if (!best || miles < best.miles) best = { miles, neighborhood: c.neighborhood };
  }
  return best && best.miles <= 1 ? best.neighborhood : undefined;
}

/**
 * Where the subject is, from the most precise clue available: coordinates, a neighbourhood (given
 * or named in the address), other sales on the same street, the ZIP code, the city, or else the
 * whole dataset.
 */
export function locateSubject(subject: CmaSubject, comps: readonly SoldComp[]): SubjectLocation {
  const index = indexFor(comps);
  const givenNeighborhood = subject.neighborhood
    ? index.neighborhoods.get(key(subject.neighborhood))
    : undefined;
  const neighborhood = givenNeighborhood ?? namedInAddress(subject.address, index.neighborhoods);
  const city =
    (subject.neighborhood ? index.cities.get(key(subject.neighborhood)) : undefined) ??
    namedInAddress(subject.address, index.cities);
  const zipText = subject.zip ?? ZIP.exec(subject.address)?.[1];
  const zip = zipText && index.zips.has(zipText) ? zipText : undefined;

  if (subject.lat !== undefined && subject.lng !== undefined) {
    const point = { lat: subject.lat, lng: subject.lng };
    const near = neighborhood ?? nearestNeighborhood(point, comps);
    return {
      basis: 'coordinates',
      label: near ?? 'the map location given',
      point,
      ...(near ? { neighborhood: near } : {}),
    };
  }
  if (neighborhood) {
    const point = centroid(pointsOf(comps.filter((c) => c.neighborhood === neighborhood)));
    return { basis: 'neighborhood', label: neighborhood, neighborhood, ...(point ? { point } : {}) };
  }
  const street = streetKey(subject.address);
  const onStreet = (street ? (index.streets.get(street) ?? []) : []).filter(
    (c) => (!zip || c.zip === zip) && (!city || c.city === city),
  );
  if (onStreet.length > 0) {
    const point = centroid(pointsOf(onStreet));
    const near = mode(onStreet.map((c) => c.neighborhood));
    return {
      basis: 'street',
      label: `near other sales on ${streetName(onStreet[0]!.address)}`,
      ...(point ? { point } : {}),
      ...(near ? { neighborhood: near } : {}),
    };
  }
  if (zip) {
    const point = centroid(pointsOf(comps.filter((c) => c.zip === zip)));
    return { basis: 'zip', label: `ZIP ${zip}`, zip, ...(point ? { point } : {}) };
  }
  if (city) return { basis: 'city', label: city, city };
  return { basis: 'market', label: 'the whole market' };
}
