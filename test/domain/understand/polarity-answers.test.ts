import { describe, expect, it } from 'vitest';
import { readPolarity } from '../../../src/domain/understand/polarity.ts';
import type { AskedQuestion, BotKind } from '../../../src/domain/understand/types.ts';

// The yes or no a lead gives to a yes/no question, in the ways people actually say it.

const NOW = new Date('2026-12-04T18:00:00Z');
const said = (text: string, lastQuestion: AskedQuestion | null, bot: BotKind = 'seller') =>
  readPolarity(text, { bot, lastQuestion, now: NOW })?.yes_no;

describe('a yes or no to a meeting offer', () => {
  it.each([
    ['friday works, but only after 5', 'yes'],
    ['el domingo is good, en la mañana', 'yes'],
    ['come by anytime, we are home all day', 'yes'],
    ['fine but you better actually show up this time', 'yes'],
    ['not this weekend, too much going on', 'no'],
    ['ahora no, gracias', 'no'],
    ['last agent was an hour late, not doing that again', 'no'],
    ['you canceled on me twice, why would i book again', 'no'],
  ])('%j → %s', (text, answer) => {
    expect(said(text, 'appointment')).toBe(answer);
  });

  it('a time on its own, a question back or a day that does not work is no yes', () => {
    expect(said('after 5 works', 'appointment')).toBeUndefined();
    expect(said('can you stop by after 6?', 'appointment')).toBeUndefined();
    expect(said('monday doesnt work, can we do tuesday', 'appointment')).toBeUndefined();
  });
});

describe('a yes or no to "are you pre-approved?"', () => {
  it.each([
    ['the lender has been slow for weeks, so no not yet', 'no'],
    ['ugh you asked me this already. yes. approved.', 'yes'],
    ['ya, con wells fargo', 'yes'],
  ])('%j → %s', (text, answer) => {
    expect(said(text, 'preapproval', 'buyer')).toBe(answer);
  });
});

describe('"would 30 to 45 days work?"', () => {
  it('a yes takes the window; a "not yet" answers when, so it denies without a yes_no value', () => {
    expect(said('yes that works', 'timeline')).toBe('yes');
    expect(said('nah not yet, maybe in a couple years', 'timeline')).toBeUndefined();
    expect(readPolarity('nah not yet', { bot: 'seller', lastQuestion: 'timeline', now: NOW })?.act).toBe(
      'deny',
    );
  });
});
