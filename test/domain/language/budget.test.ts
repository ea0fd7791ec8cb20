import { describe, expect, it } from 'vitest';
import { extractBudget } from '../../../src/domain/language/index.ts';

describe('extractBudget', () => {
  it.each([
    ['450k', { max: 450_000 }],
    ['around 450k', { max: 450_000 }],
    ['our budget is 600k', { max: 600_000 }],
    ['under 400k', { max: 400_000 }],
    ['no more than 500k', { max: 500_000 }],
    ['not over 450k', { max: 450_000 }],
    ['nothing over 450k', { max: 450_000 }],
    ['max 500', { max: 500_000 }],
    ['500k tops', { max: 500_000 }],
    ['500k max', { max: 500_000 }],
    ['up to $650,000', { max: 650_000 }],
    ['less than 700', { max: 700_000 }],
    ['at least 400k', { min: 400_000 }],
    ['over 400', { min: 400_000 }],
    ['400k+', { min: 400_000 }],
    ['400k or more', { min: 400_000 }],
    ['between 400 and 500', { min: 400_000, max: 500_000 }],
    ['400-500k', { min: 400_000, max: 500_000 }],
    ['400k to 500k', { min: 400_000, max: 500_000 }],
    ['somewhere from 500 to 600k', { min: 500_000, max: 600_000 }],
    ['$1.2m', { max: 1_200_000 }],
    ['1-1.2m', { min: 1_000_000, max: 1_200_000 }],
    ['budget is 1.2 million', { max: 1_200_000 }],
    ['at least 400k but no more than 550k', { min: 400_000, max: 550_000 }],
    ['pre-approved for 600k, want to stay around 550k', { max: 550_000 }],
    ['50k down, looking around 500k', { max: 500_000 }],
    ['we have about 100k for a down payment and want to stay under 700', { max: 700_000 }],
    ['3 beds 2 baths in etiwanda under 600', { max: 600_000 }],
    ['entre 400 y 500 mil', { min: 400_000, max: 500_000 }],
    ['de 400 a 500 mil', { min: 400_000, max: 500_000 }],
    ['hasta 500 mil', { max: 500_000 }],
    ['más de 400 mil', { min: 400_000 }],
    ['presupuesto de 550 mil', { max: 550_000 }],
    ['tenemos como 600 mil', { max: 600_000 }],
  ])('%j → %j', (text, budget) => {
    expect(extractBudget(text)).toEqual(budget);
  });

  it.each([
    ['3 beds 2 baths'],
    ['moving in 2 months'],
    ['rent is $3000 a month'],
    ['we make 150k a year'],
    ['hi'],
    ['I want 4 bedrooms'],
    ['not sure yet'],
  ])('%j states no budget', (text) => {
    expect(extractBudget(text)).toEqual({});
  });

  it.each([
    ['4 to 5 hundred k', { min: 400_000, max: 500_000 }],
    ['five fifty', { max: 550_000 }],
    ['like 5 hundred', { max: 500_000 }],
    ['5.5', { max: 550_000 }],
    ['a million two', { max: 1_200_000 }],
    ['under a mil', { max: 1_000_000 }],
    ['we pay 3k a month', {}],
  ])('reads the answer %j as %j', (text, budget) => {
    expect(extractBudget(text, { justAsked: true })).toEqual(budget);
  });

  it('reads a bare answer to the budget question as thousands', () => {
    expect(extractBudget('550', { justAsked: true })).toEqual({ max: 550_000 });
    expect(extractBudget('450 to 500', { justAsked: true })).toEqual({ min: 450_000, max: 500_000 });
  });
});
