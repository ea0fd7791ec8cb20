import { matchesOf } from '../language/matches.ts';
import { locatePlaces, marketCities, marketCityAliases } from '../language/areas.ts';
import { fold } from '../language/normalize.ts';
import type { UtteranceContext } from './types.ts';

// Names that are also ordinary words ("rancho", "corona", "walnut") or letters ("RC"): they count
// after the area question, after a place preposition, or in a list of places.
const WEAK = new Set(['rc', 'rancho', 'corona', 'walnut', 'central park', 'red hill', 'day creek', 'colton']);
const PLACE_BEFORE =
  /\b(?:in|en|near|around|by|from|to|of|at|cerca de|por|rumbo a|para|ranch|anywhere|somewhere|north|south|east|west|or|o|and|y)\s*$/;
const NEGATED_BEFORE =
  /\b(?:not|except|but not|(?:anywhere|anything|everywhere|everything) but|avoid|hate|ni|excepto|menos|no en|nada en)\s+(?:\w+\s+)?$/;
const ONLY_AFTER = /^\s+(?:only|solamente|nomas|nada mas)\b/;
const NOT_THERE = /\bstop sending (?:me )?(?:\w+ ){0,3}$/;
const STREET_AFTER =
  /^\s+(?:ave|avenue|st|street|blvd|boulevard|rd|road|dr|drive|pkwy|parkway|way|ln|lane|ct|hwy|highway)\b/;
// Where a lead who names two cities wants to be: "sell in Ontario to buy in Rancho", "we're in
// Upland and want to move to Etiwanda".
const WANT_BEFORE =
  /\b(?:buy|buying|purchase|find|move to|moving to|relocat\w* to|(?:be|live|living) in|looking (?:in|at)|comprar|buscar|mudar(?:nos|me)? a)\b/;
const SELL_BEFORE = /\b(?:sell|selling|sells|sold|vender|vendemos)\b/;
const COUNTY_AFTER = /^\s+(?:county|co)\b/;
const COUNTY_BEFORE = /\bcondado de\s*$/;
// "ours is in Chino": where the buyer's own home is, not where they search.
const OURS_IN =
  /\b(?:ours|mine|(?:our|my) (?:house|home|place|condo|townhome)|la nuestra|la mia|nuestra casa|mi casa)(?: is| es| esta| s)? (?:in|en)\s*$/;
const DONE_BEFORE = /\b(?:bought|bougth|closed on|in escrow|compramos|compre)\b/;
const CLAUSE_START = /[.,;!?]/g;
// Where someone else works: "my brother in law is listing it, he's an agent in Corona".
const AGENT_IN_BEFORE = /\b(?:agent|realtor|broker|lender|agente)s? (?:\w+ )?(?:in|from|out of|en|de)\s*$/;

interface Places {
  names: readonly string[];
  aliases: Readonly<Record<string, readonly string[]>>;
}

const MARKET: Places = { names: marketCities, aliases: marketCityAliases };
// Rancho Cucamonga's neighbourhoods as realtors list them: the slot names the city they are in.
const NEIGHBOURHOOD_CITY: Readonly<Record<string, string>> = {
  victoria: 'Rancho Cucamonga',
  'terra vista': 'Rancho Cucamonga',
  caryn: 'Rancho Cucamonga',
  'day creek': 'Rancho Cucamonga',
  'central park': 'Rancho Cucamonga',
  'haven view estates': 'Rancho Cucamonga',
  'red hill': 'Rancho Cucamonga',
  'north etiwanda': 'Etiwanda',
};
const configured = new WeakMap<readonly string[], Places>();

/**
 * The market cities plus the realtor's own place names: a name inside a market city counts as
 * that city, any other name is its own value ("Wood Streets").
 */
function withConfigured(neighborhoods: readonly string[]): Places {
  const cached = configured.get(neighborhoods);
  if (cached) return cached;
  const known = new Set(marketCities.map((c) => fold(c)));
  const aliases: Record<string, string[]> = Object.fromEntries(
    Object.entries(marketCityAliases).map(([city, forms]) => [city, [...forms]]),
  );
  const names = [...marketCities];
  for (const name of neighborhoods) {
    const key = fold(name).trim();
    const city = NEIGHBOURHOOD_CITY[key];
    if (known.has(key)) continue;
    if (city) aliases[city] = [...(aliases[city] ?? []), key];
    else names.push(name);
  }
  const places = { names, aliases };
  configured.set(neighborhoods, places);
  return places;
}

function clauseHead(folded: string, at: number): string {
  const window = folded.slice(Math.max(0, at - 60), at);
  let cut = 0;
  for (const m of matchesOf(CLAUSE_START, window)) cut = m.index + 1;
  return window.slice(cut);
}

/**
 * The area slot: the first market city named (aliases, neighbourhoods and zip codes resolved),
 * skipping cities the lead rules out ("not Fontana", "stop sending me houses in Fontana") and
 * street names ("Etiwanda Ave"). When the lead sells in one city to buy in another, the city
 * they buy in. A buyer's or lead's finished purchase ("we bought in Eastvale") is no area to
 * search. Regions ("the IE", "near the 210") name no city.
 */
export function readArea(text: string, ctx: UtteranceContext): string | undefined {
  const folded = fold(text);
  const places = ctx.neighborhoods ? withConfigured(ctx.neighborhoods) : MARKET;
  const mentions = locatePlaces(text, places.names, { aliases: places.aliases, streetOnly: true });
  const kept = mentions.filter((m) => {
    const before = folded.slice(Math.max(0, m.start - 40), m.start);
    const head = clauseHead(folded, m.start);
    if (STREET_AFTER.test(folded.slice(m.end, m.end + 12))) return false;
    // "San Bernardino County", "el condado de Riverside": a county is a region, not a city.
    if (COUNTY_AFTER.test(folded.slice(m.end, m.end + 10)) || COUNTY_BEFORE.test(before)) return false;
    if (NEGATED_BEFORE.test(before) || NOT_THERE.test(head)) return false;
    if (ctx.bot !== 'seller' && DONE_BEFORE.test(head)) return false;
    if (AGENT_IN_BEFORE.test(before)) return false;
    // A buyer's own place for sale is not where they search.
    if (ctx.bot === 'buyer' && (SELL_BEFORE.test(head) || OURS_IN.test(head)) && !WANT_BEFORE.test(head))
      return false;
    const written = folded.slice(m.start, m.end);
    if (
      WEAK.has(written) &&
      ctx.lastQuestion !== 'area' &&
      // "Rancho" sent alone, or "Rancho only", names a place whatever was asked.
      folded.replace(/[^a-z ]/g, '').trim() !== written &&
      !ONLY_AFTER.test(folded.slice(m.end, m.end + 12)) &&
      !PLACE_BEFORE.test(before) &&
      mentions.length === 1
    )
      return false;
    return true;
  });
  const buying = kept.find((m) => WANT_BEFORE.test(clauseHead(folded, m.start)));
  return (kept.length > 1 && buying ? buying : kept[0])?.canonical;
}
