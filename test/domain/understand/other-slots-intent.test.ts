import { describe, expect, it } from 'vitest';
import type { AskedQuestion, BotKind } from '../../../src/domain/understand/types.ts';
import { readOtherSlots } from '../../../src/domain/understand/other-slots.ts';

const NOW = new Date('2026-12-04T12:00:00Z');
const read = (text: string, bot: BotKind = 'lead', lastQuestion: AskedQuestion | null = 'buy_or_sell') =>
  readOtherSlots(text, { bot, lastQuestion, now: NOW });

describe('intent', () => {
  it.each([
    ['buyin', 'buy'],
    ['Selling.', 'sell'],
    ['both probably', 'both'],
    ['kinda both tbh', 'both'],
    ['ambas', 'both'],
    ['we rent now but want to own', 'buy'],
    ['were looking for our first home', 'buy'],
    ['I own a condo in Upland I want to list', 'sell'],
    ['have to sell ours before we can get a bigger one', 'both'],
    ['sell then buy', 'both'],
    ['quiero comprar una casa', 'buy'],
    ['queremos vender', 'sell'],
    ['vender y luego comprar', 'both'],
    ['vendo y compro', 'both'],
    ['want to get rid of my house', 'sell'],
    ['thinking about putting it on the market', 'sell'],
  ])('%j → %s', (text, intent) => {
    expect(read(text).intent).toBe(intent);
  });

  it('reads a bare "both" only as an answer to "buying or selling?"', () => {
    expect(read('both', 'seller', 'condition').intent).toBeUndefined();
  });

  it('states no intent in a question about the process or the market', () => {
    expect(read('how long do homes take to sell around here?', 'lead', null).intent).toBeUndefined();
    expect(read('are prices going to drop if I wait to buy', 'lead', null).intent).toBeUndefined();
    expect(read('what is my condo worth', 'lead', null).intent).toBeUndefined();
  });

  it('keeps a question that names the lead as buyer or asks for help finding a house', () => {
    expect(read('what fees do I pay as a buyer?', 'lead', null).intent).toBe('buy');
    expect(read('can you help us find a place in Chino?', 'lead', null).intent).toBe('buy');
    expect(read('could you sell our condo for us?', 'lead', null).intent).toBe('sell');
  });

  it('ignores somebody else selling, selling on their own and negations', () => {
    expect(read('my landlord is selling the place we rent', 'lead', null).intent).toBeUndefined();
    expect(read('we are selling it ourselves', 'lead', null).intent).toBeUndefined();
    expect(read('not trying to buy or sell right now', 'lead', null).intent).toBeUndefined();
  });

  it('reads a lead who loved a house or wants to make an offer as a buyer', () => {
    expect(read('drove past the one on Banyan and loved it', 'lead', null).intent).toBe('buy');
    expect(read('we want to put in an offer this week', 'lead', null).intent).toBe('buy');
  });

  it('makes a seller who will also buy locally both, and one who buys out of the area a seller', () => {
    expect(read('we would buy something smaller in Claremont', 'seller', 'motivation').intent).toBe('both');
    expect(read('selling here and buying there, we are moving to Ohio', 'seller', null).intent).toBe('sell');
    expect(read('we need a bigger house', 'seller', 'motivation').intent).toBeUndefined();
  });

  it('reads the side the bot already serves as nothing new after one of its own questions', () => {
    expect(read('we would sell it as is, no repairs', 'seller', 'condition').intent).toBeUndefined();
    expect(read('anything over 900 and we sell', 'seller', 'price').intent).toBeUndefined();
    expect(read('we want to start buying in the spring', 'buyer', 'timeline').intent).toBeUndefined();
    expect(read('we want to sell first, then buy', 'seller', 'timeline').intent).toBe('both');
    expect(read('we are ready to sell', 'seller', null).intent).toBe('sell');
  });

  it('reads other buyers and sellers and the market side as no intent of the lead', () => {
    expect(read('is it a sellers market right now', 'lead', null).intent).toBeUndefined();
    expect(read('roughly what do buyers pay in fees here', 'buyer', null).intent).toBeUndefined();
    expect(read('are sellers still paying closing costs or nah', 'buyer', 'budget').intent).toBeUndefined();
    expect(read('hey are you trying to buy it or list it', 'seller', null).intent).toBeUndefined();
    expect(read('my kids are the buyers', 'lead', null).intent).toBe('buy');
  });

  it('reads a sale with the next home here as both, and a private sale as none', () => {
    expect(read('sell the townhouse and get a house with a yard', 'lead', 'buy_or_sell').intent).toBe('both');
    expect(
      read('want to downsize, sell the big one and find something smaller nearby', 'lead', null).intent,
    ).toBe('both');
    expect(read('we need a bigger house, have to get rid of this one first', 'lead', null).intent).toBe(
      'both',
    );
    expect(read('selling here and buying in Denver', 'lead', 'buy_or_sell').intent).toBe('sell');
    expect(read('we plan to put ours on the market', 'lead', 'buy_or_sell').intent).toBe('sell');
    expect(read('thinking of cashing out and moving near my son', 'lead', null).intent).toBe('sell');
    expect(read('interested in rental properties, maybe a fourplex', 'lead', null).intent).toBe('buy');
    expect(read('we will list it on zillow ourselves', 'seller', null).intent).toBeUndefined();
    expect(read('selling it privately to a neighbor', 'seller', null).intent).toBeUndefined();
  });

  it('makes a buyer who must sell first both', () => {
    expect(read('only once we sell our place', 'buyer', 'timeline').intent).toBe('both');
    expect(read('tenemos que vender la nuestra primero', 'buyer', 'timeline').intent).toBe('both');
    expect(read('as soon as our house sells', 'buyer', 'timeline').intent).toBe('both');
    const selling = read('we also have a condo to sell in Rialto', 'buyer', null);
    expect(selling.intent).toBe('both');
    expect(selling.area).toBeUndefined();
  });
});
