import { buyerTemperature } from './buyer/temperature.ts';
import type { BotName, Temperature } from './conversation.ts';
import { sellerTemperature } from './seller/temperature.ts';
import type { Facts } from './state.ts';

const RANK: Record<Temperature, number> = { cold: 0, warm: 1, hot: 2 };

/**
 * The contact's one temperature. Selling and buying, it is the hotter side's: a seller whose
 * listing appointment is booked stays a hot lead while the Buyer bot qualifies the purchase.
 */
export function contactTemperature(
  f: Facts,
  owner: BotName,
  ownerTemp: Temperature,
  buyerHotDays: number,
): Temperature {
  if (f.intent !== 'both' || owner === 'lead') return ownerTemp;
  const other = owner === 'buyer' ? sellerTemperature(f) : buyerTemperature(f, buyerHotDays);
  return RANK[other] > RANK[ownerTemp] ? other : ownerTemp;
}
