import { describe, expect, it } from 'vitest';
import { readUtterance } from '../../../src/domain/understand/read-utterance.ts';
import type { AskedQuestion, BotKind, Slots } from '../../../src/domain/understand/types.ts';

// Slot values said in everyday words, often beside a question or a complaint: the figure, date or
// answer is still the lead's. Phrased here in our own words, not copied from the corpus.

const NOW = new Date('2026-12-04T18:00:00Z');
const slots = (text: string, bot: BotKind, lastQuestion: AskedQuestion | null = null): Slots =>
  readUtterance(text, { bot, lastQuestion, now: NOW }).slots;

describe('a figure stays the lead’s when a question of its own follows it', () => {
  it.each<[string, BotKind, AskedQuestion, Slots]>([
    ['no menos de 700, y cuánto cobran ustedes?', 'seller', 'price', { price_min: 700_000 }],
    ['unos quinientos, cuánto se paga de cierre?', 'buyer', 'budget', { budget_max: 500_000 }],
    ['about 640, but how much are closing costs here?', 'buyer', 'budget', { budget_max: 640_000 }],
    ['seven fifty k, but no idea what we need for closing', 'buyer', 'budget', { budget_max: 750_000 }],
  ])('%j', (text, bot, asked, want) => {
    expect(slots(text, bot, asked)).toMatchObject(want);
  });

  it('a figure inside the question itself is still someone else’s house', () => {
    expect(slots('what would closing costs be on a 650k house?', 'buyer', 'budget')).toEqual({});
  });
});

describe('everyday bounds on a price', () => {
  it('more than the online estimate quoted after it is a floor', () => {
    expect(slots('more than what redfin shows, which is about 710', 'seller', 'price')).toEqual({
      price_min: 710_000,
    });
  });

  it('a single digit after a bound is hundreds of thousands once the message talks money', () => {
    expect(slots('approved for 900 but we want to stay under eight', 'buyer')).toMatchObject({
      budget_max: 800_000,
    });
    expect(slots('approved for 650, need a yard, under 5 minutes from the 210', 'buyer')).toMatchObject({
      budget_max: 650_000,
    });
  });
});

describe('everyday timelines', () => {
  it.each<[string, AskedQuestion | null, number]>([
    ['the sooner the better, april at the latest', 'timeline', 4],
    ['asap if the one on Elm is still available', 'timeline', 0],
    ['text me in a year', null, 12],
    ['check back with us in the spring', null, 4],
  ])('%j → %d months', (text, asked, months) => {
    expect(slots(text, 'seller', asked).timeline_months).toBe(months);
  });

  it('putting the sale off at the appointment offer dates it', () => {
    expect(
      slots('can we skip the meeting? we’re holding off till summer', 'seller', 'appointment'),
    ).toMatchObject({ timeline_months: 7 });
  });

  it('a meeting or a chat next month is not a move date', () => {
    expect(slots('can we talk next month', 'seller').timeline_months).toBeUndefined();
  });
});

describe('buying or selling said inside a question, or in passing', () => {
  it.each<[string, BotKind, Slots['intent']]>([
    ['how does it work if we want to sell and rent after', 'lead', 'sell'],
    ['do you charge less if we buy with you too?', 'seller', 'both'],
    ['qué papeles necesito si es mi primera casa?', 'buyer', 'buy'],
    ['so excited, our first home!!', 'buyer', 'buy'],
    ['sorry, hit stop by mistake, we’re still looking', 'buyer', 'buy'],
  ])('%j (%s bot) → %s', (text, bot, intent) => {
    expect(slots(text, bot).intent).toBe(intent);
  });

  it('a process question without a plan of the lead’s states no side', () => {
    expect(slots('how long does it usually take to sell?', 'lead').intent).toBeUndefined();
  });

  it('a first home bought long ago is not a purchase now', () => {
    expect(slots('this was our first house, bought it in 2009', 'buyer').intent).toBeUndefined();
  });
});

describe('yes and no in the words people use', () => {
  it.each<[string, Slots]>([
    ['nel, todavía no', { preapproved: false, yes_no: 'no' }],
    ['naw not yet', { preapproved: false, yes_no: 'no' }],
    ['simón, con Chase', { preapproved: true, yes_no: 'yes', lender: 'Chase' }],
    ['ugh I already said this, yes we got the letter', { preapproved: true, yes_no: 'yes' }],
  ])('%j after "are you pre-approved?"', (text, want) => {
    expect(slots(text, 'buyer', 'preapproval')).toMatchObject(want);
  });

  it('a letter that arrived is a pre-approval', () => {
    expect(slots('por fin nos llegó la carta del banco', 'buyer').preapproved).toBe(true);
    expect(slots('the approval letter came in today!', 'buyer').preapproved).toBe(true);
  });
});

describe('rooms and condition in everyday words', () => {
  it('a bedroom count turned down gives way to the one wanted', () => {
    expect(slots('no more 2 bedrooms please, we need 4 at least', 'buyer').bedrooms).toBe(4);
    expect(slots('stop sending me 1 bedroom condos', 'buyer').bedrooms).toBeUndefined();
  });

  it.each<[string, Slots['condition']]>([
    ['bathrooms redone, the rest is original 70s', 'fair'],
    ['original, but clean', 'fair'],
  ])('%j → %s', (text, condition) => {
    expect(slots(text, 'seller', 'condition').condition).toBe(condition);
  });
});

describe('a buyer who also sells', () => {
  it('names what their own home is worth beside the budget asked for', () => {
    expect(slots('ours might be worth 680, we could spend up to 900', 'buyer', 'budget')).toEqual({
      price: 680_000,
      budget_max: 900_000,
    });
  });

  it('says where their own home is without making it the search area', () => {
    expect(slots('ours is in Ontario, we want 4 beds', 'buyer').area).toBeUndefined();
    expect(slots('looking in Ontario, 4 beds', 'buyer').area).toBe('Ontario');
  });
});

it('bad credit in either language is not a pre-approval yet', () => {
  expect(slots('mi crédito está malo', 'buyer', 'budget').preapproved).toBe(false);
  expect(slots('we have bad credit tbh', 'buyer').preapproved).toBe(false);
});

describe('dates that are not the lead’s plan', () => {
  it.each<[string, AskedQuestion | null]>([
    ['ahora no, tal vez el otro año', 'timeline'],
    ['should we wait until summer to list?', 'timeline'],
    ['is upland getting cheaper this year?', null],
  ])('%j gives no timeline', (text, asked) => {
    expect(slots(text, 'seller', asked).timeline_months).toBeUndefined();
  });

  it('a bare "now" still answers "when?"', () => {
    expect(slots('ahorita', 'seller', 'timeline').timeline_months).toBe(0);
  });
});

describe('Spanish move verbs give a reason only with somewhere to go', () => {
  it.each<string>([
    'nadie me regresó la llamada',
    'ya por fin nos vamos a cambiar!!',
    'de aquí no nos vamos, aquí nos vamos a quedar a morir',
    'me mandan mensajes todos los días',
  ])('%j states no motivation', (text) => {
    expect(slots(text, 'seller').motivation).toBeUndefined();
  });

  it.each<[string, Slots['motivation']]>([
    ['nos cambiamos a Phoenix con mis papás', 'relocation'],
    ['nos vamos a vivir a Sonora', 'relocation'],
  ])('%j → %s', (text, motivation) => {
    expect(slots(text, 'seller', 'motivation').motivation).toBe(motivation);
  });
});

describe('no side, no approval where none is said', () => {
  it.each<[string, BotKind, AskedQuestion | null]>([
    ['ya les dije que no la vendo', 'seller', null],
    ['nomás quería saber el valor, no la vamos a vender', 'seller', null],
    ['under 700. oh and did the one on Elm sell?', 'buyer', 'budget'],
  ])('%j states no intent', (text, bot, asked) => {
    expect(slots(text, bot, asked).intent).toBeUndefined();
  });

  it.each<[string, AskedQuestion | null]>([
    ['ya no importa, ya compramos', 'preapproval'],
    ['spring maybe but do we need a loan approval first', 'timeline'],
    ['el divorcio ya está en proceso', null],
  ])('%j states no pre-approval', (text, asked) => {
    expect(slots(text, 'buyer', asked).preapproved).toBeUndefined();
  });
});

describe('amounts in words and bands people text', () => {
  it.each<[string, Slots]>([
    ['low 8s', { price_min: 800_000, price_max: 833_000 }],
    ['mid sevens', { price: 750_000 }],
    ['high fives', { price_min: 567_000, price_max: 599_000 }],
    ['ochocientos y pico', { price_min: 800_000, price_max: 899_000 }],
    ['como 7 cientos', { price: 700_000 }],
    ['no lower than 720', { price_min: 720_000 }],
  ])('%j after the price question', (text, want) => {
    expect(slots(text, 'seller', 'price')).toEqual(want);
  });

  it('a digit band needs money talk or the question', () => {
    expect(slots('we like the 3s', 'buyer').budget_max).toBeUndefined();
    expect(slots('somewhere in the 5s', 'buyer', 'budget')).toEqual({
      budget_min: 500_000,
      budget_max: 599_000,
    });
  });
});

it('"el mes que entra" is next month', () => {
  expect(slots('el mes que entra', 'seller', 'timeline').timeline_months).toBe(1);
});
