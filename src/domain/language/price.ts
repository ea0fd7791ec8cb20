import { matchesOf } from './matches.ts';
import { findRange, homePrices } from './budget.ts';
import { type MoneyOptions, scanMoney } from './money.ts';
import { clauseBefore, clauses, simplify } from './normalize.ts';

// Figures that describe a debt, a past purchase or a buyer's budget, not what the seller hopes to get.
const NOT_ASKING_BEFORE =
  /\b(?:owe|owes|owed|owing|balance(?: is| of)?|mortgage(?: is| of)?|payoff(?: is)?|pay ?off|loan(?: is| of)?|bought(?: it)?(?: for| at)?|paid|purchased(?: it)?(?: for)?|debo|debemos|deuda(?: de)?|compramos(?: en| por)?|pagamos|pague|budget(?: is| of)?|presupuesto(?: es| de)?)\s*(?:(?:about|around|like|~|\$|only|just|unos|como)\s*)?$/;
const THIRD_PARTY =
  /\b(?:neighbou?rs?|next door|down the (?:street|block|road)|across the (?:street|way)|on (?:my|our|the) (?:street|block)|around the corner|same (?:street|model|floor ?plan|tract)|(?:houses?|homes?|places?) (?:like (?:mine|ours)|around here|nearby|in (?:my|our|the) (?:area|neighborhood|tract|complex))|comps?|zillow|redfin|zestimate|realtor ?com|(?:my|a) (?:friend|coworker|cousin|brother|sister)|vecin[oa]s?|casa de (?:al )?lado|en (?:mi|nuestra) (?:calle|cuadra|colonia|vecindario)|casas? (?:como la mia|de por aqui|cercanas?))/;
const SALE_WORD =
  /\b(?:sold|sell|sells|selling|got|get|went|go(?:es)? for|going for|listed|asking|priced|closed|says|said|shows|estimate|valued|worth|vendio|vendieron|venden|vendi|sacaron|saco|dice|piden|pidieron|valen|vale|en venta)\b/;
const ONLINE_ESTIMATE = /\b(?:zillow|redfin|zestimate|realtor ?com)\b/;

const THIRD_PARTY_ALL = new RegExp(THIRD_PARTY.source, 'g');
const FIRST_PERSON = /\b(?:i|we|id|wed|im|me|my|our|us|quiero|queremos|quisiera|nos|yo|nosotros)\b/;

/** A figure is someone else's when a third party was named before it and the lead has not come back to "I/we". */
function isSomeoneElses(text: string, start: number): boolean {
  const before = clauseBefore(text, start, 80).replace(/'/g, '');
  let tail: string | null = null;
  for (const m of matchesOf(THIRD_PARTY_ALL, before)) tail = before.slice(m.index + m[0].length);
  return tail !== null && !FIRST_PERSON.test(tail);
}

/**
 * The price a seller hopes for, in dollars: "hoping for 750", "I'd want at least 650k",
 * "make me happy at 800", "around 650 thousand". Debts ("we owe 400k"), past purchases and
 * neighbours' sales are not the seller's price. A range gives its lower end, the figure they
 * would accept. Null when no price is stated.
 */
export function extractPriceExpectation(text: string, options: MoneyOptions = {}): number | null {
  const scan = scanMoney(text, options);
  const own = homePrices(scan.text, scan.mentions).filter(
    (m) => !NOT_ASKING_BEFORE.test(clauseBefore(scan.text, m.start)) && !isSomeoneElses(scan.text, m.start),
  );
  const range = findRange(scan.text, own);
  if (range) return range[0].amount;
  return own[0]?.amount ?? null;
}

/**
 * True when the lead quotes someone else's sale or an online estimate as the benchmark
 * ("my neighbor got 800k", "the house down the street sold for 900", "Zillow says 850").
 */
export function detectPriceAnchoring(text: string): boolean {
  const simple = simplify(text);
  return clauses(simple).some((clause) => {
    if (!THIRD_PARTY.test(clause)) return false;
    if (!SALE_WORD.test(clause) && !ONLINE_ESTIMATE.test(clause)) return false;
    return homePrices(clause, scanMoney(clause, {}).mentions).length > 0 || /\b\d{3}\b/.test(clause);
  });
}
