import { checkableMustHaves, type Listing, type PropertyType } from './listing.ts';
import type { BuyerNeeds, Match } from './match-types.ts';

const SHORT_MAX = 60;

const FEATURE_LABELS: Record<string, string> = {
  no_hoa: 'no HOA',
  adu: 'ADU',
  rv_parking: 'RV parking',
  cul_de_sac: 'cul de sac',
};

/** A must-have tag in words for the agent: "no_hoa" → "no HOA", "home_office" → "home office". */
export function featureLabel(tag: string): string {
  return FEATURE_LABELS[tag] ?? tag.replace(/_/g, ' ');
}

/** "$589k", "$1.3M": how a price reads in a text message. */
export function shortPrice(price: number): string {
  const thousands = Math.round(price / 1000);
  if (thousands < 1000) return `$${thousands}k`;
  return `$${Math.round(price / 10_000) / 100}M`;
}

function grouped(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const EN_TYPE: Record<PropertyType, string> = { single_family: '', condo: 'condo ', townhome: 'townhome ' };

function english(l: Listing, withType: boolean, place: string): string {
  const type = withType ? EN_TYPE[l.propertyType] : '';
  return `a ${l.beds} bed ${type}in ${place} at ${shortPrice(l.price)}`;
}

const spanishRooms = (beds: number) => `${beds} ${beds === 1 ? 'recámara' : 'recámaras'}`;

function spanish(l: Listing, withType: boolean, place: string): string {
  const rooms = spanishRooms(l.beds);
  let home = 'una casa';
  if (withType && l.propertyType === 'condo') home = 'un condominio';
  else if (withType && l.propertyType === 'townhome') home = 'una casa adosada';
  return `${home} de ${rooms} en ${place} por ${shortPrice(l.price)}`;
}

/**
 * The best match in a few words for an SMS, at most 60 characters: "a 3 bed in Etiwanda at $589k",
 * "una casa de 3 recámaras en Etiwanda por $589k". Detail is dropped, never cut mid-word, to fit.
 */
export function describeMatchShort(m: Match, lang: 'en' | 'es'): string {
  const render = lang === 'es' ? spanish : english;
  const l = m.listing;
  const attempts = [
    render(l, true, l.neighborhood),
    render(l, false, l.neighborhood),
    render(l, false, l.city),
  ];
  const fits = attempts.find((text) => text.length <= SHORT_MAX);
  return fits ?? describeMatchBare(m, lang);
}

/** The fewest words for a home: "a 3 bed in Etiwanda at $589k", "una casa de 3 recámaras en Etiwanda por $589k". */
export function describeMatchBare(m: Match, lang: 'en' | 'es'): string {
  const l = m.listing;
  const where = [l.neighborhood, l.city]
    .filter((p): p is string => !!p)
    .sort((a, b) => a.length - b.length)[0];
  return lang === 'es'
    ? `una casa de ${spanishRooms(l.beds)}${where ? ` en ${where}` : ''} por ${shortPrice(l.price)}`
    : `a ${l.beds} bed${where ? ` in ${where}` : ''} at ${shortPrice(l.price)}`;
}

function needsSummary(needs: BuyerNeeds): string {
  const parts: string[] = [];
  const { budgetMin, budgetMax } = needs;
  if (budgetMin !== undefined && budgetMax !== undefined) {
    parts.push(`budget ${shortPrice(budgetMin)} to ${shortPrice(budgetMax)}`);
  } else if (budgetMax !== undefined) {
    parts.push(`budget up to ${shortPrice(budgetMax)}`);
  } else if (budgetMin !== undefined) {
    parts.push(`budget from ${shortPrice(budgetMin)}`);
  }
  if (needs.beds !== undefined) parts.push(`${needs.beds}+ beds`);
  if (needs.baths !== undefined) parts.push(`${needs.baths}+ baths`);
  if (needs.areas && needs.areas.length > 0) parts.push(`areas ${needs.areas.join(', ')}`);
  if (needs.mustHaves && needs.mustHaves.length > 0) {
    const checkable = new Set(checkableMustHaves(needs.mustHaves));
    const labels = needs.mustHaves.map((tag) =>
      checkable.has(tag) ? featureLabel(tag) : `${featureLabel(tag)} (not in listing data)`,
    );
    parts.push(`must haves ${labels.join(', ')}`);
  }
  return parts.length > 0 ? parts.join('; ') : 'no criteria yet';
}

const TYPE_WORDS: Record<PropertyType, string> = {
  single_family: 'single family',
  condo: 'condo',
  townhome: 'townhome',
};

function matchLines(m: Match, index: number): string[] {
  const l = m.listing;
  const hoa = l.hoa === 0 ? 'no HOA' : `HOA $${grouped(l.hoa)}/mo`;
  const facts = [
    `${l.address}, ${l.city} ${l.zip}`,
    `$${grouped(l.price)}`,
    `${l.beds} bd / ${l.baths} ba`,
    `${grouped(l.sqft)} sqft`,
    l.neighborhood,
    `${TYPE_WORDS[l.propertyType]}, built ${l.yearBuilt}, ${hoa}`,
    `${l.id}, listed ${l.listedDate}`,
  ];
  const why = m.reasons.length > 0 ? m.reasons.join('; ') : l.headline;
  return [`${index + 1}. ${facts.join(' | ')}`, `   Why: ${why} (score ${m.score})`];
}

/**
 * The CRM note with every match: where it is, what it costs, its size, and why it fits. Pass the
 * unlimited `total` when `matches` was cut short so the note says how many more there are.
 */
export function formatMatchNote(matches: Match[], needs: BuyerNeeds, opts: { total?: number } = {}): string {
  const criteria = needsSummary(needs);
  if (matches.length === 0) return `Property matches: none found for ${criteria}.`;
  const total = Math.max(opts.total ?? matches.length, matches.length);
  const homes = total === 1 ? '1 home' : `${total} homes`;
  const count = total > matches.length ? `${homes}, best ${matches.length} shown,` : homes;
  const lines = [`Property matches: ${count} for ${criteria}`];
  matches.forEach((m, i) => {
    lines.push(...matchLines(m, i));
  });
  return lines.join('\n');
}
