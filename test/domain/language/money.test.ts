import { describe, expect, it } from 'vitest';
import { parseMoney, parseNumberWords } from '../../../src/domain/language/index.ts';
import { replaceAmountWords } from '../../../src/domain/language/numbers-in-words.ts';

describe('parseMoney', () => {
  it.each([
    ['650k', [650_000]],
    ['650K', [650_000]],
    ['$650k', [650_000]],
    ['$1.2m', [1_200_000]],
    ['1.2M', [1_200_000]],
    ['$1.2mm', [1_200_000]],
    ['1.2 million', [1_200_000]],
    ['a million', [1_000_000]],
    ['half a million', [500_000]],
    ['one point two million', [1_200_000]],
    ['around 650 thousand', [650_000]],
    ['six hundred fifty thousand', [650_000]],
    ['hoping for 750', [750_000]],
    ['make me happy at 800', [800_000]],
    ['$650,000', [650_000]],
    ['650,000', [650_000]],
    ['650000', [650_000]],
    ['$1,250,000', [1_250_000]],
    ['about 2 mil', [2_000_000]],
    ['650 grand', [650_000]],
    ['650 mil', [650_000]],
    ['unos 650 mil dolares', [650_000]],
    ['650.000 dólares', [650_000]],
    ['un millón', [1_000_000]],
    ['1,5 millones', [1_500_000]],
    ['seiscientos cincuenta mil', [650_000]],
    ['400-500k', [400_000, 500_000]],
    ['between 400 and 500', [400_000, 500_000]],
    ['somewhere from 500 to 600k', [500_000, 600_000]],
    ['1-1.2m', [1_000_000, 1_200_000]],
    ['900-1.1m', [900_000, 1_100_000]],
    ['entre 400 y 500 mil', [400_000, 500_000]],
    ['we owe 400k and want 650k', [400_000, 650_000]],
    ['750ish', []],
    ['hoping for 1.2', [1_200_000]],
  ])('reads %j as %j', (text, amounts) => {
    expect(parseMoney(text)).toEqual(amounts);
  });

  it.each([
    ['3 beds'],
    ['3 bedrooms 2 baths'],
    ['2 months'],
    ['30-45 days'],
    ['in 2 weeks'],
    ['built in 2024'],
    ['we bought in 2015'],
    ['zip is 91730'],
    ['I live at 8765 Haven Ave, Rancho Cucamonga'],
    ['1234 Banyan St'],
    ['call me at 909-555-1234'],
    ['(909) 555-1234'],
    ['2 car garage'],
    ['1,800 sq ft'],
    ['2,100 sqft on a 7,200 lot'],
    ['20% down'],
    ['close to the 210'],
    ['3 kids and 2 dogs'],
    ['meet at 5:30'],
    ['we can move on 3/15'],
    ['750'],
    ['3 recámaras y 2 baños'],
    ['en 2 meses'],
  ])('finds no price in %j', (text) => {
    expect(parseMoney(text).filter((n) => n >= 20_000)).toEqual([]);
  });

  it('reads a bare figure as thousands when the bot just asked for it', () => {
    expect(parseMoney('750', { justAsked: true })).toEqual([750_000]);
    expect(parseMoney('probably 825', { justAsked: true })).toEqual([825_000]);
    expect(parseMoney('1.1', { justAsked: true })).toEqual([1_100_000]);
  });

  it.each([
    ['eight fifty', [850_000]],
    ['8 fifty', [850_000]],
    ['eight seventy five', [875_000]],
    ['like 8 hundred', [800_000]],
    ['eight hunnid', [800_000]],
    ['a mil', [1_000_000]],
    ['half a mil', [500_000]],
    ['a million four', [1_400_000]],
    ['un millón cuatrocientos', [1_400_000]],
    ['eight and a quarter', [825_000]],
    ['8.5', [850_000]],
    ['1.4', [1_400_000]],
    ['like 8', [800_000]],
    ['4 to 5 hundred k', [400_000, 500_000]],
    ['8 to 850', [800_000, 850_000]],
    ['$689,000.00', [689_000]],
  ])('reads the answer %j as %j', (text, amounts) => {
    expect(parseMoney(text, { justAsked: true })).toEqual(amounts);
  });

  it.each([['we have 2 dogs'], ['after 5 works'], ['3.5% down'], ['like 8 months']])(
    'reads no amount in the answer %j',
    (text) => {
      expect(parseMoney(text, { justAsked: true })).toEqual([]);
    },
  );

  it('needs the question before it reads a lone digit as a price', () => {
    expect(parseMoney('like 8')).toEqual([]);
    expect(parseMoney('hoping for 8.5')).toEqual([850_000]);
  });

  it('keeps small dollar figures as written (rent, fees)', () => {
    expect(parseMoney('rent is $3,000 a month')).toEqual([3_000]);
    expect(parseMoney('HOA is $250')).toEqual([250]);
  });
});

describe('replaceAmountWords', () => {
  it.each([
    ['six fifty', '650'],
    ['six seventy five', '675'],
    ['nine fifteen', '915'],
    ['6 fifty', '650'],
    ['like 6 hundred', 'like 600'],
    ['4 hundred thousand', '400000'],
    ['seven hunnid lol', '700 lol'],
    ['a mil', '1000000'],
    ['under a mil', 'under 1000000'],
    ['half a mil', '500000'],
    ['a million two', '1200000'],
    ['a million twenty five', '1025000'],
    ['one million two hundred fifty thousand', '1250000'],
    ['a million and a half', '1500000'],
    ['nine and a quarter', '9.25'],
    ['one point one', '1.1'],
    ['medio millon', '500000'],
    ['un millon doscientos', '1200000'],
    ['un millon doscientos mil', '1200000'],
    ['un millon y medio', '1500000'],
    ['seis y medio', '6.5'],
    ['de quinientos a seiscientos mil', 'de 500 a 600000'],
  ])('%j → %j', (text, digits) => {
    expect(replaceAmountWords(text)).toBe(digits);
  });

  it('leaves "a mil" alone in Spanish, where it is "to a thousand"', () => {
    expect(replaceAmountWords('de 900 a mil', { spanish: true })).toBe('de 900 a mil');
  });
});

describe('parseNumberWords', () => {
  it.each([
    ['three', 3],
    ['Three', 3],
    ['twenty-five', 25],
    ['one hundred and fifty', 150],
    ['six hundred fifty thousand', 650_000],
    ['a million', 1_000_000],
    ['two million', 2_000_000],
    ['tres', 3],
    ['treinta y cinco', 35],
    ['dieciséis', 16],
    ['quinientos', 500],
    ['seiscientos cincuenta mil', 650_000],
    ['un millón', 1_000_000],
    ['un millón doscientos mil', 1_200_000],
    ['dos mil veinticuatro', 2024],
    ['12', 12],
  ])('%j is %d', (text, value) => {
    expect(parseNumberWords(text)).toBe(value);
  });

  it.each([['ok'], ['three beds'], ['someone'], ['once']])('%j is not a number', (text) => {
    expect(parseNumberWords(text)).toBeNull();
  });
});
