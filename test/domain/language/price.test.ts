import { describe, expect, it } from 'vitest';
import { detectPriceAnchoring, extractPriceExpectation } from '../../../src/domain/language/index.ts';

describe('extractPriceExpectation', () => {
  it.each([
    ['hoping for 750', 750_000],
    ["I'd want at least 650k", 650_000],
    ['make me happy at 800', 800_000],
    ['around 650 thousand', 650_000],
    ['$1.2m', 1_200_000],
    ['probably 725k or so', 725_000],
    ['we owe 400k and want 650k', 650_000],
    ['we paid 300k in 2010, hoping to get 700-750', 700_000],
    ['my neighbor got 800k so I want 850', 850_000],
    ['between 700 and 750', 700_000],
    ['quiero 700 mil', 700_000],
    ['la vendería por 700', 700_000],
    ['la vendo en 650', 650_000],
    ['esperamos unos 650 mil', 650_000],
    ['un millón estaría bien', 1_000_000],
    ['moving to Texas, hoping for 725k, house is move-in ready', 725_000],
  ])('%j → %d', (text, price) => {
    expect(extractPriceExpectation(text)).toBe(price);
  });

  it.each([
    ['my neighbor got 800k'],
    ['the house down the street sold for 900'],
    ['we owe about 400k on it'],
    ['3 beds 2 baths'],
    ['not sure what it is worth'],
    ['750'],
  ])('%j gives no price of their own', (text) => {
    expect(extractPriceExpectation(text)).toBeNull();
  });

  it('takes a bare number when the bot just asked the price', () => {
    expect(extractPriceExpectation('750', { justAsked: true })).toBe(750_000);
  });

  it.each([
    ['seven fifty', 750_000],
    ['like 7 hundred', 700_000],
    ['a million three', 1_300_000],
    ['7.5', 750_000],
    ['1.3', 1_300_000],
    ['maybe 7', 700_000],
    ['half a mil', 500_000],
    ['a mil', 1_000_000],
    ['7 to 8 hundred k', 700_000],
  ])('reads the answer %j as %d', (text, price) => {
    expect(extractPriceExpectation(text, { justAsked: true })).toBe(price);
  });
});

describe('detectPriceAnchoring', () => {
  it.each([
    ['my neighbor got 800k', true],
    ['the house down the street sold for 900', true],
    ['Zillow says 850k', true],
    ['houses around here go for 900k', true],
    ['my neighbor sold for 780 last month so I want the same', true],
    ['el vecino vendió en 800 mil', true],
    ['hoping for 750', false],
    ['my neighbor is nice', false],
    ['I want 800k', false],
  ])('%j → %s', (text, anchoring) => {
    expect(detectPriceAnchoring(text)).toBe(anchoring);
  });
});
