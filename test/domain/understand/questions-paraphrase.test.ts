import { describe, expect, it } from 'vitest';
import { readUtterance } from '../../../src/domain/understand/read-utterance.ts';
import type { AskedQuestion, BotKind, QuestionTopic } from '../../../src/domain/understand/types.ts';

// Questions worded in ways the word lists did not spell out one by one: each case is read by a
// general rule (a word family, a question pointing back, a rhetorical outburst), not a sentence.

const NOW = new Date('2026-12-04T18:00:00Z');
const read = (text: string, bot: BotKind = 'lead', lastQuestion: AskedQuestion | null = null) =>
  readUtterance(text, { bot, lastQuestion, now: NOW });
const topics = (text: string, bot: BotKind = 'lead', lastQuestion: AskedQuestion | null = null) =>
  read(text, bot, lastQuestion)
    .acts.flatMap((act) => (act.act === 'question' ? [act.topic] : []))
    .sort();

describe('questions about the market, in other words than "market"', () => {
  it.each([
    'how are sales in rancho lately',
    'is it a bad time to buy right now?',
    'are houses selling over asking?',
    'will prices keep going up?',
    'are sellers offering credits or concessions these days',
    'would it be smart to list in january',
    "what's the median price in upland these days?",
    '¿cómo están las tasas de interés?',
    '¿es buen momento para comprar?',
    '¿se están vendiendo las casas rápido?',
  ])('%j', (text) => {
    expect(topics(text)).toEqual(['market']);
  });

  it('"better to buy first or sell first" is about the process, not the market', () => {
    expect(topics('is it better to sell first or buy first?')).not.toContain('market');
  });
});

describe('how the number was obtained, and who we are', () => {
  it.each<[string, QuestionTopic]>([
    ["how'd you get ahold of me", 'how_got_number'],
    ['what list did you get my number from?', 'how_got_number'],
    ['was this from the flyer on my door?', 'how_got_number'],
    ['whered u even get my number', 'how_got_number'],
    ['did you pull my info off some website?', 'how_got_number'],
    ['i want to know where my number came from', 'how_got_number'],
    ['¿cómo es que tienen mi dirección?', 'how_got_number'],
    ['wth is this', 'identity'],
    ['who am i even talking to lol', 'identity'],
    ['who am i actually texting with', 'identity'],
    ['is this a real company?', 'scam'],
    ['is this one of those lead generation things', 'scam'],
    ['is he an actual realtor?', 'licensed'],
    ['¿tiene licencia?', 'licensed'],
    ['oigan, ¿cómo consiguieron mi cel?', 'how_got_number'],
    ['¿es esto real?', 'scam'],
  ])('%j → %s', (text, topic) => {
    expect(topics(text)).toEqual([topic]);
  });

  it('"take my number off your list" is not asking how we got it', () => {
    expect(topics('take my number off your list please')).not.toContain('how_got_number');
  });

  it('"a real agent or a bot?" asks about software, not a licence', () => {
    expect(topics('are you a real agent or a bot?')).not.toContain('licensed');
  });
});

describe('process questions and their Spanish equivalents', () => {
  it.each([
    'walk me through how it works',
    'do I have to make repairs before we list?',
    'who handles the inspection?',
    'are you the ones who buy houses for cash?',
    '¿hay que pintar antes de vender?',
    '¿cuánto tardaría en venderse?',
  ])('%j', (text) => {
    expect(topics(text, 'seller')).toEqual(['process']);
  });

  it('"selling and buying, what do you charge" asks the fee only', () => {
    expect(topics('selling and buying, what do you charge?')).toEqual(['fees_commission']);
  });
});

describe('a question that points back at the sentence before', () => {
  it('"… is it?" asks about what was just said', () => {
    expect(topics('heard prices are about to crash. is it true?')).toEqual(['market']);
  });

  it('a pronoun question after a known one adds no second, unknown question', () => {
    expect(topics("i never signed up for this. where'd you get my number? how did you get it")).toEqual([
      'how_got_number',
    ]);
  });
});

describe('questions that are not questions', () => {
  it.each([
    'do you people not read your own texts??',
    'did you even look at what I sent',
    'why are agents so pushy',
    'you no-showed last time, why would I trust you',
    'could go to 700 if we love it',
    'we owe the bank a lot, which is why we are selling',
    'que tenga buen día',
  ])('%j asks nothing to answer', (text) => {
    expect(topics(text, 'buyer')).toEqual([]);
  });

  it('"walk away with at least 400" states a floor, not a closing-cost question', () => {
    expect(topics('we have to walk away with at least 400', 'seller', 'price')).toEqual([]);
  });

  it('"how much would I walk away with?" does ask it', () => {
    expect(topics('how much would I walk away with after everything?', 'seller')).toEqual(['closing_costs']);
  });

  it('a figure compared with a sale nearby is no value question', () => {
    expect(
      topics('the appraiser came in way under what the neighbors got for theirs', 'seller', 'price'),
    ).toEqual([]);
  });

  it('a question inside an angry message is still answered when typed with "?"', () => {
    expect(topics('this is so annoying. why, so you can lowball me?', 'seller', 'price')).toEqual(['other']);
  });
});

describe('asked for a price, the lead checks their own figure', () => {
  it.each(['maybe 720? is that too high?', 'thinking 6.9, let me know if im dreaming'])('%j', (text) => {
    expect(topics(text, 'seller', 'price')).toEqual(['home_value']);
  });

  it('a buyer asking whether their figure still buys anything asks about prices', () => {
    expect(topics('is 550k even enough around here?', 'buyer', 'budget')).toEqual(['market']);
  });

  it('"the Zestimate says 640, is that right?" asks the value, not whether we are a scam', () => {
    expect(topics('the zestimate says 640, is that right?', 'seller', 'price')).toEqual(['home_value']);
  });

  it('the Zestimate quoted as a statement is no question', () => {
    expect(topics('zillow says 640 and that sounds about right', 'seller', 'price')).toEqual([]);
  });
});

describe('pre-approval: asked whether what they have is enough', () => {
  it('"pre-qualified, does that count?"', () => {
    expect(topics('got prequalified through my bank, does that count?', 'buyer')).toEqual([
      'preapproval_needed',
    ]);
  });

  it('looking first and the loan later', () => {
    expect(topics('can we see houses first and deal with the loan later?', 'buyer')).toEqual([
      'preapproval_needed',
    ]);
  });
});

describe('an answer to the pending question in the lead’s own words', () => {
  it.each<[string, AskedQuestion]>([
    ['one story, my knees are bad', 'needs'],
    ['when the kids finish the school year', 'timeline'],
    ['the roof is from 1995', 'condition'],
  ])('%j answers %s', (text, asked) => {
    expect(read(text, 'buyer', asked).acts).toContainEqual({ act: 'answer' });
  });

  it.each<[string, AskedQuestion]>([
    ["i'd rather not say over text", 'price'],
    ["that's personal", 'motivation'],
  ])('%j does not answer %s', (text, asked) => {
    expect(read(text, 'seller', asked).acts).not.toContainEqual({ act: 'answer' });
  });
});

describe('meeting times in the lead’s own words', () => {
  const kinds = (text: string, bot: BotKind = 'seller', lastQuestion: AskedQuestion | null = null) =>
    read(text, bot, lastQuestion)
      .acts.flatMap((act) => (act.act === 'scheduling' ? [act.kind] : []))
      .sort();

  it.each(['thursday evening works best for us', "we're free weekends", 'prefiero los martes'])(
    'a day said as what suits the lead: %j',
    (text) => {
      expect(kinds(text)).toEqual(['time_preference']);
    },
  );

  it('"after 6 works" at the offer is a preference, not a pick', () => {
    expect(kinds('after 6 works', 'seller', 'appointment')).toEqual(['time_preference']);
  });

  it('"yes, but only after my wife gets home" at the offer says when', () => {
    expect(kinds('yes but only after my wife gets home', 'seller', 'appointment')).toContain(
      'time_preference',
    );
  });

  it.each(["can't do friday, something came up", 'el jueves no puedo'])(
    'a meeting the lead cannot make is moved: %j',
    (text) => {
      expect(kinds(text, 'seller', 'appointment')).toContain('reschedule');
    },
  );

  it('"cancel it and don\'t reschedule" cancels', () => {
    expect(kinds("cancel it please and don't reschedule", 'seller', 'appointment')).toEqual(['cancel']);
  });

  it('a complaint about a meeting moved before asks for nothing', () => {
    expect(kinds('your agent cancelled on me last time, why bother', 'seller', 'appointment')).toEqual([]);
  });

  it('"not now, maybe never" away from any meeting is no time preference', () => {
    expect(kinds('not now, maybe never', 'lead', null)).toEqual([]);
  });
});
