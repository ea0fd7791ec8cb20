import { describe, expect, it } from 'vitest';
import { readKeywords } from '../../src/domain/compliance/keywords.ts';
import { converse } from '../support/converse.ts';
import { leadActs, readLead } from '../support/read-lead.ts';

// What leads wrote in the twentieth development split (eval/corpus/*-dev20.jsonl): leads who write
// by email as well as by text, open-house and referral leads, family moves, landlords, and leads
// who put off a move in everyday words.
const replies = (texts: string[], tags: string[] = []) => converse(texts, tags).map((d) => d.reply);

describe('not now, in everyday words', () => {
  it.each([
    'Ha, we just put the crib together. Moving is the last thing on our minds this year.',
    "that's a 2029 problem lol",
    'ask me after the holidays, my head is not there right now',
    "let's not get ahead of ourselves, I haven't even told my wife yet",
    "we're happy here for now, maybe when the kids are out of the house",
    'mi esposo dice que todavía no, que esperemos a ver qué pasa con su trabajo',
    'ni al caso ahorita, apenas me cambié de trabajo',
    'todavía no, apenas vamos empezando a ahorrar',
    "we're at the dreaming stage, not the budget stage 😅",
    'Mi esposo quiere vender y yo no, así que por ahora no vamos a hacer nada',
  ])('"%s" is too early', (text) => {
    expect(leadActs(text, 'seller')).toContain('too_early');
  });

  it('a seller who says it is a 2029 problem hears "no rush" before anything else', () => {
    const [said] = replies(["that's a 2029 problem lol"], ['Seller-Lead']);
    expect(said).toMatch(/^No rush at all/);
  });
});

describe('a STOP taken back', () => {
  it('"perdón, era para otro número. sí sigo buscando" after ALTO subscribes again and goes on', () => {
    expect(readKeywords('perdón, era para otro número. sí sigo buscando')).toContain('START');
    const said = replies(
      ['ALTO', 'perdón, era para otro número. sí sigo buscando', 'hasta 600'],
      ['Buyer-Lead'],
    );
    expect(said[0]).toMatch(/ya no recibirá más mensajes/);
    expect(said[1]).toMatch(/suscrito de nuevo/);
    expect(said[2]).toMatch(/preaprobación/);
  });

  it('an apology without a wish to go on is not consent', () => {
    expect(readKeywords('perdón, era para otro número')).not.toContain('START');
  });
});

describe('buying and selling in other words', () => {
  it('"on both sides of this" and "offload our condo and find a house with a yard" are both', () => {
    expect(readLead("honestly we're on both sides of this", 'lead', null).slots.intent).toBe('both');
    expect(
      readLead('gotta offload our condo in Upland and find a house with a yard', 'lead', null).slots.intent,
    ).toBe('both');
  });

  it('a buyer asking "what price is that?" about a monthly payment is not asked for a property address', () => {
    const said = replies(
      ['idk, we want our payment around 3k a month', 'help me understand, what price is that?'],
      ['Buyer-Lead'],
    );
    expect(said[1]).not.toMatch(/property address|value range for your home/);
    expect(said[1]).toMatch(/Jorge/);
  });

  it('a buyer who asks what their own home is worth is still asked for the address', () => {
    const said = replies(['how much is my house worth?'], ['Buyer-Lead']);
    expect(said[0]).toMatch(/address/);
  });
});

describe('why they move, in everyday words', () => {
  it.each([
    ['the offer on the house in Texas got accepted so yes we need to sell ours now', 'bought_another'],
    ['sí, compramos casa nueva en Menifee y nos la entregan en marzo', 'bought_another'],
    ['los tenants no pagan desde septiembre y ya estoy harto', 'tenants'],
    ['Mi mamá quiere vender la casa porque se va a vivir conmigo a Riverside.', 'relocation'],
  ])('"%s" → %s', (text, motivation) => {
    expect(readLead(text, 'seller', 'motivation').slots.motivation).toBe(motivation);
  });

  it('"no, todavía no vamos al banco. ¿eso es lo primero?" asks whether pre-approval comes first', () => {
    expect(leadActs('no, todavía no vamos al banco. ¿eso es lo primero?', 'buyer', 'preapproval')).toContain(
      'preapproval_needed',
    );
  });
});

describe('more everyday answers', () => {
  it('"we need to talk to a lender first" is not pre-approved', () => {
    expect(
      readLead('probably spring, we need to talk to a lender first', 'buyer', 'timeline').slots.preapproved,
    ).toBe(false);
  });

  it('a new build that closes in April, the current house not listed yet: selling, because they bought', () => {
    const slots = readLead(
      "our new build in Ontario Ranch closes in april and we haven't even listed our current house yet",
      'lead',
      null,
    ).slots;
    expect(slots.intent).toBe('sell');
    expect(slots.motivation).toBe('bought_another');
  });

  it('"moving back from Denver" is a relocation', () => {
    expect(
      readLead('moving back from Denver, want to buy near my sister in Rancho', 'lead', null).slots
        .motivation,
    ).toBe('relocation');
  });

  it('"qué onda" is a greeting, not a question for Jorge', () => {
    const [said] = replies(['qué onda, sí es mi casa de renta en Fontana'], ['Seller-Lead']);
    expect(said).not.toMatch(/pregunta/);
    expect(leadActs('qué onda, sí es mi casa de renta en Fontana', 'seller')).not.toContain('other');
  });
});

describe('STOP and HELP in everyday words', () => {
  it.each([
    ['help what is this text even about', 'HELP'],
    ['AYUDA. de dónde salió este mensaje', 'HELP'],
    ['HELP. got a random text from this number about houses??', 'HELP'],
    ['end this. now.', 'STOP'],
    ['ya no quiero recibir nada de esto, gracias', 'STOP'],
  ])('"%s" is %s', (text, keyword) => {
    expect(readKeywords(text)).toEqual([keyword]);
  });

  it.each(['the weekend is when we can end this search', 'end of january works', 'help me end this search'])(
    '"%s" is no keyword',
    (text) => {
      expect(readKeywords(text)).toEqual([]);
    },
  );

  it('"end this. now." unsubscribes with the one confirmation', () => {
    const [d] = converse(['end this. now.'], ['Seller-Lead']);
    expect(d?.reply).toMatch(/unsubscribed/);
    expect(d?.actions).toContainEqual({ type: 'set_contact', optedOut: true });
  });
});

describe('pre-approval said the way buyers say it', () => {
  it.each([
    ["VA loan, got the COE but haven't done the preapproval part", false],
    ['no sé todavía, no hemos ido al banco', false],
    ["honestly we're still figuring that out with the lender, maybe 550-600?", false],
    ['the lender is helping us, should be done by the end of next week', false],
    ['el banco nos dio hasta 700 pero no queremos pasarnos de 620', true],
    ['my wife handles that stuff, she says yes through Navy Federal', true],
    ['mi esposo es el que sabe de eso, él dice que sí con Wells Fargo', true],
    ["Tell her yes, 720 with United Wholesale, I'll send the letter tonight", true],
  ] as const)('"%s" → pre-approved %s', (text, approved) => {
    expect(readLead(text, 'buyer', 'preapproval').slots.preapproved).toBe(approved);
  });

  it('"as soon as we get approved" is not a pre-approval', () => {
    expect(
      readLead('as soon as we get approved. so hopefully january', 'buyer', 'timeline').slots.preapproved,
    ).not.toBe(true);
  });
});

describe('a complaint about the texts', () => {
  it('"your texts are way too frequent" is about the texts', () => {
    expect(leadActs('your texts are way too frequent. once a week would be fine', 'seller')).toContain(
      'stop_texting',
    );
  });
});

describe('two questions in one sentence', () => {
  it('"What do you charge, and do we need to fix the roof before listing?" asks both', () => {
    const asked = leadActs('What do you charge, and do we need to fix the roof before listing?', 'seller');
    expect(asked).toContain('fees_commission');
    expect(asked).toContain('process');
  });

  it('"can we look first and do the loan stuff later?" is one question', () => {
    expect(leadActs('can we look first and do the loan stuff later?', 'buyer')).not.toContain('process');
  });
});
