import {
  classifyIntent,
  detectHardship,
  detectPriceAnchoring,
  extractAddress,
  extractAreas,
  extractBudget,
  extractCondition,
  extractFinancing,
  extractMotivation,
  extractMustHaves,
  extractOfferPath,
  extractPriceExpectation,
  extractRooms,
  extractTimeline,
  extractTimelineAcceptance,
  type Hardship,
  type IntentResult,
  isChangedMind,
  isGreeting,
  isKeyboardMash,
  isVague,
  mentionsAdOrReferral,
  resolveTimeline,
} from './language/index.ts';
import type { Facts } from './state.ts';

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
  /\b(?:can we meet|meet (?:sooner|earlier|this week|today|tomorrow)|come (?:by|over|see)|see the (?:house|home|place) (?:this|today|tomorrow|sooner)|schedule (?:a|an) (?:meeting|appointment|visit|showing)|set up (?:a|an) (?:meeting|appointment|showing)|book (?:a|an) (?:appointment|showing)|sooner rather than later|meet (?:in person|up|with (?:you|jorge|him|her))|let'?s meet|come (?:look|take a look|see) (?:at )?(?:the|my|our) (?:house|home|place|property)|set up a (?:time|call|meeting)|verlo antes|vernos|reunirnos|agendar una cita)\b/i;
const MARKET_TIMING =
  /\b(?:good time to (?:buy|sell)|(?:will|are|do you think) (?:prices|rates|home prices|the market) (?:go|going|drop|fall|come|crash|rise)|should (?:i|we) wait|market (?:crash|bubble)|(?:is|are) (?:prices|rates) (?:going|dropping|falling)|(?:prices|rates|the market) (?:will|are going to|gonna) (?:go|drop|fall|come|crash|rise)|buen momento para (?:comprar|vender)|van a bajar los precios)\b/i;
const TWO_DECIDERS =
  /\b(?:my (?:wife|husband|spouse|partner|fianc[eé]e?)|(?:wife|husband|partner) and i|we both|both of us|mi (?:esposa|esposo|pareja)|mi esposo y yo|mi esposa y yo)\b/i;

/**
 * Reads one message against what was just asked (`pending`), so a bare "yes" answers the timeline
 * question and a bare "750" answers the price question.
 */
export function readMessage(
  text: string,
  pending: string | null,
  neighborhoods: readonly string[],
  now?: Date,
): Reading {
  const code = looksLikeCode(text);
  const intent = classifyIntent(text);
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
  };
  if (code) return base;

  const f: Facts = {};
  const anchoring = detectPriceAnchoring(text);
  const motivation = extractMotivation(text);
  if (motivation) {
    f.motivation = motivation.kind;
    if (motivation.destination) f.destination = motivation.destination;
  }
  const acceptance = extractTimelineAcceptance(text, { justAsked: pending === 'seller.timeline' });
  if (acceptance) f.timelineAcceptable = acceptance === 'yes';
  const condition = extractCondition(text);
  if (condition) f.condition = condition;
  // The extractor already ignores a neighbour's figure, so "neighbor got 800k, I want 850" keeps 850.
  const price = extractPriceExpectation(text, { justAsked: pending === 'seller.price' });
  if (price !== null) f.priceExpectation = price;
  const address = extractAddress(text);
  if (address) f.address = address;
  const path = extractOfferPath(text);
  if (path) f.offerPath = path;

  const budget = extractBudget(text, { justAsked: pending === 'buyer.budget' });
  if (budget.min !== undefined) f.budgetMin = budget.min;
  if (budget.max !== undefined) f.budgetMax = budget.max;
  const financing = extractFinancing(text, { justAsked: pending === 'buyer.financing' });
  if (financing) {
    f.financing = financing.status;
    if (financing.lender) f.lender = financing.lender;
  }
  const rooms = extractRooms(text, { justAsked: pending === 'buyer.beds' });
  if (rooms.beds !== undefined) f.beds = rooms.beds;
  if (rooms.baths !== undefined) f.baths = rooms.baths;
  const must = extractMustHaves(text);
  if (must.length > 0) f.mustHaves = must;
  const areas = extractAreas(text, neighborhoods);
  if (areas.length > 0) f.areas = areas;
  const stated = extractTimeline(text);
  const timeline = now ? resolveTimeline(stated, now) : stated;
  if (timeline.horizon) {
    f.horizon = timeline.horizon;
    if (timeline.months !== undefined) f.months = timeline.months;
  }
  const twoDeciders = TWO_DECIDERS.test(text);
  if (twoDeciders) f.decisionMakers = true;
  const multipleProperties = MULTIPLE.test(text);
  if (multipleProperties) f.multipleProperties = true;
  const hardship = detectHardship(text);
  if (hardship) f.hardship = hardship;

  // A price anchored on a neighbour's sale is not the seller's own expectation, and a seller's
  // price is not a buyer's budget: keep each number where the conversation puts it.
  if (intent.intent === 'buy' && intent.confidence >= 0.6) delete f.priceExpectation;
  // A seller's "cash" is the cash-offer path, not how they would pay for a home.
  if (intent.intent === 'sell' && intent.confidence >= 0.6) {
    delete f.financing;
    delete f.lender;
  }
  if (
    (pending?.startsWith('seller.') || (intent.intent === 'sell' && intent.confidence >= 0.6)) &&
    f.priceExpectation !== undefined
  ) {
    delete f.budgetMin;
    delete f.budgetMax;
  }
  if (anchoring) {
    delete f.budgetMin;
    delete f.budgetMax;
  }
  return {
    ...base,
    facts: f,
    hardship,
    anchoring,
    multipleProperties,
    meetingRequest: MEETING.test(text),
    marketTiming: MARKET_TIMING.test(text),
    twoDeciders,
  };
}

/** Merges new facts over old; lists (areas, must-haves) accumulate without duplicates. */
export function mergeFacts(old: Facts, add: Facts): Facts {
  const out: Facts = { ...old, ...add };
  if (old.mustHaves && add.mustHaves) out.mustHaves = [...new Set([...old.mustHaves, ...add.mustHaves])];
  if (old.areas && add.areas) out.areas = [...new Set([...old.areas, ...add.areas])];
  return out;
}
