import { describe, expect, it } from 'vitest';
import { readObjections, readStanceActs } from '../../../src/domain/understand/objections.ts';
import type { AskedQuestion, BotKind, UtteranceContext } from '../../../src/domain/understand/types.ts';
import { OBJECTION_CASES } from './objections-cases.ts';

const ctx = (bot: BotKind = 'lead', lastQuestion: AskedQuestion | null = null): UtteranceContext => ({
  bot,
  lastQuestion,
  now: new Date('2026-12-04T18:00:00Z'),
});

describe('objections', () => {
  const heard = OBJECTION_CASES.filter((k) => k.want !== null);
  it.each(heard.map((k) => [k.text, k.want, k.bot, k.asked] as const))(
    '%j is %s (%s bot, after %s)',
    (text, want, bot, asked) => {
      expect(readObjections(text, ctx(bot, asked))).toContain(want);
    },
  );

  const ordinary = OBJECTION_CASES.filter((k) => k.want === null);
  it.each(ordinary.map((k) => [k.text, k.bot, k.asked] as const))(
    '%j objects to nothing (%s bot, after %s)',
    (text, bot, asked) => {
      expect(readObjections(text, ctx(bot, asked))).toEqual([]);
    },
  );

  it('hears the agent behind a listing as the listing for a seller, as the agent for a buyer', () => {
    expect(readObjections('signed with another brokerage yesterday', ctx('seller'))).toEqual([
      'listed_with_other',
    ]);
    expect(readObjections('we signed with another agent already', ctx('buyer'))).toEqual(['has_agent']);
  });

  it('reads escrow as bought for a buyer and sold for a seller', () => {
    expect(readObjections("we're in escrow", ctx('buyer'))).toEqual(['already_bought']);
    expect(readObjections('house is in escrow', ctx('seller'))).toEqual(['already_sold']);
  });

  it('lets a specific reason win over a polite "no thanks"', () => {
    expect(readObjections('no thanks, we already have an agent', ctx())).toEqual(['has_agent']);
    expect(readObjections('no thanks', ctx())).toEqual(['not_interested']);
    expect(readObjections('no thanks', ctx('buyer', 'needs'))).toEqual([]);
  });

  it('hears a seller who bought their next home as a reason to sell, a buyer who bought as done', () => {
    expect(readObjections('we bought a house in Riverside', ctx('buyer'))).toEqual(['already_bought']);
    expect(readObjections('we bought a house in Riverside', ctx('seller', 'motivation'))).toEqual([]);
  });

  it('hears a complaint about the texts and abuse together', () => {
    expect(readObjections('quit spamming me, you people are scammers', ctx()).sort()).toEqual([
      'hostile',
      'stop_texting',
    ]);
  });

  it('does not take a search for a house as browsing', () => {
    expect(readObjections('just looking for something with a big yard', ctx('buyer'))).toEqual([]);
    expect(readObjections('just looking for now', ctx('buyer'))).toEqual(['just_looking']);
  });

  it('takes a wait of two years as too early but one year as a timeline', () => {
    expect(readObjections('2 yrs', ctx('seller', 'timeline'))).toEqual(['too_early']);
    expect(readObjections('in about a year', ctx('seller', 'timeline'))).toEqual([]);
  });

  it('mends one-letter typos in the words it keys on', () => {
    expect(readObjections('alredy have a realtr', ctx())).toEqual(['has_agent']);
    expect(readObjections('not intrested', ctx())).toEqual(['not_interested']);
    expect(readObjections('wrong numbr', ctx())).toEqual(['wrong_number']);
  });

  it('does not turn "not telling you" into "not selling"', () => {
    expect(readObjections('not telling you my price yet', ctx('seller', 'price'))).toEqual([]);
  });
});

describe('readStanceActs', () => {
  it('returns the objection with the deny and the feeling of one message', () => {
    const read = readStanceActs('nope. stop texting me, this is harassment', ctx());
    expect(read.acts).toEqual(
      expect.arrayContaining([
        { act: 'deny' },
        { act: 'objection', type: 'stop_texting' },
        { act: 'objection', type: 'hostile' },
        { act: 'feeling', kind: 'anger' },
      ]),
    );
  });

  it('says "other" only when the message is nothing but noise', () => {
    expect(readStanceActs('thank you!!', ctx()).acts).toEqual([{ act: 'other' }]);
    expect(readStanceActs('thanks, we already sold it', ctx('seller')).acts).toEqual([
      { act: 'objection', type: 'already_sold' },
    ]);
    expect(readStanceActs('3 beds 2 baths', ctx('buyer', 'needs')).acts).toEqual([]);
  });
});
