import { CORRECTION } from '../language/cues.ts';
import { matchesOf } from '../language/matches.ts';
import { simplify } from '../language/normalize.ts';
import { extractStreetAddress } from '../language/address.ts';
import { readCondition } from '../language/condition.ts';
import { readLanguageSwitch } from '../language/detect-language.ts';
import { readLender, readPreapproval } from '../language/financing.ts';
import { extractRooms } from '../language/rooms.ts';
import { readArea } from './other-slots-area.ts';
import { readEmail, readPhone } from './other-slots-contact.ts';
import { readIntentSlot } from './other-slots-intent.ts';
import { readMotivationSlot } from './other-slots-motivation.ts';
import { rememberRead } from './remember-read.ts';
import type { Slots, UtteranceContext } from './types.ts';

/** Every slot except money, timeline and yes/no, which have readers of their own. */
export type OtherSlots = Omit<
  Slots,
  'price' | 'price_min' | 'price_max' | 'budget_min' | 'budget_max' | 'timeline_months' | 'yes_no'
>;

/**
 * The slots a message states besides money and timeline, normalized as the corpus README says:
 * intent, condition, motivation, preapproved, lender, bedrooms, bathrooms, area, address, email,
 * phone and language_switch. The pending question decides how short answers read: a bare "good"
 * is a condition only after the condition question, a bare "3" is bedrooms only after the needs
 * question, a bare "yes" is pre-approved only after the pre-approval question, and a bare "both"
 * is an intent only after "buying or selling?". A buyer's words about condition ("no fixers")
 * are a wish, not the condition of a house, so the buyer bot reads no condition.
 */
export const readOtherSlots = rememberRead(readSlots, (slots) => ({ ...slots }));

function readSlots(text: string, ctx: UtteranceContext): OtherSlots {
  const asked = ctx.lastQuestion;
  const out: OtherSlots = {};
  const intent = readIntentSlot(text, {
    bot: ctx.bot,
    justAsked: asked === 'buy_or_sell',
    qualifying: asked !== null && asked !== 'buy_or_sell',
  });
  if (intent) out.intent = intent;
  // A buyer describes the homes they want ("needs to be in good shape"), unless it is their own.
  const sellerSide = ctx.bot !== 'buyer' || OWN_HOME.test(simplify(text));
  const condition = sellerSide ? readCondition(text, { justAsked: asked === 'condition' }) : null;
  if (condition) out.condition = condition;
  const motivation = readMotivationSlot(text, { justAsked: asked === 'motivation', bot: ctx.bot });
  if (motivation) out.motivation = motivation;
  const financing = { justAsked: asked === 'preapproval' };
  const preapproved = readPreapproval(text, financing);
  if (preapproved !== null) out.preapproved = preapproved;
  const lender = readLender(text, financing);
  if (lender) out.lender = lender;
  const rooms = extractRooms(text, { justAsked: asked === 'needs' });
  if (rooms.beds !== undefined) out.bedrooms = rooms.beds;
  if (rooms.baths !== undefined) out.bathrooms = rooms.baths;
  const area = readArea(text, ctx);
  if (area) out.area = area;
  const address = extractStreetAddress(text);
  if (address) out.address = tidyAddress(address);
  const email = readEmail(text);
  if (email) out.email = email;
  const phone = readPhone(text);
  if (phone) out.phone = phone;
  const language = readLanguageSwitch(text);
  if (language) out.language_switch = language;
  return corrected(text, ctx, out);
}

const OWN_HOME = /\b(?:my|our) (?:house|home|place|condo|townhouse|townhome)\b|\b(?:mi|nuestra) casa\b/;
const LEADING_DIGIT = /^[\s,]*([1-9])\b(?!\s*(?:k|mil|00|,\d))/;

/** After a correction in the message ("Fontana. actually no, Rialto"), what follows it wins for the city, the rooms and the condition. */
function corrected(text: string, ctx: UtteranceContext, out: OtherSlots): OtherSlots {
  const simple = simplify(text);
  const at = matchesOf(CORRECTION, simple).at(-1);
  if (at === undefined) return out;
  const rest = simple.slice(at.index + at[0].length);
  const area = readArea(rest, ctx);
  const rooms = extractRooms(rest, { justAsked: true });
  // "2 bed is fine. make that 3": the number said right after takes the rooms' place.
  const beds =
    rooms.beds ??
    (out.bedrooms !== undefined ? Number(LEADING_DIGIT.exec(rest)?.[1] ?? Number.NaN) : Number.NaN);
  const condition =
    ctx.bot === 'buyer' || out.condition === undefined ? null : readCondition(rest, { justAsked: true });
  return {
    ...out,
    ...(area ? { area } : {}),
    ...(out.bedrooms !== undefined && Number.isInteger(beds) ? { bedrooms: beds } : {}),
    ...(condition ? { condition } : {}),
  };
}

/** "8127 banyan st" → "8127 Banyan St": an address typed all in lower case, capitalized as on a letter. */
function tidyAddress(address: string): string {
  if (/[A-Z]/.test(address)) return address;
  return address.replace(
    /\b([a-z])([a-z]*)/g,
    (_, first: string, rest: string) => first.toUpperCase() + rest,
  );
}
