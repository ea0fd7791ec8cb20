import {
  classifyIntent,
  detectHardship,
  detectPriceAnchoring,
  extractAddress,
  extractAreas,
  extractFinancing,
  extractMotivation,
  extractMustHaves,
  extractOfferPath,
  extractTimeline,
  extractTimelineAcceptance,
  type Hardship,
  type IntentResult,
  isBackIn,
  isChangedMind,
  isGreeting,
  isKeyboardMash,
  isVague,
  mentionsAdOrReferral,
  paysCashAsBuyer,
  speaksOfOthers,
} from './language/index.ts';
import { simplify } from './language/normalize.ts';
import type { Facts } from './state.ts';
import { readApprovalAmount } from './understand/money-slots.ts';
import { readUtterance } from './understand/read-utterance.ts';
import { rememberBy } from './remember.ts';
import { placesId } from './understand/remember-read.ts';
import { factsFromSlots } from './understand/slots-to-facts.ts';
import type { Act, AskedQuestion, BotKind, Slots } from './understand/types.ts';

/** What one message says: the facts it adds and the cues the bots react to. */
export interface Reading {
  facts: Facts;
  intent: IntentResult;
  hardship: Hardship | null;
  anchoring: boolean;
  vague: boolean;
  mash: boolean;
  changedMind: boolean;
  greeting: boolean;
  adOrReferral: boolean;
  multipleProperties: boolean;
  meetingRequest: boolean;
  marketTiming: boolean;
  twoDeciders: boolean;
  /** JSON, code or markup: read as plain text, never as fields. */
  code: boolean;
  /** Every dialogue act the message carries (answers, questions, objections, keywords…). */
  acts: Act[];
  /** The slot values it states, in the corpus vocabulary. */
  slots: Slots;
  /** Places the lead takes back ("Fontana not Rialto", "en vez de Rialto"): dropped from the areas. */
  droppedAreas?: string[];
}

/** The corpus name of the question a bot left pending ("seller.price" → "price"). */
const ASKED: Record<string, AskedQuestion> = {
  'seller.motivation': 'motivation',
  'seller.timeline': 'timeline',
  'seller.condition': 'condition',
  'seller.price': 'price',
  'buyer.budget': 'budget',
  'buyer.financing': 'preapproval',
  'buyer.beds': 'needs',
  'buyer.must_haves': 'needs',
  'buyer.timeline': 'timeline',
  'buyer.areas': 'area',
  'lead.intent': 'buy_or_sell',
  'lead.first': 'buy_or_sell',
  'schedule.slots': 'appointment',
  // "Do mornings or afternoons work better?" and "Which day?" ask for a time as the offer does:
  // "tuesday at 10?" answers them.
  'schedule.daypart': 'appointment',
  'schedule.day': 'appointment',
  'schedule.want_visit': 'appointment',
};

export function askedQuestion(pending: string | null): AskedQuestion | null {
  return pending ? (ASKED[pending] ?? null) : null;
}

// A tag is looked for once, from the first "<x" (a later one cannot close when the first did
// not), and "from" within 200 characters of each "select": both used to rescan the rest of the
// message from every "<" or "select".
const CODE =
  /^\s*[{[<]|^[^<]*(?:<(?!\/?[a-z])[^<]*)*<\/?[a-z][^>]*>|\b(?:function\s*\w*\s*\([\w\s,]*\)|drop\s+table|console\.log|=>\s*\{)|"\w+"\s*:|\{[^{};:"=]*[;:"=][^{}]*\}/i;
const SELECT = /\bselect\s/gi;
const SELECT_FROM = /^select\s[\s\S]+?\sfrom\s/i;
const SELECT_FROM_MAX = 'select '.length + 200 + ' from '.length;

function looksLikeCode(text: string): boolean {
  if (CODE.test(text)) return true;
  for (const select of text.matchAll(SELECT)) {
    if (SELECT_FROM.test(text.slice(select.index, select.index + SELECT_FROM_MAX))) return true;
  }
  return false;
}

const MULTIPLE =
  /\b(?:two|three|several|multiple|a couple of|2|3|dos|tres|varias)\s+(?:houses|homes|properties|rentals|casas|propiedades)\b|\b(?:both|all) (?:of )?(?:my|our) (?:houses|homes|properties)\b|\bsell (?:them|both)\b/i;
const MEETING =
  /\b(?:can we meet|meet (?:sooner|earlier|this week|today|tomorrow)|come (?:by|over|see)|see the (?:house|home|place) (?:this|today|tomorrow|sooner)|schedule (?:a|an) (?:meeting|appointment|visit|showing)|set up (?:a|an) (?:meeting|appointment|showing)|book (?:a|an) (?:appointment|showing)|sooner rather than later|meet (?:in person|up|with (?:you|jorge|him|her))|let'?s meet|come (?:look|take a look|see) (?:at )?(?:the|my|our) (?:house|home|place|property)|set up a (?:time|call|meeting)|verlo antes|vernos|reunirnos|agendar una cita|(?:you|jorge|he|someone) (?:stop|swing|drop|pop) by|(?:stop|swing|drop|pop) by (?:sometime|some time|and (?:take a )?look|to (?:take a )?look)|(?:can|could) (?:jorge|he|you|someone) come(?: out| over| by)? (?:this|on|saturday|sunday|tomorrow|today|next|monday|tuesday|wednesday|thursday|friday)|(?:pasar|venir|pase|vengan|venga) a ver(?:la|lo)?)\b/i;
const MARKET_TIMING =
  /\b(?:good time to (?:buy|sell)|(?:will|are|do you think) (?:prices|rates|home prices|the market) (?:go|going|drop|fall|come|crash|rise)|should (?:i|we) wait|market (?:crash|bubble)|(?:is|are) (?:prices|rates) (?:going|dropping|falling)|(?:prices|rates|the market) (?:will|are going to|gonna) (?:go|drop|fall|come|crash|rise)|buen momento para (?:comprar|vender)|van a bajar los precios)\b/i;
const TWO_DECIDERS =
  /\b(?:my (?:wife|husband|spouse|partner|fianc[eé]e?)|(?:wife|husband|partner) and i|we both|both of us|mi (?:esposa|esposo|pareja)|mi esposo y yo|mi esposa y yo)\b/i;

/**
 * Reads one message against what was just asked (`pending`), so a bare "yes" answers the timeline
 * question and a bare "750" answers the price question.
 *
 * A turn that needs free meeting times is decided twice on the same message (once to learn that
 * it needs them, once with them): the second decision gets a copy of the first reading instead of
 * reading again. Pure: the reading depends only on the arguments (the place list told apart by
 * identity), and every caller gets its own deep copy.
 */
export const readMessage: (
  text: string,
  pending: string | null,
  neighborhoods: readonly string[],
  now?: Date,
  bot?: BotKind,
) => Reading = rememberBy(
  (text, pending, neighborhoods, now, bot) =>
    `${bot ?? 'lead'}\u0000${pending ?? ''}\u0000${now?.getTime() ?? ''}\u0000${placesId(neighborhoods)}\u0000${text}`,
  readAfresh,
  8,
  structuredClone,
);

function readAfresh(
  text: string,
  pending: string | null,
  neighborhoods: readonly string[],
  now?: Date,
  bot: BotKind = 'lead',
): Reading {
  const code = looksLikeCode(text);
  const intent = classifyIntent(text);
  const ctx = { bot, lastQuestion: askedQuestion(pending), now: now ?? new Date(0), neighborhoods };
  const understood = code ? { acts: [{ act: 'other' } as Act], slots: {} } : readUtterance(text, ctx);
  const base: Reading = {
    facts: {},
    intent,
    hardship: null,
    anchoring: false,
    vague: isVague(text),
    mash: isKeyboardMash(text),
    changedMind: isChangedMind(text),
    greeting: isGreeting(text),
    adOrReferral: mentionsAdOrReferral(text),
    multipleProperties: false,
    meetingRequest: false,
    marketTiming: false,
    twoDeciders: false,
    code,
    acts: understood.acts,
    slots: understood.slots,
  };
  if (code) return base;

  // The slot readers (measured on the labelled corpus) decide every value they cover; the older
  // extractors add only what the slots have no name for (destination, offer path, must-haves…).
  const sl = understood.slots;
  const f: Facts = factsFromSlots(sl);
  const approval = readApprovalAmount(text, ctx);
  if (approval !== undefined) f.preApprovalAmount = approval;
  const anchoring = detectPriceAnchoring(text);
  // Where the seller is going comes with a motivation only.
  const destination = sl.motivation ? extractMotivation(text)?.destination : undefined;
  if (destination) f.destination = destination;
  const acceptance = extractTimelineAcceptance(text, { justAsked: pending === 'seller.timeline' });
  if (acceptance) f.timelineAcceptable = acceptance === 'yes';
  // The corpus slot is number and street; the record keeps the city when the lead gave it.
  if (sl.address) f.address = extractAddress(text) ?? sl.address;
  const path = extractOfferPath(text);
  if (path) f.offerPath = path;
  const financing = extractFinancing(text, { justAsked: pending === 'buyer.financing' });
  if (financing?.status === 'cash') f.financing = 'cash';
  const must = extractMustHaves(text);
  if (must.length > 0) f.mustHaves = must;
  let droppedAreas: string[] = [];
  if (sl.area) {
    const areas = extractAreas(text, neighborhoods);
    const plain = simplify(text);
    // "no wait, upland, rancho is too pricey": after a correction only the place kept counts.
    const corrected = PLACE_CORRECTED.test(plain);
    droppedAreas = areas.filter((a) => takenBack(plain, a) || (corrected && a !== sl.area));
    f.areas = [sl.area, ...areas.filter((a) => a !== sl.area)].filter((a) => !droppedAreas.includes(a));
  }
  if (sl.timeline_months === undefined) {
    const stated = extractTimeline(text);
    // "Just looking" and "next year" give no month, but still say how far off the lead is.
    if (stated.horizon === 'just_looking') f.horizon = 'just_looking';
    else if (stated.horizon === 'over_year' || (stated.months ?? 0) >= 12) f.horizon = 'over_year';
  }
  // "too early, maybe in a year", "just curious for now": cold whatever month comes with it.
  const notYet = understood.acts.some(
    (a) => a.act === 'objection' && (a.type === 'too_early' || a.type === 'just_looking'),
  );
  if (notYet) f.horizon = 'just_looking';
  const twoDeciders = TWO_DECIDERS.test(text);
  if (twoDeciders) f.decisionMakers = true;
  const multipleProperties = MULTIPLE.test(text);
  if (multipleProperties) f.multipleProperties = true;
  const hardship = detectHardship(text);
  if (hardship) f.hardship = hardship;
  // A seller's "cash" is the cash-offer path, not how they would pay for a home; a buyer "paying
  // cash" from the sale of another property is still paying cash.
  if (
    intent.intent === 'sell' &&
    intent.confidence >= 0.6 &&
    f.financing === 'cash' &&
    !(bot === 'buyer' && paysCashAsBuyer(text))
  )
    delete f.financing;
  // "our landlord is selling the house we rent", to the buyer bot: someone else's sale says
  // nothing of the lead's.
  const othersOnly =
    bot !== 'lead' && sl.intent === undefined && intent.intent !== 'other' && speaksOfOthers(text);
  const plainIntent =
    intent.intent === 'other' && sl.intent
      ? { intent: sl.intent, confidence: 0.8 }
      : othersOnly
        ? { intent: 'other' as const, confidence: 0.3 }
        : intent;
  // "actually yes, we might sell in march": a lead coming back means it, however hedged.
  const readIntent =
    plainIntent.intent !== 'other' && plainIntent.confidence >= 0.5 && !base.changedMind && isBackIn(text)
      ? { ...plainIntent, confidence: Math.max(0.8, plainIntent.confidence) }
      : plainIntent;

  return {
    ...base,
    intent: readIntent,
    facts: f,
    hardship,
    anchoring,
    multipleProperties,
    meetingRequest: MEETING.test(text),
    marketTiming: MARKET_TIMING.test(text),
    twoDeciders,
    ...(droppedAreas.length > 0 ? { droppedAreas } : {}),
  };
}

// Narrower than CORRECTION (language/cues.ts): "perdón" and "mejor" also open ordinary messages.
const PLACE_CORRECTED =
  /\b(?:actually(?: no)?|scratch that|wait no|no wait|i mean|make (?:that|it)|correction|mejor no)\b/;
const TAKEN_BACK =
  /\b(?:not|no|instead of|en vez de|rather than|forget|ya no|not in|no en|anywhere but|anything but|except|excepto|menos|but not|not interested in|no me interesa(?: en)?)$/;
/** "Fontana not Rialto", "en vez de Rialto": the place named right after a word that takes it back. */
function takenBack(plain: string, area: string): boolean {
  const at = plain.indexOf(simplify(area));
  return at > 0 && TAKEN_BACK.test(plain.slice(Math.max(0, at - 24), at).trim());
}

/** Merges new facts over old; lists (areas, must-haves) accumulate without duplicates. */
export function mergeFacts(old: Facts, add: Facts, dropped: readonly string[] = []): Facts {
  const out: Facts = { ...old, ...add };
  // Selling and buying stays both when one side is named later; the latest figure wins, so a
  // single price replaces a range and the other way round.
  if (old.intent === 'both' && add.intent !== undefined) out.intent = 'both';
  if (add.priceExpectation !== undefined && add.priceMin === undefined && add.priceMax === undefined) {
    delete out.priceMin;
    delete out.priceMax;
  }
  if ((add.priceMin !== undefined || add.priceMax !== undefined) && add.priceExpectation === undefined)
    delete out.priceExpectation;
  // "We can do about 700", then "approved for 750 with guild": the approval is what the lender
  // allows, the budget stays the figure the lead gave (capped by the approval). A budget read from
  // an approval alone never replaces one the lead stated.
  const fromApproval = (f: Facts) => f.budgetMin === undefined && f.budgetMax === f.preApprovalAmount;
  if (add.budgetMax !== undefined && fromApproval(add) && old.budgetMax !== undefined && !fromApproval(old)) {
    out.budgetMax = Math.min(old.budgetMax, add.budgetMax);
    if (old.budgetMin !== undefined && old.budgetMin < out.budgetMax) out.budgetMin = old.budgetMin;
  }
  // "my mother passed away", then "my brother and I are the trustees" or "I'm moving in with my
  // son": the death stays the reason.
  if (old.motivation === 'death_in_family' && add.motivation !== undefined) out.motivation = old.motivation;
  if (old.mustHaves && add.mustHaves) out.mustHaves = [...new Set([...old.mustHaves, ...add.mustHaves])];
  if (old.areas && add.areas) out.areas = [...new Set([...old.areas, ...add.areas])];
  if (out.areas && dropped.length > 0) out.areas = out.areas.filter((a) => !dropped.includes(a));
  return out;
}
