import { describe, expect, it } from 'vitest';
import { extractAreas } from '../../../src/domain/language/areas.ts';
import { extractMustHaves } from '../../../src/domain/language/must-haves.ts';
import { extractTimeline } from '../../../src/domain/language/timeline.ts';
import { readMoneySlots } from '../../../src/domain/understand/money-slots.ts';
import { readStanceActs } from '../../../src/domain/understand/objections.ts';
import { readOtherSlots } from '../../../src/domain/understand/other-slots.ts';
import { readQuestionActs } from '../../../src/domain/understand/questions.ts';
import { readTimelineMonths } from '../../../src/domain/understand/timeline-slot.ts';
import type { UtteranceContext } from '../../../src/domain/understand/types.ts';

// The readers remember their last few answers, because a turn reads the same message several
// times. A remembered answer must never leak: another question pending, another bot, another
// day or another list of place names reads the message afresh, and a caller that changes what it
// was given does not change what the next caller gets.

const ctx = (over: Partial<UtteranceContext> = {}): UtteranceContext => ({
  bot: 'seller',
  lastQuestion: null,
  now: new Date('2026-12-04T18:00:00Z'),
  ...over,
});

describe('readers that remember', () => {
  it('read a bare figure by the question pending, even right after reading it under another', () => {
    expect(readOtherSlots('3', ctx({ bot: 'buyer', lastQuestion: 'needs' })).bedrooms).toBe(3);
    expect(readOtherSlots('3', ctx({ bot: 'buyer', lastQuestion: null })).bedrooms).toBeUndefined();
    expect(readOtherSlots('3', ctx({ bot: 'buyer', lastQuestion: 'needs' })).bedrooms).toBe(3);
    expect(readMoneySlots('650', ctx({ lastQuestion: 'price' }))).toEqual({ price: 650_000 });
    expect(readMoneySlots('650', ctx({ lastQuestion: null }))).toEqual({});
  });

  it('count months from the day each message arrived', () => {
    const text = 'we want to move in march';
    expect(readTimelineMonths(text, ctx({ now: new Date('2026-12-04T18:00:00Z') }))).toBe(3);
    expect(readTimelineMonths(text, ctx({ now: new Date('2027-01-10T18:00:00Z') }))).toBe(2);
  });

  it('read a place by the realtor’s own list', () => {
    const text = 'something in the Wood Streets';
    expect(readOtherSlots(text, ctx({ bot: 'buyer', lastQuestion: 'area' })).area).toBeUndefined();
    expect(
      readOtherSlots(text, ctx({ bot: 'buyer', lastQuestion: 'area', neighborhoods: ['Wood Streets'] })).area,
    ).toBe('Wood Streets');
    expect(extractAreas('near Wood Streets', ['Wood Streets'])).toEqual(['Wood Streets']);
    expect(extractAreas('near Wood Streets', ['Upland'])).toEqual([]);
  });

  it('hand every caller its own answer', () => {
    const message = 'are you a bot? we already have an agent, 3 beds with a pool in Upland by march';
    const first = readQuestionActs(message, ctx());
    first.push({ act: 'other' });
    expect(readQuestionActs(message, ctx())).not.toContainEqual({ act: 'other' });

    const stance = readStanceActs(message, ctx());
    stance.acts.length = 0;
    expect(readStanceActs(message, ctx()).acts).toContainEqual({ act: 'objection', type: 'has_agent' });

    const slots = readOtherSlots(message, ctx({ bot: 'buyer' }));
    slots.area = 'Fontana';
    expect(readOtherSlots(message, ctx({ bot: 'buyer' })).area).toBe('Upland');

    const areas = extractAreas(message);
    areas.push('Fontana');
    expect(extractAreas(message)).toEqual(['Upland']);

    const wishes = extractMustHaves(message);
    wishes.length = 0;
    expect(extractMustHaves(message)).toContain('pool');

    const timeline = extractTimeline(message);
    timeline.month = 7;
    expect(extractTimeline(message).month).toBe(3);
  });
});
