import { fold } from './normalize.ts';
import { replaceNumberWords } from './numbers-in-words.ts';

/** Bedrooms and bathrooms a buyer asked for (a range gives its lower end: "3-4 beds" → 3). */
export interface Rooms {
  beds?: number;
  baths?: number;
}

export interface RoomsOptions {
  /** True when the bot just asked how many bedrooms: a bare "3" (or "3 and 2") then counts. */
  justAsked?: boolean;
}

const BED_UNIT =
  '(?:beds?|bedrooms?|bed rooms?|rooms?|bdrms?|bdrm|bds?|brs?|recamaras?|cuartos?|habitaciones?|dormitorios?|recs?)';
const BATH_UNIT = '(?:baths?|bathrooms?|bth|ba|banos?)';
const RANGE_TAIL = '(?:\\s*(?:\\+|or more|plus|o mas|(?:-|to|or|o|a)\\s*\\d{1,2}))?';
// Spaces around an optional word or dash are written `\s*(?:-\s*)?`, never `\s*-?\s*`: two
// adjacent `\s*` try every split of a run of spaces.
const BEDS = new RegExp(
  `(?<![\\w.$/])(\\d{1,2})${RANGE_TAIL}\\s*(?:-\\s*)?(?:full\\s+|big\\s+|grandes?\\s+)?${BED_UNIT}\\b`,
);
const BATHS = new RegExp(
  `(?<![\\w.$]|\\d\\/)(\\d{1,2}(?:\\.\\d)?)(\\s*(?:1\\/2|½|and a half|\\.5))?${RANGE_TAIL}\\s*(?:-\\s*)?(?:full\\s+|half\\s+)?${BATH_UNIT}\\b(\\s+y\\s+medio)?`,
);
const CORRECTION =
  /^[\s.,;!]*(?:no[\s.,;!]+)?(?:actually|mejor|make (?:it|that)|i mean|or rather|wait)[\s,]+(\d{1,2})\b(?!\s*(?:baths?|ba|banos?|k|mil|months?|meses|years?|anos|%))/;
// "5 bedrooms ideally, 4 minimum", "4 beds but 3 would do": the floor said after the wish is the need.
// "5 bedrooms would be ideal but 4 works", "4 bedrooms or 3 plus an office", "5 recámaras, o 4 con
// casita": the same.
const FLOOR_AFTER =
  /^[\s,.;]*(?:(?:ideally|preferably|if possible|de preferencia|idealmente|(?:would be|is|are) (?:ideal|nice|great|perfect|preferred))[\s,.;]*)?(?:(?:but|or|pero|o)\s+)?(?:(?:at least|minimum|min|al menos|minimo)\s+(\d{1,2})\b|(\d{1,2})\s*(?:at (?:the )?(?:least|minimum)|minimum|min|minimo|would (?:work|do)|works|will (?:work|do)|is (?:the )?(?:minimum|min|fine|ok|enough)|(?:plus|\+|and|with|con|mas|y) (?:an? |una? )?(?:office|den|loft|bonus room|casita|adu|guest (?:house|suite)|granny flat|oficina)|(?:bed(?:room)?s? )?(?:at (?:the )?(?:least|minimum)|minimum|min)\b))/;
const BATH_AFTER = new RegExp(`^\\s*(?:full\\s+|half\\s+)?${BATH_UNIT}\\b`);
const TURNED_DOWN = /\b(?:stop sending(?: me| us)?|no more|not|dont want|don't want|no quiero|ya no)\s*$/;
const WANTED_COUNT =
  /\b(?:need|want|looking for|at least|minimum|min|necesito|necesitamos|queremos|al menos)\s+(\d{1,2})\b(?!\s*(?:k|mil|months?|meses|years?|anos|%|\.\d))|\b(\d{1,2})\s+(?:at least|minimum|or more|o mas|minimo)\b/;
const STUDIO_OR = /\b(?:studio|estudio) (?:or|o) /;
const ONE_AND_HALF_ES = /\b(?:1|un)\s+bano\s+y\s+medio\b/;
const ONE_ES = /\b(?:un|una|1)\s+(?:bano|recamara|cuarto|habitacion|dormitorio)\b/;
const SLASH = /(?<![\w.$/])([1-9])\s*\/\s*([1-9](?:\.5)?)(?![\w/]|\.\d|\s*(?:acre|mile|off|price))/;
const BARE =
  /^\s*(?:(?:at least|min(?:imum)?|maybe|probably|like|around|about|al menos|minimo|unos|unas)\s*)?(\d{1,2})(?:\s*(?:\+|or more|o mas|(?:-|to|or|o)\s*\d{1,2}))?\s*(?:(?:and|y|\/|&|,)\s*(\d(?:\.5)?)\s*)?(?:[.!]+\s*)?$/;

function inRange(n: number): boolean {
  return n >= 0 && n <= 20;
}

/**
 * Bedrooms and bathrooms: "3 beds", "3br", "three bedrooms", "3/2", "2.5 baths", "4 bed 3 bath",
 * "3 rooms", "3 recámaras", "tres cuartos", "2 baños", "2 baños y medio". "2 car garage" or "2 story" are not rooms.
 */
export function extractRooms(text: string, options: RoomsOptions = {}): Rooms {
  const norm = replaceNumberWords(fold(text));
  const rooms: Rooms = {};
  const bed = BEDS.exec(norm);
  // "studio or 1br": the smallest acceptable place has no bedroom count.
  if (bed && !STUDIO_OR.test(norm)) rooms.beds = Number(bed[1]);
  // "stop sending me 2 bedrooms, we need 3 at least": a count turned down is not the need; the
  // count said next is.
  if (
    bed &&
    rooms.beds !== undefined &&
    TURNED_DOWN.test(norm.slice(Math.max(0, bed.index - 24), bed.index))
  ) {
    const rest = norm.slice(bed.index + bed[0].length);
    const next = BEDS.exec(rest) ?? WANTED_COUNT.exec(rest);
    if (next) rooms.beds = Number(next[1] ?? next[2]);
    else delete rooms.beds;
  }
  // "3 recámaras. no, mejor 4": a correction right after the count replaces it.
  const corrected = bed ? CORRECTION.exec(norm.slice(bed.index + bed[0].length)) : null;
  if (corrected && rooms.beds !== undefined) rooms.beds = Number(corrected[1]);
  const afterBed = bed ? norm.slice(bed.index + bed[0].length) : '';
  const floor = FLOOR_AFTER.exec(afterBed);
  const ofBaths = floor !== null && BATH_AFTER.test(afterBed.slice(floor[0].length));
  const least = ofBaths ? Number.NaN : Number(floor?.[1] ?? floor?.[2]);
  if (rooms.beds !== undefined && least < rooms.beds) rooms.beds = least;
  const bath = BATHS.exec(norm);
  if (bath)
    rooms.baths = Number(bath[1]) + (bath[2] && !bath[1]?.includes('.') ? 0.5 : 0) + (bath[3] ? 0.5 : 0);
  else if (ONE_AND_HALF_ES.test(norm)) rooms.baths = 1.5;
  if (rooms.beds === undefined || rooms.baths === undefined) {
    const one = ONE_ES.exec(norm);
    if (one && /bano/.test(one[0])) rooms.baths ??= 1;
    else if (one) rooms.beds ??= 1;
  }
  if (rooms.beds === undefined && rooms.baths === undefined) {
    const slash = SLASH.exec(norm);
    if (slash) {
      rooms.beds = Number(slash[1]);
      rooms.baths = Number(slash[2]);
    } else if (options.justAsked) {
      const bare = BARE.exec(norm);
      if (bare) {
        rooms.beds = Number(bare[1]);
        if (bare[2]) rooms.baths = Number(bare[2]);
      }
    }
  }
  if (rooms.beds !== undefined && !inRange(rooms.beds)) delete rooms.beds;
  if (rooms.baths !== undefined && !inRange(rooms.baths)) delete rooms.baths;
  return rooms;
}
