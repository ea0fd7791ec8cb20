import { describe, expect, it } from 'vitest';
import { detectDistress } from '../../src/domain/compliance/distress.ts';
import { readKeywords } from '../../src/domain/compliance/keywords.ts';
import { readUtterance } from '../../src/domain/understand/read-utterance.ts';
import type { AskedQuestion, BotKind } from '../../src/domain/understand/types.ts';
import { converse } from '../support/converse.ts';

// What leads texted in the tenth development split (eval/corpus/*-dev10.jsonl), as a realtor would
// want each one taken.
const read = (text: string, bot: BotKind, lastQuestion: AskedQuestion | null) =>
  readUtterance(text, { bot, lastQuestion, now: new Date('2026-12-04T18:00:00Z') });
const topics = (text: string, bot: BotKind, lastQuestion: AskedQuestion | null) =>
  read(text, bot, lastQuestion).acts.flatMap((a) => (a.act === 'question' ? [a.topic] : []));
const objections = (text: string, bot: BotKind, lastQuestion: AskedQuestion | null = null) =>
  read(text, bot, lastQuestion).acts.flatMap((a) => (a.act === 'objection' ? [a.type] : []));

describe('amounts said half in digits, half in words', () => {
  it.each([
    ['queremos unos 6 cincuenta', 'seller', 'price', { price: 650_000 }],
    ['esperamos unos 5 setenta y cinco', 'seller', 'price', { price: 575_000 }],
    ['ok. tenemos unos 6 ochenta', 'buyer', 'budget', { budget_max: 680_000 }],
    ["we're preapproved for 9 with loanDepot", 'buyer', 'budget', { budget_max: 900_000 }],
    ['we have about 1.2 approved with Bank of America', 'buyer', 'budget', { budget_max: 1_200_000 }],
    ['sorry 550, my husband just looked at the letter', 'buyer', 'preapproval', { budget_max: 550_000 }],
  ] as const)('%j', (text, bot, asked, slots) => {
    expect(read(text, bot, asked).slots).toMatchObject(slots);
  });

  it('a house 30 years old is no timeline, and no reason to wait', () => {
    const r = read('la casa tiene 30 años, esta bien pero la cocina es la original', 'seller', 'condition');
    expect(r.slots.timeline_months).toBeUndefined();
    expect(r.acts).not.toContainEqual({ act: 'objection', type: 'too_early' });
  });

  it('"sorry i meant march" corrects the date after the bot moved on', () => {
    expect(
      read('sorry i meant march, my wife corrected me lol', 'seller', 'condition').slots.timeline_months,
    ).toBe(3);
  });
});

describe('opt-outs and their look-alikes', () => {
  it.each([
    'me encantaron las casas que me mandó, no paren de mandarme de Upland',
    'No dejen de enviarme casas',
    "take us off the calendar for sunday, we'll find another day later",
  ])('%j is no opt-out', (text) => {
    expect(readKeywords(text)).not.toContain('STOP');
  });

  it.each([
    'no, paren de mandarme mensajes',
    'why tf do u guys keep texting me',
    'TEXTING ME AT WORK IS NOT OK. email only from now on',
  ])('%j is an opt-out', (text) => {
    expect(readKeywords(text)).toContain('STOP');
  });

  it('"help, who is this from" is HELP', () => {
    expect(readKeywords('help, who is this from')).toContain('HELP');
  });

  it('a legal threat with the opt-out goes to a person', () => {
    const turns = converse(['si me vuelven a mandar mensaje hablo con mi abogado'], ['Seller-Lead']);
    expect(turns[0]?.actions).toContainEqual({ type: 'set_contact', optedOut: true });
    expect(turns[0]?.escalation?.reason).toBe('hostile_opt_out');
  });
});

describe('questions back', () => {
  it.each([
    ['can I talk to jorge first or do I have to get approved by a bank before', 'preapproval_needed'],
    [
      'my cousin said realtors wont even show u a house without a lender letter, is that true',
      'preapproval_needed',
    ],
    ['no tengo nada de eso todavia, me lo van a pedir antes de ver las casas?', 'preapproval_needed'],
    [
      '3 bed min. also my loan officer hasnt sent the letter yet, can we still see stuff',
      'preapproval_needed',
    ],
    ['upland probably. is north of foothill that much nicer than south or is it hype', 'area_info'],
    [
      'by summer. also are there decent grocery stores walking distance anywhere around there lol',
      'area_info',
    ],
    ['hola, ¿ustedes también manejan rentas? buscamos algo para rentar', 'other'],
  ] as const)('%j asks %s', (text, topic) => {
    expect(topics(text, 'buyer', null)).toContain(topic);
  });

  it('"el domingo se puede?" offers a day, it does not ask how selling works', () => {
    expect(
      topics('el domingo se puede? o entre semana despues de las 6', 'seller', 'appointment'),
    ).not.toContain('process');
  });

  it('"viene el bebé" is no question about who is coming', () => {
    const r = read('4 recámaras porque viene el bebé', 'buyer', 'needs');
    expect(topics('4 recámaras porque viene el bebé', 'buyer', 'needs')).toEqual([]);
    expect(r.slots.motivation).toBe('upsizing');
  });

  it('a cash buyer saying no pre-approval is needed is told nothing about pre-approval', () => {
    const turns = converse(
      ['looking for rentals, 2-3 units', 'cash, up to 600', 'no loan, all cash so no preapproval needed lol'],
      ['Buyer-Lead'],
    );
    expect(turns[2]?.reply).not.toMatch(/pre-approval/i);
    expect(turns[2]?.state.facts.financing).toBe('cash');
  });

  it('"just have jorge call me, stop asking me questions" brings the agent in', () => {
    const turns = converse(
      ['thinking about selling my condo in upland', 'look just have jorge call me, stop asking me questions'],
      ['Seller-Lead'],
    );
    expect(turns[1]?.escalation?.reason).toBe('human_request');
  });

  it('"¿me pueden pasar con una persona de verdad?" asks for a person', () => {
    const turns = converse(['hola', 'me pueden pasar con una persona de verdad?'], []);
    expect(turns[1]?.escalation?.reason).toBe('human_request');
  });
});

describe('objections said plainly', () => {
  it.each([
    ['ya no, ya agarramos casa con el builder de eastvale', 'lead', 'already_bought'],
    ["lol we're literally sitting in our new living room rn", 'buyer', 'already_bought'],
    ['maybe next year? need to save up first', 'buyer', 'too_early'],
    ['4 texts in one week?? come on', 'seller', 'stop_texting'],
    ['me mandan mensajes todos los días, ya es mucho', 'seller', 'stop_texting'],
    ['lol another vulture. hard pass', 'seller', 'hostile'],
    ['nel, gracias', 'lead', 'not_interested'],
    ['nada más quería ver precios', 'buyer', 'just_looking'],
    ['house is gone, closed in august', 'seller', 'already_sold'],
    ["this isn't maria, she had this number before me", 'lead', 'wrong_number'],
  ] as const)('%j is %s', (text, bot, type) => {
    expect(objections(text, bot)).toContain(type);
  });

  it("a neighbour's listing is not the lead's", () => {
    const turns = converse(
      ['what does jorge charge? my neighbor listed with a discount broker for 1%'],
      ['Seller-Lead'],
    );
    expect(
      objections('what does jorge charge? my neighbor listed with a discount broker for 1%', 'seller'),
    ).toEqual([]);
    expect(turns[0]?.reply).not.toMatch(/good luck with the sale/i);
    expect(turns[0]?.reply).toMatch(/\?$/);
  });
});

describe('what a person must handle, and what not', () => {
  it('a probate that is over is no legal matter', () => {
    expect(detectDistress('es una herencia, ya salio el probate y somos 4 hermanos')).toBeNull();
    expect(detectDistress("we're still in probate, the court hasn't released it")).toBe('probate');
  });

  it('the heirs of a finished probate are qualified, not handed off', () => {
    const turns = converse(
      [
        'buenas tardes, si, es la casa de Montclair',
        'es una herencia, ya salio el probate y somos 4 hermanos, queremos vender y repartir',
      ],
      ['Seller-Lead'],
    );
    expect(turns[1]?.escalation).toBeNull();
    expect(turns[1]?.reply).toMatch(/\?$/);
  });

  it('"ya no aguanto vivir con él" is stress in a divorce, not anger at us', () => {
    const r = read('lo antes posible, ya no aguanto vivir con el', 'seller', 'timeline');
    expect(r.acts).toContainEqual({ act: 'feeling', kind: 'stress' });
    expect(r.acts).not.toContainEqual({ act: 'feeling', kind: 'anger' });
  });
});

describe('motivations and conditions in everyday words', () => {
  it.each([
    ['si buenas, me están transfiriendo a Houston en mi trabajo', 'job'],
    ['The house is too big for the two of us now, the kids are long gone', 'downsizing'],
    ["we're moving in with my wife's parents in Arizona to help take care of them", 'relocation'],
    ['last agent did nothing. we still need to sell, my job moved us to reno', 'job'],
    ['bought our dream place in idaho!! so selling this one', 'bought_another'],
  ] as const)('%j is %s', (text, motivation) => {
    expect(read(text, 'seller', 'motivation').slots.motivation).toBe(motivation);
  });

  it.each([
    'lost my job in sept, cant keep up w the mortgage',
    'both and the timing is stressing me out so bad',
  ])('%j says nothing of the condition', (text) => {
    expect(read(text, 'seller', null).slots.condition).toBeUndefined();
  });

  it('"we\'re ready now" is a timeline of now', () => {
    expect(read("we're ready now, lease is month to month", 'buyer', 'area').slots.timeline_months).toBe(0);
  });
});
