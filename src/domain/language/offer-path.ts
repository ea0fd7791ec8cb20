import { matchesOf } from './matches.ts';
import { simplify } from './normalize.ts';

export type OfferPath = 'listing' | 'cash';

const LISTING =
  /\b(?:top dollar|list (?:it|the house|the home|my house|my home|our house|our home|with you)|listing|on the market|mls|(?:max|maximum|best|highest|most|full|top) (?:price|value|money|market value|dollar)|retail|get the most|(?<!(?:the|your|that|his|jorges?|at|to|went to|visited) )open houses?(?! (?:in|on|at|last|this|sign))|(?:no|not|dont want) (?:an? )?(?:investors?|lowball|cash offers?|wholesalers?)|mejor precio|precio (?:maximo|mas alto)|(?:ponerla|ponerlo) en (?:venta|el mercado)|listarla|en el mercado)\b/g;
const CASH =
  /\b(?:cash offer|offer in cash|(?:buy|buys|sell|selling) (?:\w+ ){0,2}for cash|(?:pay|paying|offer|buy it for|buy it with) (?:me )?(?:in )?cash|cash (?:buyers?|price|for (?:it|my house|the house|my home))|as[- ]?is|quick(?:ly)? sale|sell (?:it )?(?:fast|quick|quickly)|fast sale|quick close|close (?:fast|quickly)|investors?|we buy houses|wholesal\w*|no repairs|(?:dont|do not) want to (?:fix|repair|do repairs)|without (?:repairs|fixing)|no showings|no realtor|oferta en efectivo|venta rapida|vender rapido|tal como esta|inversionistas?|sin reparaciones)\b/g;
const NEGATED = /\b(?:no|not|dont want|without)\s+(?:an?\s+)?$/;

function count(simple: string, re: RegExp, skipNegated: boolean): number {
  let n = 0;
  for (const m of matchesOf(re, simple)) {
    if (skipNegated && NEGATED.test(simple.slice(Math.max(0, m.index - 16), m.index))) continue;
    n += 1;
  }
  return n;
}

/**
 * The route a seller leans to: 'listing' for "top dollar", "list it", "max price"; 'cash' for
 * "cash offer", "as-is", "quick sale", "investor". Null when neither or both equally.
 */
export function extractOfferPath(text: string): OfferPath | null {
  const simple = simplify(text);
  const listing = count(simple, LISTING, false);
  const cash = count(simple, CASH, true);
  if (listing === cash) return null;
  return listing > cash ? 'listing' : 'cash';
}
