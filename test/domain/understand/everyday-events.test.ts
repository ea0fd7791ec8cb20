import { describe, expect, it } from 'vitest';
import { readKeywords } from '../../../src/domain/compliance/keywords.ts';
import { readUtterance } from '../../../src/domain/understand/read-utterance.ts';
import type { Act, AskedQuestion, BotKind } from '../../../src/domain/understand/types.ts';

// A "no", a question or a date said through what happened or what the lead wants, not through
// the keyword: keys picked up, texts arriving at 6 am, "need it sold by March". Written in our own
// words, not copied from the corpus.

const NOW = new Date('2026-12-04T18:00:00Z');
const read = (text: string, bot: BotKind = 'lead', lastQuestion: AskedQuestion | null = null) =>
  readUtterance(text, { bot, lastQuestion, now: NOW });
const labels = (acts: readonly Act[]) =>
  acts.map((a) =>
    a.act === 'question' ? `question:${a.topic}` : a.act === 'objection' ? `objection:${a.type}` : a.act,
  );

describe('objections said through events', () => {
  it.each<[string, BotKind, string]>([
    ['picked up the keys yesterday, thanks anyway', 'buyer', 'objection:already_bought'],
    ['our offer on the condo by the park was accepted!', 'buyer', 'objection:already_bought'],
    ['we went with a new construction place in Ontario', 'lead', 'objection:already_bought'],
    ['ya nos aceptaron la oferta, gracias', 'buyer', 'objection:already_bought'],
    ['honestly just being nosy', 'lead', 'objection:just_looking'],
    ['a little early for us, maybe down the line', 'buyer', 'objection:too_early'],
    ['four texts today is too much', 'seller', 'objection:stop_texting'],
    ['can you just text once a month', 'seller', 'objection:stop_texting'],
    ['this was my dads phone, he moved to Texas', 'seller', 'objection:wrong_number'],
    ['my cousin just got her real estate license so we are using her', 'buyer', 'objection:has_agent'],
  ])('"%s" (%s) is %s', (text, bot, label) => {
    expect(labels(read(text, bot).acts)).toContain(label);
  });

  it('does not take a driving licence or a wish to sell for a no', () => {
    expect(labels(read('my son just got his license lol', 'seller').acts)).not.toContain(
      'objection:has_agent',
    );
    expect(labels(read('we need it sold by March', 'seller', 'timeline').acts)).not.toContain(
      'objection:already_sold',
    );
  });
});

describe('what the lead wants done is a date, not a past sale', () => {
  it.each<[string, number]>([
    ['need it sold by the end of February', 2],
    ['we would like it listed by spring', 4],
  ])('"%s" is %i months out', (text, months) => {
    expect(read(text, 'seller', 'timeline').slots.timeline_months).toBe(months);
  });
});

describe('questions said through what the lead is after', () => {
  it.each<[string, BotKind, AskedQuestion | null, string]>([
    ['did the place on Maple get any offers yet', 'buyer', null, 'question:listing_status'],
    ['how did you track me down', 'lead', null, 'question:how_got_number'],
    ['what is the name of your brokerage', 'lead', null, 'question:identity'],
    ['do we need to talk to a bank first?', 'buyer', 'preapproval', 'question:preapproval_needed'],
    ['can we tour homes before getting a lender?', 'buyer', null, 'question:preapproval_needed'],
    ['so where do we even start', 'seller', null, 'question:process'],
    ['who pays for escrow here?', 'seller', null, 'question:closing_costs'],
  ])('"%s" asks %s', (text, bot, lastQuestion, label) => {
    expect(labels(read(text, bot, lastQuestion).acts)).toContain(label);
  });
});

describe('carrier keywords in plain words', () => {
  it.each<[string, string[]]>([
    ['HELP. got some text from this number, what is it for', ['HELP']],
    ['ayuda, no entiendo quién me escribe esto', ['HELP']],
    ['wrong person, please remove me', ['STOP']],
    ['cut it out', ['STOP']],
    ['help me figure out the price', []],
  ])('"%s" reads %j', (text, kinds) => {
    expect(readKeywords(text)).toEqual(kinds);
  });
});
