import { describe, expect, it } from 'vitest';
import { readKeywords } from '../../src/domain/compliance/keywords.ts';
import { converse } from '../support/converse.ts';
import { readLead } from '../support/read-lead.ts';

// What leads wrote in the twenty-second development split (eval/corpus/*-dev22.jsonl): ad and
// open-house leads, military moves, first-time buyers, divorces, landlords, heirs who co-own.
const slots = ['2026-12-07T18:00:00Z', '2026-12-08T21:00:00Z', '2026-12-09T18:00:00Z'];

describe('STOP, HELP and START in everyday words', () => {
  it.each([
    'stop it with the texts, seriously',
    'cancelar todo',
    'whats the way to get off this list',
    'ya dejen de estar chingando con sus mensajes',
    'PARA YA CON TANTO MENSAJITO',
  ])('"%s" is STOP', (text) => {
    expect(readKeywords(text)).toEqual(['STOP']);
  });

  it.each([
    'HELP?? i have no clue what these messages are',
    'INFO?? what list is this',
    'ayuda, qué es esto? no conozco a ningún jorge',
    'help, who keeps sending this',
    'info por favor, ¿quién manda esto?',
  ])('"%s" is HELP', (text) => {
    expect(readKeywords(text)).toEqual(['HELP']);
  });

  it.each([
    'i texted stop last month but we do want to sell now. can you turn the texts back on',
    'perdón, mi hijo agarró el teléfono y mandó eso. sí queremos vender la casa',
  ])('"%s" is START', (text) => {
    expect(readKeywords(text)).toEqual(['START']);
  });

  it.each([
    'can we cancel everything for saturday and do sunday',
    'stop sending me stuff in fontana i said upland only',
    'mi hijo agarró el teléfono',
  ])('"%s" is no keyword', (text) => {
    expect(readKeywords(text)).toEqual([]);
  });

  it("a STOP the lead's son sent is taken back, and the seller is qualified again", () => {
    const turns = converse(
      ['BAJA', 'perdón, mi hijo agarró el teléfono y mandó eso. sí queremos vender la casa'],
      ['Seller-Lead'],
    );
    const optOut = (t: (typeof turns)[number] | undefined) =>
      t?.actions.find((a) => a.type === 'set_contact' && a.optedOut !== undefined);
    expect(optOut(turns[0])).toMatchObject({ optedOut: true });
    expect(optOut(turns[1])).toMatchObject({ optedOut: false });
    expect(turns[1]?.reply).toMatch(/\?/);
  });
});

describe('a seller with a date to meet', () => {
  it('"we repainted when we moved in 2 yrs ago" is a condition, not a wait of two years', () => {
    const u = readLead(
      'good, we repainted when we moved in 2 yrs ago. carpet upstairs is kinda worn',
      'seller',
      'condition',
    );
    expect(u.slots.condition).toBe('good');
    expect(u.acts).not.toContainEqual({ act: 'objection', type: 'too_early' });
    expect(readLead('maybe in 2 years', 'seller', null).acts).toContainEqual({
      act: 'objection',
      type: 'too_early',
    });
  });

  it('two facts after the offer of times get two different replies', () => {
    const turns = converse(
      [
        'can someone stop by and look at my house? thinking of selling',
        'the end of january would be ideal to list',
        "we're downsizing, kids are grown and gone",
      ],
      ['Seller-Lead'],
      { calendar: true, slots },
    );
    expect(turns[1]?.reply).toMatch(/1\)/);
    expect(turns[2]?.reply).toMatch(/1\)/);
    expect(turns[2]?.reply).not.toBe(turns[1]?.reply);
  });
});

describe('not now, in everyday words', () => {
  it.each([
    ['para el otoño del otro año, nos falta mucho', 'seller'],
    ['october or november of next year. were waiting for my husband to hit 20 years in the army', 'seller'],
    ["we gotta pay off the car first, then we'll talk", 'buyer'],
    ['im thinking 2028. seriously no rush', 'seller'],
    ['after the holidays for sure. not touching this till january', 'seller'],
    ['dont really want to sell yet, just curious what its worth after everything went up', 'seller'],
    ["we're not in any hurry. after tax season maybe", 'seller'],
    ['we decided to keep renting another year. prices are insane', 'buyer'],
  ] as const)('"%s" is too early', (text, bot) => {
    expect(readLead(text, bot, null).acts).toContainEqual({ act: 'objection', type: 'too_early' });
  });

  it.each([
    ['after the holidays, maybe mid january', 'seller'],
    ['after my daughter graduates in june', 'seller'],
    ["we're gonna keep renting", 'buyer'],
  ] as const)('"%s" is a date or a pass, not too early', (text, bot) => {
    expect(readLead(text, bot, null).acts).not.toContainEqual({ act: 'objection', type: 'too_early' });
  });
});

describe('a seller’s hope and floor in one breath', () => {
  it.each([
    ['unos 600, mínimo 570', 600000, 570000],
    ['600, no less than 570', 600000, 570000],
    ['650, at least 600', 650000, 600000],
  ] as const)('"%s" keeps the hope as the price and the second figure as the floor', (text, price, min) => {
    expect(readLead(text, 'seller', 'price').slots).toMatchObject({ price, price_min: min });
  });

  it('"1 mil, no less" and "600 at minimum" are floors', () => {
    expect(readLead('1 mil, no less', 'seller', 'price').slots).toEqual({ price_min: 1000000 });
    expect(readLead('600 at minimum', 'seller', 'price').slots).toEqual({ price_min: 600000 });
  });
});

describe('buyers asking whether they need the bank first', () => {
  it.each([
    'saw a cute place on zillow, can i just go see it or do i need like, paperwork first',
    'quiero ver casas pero no tengo nada del banco todavía, se puede así?',
    'no, primero queremos ver casas y luego vamos al banco, ¿se puede?',
    'my lender said i need an agent first, agent says i need a lender first. which is it lol',
  ])('"%s" asks whether pre-approval is needed', (text) => {
    expect(readLead(text, 'buyer', null).acts).toContainEqual({
      act: 'question',
      topic: 'preapproval_needed',
    });
  });
});

describe('said, not asked', () => {
  it('"no clue how any of this works" asks for the steps; "i know how it works" does not', () => {
    expect(
      readLead('first time, so honestly no clue how any of this works', 'buyer', 'budget').acts,
    ).toContainEqual({
      act: 'question',
      topic: 'process',
    });
    expect(readLead('i know how it works', 'buyer', 'budget').acts).not.toContainEqual({
      act: 'question',
      topic: 'process',
    });
  });

  it('"our daughter just had twins!!" is good news told with delight', () => {
    const u = readLead(
      'moving to be near the grandkids in sacramento, our daughter just had twins!!',
      'seller',
      null,
    );
    expect(u.acts).toContainEqual({ act: 'feeling', kind: 'excitement' });
    expect(u.slots.motivation).toBe('relocation');
  });
});

describe('honest identity in Spanish', () => {
  it('"usted es jorge o es una máquina?" is a sincere question and gets the assistant disclosure', () => {
    expect(readLead('usted es jorge o es una máquina?', 'lead', null).acts).toContainEqual({
      act: 'identity_question',
      sincere: true,
    });
    const [turn] = converse(['usted es jorge o es una máquina?'], []);
    expect(turn?.reply).toMatch(/asistente/i);
    expect(turn?.reply).not.toMatch(/soy jorge/i);
  });
});
