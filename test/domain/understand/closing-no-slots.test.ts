import { describe, expect, it } from 'vitest';
import { readUtterance } from '../../../src/domain/understand/read-utterance.ts';
import type { AskedQuestion, BotKind } from '../../../src/domain/understand/types.ts';

// A "no" that takes the lead to someone else (listed with another agent, already sold, not
// interested) carries that other sale's dates and words, not a plan of the lead's with us.

const NOW = new Date('2026-12-04T18:00:00Z');
const read = (text: string, bot: BotKind = 'seller', lastQuestion: AskedQuestion | null = null) =>
  readUtterance(text, { bot, lastQuestion, now: NOW });

describe('slots beside a closing no', () => {
  it.each([
    ['we signed with another agent, it goes live next week'],
    ['we are listed with another agent until march, hit me up then'],
    ['we already sold it, closing in two weeks'],
  ])('%j states no timeline and no intent', (text) => {
    const { slots } = read(text);
    expect(slots.timeline_months).toBeUndefined();
    expect(slots.intent).toBeUndefined();
  });

  it('a "too early" still keeps its timeline', () => {
    expect(read('too early for us, maybe in a couple years').slots.timeline_months).toBe(24);
  });
});
