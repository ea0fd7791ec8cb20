import { describe, expect, it } from 'vitest';
import { readFeelings } from '../../../src/domain/understand/feelings.ts';
import { readObjections } from '../../../src/domain/understand/objections.ts';
import type {
  AskedQuestion,
  BotKind,
  FeelingKind,
  ObjectionType,
  UtteranceContext,
} from '../../../src/domain/understand/types.ts';

// "No"s and feelings worded in ways the phrase lists did not spell out one by one: each case is
// read by a word family (a portal, a contract state, a complaint about when we write).

const ctx = (bot: BotKind = 'lead', lastQuestion: AskedQuestion | null = null): UtteranceContext => ({
  bot,
  lastQuestion,
  now: new Date('2026-12-04T18:00:00Z'),
});

describe('objections by word family', () => {
  it.each<[string, ObjectionType, BotKind]>([
    ['we put it on craigslist ourselves', 'listed_with_other', 'seller'],
    ['gonna sell it privately to my neighbor', 'listed_with_other', 'seller'],
    ['we decided to go with offerpad', 'listed_with_other', 'seller'],
    ['we have it listed already', 'listed_with_other', 'seller'],
    ['we signed with a realtor on monday', 'listed_with_other', 'seller'],
    ['our listing agent is handling it', 'listed_with_other', 'seller'],
    ['for sale by owner, no agents please', 'listed_with_other', 'seller'],
    ['firmamos con otra compañía', 'listed_with_other', 'seller'],
    ['its already pending', 'already_sold', 'seller'],
    ['we closed on friday!', 'already_bought', 'buyer'],
    ['still in escrow, fingers crossed', 'already_bought', 'buyer'],
    ['we already found something, thanks', 'already_bought', 'buyer'],
    ['just scrolling redfin tbh', 'just_looking', 'buyer'],
    ['only doing some research right now', 'just_looking', 'buyer'],
    ["i'm not the owner, we rent this place", 'wrong_number', 'seller'],
    ['no soy el dueño, solo rento', 'wrong_number', 'seller'],
    ['my phone has been blowing up since I filled that out', 'stop_texting', 'lead'],
    ['every single day a new text from you guys', 'stop_texting', 'lead'],
    ['me escriben a cada rato, ya', 'stop_texting', 'lead'],
    ['not today, probably never', 'not_interested', 'lead'],
  ])('%j → %s', (text, type, bot) => {
    expect(readObjections(text, ctx(bot))).toContain(type);
  });

  it.each<[string, ObjectionType, BotKind]>([
    ['no, we already have an agent', 'has_agent', 'buyer'],
    ['nope, we listed it last week', 'listed_with_other', 'seller'],
    ['no thanks, we bought already', 'already_bought', 'buyer'],
  ])('a "no" that opens the reply does not cancel what follows: %j', (text, type, bot) => {
    expect(readObjections(text, ctx(bot))).toContain(type);
  });

  it.each<[string, BotKind]>([
    ["we don't have an agent yet", 'buyer'],
    ['no tenemos agente', 'buyer'],
  ])('a real negation still counts: %j has no agent', (text, bot) => {
    expect(readObjections(text, ctx(bot))).not.toContain('has_agent');
  });

  it('"just curious what it would sell for" is a question, not a brush-off', () => {
    expect(readObjections('just curious what it would sell for', ctx('seller'))).not.toContain(
      'just_looking',
    );
  });

  it('"not buying anytime soon" is not a flat no', () => {
    expect(readObjections('only curious, not buying anytime soon', ctx('buyer'))).not.toContain(
      'not_interested',
    );
  });

  it.each<[string, ObjectionType]>([
    ['thanks but not selling', 'not_interested'],
    ['not selling anymore, thanks', 'not_selling_anymore'],
  ])('a bare "not selling" is a plain no, a dropped plan is not: %j', (text, type) => {
    expect(readObjections(text, ctx('seller'))).toEqual([type]);
  });

  it('"do NOT send me another offer" is an order, not a question', () => {
    expect(readObjections('do not send me another cash offer please', ctx('seller'))).toContain(
      'not_interested',
    );
  });

  it('"just curious what\'s out there" is browsing', () => {
    expect(readObjections("just curious what's out there", ctx('buyer'))).toContain('just_looking');
  });

  it('a renter who just moved in gives no timing', () => {
    expect(readObjections("this isn't our house, we just moved in and rent", ctx('seller'))).toEqual([
      'wrong_number',
    ]);
  });
});

describe('feelings by word family', () => {
  it.each<[string, FeelingKind]>([
    ["honestly i'm fuming", 'anger'],
    ['so over it with these calls', 'anger'],
    ['the inspector was an hour late and did NOTHING useful', 'anger'],
    ['the buyers BACKED out again', 'anger'],
    ['this is the 4th company texting me today', 'anger'],
    ['seriously? again?', 'anger'],
    ['qué fastidio con ustedes', 'anger'],
    ["i'm scared we won't find anything", 'stress'],
    ['we are at the end of our rope', 'stress'],
    ['my dad is in the hospital', 'stress'],
    ['our offer got accepted!', 'excitement'],
    ['qué falta de respeto', 'anger'],
    ['the last agent showed up 40 minutes late', 'anger'],
    ['did you even read what I wrote', 'anger'],
    ['this is stressing me out', 'stress'],
  ])('%j → %s', (text, kind) => {
    expect(readFeelings(text, ctx())).toContain(kind);
  });

  it.each(['approved with FHA through UWM', 'my husband is military, we PCS in june'])(
    'abbreviations in capitals are not shouting: %j',
    (text) => {
      expect(readFeelings(text, ctx('buyer'))).not.toContain('anger');
    },
  );

  it('"forgive me if I\'m not excited" is no excitement', () => {
    expect(readFeelings("so forgive me if i'm not excited", ctx())).not.toContain('excitement');
  });

  it('"for 3 weeks" is how long something took, not a hurry', () => {
    expect(readFeelings('the lender has been slow for 3 weeks', ctx('buyer'))).not.toContain('urgency');
  });

  it('"what would YOU list it at?" stresses a word without anger', () => {
    expect(readFeelings('what would YOU list it at?', ctx('seller', 'price'))).not.toContain('anger');
  });

  it('"a 3rd text this week" is a complaint, not a hurry', () => {
    expect(readFeelings('3rd text this week', ctx())).not.toContain('urgency');
  });
});
