import { describe, expect, it } from 'vitest';
import { readKeywords } from '../../src/domain/compliance/keywords.ts';
import { converse } from '../support/converse.ts';
import { leadActs, readLead } from '../support/read-lead.ts';

// What leads texted in the sixteenth development split (eval/corpus/*-dev16.jsonl): ordinary
// weekday leads of every kind, first-time buyers, landlords, heirs, short and long texters, as a
// realtor would want each one taken.
const read = readLead;
const acts = leadActs;

describe('opting out and back in, in everyday words', () => {
  it.each([
    'stop ✋ not interested in selling OR buying',
    'u can stop now, we bought already',
    "thanks, I'll reach out when we're closer. no more texts till then please",
    'sí, bórrelo por favor',
  ])('"%s" is STOP', (text) => {
    expect(readKeywords(text)).toContain('STOP');
  });

  it('"stop texting me before 9am" asks for quiet hours, not an opt-out', () => {
    expect(readKeywords('stop texting me before 9am')).toEqual([]);
  });

  it.each(['HELP what is this about my house??', 'help?? is this about the probate thing'])(
    '"%s" is HELP',
    (text) => {
      expect(readKeywords(text)).toEqual(['HELP']);
    },
  );

  it('"quiero dar de baja la publicación con el otro agente" takes a listing down, not our texts', () => {
    expect(
      readKeywords('quiero dar de baja la publicación con el otro agente y trabajar con ustedes'),
    ).toEqual([]);
    expect(readKeywords('quiero darme de baja')).toEqual(['STOP']);
  });

  it.each([
    [
      ['stop', 'sorry that was my daughter playing on my phone. I do want to talk about selling'],
      'Seller-Lead',
    ],
    [['BAJA', 'perdón, me equivoqué, sí quiero recibir información'], 'Buyer-Lead'],
  ] as const)('a STOP someone else sent, taken back: the lead is written to again (%j)', (texts, tag) => {
    const turns = converse([...texts], [tag]);
    expect(turns[0]?.actions).toContainEqual({ type: 'set_contact', optedOut: true });
    expect(turns[1]?.actions).toContainEqual({ type: 'set_contact', optedOut: false });
    expect(turns[1]?.reply).not.toBeNull();
  });
});

describe('a wrong number and a no stay closed', () => {
  it('"no estoy buscando casa, creo que tiene el número equivocado" is a wrong number, not a buyer', () => {
    const r = read('no estoy buscando casa, creo que tiene el número equivocado', 'buyer', null);
    expect(r.slots.intent).toBeUndefined();
    expect(acts('no estoy buscando casa, creo que tiene el número equivocado', 'buyer')).toContain(
      'wrong_number',
    );
    expect(acts('wrong number bud, no jorge or anybody looking for houses here', 'lead')).toContain(
      'wrong_number',
    );
    expect(acts('ni comprar ni vender, se equivocaron de número', 'lead', 'buy_or_sell')).toContain(
      'wrong_number',
    );
  });

  it('"wrong person, I want to buy a house in Etiwanda" is still a buyer', () => {
    expect(read('wrong person, I want to buy a house in Etiwanda', 'lead', null).slots.intent).toBe('buy');
  });

  it('after "I won\'t reach out again", "no need to sell anything either" is not a seller to qualify', () => {
    const turns = converse(
      [
        'we actually just bought a house in Fontana last month 🙂',
        'no need to sell anything either, we were renters',
        'thank you though! good luck',
      ],
      ['Lead'],
    );
    expect(turns[0]?.reply).toMatch(/won't reach out again/);
    expect(turns[1]?.reply).toBeNull();
    expect(turns[2]?.reply).toBeNull();
  });

  it('"i\'m not selling anything" and "Not selling. Ever." are a no; "kids talked me out of it" a plan dropped', () => {
    expect(acts("i'm not selling anything. who gave you my info?", 'seller', 'motivation')).toContain(
      'not_interested',
    );
    expect(acts('Take me off ur list. Not selling. Ever.', 'seller', 'motivation')).toContain(
      'not_interested',
    );
    expect(acts('kids talked me out of it, im not selling', 'seller', 'motivation')).toContain(
      'not_selling_anymore',
    );
  });
});

describe('a seller whose listing with another agent is about to expire', () => {
  it('is not wished luck with the sale: no texts while it is listed, and the agent hears it ends soon', () => {
    const [turn] = converse(
      ["we're listed right now with Century 21 but it expires Dec 31 and nothing's happened in 4 months"],
      ['Seller-Lead'],
    );
    expect(turn?.reply).not.toMatch(/good luck/i);
    expect(turn?.reply).toMatch(/won't text while it's listed/);
    expect(turn?.actions).toContainEqual(
      expect.objectContaining({ type: 'create_task', title: 'Listing with another agent ends soon' }),
    );
    expect(turn?.actions).toContainEqual({ type: 'add_tags', tags: ['Do-Not-Solicit'] });
    const [plain] = converse(["we're listed with remax"], ['Seller-Lead']);
    expect(plain?.reply).toMatch(/good luck with the sale/);
  });

  it("the expiry date is not the seller's timeline", () => {
    // Said after the listing was mentioned: "it" is the listing; "in 4 months" is time already gone.
    expect(
      read("it expires Dec 31 and nothing's happened in 4 months", 'seller', null).slots.timeline_months,
    ).toBe(undefined);
  });
});

describe('amounts', () => {
  it('"650 min" is a floor, "20 min away" is no amount', () => {
    expect(read('650 min', 'seller', 'price').slots).toEqual({ price_min: 650000 });
    expect(read('like 20 min away from work', 'seller', 'price').slots).toEqual({});
  });

  it('a credit score is no budget; "3 fitty" is 350', () => {
    expect(
      read('my credit is like 590 is that gonna be a problem', 'buyer', 'budget').slots.budget_max,
    ).toBeUndefined();
    expect(read('3 fitty lol is that even possible out here', 'buyer', 'budget').slots.budget_max).toBe(
      350000,
    );
  });

  it('"la dejaron muy maltratada, hoyos en las paredes" needs work', () => {
    expect(
      read('la dejaron muy maltratada, hoyos en las paredes y la alfombra destruida', 'seller', 'condition')
        .slots.condition,
    ).toBe('needs_work');
  });
});

describe('who is writing', () => {
  it.each([
    'wait is this with jorge or someone else?',
    'is this one of those we buy houses cash companies? not interested in a lowball',
  ])('"%s" asks who we are', (text) => {
    expect(acts(text, 'buyer')).toContain('identity');
  });
});

describe('a question about one step is not met with the general steps', () => {
  it('"do I need to bring anything? my letter?" goes to Jorge; "how does this work?" gets the steps', () => {
    const turns = converse(
      [
        'buying, approved with chase for 600',
        'do I need to bring anything? my letter?',
        'how does this work?',
      ],
      ['Buyer-Lead'],
    );
    expect(turns[1]?.reply).not.toMatch(/step by step/);
    expect(turns[1]?.reply).toMatch(/Jorge answer that/);
    expect(turns[1]?.actions).toContainEqual(expect.objectContaining({ type: 'create_task' }));
    expect(turns[2]?.reply).toMatch(/step by step/);
  });
});

describe('a retired couple who write a long, polite first message', () => {
  const patricia =
    'Good afternoon. This is Patricia Owens. My husband and I are in our late 70s and would like to sell our home in Alta Loma and buy a smaller single-story home nearby, perhaps in Upland. We are in no hurry, but would like to be settled by next fall. Could you please tell us how the process works when buying and selling at the same time? Thank you.';

  it('reads the move, the date and the reason, and no death in "our late 70s"', () => {
    const u = read(patricia, 'lead', null);
    expect(u.slots.timeline_months).toBe(10);
    expect(u.slots.motivation).toBe('downsizing');
    expect(u.acts).not.toContainEqual({ act: 'feeling', kind: 'grief' });
    expect(read('my late husband built it', 'seller', null).acts).toContainEqual({
      act: 'feeling',
      kind: 'grief',
    });
  });

  it('gets the steps, not condolences', () => {
    const turns = converse([patricia], []);
    expect(turns[0]?.reply).not.toMatch(/sorry for your loss/i);
    expect(turns[0]?.reply).toMatch(/step by step/);
  });
});
