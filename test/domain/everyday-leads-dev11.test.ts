import { describe, expect, it } from 'vitest';
import { readKeywords } from '../../src/domain/compliance/keywords.ts';
import { converse } from '../support/converse.ts';
import { leadActs, readLead } from '../support/read-lead.ts';

// What leads texted in the eleventh development split (eval/corpus/*-dev11.jsonl), where what
// matters is said in passing, as a realtor would want each one taken.
const read = readLead;
const acts = leadActs;

describe('keywords said with everything else', () => {
  it.each([
    "I told you people no last month and you're STILL texting. unbelievable",
    'ya les dije mil veces que no y siguen. qué falta de respeto',
    'stahp pls im begging u 😩',
    'cancel these pls',
    'CANCEL ALL OF IT',
  ])('%j is an opt-out', (text) => {
    expect(readKeywords(text)).toContain('STOP');
  });

  it.each([
    "help?? what even is this msg, I didn't sign up for anything",
    'INFO?? got this from a random number',
    'AYUDA?? no entiendo qué es este mensaje',
  ])('%j is HELP', (text) => {
    expect(readKeywords(text)).toContain('HELP');
  });

  it.each([
    'cancel the 3pm and do 5',
    'I told you no on the price, 700 is the number',
    'stop everything and listen lol',
  ])('%j is no keyword', (text) => {
    expect(readKeywords(text)).toEqual([]);
  });
});

describe('questions asked in passing', () => {
  it.each([
    [
      'prob around 550 but idk if we need the letter thing first before u show us anything',
      'budget',
      'preapproval_needed',
    ],
    [
      'my wife keeps saying we cant even go look at houses til a bank says yes. is she right',
      'preapproval',
      'preapproval_needed',
    ],
    [
      'unos 480 mas o menos. oiga y la carta del banco la necesito ya o hasta que encontremos casa',
      'budget',
      'preapproval_needed',
    ],
    [
      "prob feb or march. walk me thru the steps tho, I've heard horror stories about escrow",
      'timeline',
      'process',
    ],
    ['quisiera unos 650. pero están bajando las casas o no?', 'price', 'market'],
    ['tenemos como 3 cincuenta nomás, ¿alcanza para algo en Rialto?', 'budget', 'market'],
    ['is there a contract with jorge, like can I walk away if its not working out', null, 'cancel'],
    [
      'hey I have the appt w jorge tomorrow at 10, any chance it can be later in the day',
      'appointment',
      'reschedule',
    ],
    ['unos 700. y ustedes cuánto se quedan de eso?', 'price', 'fees_commission'],
  ] as const)('%j asks %s', (text, asked, topic) => {
    expect(acts(text, text.includes('sell') || asked === 'price' ? 'seller' : 'buyer', asked)).toContain(
      topic,
    );
  });

  it('"nomás estamos pre-calificados, ¿eso cuenta?" asks whether it is enough', () => {
    expect(
      acts('nomás estamos pre-calificados con el banco, ¿eso cuenta?', 'buyer', 'preapproval'),
    ).toContain('preapproval_needed');
  });

  it('a pre-approved buyer who wants to see houses is asked nothing about pre-approval', () => {
    expect(acts('yes we are preapproved, lets see houses before christmas', 'buyer', 'preapproval')).toEqual(
      [],
    );
  });

  it.each([
    ['how do I cancel the tour for saturday, the link didnt work', 'cancel'],
    ['cómo le hago para cancelar lo del sábado? ya no vamos a poder', 'cancel'],
    ["call it off for now, my dad's back in the hospital", 'cancel'],
  ])('%j cancels the appointment', (text) => {
    expect(acts(text, 'buyer', 'appointment')).toContain('cancel');
  });

  it('"how do I cancel if something comes up" only asks', () => {
    const r = read('how do I cancel if something comes up', 'buyer', 'appointment');
    expect(r.acts).toContainEqual({ act: 'question', topic: 'cancel' });
    expect(r.acts).not.toContainEqual({ act: 'scheduling', kind: 'cancel' });
  });
});

describe('objections said in passing', () => {
  it.each([
    ['timeline was yesterday lol we moved in on the 20th', 'buyer', 'already_bought'],
    ['needed 3 bed but we signed on a new build in ontario ranch, keys in feb', 'buyer', 'already_bought'],
    [
      "idk, we're not gonna list for at least 18 months so it's kinda pointless to guess now",
      'seller',
      'too_early',
    ],
    ['comprar pero más adelante, primero quiero arreglar mi crédito', 'lead', 'too_early'],
    ['I answered this last week. do you guys not read the replies', 'seller', 'stop_texting'],
    ['ya me mandaron el mismo mensaje como 4 veces', 'seller', 'stop_texting'],
    ['6% to stick a sign in my yard, nice racket you got', 'seller', 'hostile'],
    ['no estoy vendiendo, gracias de todos modos', 'seller', 'not_interested'],
    ["upland, but our agent's already on it", 'seller', 'has_agent'],
    ["doesn't matter anymore, we took a cash offer from one of those companies", 'seller', 'already_sold'],
    ['al final decidimos no venderla, perdón', 'seller', 'not_selling_anymore'],
    ["I think you have my dad's old number, he passed in 2019", 'lead', 'wrong_number'],
  ] as const)('%j is %s', (text, bot, type) => {
    expect(acts(text, bot)).toContain(type);
  });

  it('"I\'m not selling until spring" is no flat no', () => {
    expect(acts("I'm not selling until spring", 'seller')).not.toContain('not_interested');
  });
});

describe('answers said in passing', () => {
  it('"we already bought in Menifee … I want this one sold in the next 60 days" is two months', () => {
    const r = read(
      'we already bought in Menifee, we close on it the 18th so I want this one sold in the next 60 days',
      'seller',
      'timeline',
    );
    expect(r.slots.timeline_months).toBe(2);
  });

  it('"we\'ll be in touch after the holidays" is no date for the sale', () => {
    expect(
      read("ok thanks, we'll be in touch after the holidays", 'seller', 'appointment').slots.timeline_months,
    ).toBeUndefined();
  });

  it('"we could do march if the price is right" is March', () => {
    expect(
      read('actually my husband just said we could do march if the price is right', 'seller', 'condition')
        .slots.timeline_months,
    ).toBe(3);
  });

  it('"tenemos pre-aprobación de 500 con Rocket" is the budget', () => {
    expect(
      read('queremos comprar, tenemos pre-aprobación de 500 con Rocket', 'buyer', 'buy_or_sell').slots
        .budget_max,
    ).toBe(500_000);
  });

  it('a doctor saying no more stairs is the reason to move', () => {
    expect(
      read(
        "My doctor says I shouldn't be doing stairs anymore so I'm moving into a senior community",
        'seller',
        'motivation',
      ).slots.motivation,
    ).toBe('other');
  });

  it('"Rancho only" names the area and the buyer is not asked it again', () => {
    const turns = converse(
      ['looking to buy, 800 max', 'yes pre-approved', '4 bed', 'by march. Rancho only'],
      ['Buyer-Lead'],
    );
    expect(turns[3]?.state.facts.areas).toEqual(['Rancho Cucamonga']);
    expect(turns[3]?.reply).not.toMatch(/which areas/i);
  });

  it("the sale date said beside the purchase closing is the sale's", () => {
    const turns = converse(
      ['we already bought in Menifee, we close on it the 18th so I want this one sold in the next 60 days'],
      ['Seller-Lead'],
    );
    expect(turns[0]?.state.facts.months).toBe(2);
  });
});
