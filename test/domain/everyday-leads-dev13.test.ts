import { describe, expect, it } from 'vitest';
import { readKeywords } from '../../src/domain/compliance/keywords.ts';
import { converse } from '../support/converse.ts';
import { leadActs, readLead } from '../support/read-lead.ts';

// What leads texted in the thirteenth development split (eval/corpus/*-dev13.jsonl), replying in
// the middle of their day and days later, as a realtor would want each one taken.
const read = readLead;
const acts = leadActs;

describe('a lead who is asked again', () => {
  it('gets an apology and the next question, not a goodbye, when the answer comes with the complaint', () => {
    // The app pauses the contact while the agent's escalation is open (pausedFrom).
    const turns = converse(
      [
        "I've told you 3 times already, we're moving for my husband's job",
        'FEBRUARY. do you people even read the texts',
        'good shape',
        '720',
      ],
      ['Seller-Lead'],
      {},
      { pausedFrom: 1 },
    );
    expect(turns[0]?.reply).toMatch(/^Sorry for asking again, I have it now\. Would selling/);
    // Said in anger: the agent is told, and the bot holds back while the lead is still angry.
    expect(turns[0]?.escalation?.reason).toBe('anger');
    expect(turns[1]?.reply).toBeNull();
    // Calm and answering again: the bot carries on, with February and the reason kept.
    expect(turns[2]?.reply).toMatch(/price/);
    expect(turns[3]?.state.facts.motivation).toBe('job');
    expect(turns[3]?.temperature).toBe('hot');
    expect(turns[3]?.reply).toMatch(/mornings or afternoons/);
  });

  it('"3 texts in one day is too much", with no answer in it, still stops the questions', () => {
    const turns = converse(['3 texts in one day is too much'], ['Seller-Lead']);
    expect(turns[0]?.reply).toMatch(/stop the questions/);
  });

  it('a month in its own sentence beside the complaint is still the answer', () => {
    expect(
      read('FEBRUARY. do you people even read the texts', 'seller', 'timeline').slots.timeline_months,
    ).toBe(2);
    expect(
      read('3 texts in one day is too much', 'seller', 'timeline').slots.timeline_months,
    ).toBeUndefined();
  });
});

describe('questions a lead asks who has never bought', () => {
  it.each([
    'how do I even get preapproved? first time buyer here',
    '¿y cómo le hago para sacar la preaprobación?',
    'help me figure out the preapproval thing, idk where to start',
  ])('%j asks about pre-approval, and is not approved yet', (text) => {
    const r = read(text, 'buyer', null);
    expect(acts(text, 'buyer')).toContain('preapproval_needed');
    expect(r.slots.preapproved).toBe(false);
  });

  it('the credit question goes to the agent, not to the off-topic brush-off', () => {
    const turns = converse(
      [
        'hola queremos comprar una casa pero no sé si califico',
        '¿se necesita tener buen crédito para que me aprueben?',
      ],
      ['Buyer-Lead'],
    );
    expect(turns[1]?.reply).not.toMatch(/solo puedo ayudarle con bienes raíces/);
    // The lead's own credit is for the agent (and a lender), not the general pre-approval rule.
    expect(turns[1]?.reply).toMatch(/^Buena pregunta, le pediré a Jorge/);
    expect(turns[1]?.actions).toContainEqual(expect.objectContaining({ type: 'create_task' }));
  });

  it.each([
    ['¿se puede ver la casa de la Haven sin estar preaprobado?', 'preapproval_needed'],
    ["I'm better on email tbh, rgonzales88@example.com", 'switch_to_email'],
    ['¿está en contrato o todavía la puedo ver?', 'listing_status'],
    ['¿la casa de Upland bajó de precio?', 'listing_status'],
    ['¿y luego qué sigue? ¿ustedes ponen el precio?', 'process'],
  ] as const)('%j asks about %s', (text, topic) => {
    expect(acts(text, 'buyer')).toContain(topic);
  });
});

describe('a person asked for, and a person not asked for', () => {
  it('"I would appreciate a phone call rather than texts" brings the agent in', () => {
    const turns = converse(
      [
        'Good evening. I live alone now and am considering selling my home to move closer to my daughter in Oregon. I would appreciate a phone call rather than texts. Sincerely, Margaret',
      ],
      ['Seller-Lead'],
    );
    expect(turns[0]?.escalation?.reason).toBe('human_request');
  });

  it('a lead who asked who we are and how we got the number is not handed off for it', () => {
    const turns = converse(
      [
        'who is this?',
        'how did you get my number?',
        "oh ok I remember filling that out on zillow. yeah we're looking",
        '650 max',
      ],
      ['Buyer-Lead'],
    );
    expect(turns.map((t) => t.escalation)).toEqual([null, null, null, null]);
    expect(turns[3]?.reply).toMatch(/pre-approved/i);
  });
});

describe('no, in everyday words', () => {
  it.each([
    ['we went into escrow on another house!!', 'buyer', 'already_bought'],
    ['we sold it to one of those we-buy-houses companies last month', 'seller', 'already_sold'],
    ['qué fastidio, ustedes nomás quieren su comisión', 'seller', 'hostile'],
    ['mejor la vamos a vender nosotros solitos', 'seller', 'listed_with_other'],
    ['todavía estamos ahorrando, como en un año', 'buyer', 'too_early'],
    ['no, gracias, ya no andamos buscando', 'buyer', 'not_interested'],
    ['ya basta de preguntas, nomás dime cuánto me dan por la casa', 'seller', 'stop_texting'],
    ['me mandan mensaje todos los días, ya parece spam', 'seller', 'stop_texting'],
  ] as const)('%j is %s', (text, bot, type) => {
    expect(acts(text, bot)).toContain(type);
  });

  it('"ya estuvo con tanto mensaje" is an opt-out', () => {
    expect(readKeywords('ya estuvo con tanto mensaje')).toContain('STOP');
    expect(readKeywords('ya estuvo la casa, ya la vendimos')).not.toContain('STOP');
  });

  it('"we stopped looking for a while but we\'re back" is no no', () => {
    expect(acts("we stopped looking for a while but we're back", 'lead')).toEqual([]);
  });
});

describe('cancelling a showing', () => {
  it.each([
    'is it ok if we cancel saturday? my husband got called into work',
    "how do I cancel the 3:30 showing? kid's sick",
  ])('%j cancels it', (text) => {
    expect(acts(text, 'buyer', 'appointment')).toContain('cancel');
    expect(read(text, 'buyer', 'appointment').acts).toContainEqual({ act: 'scheduling', kind: 'cancel' });
  });

  it('"¿cómo le hago para cancelar la cita?" only asks how', () => {
    expect(read('¿cómo le hago para cancelar la cita?', 'buyer', 'appointment').acts).not.toContainEqual({
      act: 'scheduling',
      kind: 'cancel',
    });
  });
});

describe('reasons and answers said in passing', () => {
  it.each([
    ['nos vamos a mudar con mi hija a Las Vegas', 'relocation'],
    ['la casa era de mi mamá, nos la dejó a mis hermanos y a mí', 'inherited'],
    ['el traffic pa LA me tiene harto, 3 horas diarias en la 10', 'other'],
    ['my wife quit her job so we need something cheaper', 'financial'],
    ['mi esposo y yo nos vamos a separar y pues queremos vender la casa', 'divorce'],
    ['queremos vender porque nuestros hijos ya no viven con nosotros', 'downsizing'],
  ] as const)('%j gives the reason %s', (text, motivation) => {
    expect(read(text, 'seller', 'motivation').slots.motivation).toBe(motivation);
  });

  it('"she couldn\'t keep up with it" is the upkeep, not money trouble', () => {
    const slots = read(
      "it needs work, she couldn't keep up with it. the roof leaks",
      'seller',
      'condition',
    ).slots;
    expect(slots.motivation).toBeUndefined();
    expect(slots.condition).toBe('needs_work');
  });

  it('"4 bedrooms, his mom is moving in with us" is a bigger home', () => {
    expect(read('4 bedrooms, his mom is moving in with us', 'buyer', 'needs').slots).toMatchObject({
      bedrooms: 4,
      motivation: 'upsizing',
    });
  });

  it.each([
    ['pues tiene sus detalles, hay que cambiar el calentador y arreglar una gotera', 'needs_work'],
    ['hay que darle una ayudadita a la cocina y pintar', 'fair'],
    ['The home has been meticulously maintained. We replaced the roof in 2019.', 'good'],
  ] as const)('%j is %s', (text, condition) => {
    expect(read(text, 'seller', 'condition').slots.condition).toBe(condition);
  });

  it.each([
    ['soon as possible, none of us live out here', 0],
    ['hopefully sold by march', 3],
    ['ASAP we already bought the other house', 0],
  ] as const)('%j is %i months out', (text, months) => {
    expect(read(text, 'seller', 'timeline').slots.timeline_months).toBe(months);
  });

  it('"saved for 4 yrs" is the past, not a date, and no "too early"', () => {
    const r = read("AHHH we're finally ready to buy!!! saved for 4 yrs", 'buyer', null);
    expect(r.slots.timeline_months).toBeUndefined();
    expect(acts("AHHH we're finally ready to buy!!! saved for 4 yrs", 'buyer')).not.toContain('too_early');
  });

  it('"ya mandamos los papeles, estamos esperando" is not approved yet', () => {
    expect(read('ya mandamos los papeles, estamos esperando', 'buyer', 'preapproval').slots.preapproved).toBe(
      false,
    );
  });
});
