import { describe, expect, it } from 'vitest';
import { readKeywords } from '../../src/domain/compliance/keywords.ts';
import { readUtterance } from '../../src/domain/understand/read-utterance.ts';
import type { AskedQuestion, BotKind } from '../../src/domain/understand/types.ts';
import { converse } from '../support/converse.ts';

// What leads texted in the twelfth development split (eval/corpus/*-dev12.jsonl), typed in a hurry,
// as a realtor would want each one taken.
const read = (text: string, bot: BotKind, lastQuestion: AskedQuestion | null) =>
  readUtterance(text, { bot, lastQuestion, now: new Date('2026-12-04T18:00:00Z') });
const acts = (text: string, bot: BotKind, lastQuestion: AskedQuestion | null = null) =>
  read(text, bot, lastQuestion).acts.flatMap((a) =>
    a.act === 'question' ? [a.topic] : a.act === 'objection' ? [a.type] : [],
  );

describe('keywords typed in a hurry', () => {
  it.each([
    'xq me siguen mandando mensajes?',
    'how do i get these texts to stop coming to my phone',
    'go bother someone else',
    'baja por fa',
  ])('%j is an opt-out', (text) => {
    expect(readKeywords(text)).toContain('STOP');
  });

  it.each(['ayuda por fa', 'INFO x favor'])('%j is HELP', (text) => {
    expect(readKeywords(text)).toEqual(['HELP']);
  });

  it('"perdón, no quería darme de baja" takes the opt-out back', () => {
    expect(readKeywords('perdón, no quería darme de baja')).toEqual(['START']);
  });

  it('"ALTO YA" is the opt-out and no date', () => {
    const r = read('ALTO YA', 'seller', 'timeline');
    expect(r.acts).toContainEqual({ act: 'keyword', kind: 'STOP' });
    expect(r.slots.timeline_months).toBeUndefined();
  });
});

describe('questions back', () => {
  it.each([
    ['quien me esta escribiendo?', 'lead', null, 'identity'],
    ['usted en cuanto cree q se venda?? yo pensaba en 580', 'seller', 'price', 'home_value'],
    ['nah not yet, can you just give me a number over text', 'seller', 'appointment', 'home_value'],
    ['my neighbor sold for 710 last month, can i get that', 'seller', 'price', 'home_value'],
    ['6% is crazy would you do 4', 'seller', null, 'fees_commission'],
    ['do i pay anything if it doesnt sell', 'seller', null, 'fees_commission'],
    ['ustedes me cobran a mi como comprador o como', 'buyer', null, 'fees_commission'],
    ['hay ayuda con el enganche? e oido q hay programas', 'buyer', 'budget', 'process'],
    ['is it free to get preapproved or does it cost', 'buyer', 'preapproval', 'preapproval_needed'],
    ['like 4 hundred, is that even possible out here lol', 'buyer', 'budget', 'market'],
    ['ni idea, cuanto se necesita pa comprar por aca?', 'buyer', 'budget', 'market'],
    ['mi correo es lupita.garcia@example.com, ahi mejor', 'buyer', null, 'switch_to_email'],
  ] as const)('%j asks about %s', (text, bot, asked, topic) => {
    expect(acts(text, bot, asked)).toContain(topic);
  });
});

describe('no, said every way', () => {
  it.each([
    ['go bother someone else', 'hostile'],
    ['ur bots are garbage', 'hostile'],
    ['puro fraude ustedes', 'hostile'],
    ['I said no already', 'not_interested'],
    ['THIS IS THE THIRD TIME IVE SAID NO', 'stop_texting'],
    ['no, y no me vuelvas a preguntar', 'not_interested'],
    ['not now, not ever', 'not_interested'],
    ['nel pastel', 'not_interested'],
    ['are you kidding me its 6am', 'stop_texting'],
    ['siempre no la vendemos, se la queda mi hijo', 'not_selling_anymore'],
    ['ya no, mi esposo cambió de opinión', 'not_selling_anymore'],
    ['offer accepted on our place yesterday lol', 'already_sold'],
  ] as const)('%j is %s', (text, type) => {
    expect(acts(text, 'seller')).toContain(type);
  });

  it.each([
    ['got one with another agent in eastvale', 'already_bought'],
    ['havent even talked to a bank, its early days', 'too_early'],
    ['we like to look on sundays, not really buying', 'just_looking'],
  ] as const)('%j is %s', (text, type) => {
    expect(acts(text, 'buyer')).toContain(type);
  });

  it('"not now, not ever" is a no, not a later', () => {
    expect(acts('not now, not ever', 'seller')).not.toContain('too_early');
  });

  it('a seller whose own place is under offer is not asked about selling', () => {
    const turns = converse(['offer accepted on our place yesterday lol'], ['Seller-Lead']);
    expect(turns[0]?.reply).not.toMatch(/30 to 45 days/i);
    expect(turns[0]?.state.facts.motivation).toBeUndefined();
  });
});

describe('answers typed in a hurry', () => {
  it('"de 900 pa arriba" is the least the seller takes', () => {
    const slots = read('de 900 pa arriba', 'seller', 'price').slots;
    expect(slots.price_min).toBe(900_000);
    expect(slots.price).toBeUndefined();
  });

  it.each([
    ['honestly whatever gets us out from under the mortgage, we owe like 410', 'financial'],
    ['nos dieron de baja en el trabajo a los dos, hay que vender', 'financial'],
    ['vendo y me voy pa Arizona', 'relocation'],
    ['need to be out in 2 weeks, we close on the new one the 18th', 'bought_another'],
  ] as const)('%j gives the reason %s', (text, motivation) => {
    expect(read(text, 'seller', 'motivation').slots.motivation).toBe(motivation);
  });

  it('"ya que pasen navidad y año nuevo" is January', () => {
    expect(read('ya que pasen navidad y año nuevo', 'seller', 'timeline').slots.timeline_months).toBe(1);
  });

  it('"esta vieja, necesita de todo" needs work', () => {
    expect(
      read('esta vieja, necesita de todo, el techo, la plomeria', 'seller', 'condition').slots.condition,
    ).toBe('needs_work');
  });

  it.each([
    ['las 2 cosas jaja', 'both'],
    ['sel', 'sell'],
  ] as const)('%j answers buying or selling: %s', (text, intent) => {
    expect(read(text, 'lead', 'buy_or_sell').slots.intent).toBe(intent);
  });

  it('"me pueden llamar?" brings the agent in', () => {
    const turns = converse(
      ['hola si necesito vender, estamos atrasados con los pagos', 'me pueden llamar? es mas facil hablar'],
      ['Seller-Lead'],
    );
    expect(turns[1]?.escalation?.reason).toBe('human_request');
  });
});
