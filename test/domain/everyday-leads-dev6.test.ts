import { describe, expect, it } from 'vitest';
import { readKeywords } from '../../src/domain/compliance/keywords.ts';
import { readUtterance } from '../../src/domain/understand/read-utterance.ts';
import type { AskedQuestion, BotKind } from '../../src/domain/understand/types.ts';
import { decideTurn, type TurnDecision } from '../../src/domain/turn.ts';
import { converse, jorgeBotsConfig } from '../support/converse.ts';

// What leads texted in the sixth development split (eval/corpus/*-dev6.jsonl), as a realtor would
// want each one taken.
const read = (text: string, bot: BotKind, lastQuestion: AskedQuestion | null) =>
  readUtterance(text, { bot, lastQuestion, now: new Date('2026-12-04T18:00:00Z') });

describe('opt-outs, HELP and START in the words leads use', () => {
  it.each([
    'cancle',
    'this is the 5th text this week, do you people ever stop',
    'i swear if i get one more listing text im blocking you',
    'im good, you can stop now',
    'dejen de estarme mandando mensajes porfa',
    '🛑',
    'stop sending me these cash offer texts, im not desperate',
    'NO ME MANDEN MÁS CASAS, YA COMPRAMOS',
  ])('%j is an opt-out', (text) => {
    expect(readKeywords(text)).toEqual(['STOP']);
  });

  it.each([
    'ya no me mandes casas de Ontario, busco más por Chino',
    'you can stop by anytime',
    'no me mandes casas con alberca',
  ])('%j is not', (text) => {
    expect(readKeywords(text)).toEqual([]);
  });

  it('a keyword with a question about the text is HELP; a STOP sent to the wrong chat, taken back, is START', () => {
    expect(readKeywords('HELP pls... idk what this is about')).toEqual(['HELP']);
    expect(readKeywords('AYUDA?? no entiendo este mensaje')).toEqual(['HELP']);
    expect(
      readKeywords('wait no sorry that was meant for the pharmacy texts 🤦‍♀️ I do want to talk about selling'),
    ).toEqual(['START']);
    expect(readKeywords('that was meant for my wife')).toEqual([]);
  });
});

describe('everyday answers', () => {
  it('reads a dated house from what was never done to it', () => {
    expect(read("nothing's been updated since we bought it", 'seller', null).slots.condition).toBe('fair');
    expect(read('bathrooms are still original', 'seller', null).slots.condition).toBe('fair');
  });

  it('reads "5 and a half as is" as the price', () => {
    expect(
      read('a realtor friend of my sisters said maybe 5 and a half as is?', 'seller', 'price').slots.price,
    ).toBe(550_000);
    expect(read('5.5 the way it is', 'seller', 'price').slots.price).toBe(550_000);
  });
});

describe('conversations', () => {
  it('a seller who said "sell" and then describes the home goes to the seller bot, not the buyer bot', () => {
    const [, second] = converse(["sell. what's my house worth?", 'its a 4/3 in Etiwanda, built in 2005'], []);
    expect(second?.state.owner).toBe('seller');
    expect(second?.state.facts.intent).toBe('sell');
    expect(second?.reply).not.toMatch(/price range are you shopping|budget/i);
  });

  it('a buyer whose landlord is selling stays a buyer and is not asked about selling', () => {
    const turns = converse(
      ['we are preapproved for 720', 'as soon as possible, our landlord is selling the house we rent'],
      ['Buyer-Lead'],
    );
    const last = turns.at(-1);
    expect(last?.state.facts.intent).not.toBe('both');
    expect(last?.reply).not.toMatch(/sell/i);
  });

  it('a price said in words after the bot stopped asking is still recorded', () => {
    const turns = converse(
      [
        'this is like the 4th text this week wtf',
        'fine. yes I might sell but I want to talk to jorge himself, not a bot',
        'by march',
        'five fifty ish',
      ],
      ['Seller-Lead'],
      {},
      // The open escalation holds the bot back exactly like a pause (src/app/turn/gather-turn.ts).
      { pausedFrom: 2 },
    );
    expect(turns[1]?.escalation).not.toBeNull();
    expect(turns[2]?.reply).toBeNull();
    expect(turns[3]?.reply).toBeNull();
    const last = turns[3];
    expect(last?.state.facts.priceExpectation).toBe(550_000);
  });

  it('a lead closed for having bought who then brings us the sale of the old house is qualified as a seller', () => {
    const turns = converse(
      [
        'we already bought lol',
        'but now we gotta sell the old house in Ontario, thats the problem 😅',
        'its fine, normal wear and tear, needs paint and carpet',
      ],
      [],
    );
    expect(turns[0]?.reply).toMatch(/won't reach out again/);
    const reopened = turns[1];
    expect(reopened?.actions).toContainEqual({ type: 'remove_tags', tags: ['Do-Not-Solicit'] });
    expect(reopened?.state.owner).toBe('seller');
    expect(reopened?.reply).toMatch(/\?$/);
    expect(turns[2]?.state.facts.motivation).toBe('bought_another');
    expect(turns[2]?.state.stage).not.toBe('closed');
  });

  it('a lead who has an agent stays closed whatever they say next', () => {
    const turns = converse(['we already have an agent', 'we want to sell in the spring'], []);
    expect(turns[1]?.reply ?? null).toBeNull();
  });
});

describe('a no turned around, and no said in everyday words', () => {
  it.each([
    [
      'our listing with remax expired in november and we still want to sell. what would you do different?',
      'seller',
    ],
    ['we tried selling ourselves, way too much work lol. ready for a pro', 'seller'],
    ['my cousin is a realtor but i dont want to mix family and money', 'seller'],
    ['we almost sold last year but the buyer backed out', 'seller'],
    ['approved with UWM thru my broker, up to 700', 'buyer'],
  ] as const)('%j closes nothing', (text, bot) => {
    expect(read(text, bot, null).acts.filter((a) => a.act === 'objection')).toEqual([]);
  });

  it('a listing that expired is no word on the pre-approval', () => {
    expect(
      read('our listing with remax expired in november and we still want to sell.', 'seller', null).slots
        .preapproved,
    ).toBeUndefined();
    expect(read('we were approved in June but it probably expired', 'buyer', null).slots.preapproved).toBe(
      false,
    );
  });

  it.each([
    ['nah we are good, my cousin Tina does real estate out of Ontario', 'seller', 'has_agent'],
    ['we already found a house with another realtor, closing next week', 'buyer', 'has_agent'],
    [
      'look i already told the other agent 800, and we signed with her yesterday',
      'seller',
      'listed_with_other',
    ],
    ["i'm the tenant, the owner lives in vegas", 'seller', 'wrong_number'],
    ['sorry who are you meeting? i think u have me confused with someone', 'seller', 'wrong_number'],
  ] as const)('%j is %s', (text, bot, type) => {
    expect(read(text, bot, null).acts).toContainEqual({ act: 'objection', type });
  });
});

describe('questions back', () => {
  it.each([
    ['¿qué tal es Rialto para vivir?', 'area_info'],
    ['la verdad no sé, ¿cuánto cuestan las casas por aquí?', 'market'],
    ['how much did the one down the street on hemlock go for?', 'market'],
    ['wait, is this the same Jorge from the Etiwanda open house?', 'identity'],
  ] as const)('%j asks about %s', (text, topic) => {
    expect(read(text, 'buyer', null).acts).toContainEqual({ act: 'question', topic });
  });
});

describe('more everyday readings', () => {
  it('"stop sending me stuff in Fontana, I want Upland" narrows the search and stops nothing', () => {
    const r = read(
      'and pls stop sending me stuff in Fontana, I want Upland or Alta Loma',
      'buyer',
      'timeline',
    );
    expect(r.acts.filter((a) => a.act === 'objection' || a.act === 'keyword')).toEqual([]);
    expect(read('stop sending me stuff', 'buyer', null).acts).toContainEqual({
      act: 'keyword',
      kind: 'STOP',
    });
  });

  it('"need to be moved in by february" is a move date, "we moved in by february last year" is not', () => {
    expect(read('we need to be moved in by february', 'buyer', 'timeline').slots.timeline_months).toBe(2);
    expect(
      read('we moved in by february last year', 'buyer', 'timeline').slots.timeline_months,
    ).toBeUndefined();
  });

  it('"¿me puede marcar Jorge? prefiero hablar con él" hands the lead to the agent', () => {
    const turns = converse(['comprar', '¿me puede marcar Jorge? prefiero hablar con él'], []);
    expect(turns[1]?.events.map((e) => e.action)).toContain('human_requested');
  });
});

describe('a divorce lawyer in passing', () => {
  it('"lawyer says march" is the move date, not a legal matter to hand over', () => {
    const turns = converse(
      ['divorce. we both want it sold and split', 'whenever the judge signs off, lawyer says march'],
      ['Seller-Lead'],
    );
    expect(turns[1]?.events.map((e) => e.action)).not.toContain('distress');
    expect(turns[1]?.state.facts.months).toBe(3);
    expect(turns[1]?.reply).toMatch(/\?$/);
  });

  it('a lawyer brought in against us still reaches a person', () => {
    const turns = converse(['we have an attorney handling the estate'], ['Seller-Lead']);
    expect(turns[0]?.events.map((e) => e.action)).toContain('distress');
  });
});

describe('Spanish amounts and floors', () => {
  it('"como ochocientos, ochocientos veinte" is a price range, not a question', () => {
    const r = read('como ochocientos, ochocientos veinte', 'seller', 'price');
    expect(r.slots).toMatchObject({ price_min: 800_000, price_max: 820_000 });
    expect(r.acts.filter((a) => a.act === 'question')).toEqual([]);
  });

  it('"we\'d need like nine hundred to even consider it" is the least the seller takes', () => {
    const r = read("hm. we'd need like nine hundred to even consider it", 'seller', null);
    expect(r.slots.price_min).toBe(900_000);
    expect(r.slots.price).toBeUndefined();
  });
});

describe('a buyer paying cash from another sale', () => {
  it('"paying cash, we\'re selling a property in LA" keeps the buyer bot, with cash as the financing', () => {
    const turns = converse(["paying cash, we're selling a property in LA", 'under 800'], ['Buyer-Lead']);
    expect(turns[0]?.state.owner).toBe('buyer');
    expect(turns[0]?.state.facts.financing).toBe('cash');
    expect(turns[0]?.reply).not.toMatch(/selling/i);
    expect(turns[1]?.state.facts.budgetMax).toBe(800_000);
  });

  it('a seller asking about a cash offer is still not a cash buyer', () => {
    const turns = converse(
      ['actually I want to sell my house, would you make a cash offer?'],
      ['Buyer-Lead'],
    );
    expect(turns[0]?.state.facts.financing).toBeUndefined();
  });
});

describe('a question about whether the lead’s own finances qualify', () => {
  it('"¿se puede comprar con ITIN?" goes to the agent with a task, not the general steps of a purchase', () => {
    const turns = converse(
      ['buenas, ¿necesito estar preaprobado para ver casas?', 'no, todavía no. ¿se puede comprar con ITIN?'],
      ['Buyer-Lead'],
    );
    const reply = turns[1]?.reply ?? '';
    expect(reply).toMatch(/Jorge/);
    expect(reply).not.toMatch(/paso a paso|escrow/i);
    expect(turns[1]?.actions.some((a) => a.type === 'create_task')).toBe(true);
    expect(turns[1]?.state.facts.lender).toBeUndefined();
  });

  it('"i had a bankruptcy 2 yrs ago does that matter" is the agent’s to answer too; "what\'s the process" still gets the steps', () => {
    const [bankruptcy] = converse(['i had a bankruptcy 2 yrs ago does that matter'], ['Buyer-Lead']);
    expect(bankruptcy?.reply).not.toMatch(/step by step/i);
    expect(bankruptcy?.reply).toMatch(/Jorge/);
    const [process] = converse(["what's the process"], ['Buyer-Lead']);
    expect(process?.reply).toMatch(/step by step/i);
  });
});
