import { describe, expect, it } from 'vitest';
import { readKeywords } from '../../src/domain/compliance/keywords.ts';
import type { BotKind } from '../../src/domain/understand/types.ts';
import { converse } from '../support/converse.ts';
import { leadActs, readLead } from '../support/read-lead.ts';

// What leads texted in the fourteenth development split (eval/corpus/*-dev14.jsonl), coming back
// after weeks of silence or from somewhere in particular (an expired listing, a home-value form, an
// open house, an ad), as a realtor would want each one taken.
const read = readLead;
const acts = leadActs;

describe('opting out, asking for help and opting back in, in everyday words', () => {
  it.each([
    'go find someone else to bother',
    'ya estuvo, no me interesa. ni un mensaje más por favor',
    'no gracias, y por favor quiten mi número',
    'ya párenle con los mensajes, no vendo',
    'saquen mi número de su sistema, gracias',
    'BAJA, no me interesa nada',
    'this is my work phone, please use my personal email instead: r.delacruz@outlook.com',
  ])('"%s" is STOP', (text) => {
    expect(readKeywords(text)).toContain('STOP');
  });

  it.each([
    'help me out here, what exactly is this service',
    'ayuda porfa, ¿de qué agencia son?',
    'HELP - what is this service and why do I have it',
  ])('"%s" is HELP', (text) => {
    expect(readKeywords(text)).toEqual(['HELP']);
  });

  it('"Baja" as a price cut, "para" as a date and "stop by" are no opt-out', () => {
    expect(readKeywords('baja el precio si quieres pero no de 600')).toEqual([]);
    expect(readKeywords('para fin de mes quiero tener el letrero puesto')).toEqual([]);
    expect(readKeywords('stop by whenever, I work from home')).toEqual([]);
  });

  it('a child who sent the STOP, and texts allowed again, is START; the lead is written to again', () => {
    expect(readKeywords('perdón, fue mi hijo jugando con el teléfono. sí me pueden escribir')).toEqual([
      'START',
    ]);
    const turns = converse(
      ['ALTO ALTO', 'perdón, fue mi hijo jugando con el teléfono. sí me pueden escribir'],
      ['Buyer-Lead'],
    );
    expect(turns[0]?.actions).toContainEqual({ type: 'set_contact', optedOut: true });
    expect(turns[1]?.reply).not.toBeNull();
    expect(turns[1]?.actions).toContainEqual({ type: 'set_contact', optedOut: false });
  });
});

describe('a seller whose listing expired', () => {
  it('"we were listed at 849 but I\'d take 825" is a floor, not another agent: the bot goes on to the appointment', () => {
    const turns = converse(
      [
        'yeah my listing expired tuesday. 3 months and like 4 showings',
        'we still have to sell, my wife took a job in denver',
        'asap, she starts in feb',
        'great shape, we updated pretty much everything in 2022',
        "we were listed at 849 but I'd take 825",
      ],
      ['Seller-Lead'],
    );
    const last = turns[4];
    expect(last?.state.facts.priceMin).toBe(825_000);
    expect(last?.state.stage).not.toBe('closed');
    expect(last?.temperature).toBe('hot');
    expect(last?.reply).toMatch(/mornings or afternoons/);
  });

  it('going back to the agent whose listing expired is listed with another; still wanting to sell is not', () => {
    expect(
      acts("listing expired but we're going back with the same agent, she's dropping the price", 'seller'),
    ).toContain('listed_with_other');
    expect(acts('our listing with remax expired and we still want to sell', 'seller')).toEqual([]);
    expect(acts("we're already listed", 'seller')).toContain('listed_with_other');
  });
});

describe('prices as sellers say them', () => {
  it.each<[string, Record<string, number>]>([
    ["I want 825 but I'd take 790 if it closes fast", { price: 825_000, price_min: 790_000 }],
    ['at least 900, we still owe almost 600 on it', { price_min: 900_000 }],
    ['the house two doors down closed at 780 in october, I want at least that', { price_min: 780_000 }],
    ['we told zillow 675 but after looking at comps, 699', { price: 699_000 }],
    [
      'zillow says 6 eighty but the people two doors down got 710 so somewhere around 700 I guess',
      { price: 700_000 },
    ],
    ['a mediados de los 600', { price: 650_000 }],
    ['pues si me dan 700 sí la vendo', { price: 700_000 }],
  ])('"%s"', (text, slots) => {
    const got = read(text, 'seller', 'price').slots;
    expect({ price: got.price, price_min: got.price_min }).toEqual({
      price: slots.price,
      price_min: slots.price_min,
    });
  });

  it('what the seller needs to walk away with is not the price', () => {
    expect(
      read("I'd need to walk away with 300 after the loan is paid off", 'seller', 'price').slots,
    ).toEqual({});
  });
});

describe('reasons, dates and condition said in passing', () => {
  it.each<[string, string]>([
    ['We would like to move up to Oregon to be near him and the grandchildren.', 'relocation'],
    ["we're selling my mom's house, she's moving in with my sister in Vegas", 'relocation'],
    ["the trust finally closed so we can sell grandma's place in Ontario", 'inherited'],
    ["wedding's in april and I'll be moving into my fiancé's condo", 'marriage'],
    ["I'm 81 and I can't manage a two story anymore. I want something small on one level.", 'downsizing'],
    ['he moved out in sept and the judge says we have to sell it', 'divorce'],
    ['queremos sacarle la ganancia y comprar unas rentas', 'investment'],
  ])('"%s" is %s', (text, motivation) => {
    expect(read(text, 'seller', 'motivation').slots.motivation).toBe(motivation);
  });

  it('a rental waiting at the new place is not an investment', () => {
    expect(
      read('summer at the latest, we have a rental lined up down there for july', 'seller', 'timeline').slots,
    ).toEqual({ timeline_months: 7 });
  });

  it('a month already gone, a past stretch of years or an expired listing\'s time on the market is no timeline; "next month, sooner the better" is next month', () => {
    for (const text of [
      'My mother passed in September. It was her home for 50 years.',
      'he moved out in sept and the judge says we have to sell it',
      'renters quit paying in august. so over being a landlord',
      "I did the zillow what's-it-worth thing back in september and never heard anything",
      'the neighbors have made our lives hell for 2 years, we need out',
      'yeah my listing expired tuesday. 3 months and like 4 showings',
      'expired with coldwell after 94 days',
    ])
      expect(read(text, 'seller', null).slots.timeline_months, text).toBeUndefined();
    expect(read('next month, sooner the better', 'seller', 'timeline').slots.timeline_months).toBe(1);
    expect(read('check back in a year', 'lead', null).slots.timeline_months).toBe(12);
    expect(read('we want to list in 3 months', 'seller', null).slots.timeline_months).toBe(3);
  });

  it.each<[string, string]>([
    ['good, just normal wear and tear', 'good'],
    ['está en buenas condiciones, le falta una manita de pintura nada más', 'good'],
    ['there was a kitchen fire in march and insurance is still fighting us on it', 'poor'],
    ['tiene humedad en las paredes y el piso del baño está podrido', 'needs_work'],
  ])('"%s" is %s', (text, condition) => {
    expect(read(text, 'seller', 'condition').slots.condition).toBe(condition);
  });

  it('a death stays the reason when the lead then says where they will live', () => {
    const turns = converse(
      [
        'My wife passed in the summer and the house is too much for me',
        "I'd like to be out by spring, moving in with my son",
      ],
      ['Seller-Lead'],
    );
    expect(turns[1]?.state.facts.motivation).toBe('death_in_family');
  });
});

describe('buyers', () => {
  it('"todavía no nos han aprobado" is not approved', () => {
    expect(read('todavía no nos han aprobado', 'buyer', 'preapproval').slots.preapproved).toBe(false);
  });

  it('the lower bedroom count that would do is the need', () => {
    expect(read('5 bedrooms would be ideal but 4 works', 'buyer', 'needs').slots.bedrooms).toBe(4);
    expect(
      read('4 bedrooms or 3 plus an office, single story bc of my knees', 'buyer', 'needs').slots.bedrooms,
    ).toBe(3);
  });

  it('"¿hace falta estar aprobado para ir a ver?" asks whether a pre-approval is needed to look', () => {
    expect(
      acts('no, todavía no. ¿hace falta estar aprobado para ir a ver?', 'buyer', 'preapproval'),
    ).toContain('preapproval_needed');
  });

  it('"how does this work, do you charge me anything?" gets both answers', () => {
    const turns = converse(
      ['saw the facebook ad for first time buyers. how does this work, do you charge me anything?'],
      ['Buyer-Lead'],
    );
    expect(turns[0]?.reply).toMatch(/fees/);
    expect(turns[0]?.reply).toMatch(/step by step/);
  });
});

describe('questions and objections of leads who come back', () => {
  it.each<[string, BotKind, string]>([
    [
      'my listing expired on the 30th and my phone has not stopped ringing since. are you another one of those',
      'seller',
      'identity',
    ],
    ['r u guys the ones with the billboard on foothill', 'seller', 'identity'],
    ["is this about the postcard or the online form? I'm confused", 'seller', 'how_got_number'],
    ['expired with coldwell after 94 days. what would you even do different', 'seller', 'other'],
    ['todavía no, ¿dónde se saca eso?', 'buyer', 'process'],
    ['¿cuánto hay que dar de enganche?', 'buyer', 'process'],
    ['any price drop on that house yet?', 'buyer', 'listing_status'],
    ['Not sure. What are 3 bedrooms going for around here these days?', 'seller', 'market'],
    ["what's Corona like? my husband commutes to Irvine", 'buyer', 'area_info'],
    ['no. can I just look first and do that later?', 'buyer', 'preapproval_needed'],
    ['why does that matter? i just want a number', 'seller', 'home_value'],
    ["honestly I've been dodging these texts bc I don't know what I want to do yet", 'seller', 'too_early'],
    ['we have to cancel friday, we decided to hold off until spring', 'seller', 'too_early'],
    ['oiga ya le dije a la otra muchacha que no vendemos', 'seller', 'not_interested'],
    ['una muchacha de la iglesia es agente, ella nos está ayudando', 'buyer', 'has_agent'],
    ['we actually just went under contract in Rialto!! so exciting', 'buyer', 'already_bought'],
    ['ya la vendió mi hermano por su cuenta', 'seller', 'already_sold'],
    ["you realtors are half the reason my kids can't afford to live here", 'lead', 'hostile'],
    [
      'I put my info in that form to see a number, not to get texted every other day',
      'seller',
      'stop_texting',
    ],
  ])('"%s" (%s) is %s', (text, bot, topic) => {
    expect(acts(text, bot)).toContain(topic);
  });

  it('"680, ¿está muy alto?" after the price question asks what the home is worth', () => {
    expect(acts("we're thinking like 680, ¿está muy alto?", 'seller', 'price')).toContain('home_value');
  });

  it("the same words about someone else's plan are not taken for ours", () => {
    expect(acts('are you guys the ones who buy houses cash?', 'seller')).not.toContain('identity');
    expect(acts('is this about the open house on saturday?', 'lead')).not.toContain('how_got_number');
    expect(
      acts('is it possible to move our meeting to after the holidays?', 'lead', 'appointment'),
    ).not.toContain('process');
    expect(acts('neither', 'lead', 'buy_or_sell')).toEqual([]);
  });
});
