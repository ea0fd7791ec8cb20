import { describe, expect, it } from 'vitest';
import { readTimelineMonths } from '../../../src/domain/understand/timeline-slot.ts';
import type { AskedQuestion, UtteranceContext } from '../../../src/domain/understand/types.ts';

const DECEMBER = new Date('2026-12-04T18:00:00Z');
const JUNE = new Date('2026-06-15T18:00:00Z');

const ctx = (lastQuestion: AskedQuestion | null, now = DECEMBER): UtteranceContext => ({
  bot: 'seller',
  lastQuestion,
  now,
});
const afterWhen = (text: string, now = DECEMBER) => readTimelineMonths(text, ctx('timeline', now));
const unprompted = (text: string, now = DECEMBER) => readTimelineMonths(text, ctx(null, now));

describe('readTimelineMonths, said on 4 December 2026', () => {
  it.each([
    ['ASAP please', 0],
    ['we would like to be gone this week', 0],
    ['need to sell quick, job starts in the new year', 0],
    ['like yesterday honestly', 0],
    ['before xmas if we can', 0],
    ['hopefully by the end of this month', 1],
    ['right after new years', 1],
    ['sometime in january', 1],
    ['within 30 days', 1],
    ['30 to 60 days', 1],
    ['2 or 3 months', 2],
    ['a couple of months', 2],
    ['february probably', 2],
    ['a few months out', 3],
    ['about 90 days', 3],
    ['by mid-march', 3],
    ['early spring', 4],
    ['after we do our taxes', 4],
    ['either april or may', 4],
    ['5 months', 5],
    ['before summer', 6],
    ['next summer', 7],
    ['before the kids go back to school', 8],
    ['in the fall', 10],
    ['1 year', 12],
    ['the end of next year', 12],
    ['december 2027', 12],
    ['a year and a half or so', 18],
    ['a couple years', 24],
    ['six months to a year', 6],
    ['closing on our new place jan 20 so before then', 1],
    ['our escrow closes on the 18th', 0],
    ['early 2027', 1],
    ['6ish months', 6],
    ['march-ish', 3],
    ['springtime', 4],
    ['springish', 4],
    ['summer-ish maybe', 7],
    ['before the 4th of july', 7],
    ['we want to move before our lease expires in june', 6],
    ['we close on the new place the 20th so right after that', 0],
    ['once the baby comes in march', 3],
    ['end of q1', 3],
    ['a couple months, give or take', 2],
    ['para cuando termine el año escolar', 6],
    ['after the holidays, not dealing with it before christmas', 1],
    ['the auction date is the 20th', 0],
  ])('%j → %i', (text, months) => {
    expect(afterWhen(text)).toBe(months);
  });

  it.each([
    ["we're having twins in may so we need to move FAST", 5],
    ['twins coming in may... need to move FAST', 5],
    ['getting married in june, need to buy fast', 6],
    ['baby due in march, need to sell quick', 3],
    ['need to move fast', 0],
  ])('a birth or a wedding is the deadline the hurry is for: %j → %i', (text, months) => {
    expect(unprompted(text)).toBe(months);
  });

  it.each([
    ["we're thinking fall, need more room for the kids", 10],
    ['hoping fall', 10],
    ['maybe fall', 10],
  ])('"fall" after a word of planning is the season: %j → %i', (text, months) => {
    expect(readTimelineMonths(text, ctx('motivation'))).toBe(months);
  });

  it('does not read the verb "fall" as autumn', () => {
    expect(unprompted('I might fall behind on payments')).toBeUndefined();
  });

  it.each([
    ['no rush'],
    ['whenever the market is right'],
    ['soon I hope'],
    ['sometime next year'],
    ['maybe 2028'],
    ['when our lease runs out'],
    ['when rates come down'],
  ])('%j states no date', (text) => {
    expect(afterWhen(text)).toBeUndefined();
  });

  it('reads Spanish the same way', () => {
    expect(afterWhen('lo más pronto que se pueda')).toBe(0);
    expect(afterWhen('la semana que viene')).toBe(0);
    expect(afterWhen('para fin de mes')).toBe(1);
    expect(afterWhen('para fin de año')).toBe(1);
    expect(afterWhen('en enero')).toBe(1);
    expect(afterWhen('en un par de meses')).toBe(2);
    expect(afterWhen('a finales de marzo')).toBe(3);
    expect(afterWhen('en unos cuantos meses')).toBe(3);
    expect(afterWhen('para la primavera')).toBe(4);
    expect(afterWhen('antes del verano')).toBe(6);
    expect(afterWhen('en el verano')).toBe(7);
    expect(afterWhen('en ocho meses')).toBe(8);
    expect(afterWhen('dentro de un año')).toBe(12);
    expect(afterWhen('el otro año')).toBeUndefined();
    expect(afterWhen('no hay prisa')).toBeUndefined();
    expect(afterWhen('para fines de este mes')).toBe(1);
    expect(afterWhen('en unos dos mesecitos')).toBe(2);
    expect(afterWhen('ay ya, le dije que para mayo')).toBe(5);
  });
});

describe('the same words said in June', () => {
  it.each([
    ['next spring', 4, 10],
    ['this summer', 7, 1],
    ['next winter', 1, 7],
    ['in march', 3, 9],
    ['january', 1, 7],
    ['before christmas', 0, 6],
    ['after the holidays', 1, 7],
    ['by the end of the year', 1, 7],
    ['in 3 months', 3, 3],
  ])('%j is %i months in December and %i in June', (text, december, june) => {
    expect(afterWhen(text, DECEMBER)).toBe(december);
    expect(afterWhen(text, JUNE)).toBe(june);
  });

  it('Easter falls where the calendar puts it: late March 2027, mid April 2028', () => {
    expect(afterWhen('around easter')).toBe(3);
    expect(afterWhen('around easter', new Date('2027-12-04T18:00:00Z'))).toBe(4);
  });

  it('a season already under way is now, and "next" skips to the one after', () => {
    const july = new Date('2026-07-10T18:00:00Z');
    expect(afterWhen('this summer', july)).toBe(0);
    expect(afterWhen('next summer', july)).toBe(12);
    expect(afterWhen('next summer', JUNE)).toBe(1);
  });
});

describe('what only looks like a timeline', () => {
  it.each([
    ['we have been renting this place for 4 years'],
    ['been in this house 22 years, time for a change'],
    ['my parents lived there 30 years'],
    ['llevamos 12 años en esta casa'],
    ['tenemos 6 años rentando'],
    ['we pay 3k a month right now'],
    ['our payment is about 2800 a month'],
    ['pagamos como 2 mil al mes'],
    ['we are 2 months behind on the mortgage'],
    ['the 30 year fixed is what we want'],
    ['we listed it last spring and it did not sell'],
    ['my dad passed in august'],
    ['got pre-approved in october but it probably lapsed'],
    ['the approval letter expires in feb'],
    ['can we talk again next month'],
    ['I stopped by the open house today'],
    ['not today, I am at work'],
    ['is spring a good time to sell?'],
    ['we found a house, we close next week'],
    ['I may have questions later'],
    ['homes around here sell in 2 weeks'],
    ['how long does escrow take, 30 days?'],
    ['I work 4 days a week'],
    ["I'll get back to you in a couple weeks"],
    ['see you next week!'],
    ['we are behind a few months on the mortgage'],
    ['getting married in june, so excited'],
    ['nos casamos en abril'],
    ['3rd call this week about my house'],
    ['would it be smart to list in march'],
    ['do you think rates drop by summer'],
    ['heard prices dip in the winter'],
    ['our zestimate went up 20k in a month'],
    ['my listing contract doesnt expire till april'],
    ['we got one in may but it probably lapsed'],
    ['we bought a place in Hemet already, closing next week'],
  ])('%j', (text) => {
    expect(unprompted(text)).toBeUndefined();
  });

  it('a date taken back or negated does not count; the last word wins', () => {
    expect(afterWhen('april. actually make it march')).toBe(3);
    expect(afterWhen('junio, no, mejor julio')).toBe(7);
    expect(unprompted('march not may')).toBe(3);
    expect(afterWhen('not in march, more like may')).toBe(5);
    expect(afterWhen('not until the summer')).toBe(7);
    expect(afterWhen('not for a couple of years')).toBe(24);
    expect(afterWhen("I'm not in a hurry")).toBeUndefined();
  });
});

describe('words that count only as the answer to "when?"', () => {
  it.each([['now'], ['right now'], ['today'], ['ya'], ['hoy'], ['may']])('%j', (word) => {
    expect(readTimelineMonths(word, ctx('timeline'))).toBeDefined();
    expect(readTimelineMonths(word, ctx('preapproval'))).toBeUndefined();
  });

  it('a closing "ya" after a verb means right now in any context', () => {
    expect(unprompted('nos urge, tenemos que vender ya')).toBe(0);
    expect(unprompted('ya tenemos agente')).toBeUndefined();
    expect(unprompted('para ya con los mensajes')).toBeUndefined();
  });

  it('after a meeting offer a date is a meeting time unless the lead talks about moving', () => {
    expect(readTimelineMonths('maybe after the holidays', ctx('appointment'))).toBeUndefined();
    expect(readTimelineMonths('next week works', ctx('appointment'))).toBeUndefined();
    expect(readTimelineMonths('we need to move out by march so soon', ctx('appointment'))).toBe(3);
  });

  it('an unambiguous date counts whatever was asked', () => {
    expect(readTimelineMonths('selling, we want to be out by february', ctx('buy_or_sell'))).toBe(2);
    expect(readTimelineMonths('preapproved for 600, want to buy asap', ctx(null))).toBe(0);
  });
});
