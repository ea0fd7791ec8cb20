import { describe, expect, it } from 'vitest';
import { converse } from '../support/converse.ts';
import { leadActs, readLead } from '../support/read-lead.ts';

// What leads texted in the twenty-third development split (eval/corpus/*-dev23.jsonl): tight money
// (notices of default, trustee sales, loan modifications), self-employed buyers and credit, and
// buyers who do not know where to start.
const SLOTS = ['2026-12-07T18:00:00.000Z', '2026-12-08T21:00:00.000Z', '2026-12-09T18:00:00.000Z'];

describe('sellers behind on their payments', () => {
  it.each([
    ['we got the trustee sale notice today, its set for jan 22', 'seller'],
    ['we were thinking of selling bc we fell behind', 'seller'],
    ['the bank approved our loan modification today!! so we are staying', 'seller'],
    ['sí, queremos vender antes de que nos la quiten, la casa está en Fontana', 'lead'],
    ['ya me han escrito como diez agentes desde que me llegó el aviso de default', 'seller'],
  ] as const)('"%s" is a financial reason', (text, bot) => {
    expect(readLead(text, bot, null).slots.motivation).toBe('financial');
  });

  it('a trust or an estate is still an inheritance', () => {
    expect(
      readLead('we are the trustees of the family trust, the house is in it', 'seller', null).slots
        .motivation,
    ).toBe('inherited');
  });
});

describe('buyers who do not know what they can do', () => {
  it.each([
    'idk what can i even afford? i make decent money but its all 1099',
    '¿me ayuda a ver cuánto puedo pagar?',
    'buying. credit is like 590 rn but im working on it, is that too low to even start looking?',
    'todavía no, ¿tengo que tener eso antes de ver casas?',
    'can i buy with a 580 score?',
  ])('"%s" asks whether they must get pre-approved first', (text) => {
    expect(leadActs(text, 'buyer')).toContain('preapproval_needed');
  });

  it('"¿cuánto tarda eso?" and "what happens at the appointment?" ask for the steps', () => {
    expect(leadActs('¿cuánto tarda eso?', 'buyer')).toEqual(['process']);
    expect(leadActs('what happens at the appointment?', 'seller')).toContain('process');
    expect(
      leadActs('remove the tenants first or sell with them? what do people usually do', 'seller'),
    ).toContain('process');
  });

  it('prices around here, and what there is at a figure, are market questions', () => {
    expect(leadActs('how much is a house around here even? no clue', 'buyer')).toEqual(['market']);
    expect(leadActs('approved up to 480 but is there anything at 480 around here?', 'buyer')).toContain(
      'market',
    );
    expect(leadActs("whats there to do in etiwanda? we're coming from LA", 'buyer')).toContain('area_info');
  });
});

describe('moving an appointment of ours', () => {
  it('"can we cancel the friday one" cancels, and is never answered with "see you"', () => {
    const ds = converse(
      ["hey it's Tom, we set up a time with Jorge for thursday at 4", 'can we cancel the friday one?'],
      [],
      { calendar: true, slots: SLOTS },
    );
    expect(ds[1]?.reply).toMatch(/cancel/i);
    expect(ds[1]?.reply).not.toMatch(/see you/i);
  });
});

describe('asked whether we are a person, and something else', () => {
  it('says it is the automated assistant first, then answers the other question', () => {
    const [en] = converse(['are you a real person? and do i need to be pre-approved before looking?'], []);
    expect(en?.reply).toMatch(/^I'm Jorge's automated assistant\. /);
    expect(en?.reply).toMatch(/need one to look/);
    const [es] = converse(['¿es usted una persona real? ¿cuánto cobran?'], []);
    expect(es?.reply).toMatch(/^Soy el asistente automático de Jorge\. /);
    expect(es?.reply).toMatch(/comisiones/);
    // Alone, the question still gets the offer of the agent.
    const [bare] = converse(['are you a bot?'], []);
    expect(bare?.reply).toBe(
      "I'm Jorge's automated assistant. Would you like Jorge to reach out to you personally?",
    );
  });
});

describe('questions beside a foreclosure or a short sale', () => {
  it('are answered while the lead goes to Jorge', () => {
    const [d] = converse(['we got a foreclosure notice, how did you get my number?'], ['Seller-Lead']);
    expect(d?.escalation?.reason).toBe('distress:foreclosure');
    expect(d?.reply).toMatch(/Your number reached Jorge/);
    const [, s] = converse(
      [
        'we owe more than its worth. can you even sell a house like that?',
        'what does a short sale do to my credit? and who pays your commission if theres nothing left over',
      ],
      ['Seller-Lead'],
    );
    expect(s?.escalation?.reason).toBe('distress:short_sale');
    expect(s?.reply).toMatch(/fees/);
  });
});

describe('land and manufactured homes are real estate', () => {
  it('a lead looking for land to put a trailer on is a buyer, and asking whether we handle land is no off-topic', () => {
    expect(
      readLead('buscamos un terreno para poner una traila, por Rialto o Fontana', 'lead', null).slots.intent,
    ).toBe('buy');
    const said = converse(
      ['¿ustedes manejan terrenos?', 'do you guys do land? like an acre for a manufactured home?'],
      [],
    );
    for (const d of said)
      expect(d.reply).not.toMatch(/solo puedo ayudarle con bienes raíces|only help with real estate/i);
  });
});

describe('"people like us" about the lead’s own means', () => {
  it('a buyer with low credit asking for programs for people like them gets an answer, not a fair-housing notice', () => {
    const said = converse(
      [
        'queremos comprar pero el crédito está en 560',
        '¿hay programas para gente como nosotros? mi compadre dijo que FHA',
        'como 400',
      ],
      [],
    );
    expect(said[1]?.compliance).toBeNull();
    expect(said[1]?.reply).not.toMatch(/vivienda justa/);
    expect(said[2]?.reply).toMatch(/\?/);
    // Choosing neighbours still is a request the bot must not follow.
    expect(converse(['neighborhoods for people like us'], [])[0]?.reply).toMatch(/Fair housing/);
  });
});
