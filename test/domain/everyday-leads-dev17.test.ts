import { describe, expect, it } from 'vitest';
import { readKeywords } from '../../src/domain/compliance/keywords.ts';
import { converse } from '../support/converse.ts';
import { leadActs, readLead } from '../support/read-lead.ts';

// What leads texted in the seventeenth development split (eval/corpus/*-dev17.jsonl): leads around
// New Year and early in the year, and leads who text in unusual ways (voice-to-text, very terse,
// self-corrections), as a realtor would want each one taken.
const read = readLead;
const acts = leadActs;

describe('opting out and back in', () => {
  it('"ALTO, ya no" is STOP; "ya no quiero vender" is not', () => {
    expect(readKeywords('ALTO, ya no')).toEqual(['STOP']);
    expect(readKeywords('ya no quiero vender')).toEqual([]);
  });

  it('"start sending me stuff again, i\'m ready to look now" is START; "don\'t start sending me stuff again" is not', () => {
    expect(readKeywords("start sending me stuff again, i'm ready to look now")).toEqual(['START']);
    expect(readKeywords("don't start sending me stuff again")).toEqual([]);
  });

  it('a lead who stopped by mistake ("me confundí, pensé que era otra compañía") is written to again', () => {
    const turns = converse(
      [
        'ya basta de mensajes',
        'perdón, me confundí, pensé que era otra compañía. sí me pueden escribir',
        'queremos vender en marzo, nos regresamos a Guadalajara',
      ],
      ['Seller-Lead'],
    );
    expect(turns[0]?.actions).toContainEqual({ type: 'set_contact', optedOut: true });
    expect(turns[1]?.actions).toContainEqual({ type: 'set_contact', optedOut: false });
    expect(turns[2]?.reply).not.toBeNull();
  });

  it('"I told you already. MARCH." answers the timeline in annoyance; it is no request to stop texting', () => {
    expect(acts('ugh I told you already. MARCH.', 'seller', 'timeline')).not.toContain('stop_texting');
    expect(read('ugh I told you already. MARCH.', 'seller', 'timeline').slots.timeline_months).toBe(3);
    expect(acts("I've told you 3 times", 'seller', 'timeline')).toContain('stop_texting');
    expect(acts('I told you already', 'seller', 'timeline')).toContain('stop_texting');
  });
});

describe("a seller's lowest price", () => {
  it.each([
    ['bottom line is 700, we owe a lot on it', 700_000],
    ['bottom line 590, con eso pago todo y me queda algo', 590_000],
    ["1.2 at least, it's a big lot in alta loma with a pool", 1_200_000],
    ["I'm not giving it away to some flipper. 775 or we stay", 775_000],
    ["six hundred fifty thousand dollars period that's the lowest we would go period", 650_000],
    ['lo menos que aceptaría son seiscientos veinte', 620_000],
    ["the lowest we'd go is 600", 600_000],
  ])('"%s" is a floor of %i, not an asking price', (text, floor) => {
    const r = read(text, 'seller', 'price');
    expect(r.slots.price_min).toBe(floor);
    expect(r.slots.price).toBeUndefined();
  });

  it('"we want 700, that\'s the lowest price in the tract" is an asking price', () => {
    expect(read("we want 700, that's the lowest price in the tract tho", 'seller', 'price').slots.price).toBe(
      700_000,
    );
  });
});

describe('not yet, in other words', () => {
  it.each([
    ['nah not yet, let me get through the holidays first', 'lead', 'appointment'],
    ['todavía falta, primero quiero juntar más dinero', 'buyer', 'timeline'],
    ['todavía no, apenas estamos juntando para el enganche', 'lead', null],
  ] as const)('"%s" is too early', (text, bot, lastQuestion) => {
    expect(acts(text, bot, lastQuestion)).toContain('too_early');
  });

  it('"todavía es muy pronto" answers "when are you thinking?" as well', () => {
    const r = read('todavía es muy pronto, apenas lo estamos pensando', 'seller', 'timeline');
    expect(r.acts).toContainEqual({ act: 'answer' });
    expect(r.acts).toContainEqual({ act: 'objection', type: 'too_early' });
  });
});

describe('pre-approval questions', () => {
  it.each([
    ['not yet, how do I get one?', 'buyer', 'preapproval'],
    ['no, how do I do that? do I go to my bank?', 'buyer', 'preapproval'],
    ['nos pre-calificaron en Wells Fargo, es lo mismo?', 'buyer', 'preapproval'],
    ['not pre approved, what do I need for that?', 'buyer', 'preapproval'],
  ] as const)('"%s" asks how to get pre-approved', (text, bot, lastQuestion) => {
    expect(acts(text, bot, lastQuestion)).toContain('preapproval_needed');
    expect(acts(text, bot, lastQuestion)).not.toContain('process');
  });

  it('"how do I do that?" with no pre-approval in sight is no pre-approval question', () => {
    expect(acts('how do I do that?', 'seller', 'price')).not.toContain('preapproval_needed');
  });
});

describe('what a realtor would notice in the thread', () => {
  it('"Please have Jorge telephone me rather than text" goes to Jorge', () => {
    const turns = converse(
      [
        'My wife and I are retired. The property taxes keep going up and we are on a fixed income.',
        'Please have Jorge telephone me rather than text. I am not good with these messages.',
      ],
      ['Seller-Lead'],
    );
    expect(turns[1]?.escalation).toBeTruthy();
    expect(turns[1]?.reply ?? '').not.toMatch(/price range|shopping/i);
  });

  it('a seller who will buy in Arizona stays a seller: the bot does not start a home search', () => {
    const r = read(
      'We would need enough to buy a small place in Arizona. I would say no less than $590,000.',
      'seller',
      'price',
    );
    expect(r.slots.intent).toBeUndefined();
    expect(r.slots.price_min).toBe(590_000);
    expect(read('sell and buy a smaller place in Ontario', 'seller', null).slots.intent).toBe('both');
  });

  it('"me and my ex are splitting up" names no city ("up and" is not Upland)', () => {
    const r = read(
      'me and my ex are splitting up and neither of us can afford it alone',
      'seller',
      'motivation',
    );
    expect(r.slots.area).toBeUndefined();
    expect(r.slots.motivation).toBe('divorce');
    expect(read('up land', 'buyer', 'area').slots.area).toBe('Upland');
    expect(read('ranchocucamonga', 'buyer', 'area').slots.area).toBe('Rancho Cucamonga');
  });

  it('"close by mid february, report date is the 20th" is February the 20th, not this month', () => {
    expect(
      read('we need to close by mid february, report date is the 20th', 'buyer', 'timeline').slots
        .timeline_months,
    ).toBe(2);
  });

  it('a lead who remembers "the open house in Upland" is asked whether they buy or sell, not why they sell', () => {
    const turns = converse(["HELP?? what's this for", 'oh ok I remember now, the open house in Upland'], []);
    expect(turns[1]?.reply ?? '').not.toMatch(/selling/i);
    expect(turns[1]?.state.facts.intent).toBeUndefined();
  });

  it('"me acaban de ofrecer trabajo en el hospital de Fontana" is a job move, said gladly', () => {
    const r = read(
      'siii me interesa mucho!! me acaban de ofrecer trabajo en el hospital de Fontana 🎉',
      'buyer',
      null,
    );
    expect(r.slots.motivation).toBe('job');
    expect(r.acts).toContainEqual({ act: 'feeling', kind: 'excitement' });
    expect(r.acts).not.toContainEqual({ act: 'feeling', kind: 'stress' });
  });

  it('"bien cuidada pero es original de 1975" is dated (fair), not good', () => {
    expect(
      read('la casa está bien cuidada pero es original de 1975', 'seller', 'condition').slots.condition,
    ).toBe('fair');
  });

  it('"you people" and "😒" are said in annoyance', () => {
    expect(
      read('who gave you my address?? how do you people know I own this house', 'lead', null).acts,
    ).toContainEqual({
      act: 'feeling',
      kind: 'anger',
    });
    expect(
      read(
        "I quit my job to start my own business so lenders won't touch me for 2 years 😒",
        'buyer',
        'preapproval',
      ).acts,
    ).toContainEqual({ act: 'feeling', kind: 'anger' });
  });
});

describe('how to get pre-approved', () => {
  it('"what do I need for that?" after "not pre approved" is told how, and Jorge gets a task to connect them with lenders', () => {
    const turns = converse(['hi', '450 max', 'not pre approved, what do I need for that?'], ['Buyer-Lead']);
    expect(turns[2]?.reply).toMatch(/lender/i);
    expect(turns[2]?.reply).not.toMatch(/step by step/i);
    expect(turns[2]?.actions).toContainEqual(
      expect.objectContaining({ type: 'create_task', title: 'Lead asks how to get pre-approved' }),
    );
  });

  it('"do I need to be pre-approved to look?" still gets whether one is needed, with no task', () => {
    const turns = converse(
      ['hi', '450 max', 'do I need to be pre approved to look at houses?'],
      ['Buyer-Lead'],
    );
    expect(turns[2]?.reply).toMatch(/don't need one to look|usually needed/i);
    expect(turns[2]?.actions).not.toContainEqual(
      expect.objectContaining({ title: 'Lead asks how to get pre-approved' }),
    );
  });
});
