import { describe, expect, it } from 'vitest';
import { readKeywords } from '../../../src/domain/compliance/keywords.ts';
import { readUtterance } from '../../../src/domain/understand/read-utterance.ts';
import type { Act, AskedQuestion, BotKind } from '../../../src/domain/understand/types.ts';

// Everyday wordings the readers used to miss: seller floors, market and "how did you get my
// number" questions, listings with someone else, polite no's, anger, and opt-outs in plain words.
// Phrased here in our own words, not copied from the corpus.

const NOW = new Date('2026-12-04T18:00:00Z');
const read = (text: string, bot: BotKind = 'lead', lastQuestion: AskedQuestion | null = null) =>
  readUtterance(text, { bot, lastQuestion, now: NOW });
const labels = (acts: readonly Act[]) =>
  acts.map((a) =>
    a.act === 'question'
      ? `question:${a.topic}`
      : a.act === 'objection'
        ? `objection:${a.type}`
        : a.act === 'feeling'
          ? `feeling:${a.kind}`
          : a.act,
  );

describe('a seller’s floor is a minimum, not the price', () => {
  it.each<[string, number]>([
    ['at least 720', 720_000],
    ['we wont go less than 680', 680_000],
    ['nothing below 700k', 700_000],
    ['7 and a half, not a penny less than that', 750_000],
    ['mínimo 640 mil', 640_000],
    ['no menos de 590', 590_000],
  ])('%j → price_min %d', (text, min) => {
    const { slots } = read(text, 'seller', 'price');
    expect(slots.price_min).toBe(min);
    expect(slots.price).toBeUndefined();
  });

  it('reads "8 something" after the price question as the 800s', () => {
    expect(read('prob 8 something', 'seller', 'price').slots).toMatchObject({
      price_min: 800_000,
      price_max: 899_000,
    });
  });

  it('reads two hedged figures as a range', () => {
    expect(read('680? 700? around there', 'seller', 'price').slots).toMatchObject({
      price_min: 680_000,
      price_max: 700_000,
    });
  });
});

describe('market questions are questions, not answers', () => {
  it.each([
    'is it a buyers or sellers market right now',
    'are houses still selling quick in upland',
    'are prices going down or what',
    'should we hold off til summer?',
    '¿se están vendiendo rápido las casas en ontario?',
    '¿vale la pena vender ahorita?',
  ])('%j asks about the market', (text) => {
    expect(labels(read(text, 'seller').acts)).toContain('question:market');
  });

  it('asks about the city, not where the lead lives', () => {
    expect(read('whats the market like in fontana these days', 'seller').slots.area).toBeUndefined();
  });

  it('after the price question, "what are homes going for" asks for their own value too', () => {
    const got = labels(read('no clue, what are homes going for around here', 'seller', 'price').acts);
    expect(got).toEqual(expect.arrayContaining(['question:market', 'question:home_value']));
  });
});

describe('how did you get my number, in other words', () => {
  it.each([
    'whered u get my number',
    'how do you guys know my name',
    'how do you know we want to sell',
    'was this from some facebook ad i clicked',
    'de dónde sacaron mi número?',
  ])('%j', (text) => {
    expect(labels(read(text).acts)).toContain('question:how_got_number');
  });
});

describe('listed with someone else or selling it themselves', () => {
  it.each([
    'my brother in law is selling it for us, hes a realtor',
    'the for sale sign is already up',
    'offerpad sent us an offer and we will probably take it',
    'we are doing it ourselves on craigslist',
    'ya la tenemos con otro agente',
    'our listing runs out in february',
  ])('%j', (text) => {
    expect(labels(read(text, 'seller').acts)).toContain('objection:listed_with_other');
  });

  it('an expired listing is not a listing with someone else', () => {
    expect(labels(read('was listed w remax but the contract expired', 'seller').acts)).not.toContain(
      'objection:listed_with_other',
    );
  });
});

describe('polite no’s and anger', () => {
  it.each(['thanks but im good', 'no but thank you', 'all good here'])('%j is not interested', (text) => {
    expect(labels(read(text).acts)).toContain('objection:not_interested');
  });

  it.each([
    'this is infuriating',
    'you already asked me that',
    'our old agent did NOTHING for us',
    'stop wasting my time',
  ])('%j is angry', (text) => {
    expect(labels(read(text, 'seller').acts)).toContain('feeling:anger');
  });
});

describe('opt-outs in plain words, and their look-alikes', () => {
  it.each([
    'please dont text for a while',
    'no quiero que me escriban',
    'my attorney will be in touch if you keep texting me',
  ])('%j is STOP', (text) => {
    expect(readKeywords(text)).toContain('STOP');
  });

  it.each(['dont text me at work, call after 6', 'if you keep the price there we should talk'])(
    '%j is not STOP',
    (text) => {
      expect(readKeywords(text)).not.toContain('STOP');
    },
  );

  it('START said first and then an apology re-subscribes', () => {
    expect(readKeywords('START sorry that was a mistake')).toEqual(['START']);
  });

  it('HELP with "I don’t get these texts" is HELP', () => {
    expect(readKeywords('HELP i dont get these texts')).toEqual(['HELP']);
  });
});
