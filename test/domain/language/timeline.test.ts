import { describe, expect, it } from 'vitest';
import {
  extractTimeline,
  extractTimelineAcceptance,
  resolveTimeline,
} from '../../../src/domain/language/index.ts';

describe('extractTimeline', () => {
  it.each([
    ['asap', { urgency: 'asap', horizon: 'within_30' }],
    ['ASAP!!', { urgency: 'asap', horizon: 'within_30' }],
    ['right away', { urgency: 'asap', horizon: 'within_30' }],
    ['as soon as possible', { urgency: 'asap', horizon: 'within_30' }],
    ['the sooner the better', { urgency: 'asap', horizon: 'within_30' }],
    ['next month', { months: 1, horizon: 'within_30' }],
    ['in 2 months', { months: 2, horizon: 'within_90' }],
    ['two months', { months: 2, horizon: 'within_90' }],
    ['a couple months', { months: 2, horizon: 'within_90' }],
    ['in a few weeks', { days: 21, horizon: 'within_30' }],
    ['moving in 2 weeks', { days: 14, horizon: 'within_30' }],
    // A range counts from its earliest end (eval/corpus/README.md, Timelines).
    ['30-45 days', { days: 30, horizon: 'within_30' }],
    ['3-6 months', { months: 3, horizon: 'within_90' }],
    ['within a month', { months: 1, horizon: 'within_30' }],
    ['a year or two', { months: 12, horizon: 'within_year', urgency: 'later' }],
    ['in 2 years', { months: 24, horizon: 'over_year', urgency: 'later' }],
    ['just looking', { horizon: 'just_looking', urgency: 'later' }],
    ['just browsing for now', { horizon: 'just_looking', urgency: 'later' }],
    ['soon', { urgency: 'soon', horizon: 'within_90' }],
    ['lo antes posible', { urgency: 'asap', horizon: 'within_30' }],
    ['cuanto antes', { urgency: 'asap', horizon: 'within_30' }],
    ['en 2 meses', { months: 2, horizon: 'within_90' }],
    ['en un mes', { months: 1, horizon: 'within_30' }],
    ['dentro de tres meses', { months: 3, horizon: 'within_90' }],
    ['el mes que viene', { months: 1, horizon: 'within_30' }],
    ['solo estoy viendo', { horizon: 'just_looking', urgency: 'later' }],
    ['en unas semanas', { days: 21, horizon: 'within_30' }],
  ])('%j → %j', (text, timeline) => {
    expect(extractTimeline(text)).toEqual(timeline);
  });

  it.each([
    ['no rush', { urgency: 'later', horizon: null }],
    ['not anytime soon', { urgency: 'later', horizon: null }],
    ['sin prisa', { urgency: 'later', horizon: null }],
    ['this summer', { season: 'summer', horizon: null }],
    ['en verano', { season: 'summer', horizon: null }],
    ['we want to be in by August', { month: 8, endOfMonth: true, horizon: null }],
    ['antes de agosto', { month: 8, horizon: null }],
    ['by the end of march', { month: 3, endOfMonth: true, horizon: null }],
    ['by the end of the year', { month: 1, horizon: null }],
    ['closing jan 15', { month: 1, day: 15, horizon: null }],
    ['march of next year', { month: 3, nextYear: true, horizon: null }],
  ])('%j is not datable on its own: %j', (text, timeline) => {
    expect(extractTimeline(text)).toEqual(timeline);
  });

  // A year with no month is no number of months for the corpus slot, but scoring reads it as a year.
  it.each([['next year'], ['el próximo año'], ['el otro año']])('%j is scored as a year out', (text) => {
    expect(extractTimeline(text)).toEqual({ months: 12, horizon: 'within_year', urgency: 'later' });
  });

  it.each([
    ['3 beds 2 baths'],
    ['we pay 3k a month'],
    ['we have been renting for 4 years'],
    ['I stopped by the house today'],
    ['can we meet tomorrow'],
    ['we have been looking for 2 months'],
    ['we are 3 months behind on payments'],
    ['30 year fixed'],
    ['lived here 20 years'],
    ['bought it 5 years ago'],
    ['hola'],
    ['I march to my own drum'],
    ['we may sell'],
  ])('%j has no timeline', (text) => {
    expect(extractTimeline(text)).toEqual({ horizon: null });
  });
});

describe('resolveTimeline', () => {
  const december = new Date('2026-12-04T18:00:00Z');
  const june = new Date('2026-06-15T18:00:00Z');
  const months = (text: string, now: Date) => resolveTimeline(extractTimeline(text), now).months;

  it('places seasons at their first full month, counted from today', () => {
    expect(months('next spring', december)).toBe(4);
    expect(months('next spring', june)).toBe(10);
    expect(months('this summer', december)).toBe(7);
    expect(months('en el otoño', december)).toBe(10);
    expect(months('before summer', december)).toBe(6);
  });

  it('places named months by calendar difference', () => {
    expect(months('by march', december)).toBe(3);
    expect(months('by march', june)).toBe(9);
    expect(months('in december', december)).toBe(12);
    expect(months('before christmas', december)).toBe(0);
    expect(months('after the holidays', december)).toBe(1);
  });

  it('keeps the earlier of a stated length and a named date', () => {
    expect(months('2 months, maybe by march', december)).toBe(2);
    expect(resolveTimeline(extractTimeline('asap, by march at the latest'), december)).toMatchObject({
      urgency: 'asap',
      horizon: 'within_30',
    });
  });

  it('gives a horizon to what it resolves', () => {
    expect(resolveTimeline(extractTimeline('in the spring'), december)).toEqual({
      season: 'spring',
      months: 4,
      horizon: 'within_year',
      urgency: 'later',
    });
    expect(resolveTimeline(extractTimeline('january'), december)).toEqual({
      month: 1,
      months: 1,
      horizon: 'within_30',
    });
  });
});

describe('extractTimelineAcceptance (would selling within 30-45 days work?)', () => {
  it.each([
    ['yes'],
    ['Yes!'],
    ['yeah'],
    ['yep'],
    ['sure'],
    ['ok'],
    ['that works'],
    ['that works for us'],
    ['absolutely'],
    ['definitely'],
    ['of course'],
    ['sounds good'],
    ['no problem'],
    ['the sooner the better'],
    ['asap'],
    ['we can do that'],
    ['1 month'],
    ['within a month'],
    ['in 2 weeks'],
    ['30 days is fine'],
    ['sí'],
    ['si'],
    ['claro'],
    ['Sí, claro'],
    ['está bien'],
    ['de acuerdo'],
    ['lo antes posible'],
    ['en un mes'],
  ])('%j accepts', (text) => {
    expect(extractTimelineAcceptance(text)).toBe('yes');
  });

  it.each([
    ['no'],
    ['nope'],
    ['nah'],
    ['too soon'],
    ['thats too fast'],
    ['not that fast'],
    ['I need at least 3 months'],
    ['2 months'],
    ['6 months'],
    ['more like 3-4 months'],
    ['next year'],
    ['yes but I need 3 months'],
    ['we cant move that fast'],
    ['need more time'],
    ['no, necesito más tiempo'],
    ['muy pronto'],
    ['en 3 meses'],
    ['no tan rápido'],
  ])('%j declines', (text) => {
    expect(extractTimelineAcceptance(text)).toBe('no');
  });

  it.each([['not sure'], ['maybe'], ['idk'], ['no se'], ['hmm'], ['what do you mean?']])(
    '%j is no answer',
    (text) => {
      expect(extractTimelineAcceptance(text)).toBeNull();
    },
  );

  it('ignores a bare yes/no when the question was not just asked', () => {
    expect(extractTimelineAcceptance('yes', { justAsked: false })).toBeNull();
    expect(extractTimelineAcceptance('no', { justAsked: false })).toBeNull();
    expect(extractTimelineAcceptance('moving to Texas, need to sell asap', { justAsked: false })).toBe('yes');
    expect(extractTimelineAcceptance('we need about 6 months', { justAsked: false })).toBe('no');
  });
});
