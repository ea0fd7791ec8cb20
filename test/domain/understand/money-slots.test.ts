import { describe, expect, it } from 'vitest';
import { readApprovalAmount, readMoneySlots } from '../../../src/domain/understand/money-slots.ts';
import type { AskedQuestion, BotKind, UtteranceContext } from '../../../src/domain/understand/types.ts';

const now = new Date('2026-12-04T12:00:00Z');
const ctx = (bot: BotKind, lastQuestion: AskedQuestion | null = null): UtteranceContext => ({
  bot,
  lastQuestion,
  now,
});
const askedPrice = ctx('seller', 'price');
const askedBudget = ctx('buyer', 'budget');

describe('bare numbers in a price or budget context are thousands', () => {
  it.each([
    ['725', 725_000],
    ['seven twenty five', 725_000],
    ['7 twenty five', 725_000],
    ['725k', 725_000],
    ['725K', 725_000],
    ['$725,000', 725_000],
    ['725,000', 725_000],
    ['$1,150,000', 1_150_000],
    ['setecientos veinticinco', 725_000],
    ['725 mil', 725_000],
    ['setecientos veinticinco mil dólares', 725_000],
    ['725.000', 725_000],
  ])('seller answers %j → price %d', (text, price) => {
    expect(readMoneySlots(text, askedPrice)).toEqual({ price });
  });

  it.each([
    ['575', 575_000],
    ['five seventy five', 575_000],
    ['575k', 575_000],
    ['quinientos setenta y cinco', 575_000],
  ])('buyer answers %j → budget_max %d', (text, budget_max) => {
    expect(readMoneySlots(text, askedBudget)).toEqual({ budget_max });
  });

  it('needs a price word when nobody asked', () => {
    expect(readMoneySlots('725', ctx('seller', 'condition'))).toEqual({});
    expect(readMoneySlots('we have 3 kids and 725 problems lol', ctx('seller'))).toEqual({});
    expect(readMoneySlots('kitchen is done, hoping to get 725', ctx('seller', 'condition'))).toEqual({
      price: 725_000,
    });
    expect(readMoneySlots('esperamos sacar unos 725', ctx('seller', 'motivation'))).toEqual({
      price: 725_000,
    });
  });
});

describe('amounts in words', () => {
  it.each([
    ['maybe 7 hundred', 700_000],
    ['like eight hundred', 800_000],
    ['eight hunnid', 800_000],
    ['8 hundred thousand', 800_000],
    ['half a mil', 500_000],
    ['half a million', 500_000],
    ['a mil', 1_000_000],
    ['a mil even', 1_000_000],
    ['one million', 1_000_000],
    ['a million three', 1_300_000],
    ['a million and a half', 1_500_000],
    ['one point three', 1_300_000],
    ['eight and a quarter', 825_000],
    ['seven and a half', 750_000],
    ['medio millón', 500_000],
    ['un millón', 1_000_000],
    ['un millón trescientos', 1_300_000],
    ['un millón y medio', 1_500_000],
    ['ochocientos mil', 800_000],
    ['como ochocientos', 800_000],
    ['six-fiftyish', 650_000],
    ['sevenish', 700_000],
  ])('%j → price %d', (text, price) => {
    expect(readMoneySlots(text, askedPrice)).toEqual({ price });
  });

  it('reads "under a mil" as a buyer ceiling', () => {
    expect(readMoneySlots('anything under a mil', askedBudget)).toEqual({ budget_max: 1_000_000 });
  });
});

describe('decimals and single digits in context', () => {
  it.each([
    ['5.5', 550_000],
    ['8.4', 840_000],
    ['like 9.9', 990_000],
    ['1.3', 1_300_000],
    ['1.75', 1_750_000],
    ['probably 8', 800_000],
    ['4', 400_000],
  ])('%j → price %d', (text, price) => {
    expect(readMoneySlots(text, askedPrice)).toEqual({ price });
  });

  it('reads a decimal for a buyer too', () => {
    expect(readMoneySlots('5.5 tops', askedBudget)).toEqual({ budget_max: 550_000 });
    expect(readMoneySlots('hoping to stay under 5', askedBudget)).toEqual({ budget_max: 500_000 });
  });

  it('keeps a single digit out when the bot did not ask for a figure, unless an asking word says so', () => {
    expect(readMoneySlots('maybe 7', ctx('seller', 'timeline'))).toEqual({});
    expect(readMoneySlots('moving for work, hoping for 7', ctx('seller', 'motivation'))).toEqual({
      price: 700_000,
    });
    expect(readMoneySlots('nothing under 1.2 sorry', askedPrice)).toEqual({ price_min: 1_200_000 });
    expect(readMoneySlots('3 beds 2 baths', askedBudget)).toEqual({});
    expect(readMoneySlots('in like 4 months', askedPrice)).toEqual({});
  });
});

describe('ranges', () => {
  it.each([
    ['7 to 8 hundred k', { price_min: 700_000, price_max: 800_000 }],
    ['7-8 hundred', { price_min: 700_000, price_max: 800_000 }],
    ['8 to 850', { price_min: 800_000, price_max: 850_000 }],
    ['somewhere between 725 and 775', { price_min: 725_000, price_max: 775_000 }],
    ['725-775k', { price_min: 725_000, price_max: 775_000 }],
    ['$725k - $775k', { price_min: 725_000, price_max: 775_000 }],
    ['725 or 750', { price_min: 725_000, price_max: 750_000 }],
    ['725, maybe 750', { price_min: 725_000, price_max: 750_000 }],
    ['six fifty to seven', { price_min: 650_000, price_max: 700_000 }],
    ['1.1-1.25', { price_min: 1_100_000, price_max: 1_250_000 }],
    ['a million to a million two', { price_min: 1_000_000, price_max: 1_200_000 }],
    ['entre 725 y 775', { price_min: 725_000, price_max: 775_000 }],
    ['de setecientos a ochocientos mil', { price_min: 700_000, price_max: 800_000 }],
  ])('seller %j → %j', (text, slots) => {
    expect(readMoneySlots(text, askedPrice)).toEqual(slots);
  });

  it.each([
    ['4 to 5 hundred k', { budget_min: 400_000, budget_max: 500_000 }],
    ['between 4 and 5 hundred', { budget_min: 400_000, budget_max: 500_000 }],
    ['450-500', { budget_min: 450_000, budget_max: 500_000 }],
    ['de 400 a 450 mil', { budget_min: 400_000, budget_max: 450_000 }],
    ['entre cuatrocientos y quinientos mil', { budget_min: 400_000, budget_max: 500_000 }],
  ])('buyer %j → %j', (text, slots) => {
    expect(readMoneySlots(text, askedBudget)).toEqual(slots);
  });
});

describe('hundreds bands', () => {
  it.each([
    ['somewhere in the six hundreds', { price_min: 600_000, price_max: 699_000 }],
    ['in the 700s', { price_min: 700_000, price_max: 799_000 }],
    ['low 700s', { price_min: 700_000, price_max: 733_000 }],
    ['high 800s', { price_min: 867_000, price_max: 899_000 }],
    ['mid 700s', { price: 750_000 }],
    ['mid-700s probably', { price: 750_000 }],
  ])('seller %j → %j', (text, slots) => {
    expect(readMoneySlots(text, askedPrice)).toEqual(slots);
  });

  it('gives a buyer both ends, or a ceiling for "mid"', () => {
    expect(readMoneySlots('low 500s', askedBudget)).toEqual({ budget_min: 500_000, budget_max: 533_000 });
    expect(readMoneySlots('mid 500s', askedBudget)).toEqual({ budget_max: 550_000 });
  });

  it('does not take a decade for a band', () => {
    expect(readMoneySlots('the house was built in the 80s', askedPrice)).toEqual({});
  });
});

describe('the last stated value wins', () => {
  it.each([
    ['725. wait no, 750', ctx('seller', 'price'), { price: 750_000 }],
    ['750... ok fine 735 is ok too', ctx('seller', 'price'), { price: 735_000 }],
    ['we said 700 but make it 720', ctx('seller', 'price'), { price: 720_000 }],
    ['we want 760 not 740', ctx('seller'), { price: 760_000 }],
    ['725, my wife thinks 700 is too low though, so 740', ctx('seller', 'price'), { price: 740_000 }],
    ['650, no, mejor 680', ctx('seller', 'price'), { price: 680_000 }],
    ['500... actually 550 now that we got a raise', ctx('buyer', 'budget'), { budget_max: 550_000 }],
  ])('%j → %j', (text, c, slots) => {
    expect(readMoneySlots(text, c)).toEqual(slots);
  });
});

describe('lower bounds and floors', () => {
  it.each([
    ['wouldnt even think about it for under 780', { price_min: 780_000 }],
    ['800 would be great, 760 is our bottom line', { price: 800_000, price_min: 760_000 }],
    ['anything above 650 works', { price_min: 650_000 }],
    ['more than 650', { price_min: 650_000 }],
    ['650+', { price_min: 650_000 }],
    ['650 o más', { price_min: 650_000 }],
    ['at least 650', { price_min: 650_000 }],
    ['650, not a penny less', { price_min: 650_000 }],
    ['por lo menos 650', { price_min: 650_000 }],
  ])('seller %j → %j', (text, slots) => {
    expect(readMoneySlots(text, askedPrice)).toEqual(slots);
  });

  it.each([
    ['north of 720', { price_min: 720_000 }],
    ['not less than 690', { price_min: 690_000 }],
    ['690 minimum', { price_min: 690_000 }],
    ['need to net 450 after fees', { price: 450_000 }],
    ['want to walk away with 450', { price: 450_000 }],
  ])('seller without the question %j → %j', (text, slots) => {
    expect(readMoneySlots(text, ctx('seller', 'condition'))).toEqual(slots);
  });

  it.each([
    'need to clear what we owe, 480',
    'gotta clear what we owe, which is like 480',
    'have to cover the mortgage, which is like 480',
    'tenemos que pagar lo que debemos, que son como 480',
  ])('takes the payoff the seller must clear as the floor: %j', (text) => {
    expect(readMoneySlots(text, askedPrice)).toEqual({ price_min: 480_000 });
  });

  it('does not adopt an estimate the seller asks about, nor a price paid long ago', () => {
    expect(readMoneySlots('zillow says 705 is that legit', askedPrice)).toEqual({});
    expect(readMoneySlots('zillow says 780 so that', askedPrice)).toEqual({ price: 780_000 });
    expect(
      readMoneySlots('we paid 410 in 2016 soooo hopefully a lot more than that lol', askedPrice),
    ).toEqual({});
  });

  it('keeps a figure said before a Spanish question: "750, pero ¿cuánto tardaría?"', () => {
    expect(readMoneySlots('750, pero ¿cuánto tardaría en venderse?', askedPrice)).toEqual({ price: 750_000 });
  });

  it('takes a figure the seller points past as the floor', () => {
    expect(readMoneySlots('still owe about 380 so anything over that', askedPrice)).toEqual({
      price_min: 380_000,
    });
    expect(readMoneySlots('redfin has it at 700k but it should be worth more', askedPrice)).toEqual({
      price_min: 700_000,
    });
    expect(readMoneySlots('debemos 320, lo que sea arriba de eso', askedPrice)).toEqual({
      price_min: 320_000,
    });
  });
});

describe("a buyer's ceiling", () => {
  it.each([
    ['600 max', { budget_max: 600_000 }],
    ['no more than 600', { budget_max: 600_000 }],
    ['nothing above 600 please', { budget_max: 600_000 }],
    ['up to $600k', { budget_max: 600_000 }],
    ['hasta 600 mil', { budget_max: 600_000 }],
    ['no más de 600', { budget_max: 600_000 }],
    ['pre-approved for 640 but we want to stay near 600', { budget_max: 600_000 }],
    ['we are approved with navy federal up to 700 but would rather keep it at 650', { budget_max: 650_000 }],
    ['loved one listed at 725 but we only qualified for 690', { budget_max: 690_000 }],
    ['600 ideally, could stretch to 630 if it has a pool', { budget_max: 630_000 }],
    ['preaprobados por 600', { budget_max: 600_000 }],
  ])('%j → %j', (text, slots) => {
    expect(readMoneySlots(text, askedBudget)).toEqual(slots);
  });

  it.each([
    ['budget: 610', { budget_max: 610_000 }],
    ['not trying to spend more than 610', { budget_max: 610_000 }],
    ["can't go over 610", { budget_max: 610_000 }],
    ['610 is our limit', { budget_max: 610_000 }],
    ['610 is the most we can do', { budget_max: 610_000 }],
    ['we qualified for 700 but 610 feels safer', { budget_max: 610_000 }],
    ['no queremos pasar de 610', { budget_max: 610_000 }],
  ])('buyer without the question %j → %j', (text, slots) => {
    expect(readMoneySlots(text, ctx('buyer'))).toEqual(slots);
  });

  it.each([
    ['pre approved for 450k', 450_000],
    ['aprobado por 400 mil', 400_000],
    ['approved for 750 but want to stay around 650', 750_000],
    ['we can do about 700', undefined],
  ])('keeps the pre-approval amount of %j apart: %j', (text, amount) => {
    expect(readApprovalAmount(text, ctx('buyer', 'preapproval'))).toBe(amount);
  });

  it('takes a pre-approval amount as the budget when no other figure is given', () => {
    expect(readMoneySlots('yes we got approved for 675 with Guild', ctx('buyer', 'preapproval'))).toEqual({
      budget_max: 675_000,
    });
  });
});

describe('never a price or budget', () => {
  it('does not read a count repeated for emphasis as a budget', () => {
    expect(
      readMoneySlots("we've lost 5 offers in a row. FIVE. im so done with this market", askedBudget),
    ).toEqual({});
    expect(readMoneySlots('3 beds. 6.', askedBudget)).toEqual({ budget_max: 600_000 });
  });

  it.each([
    ['our rent is 2800 a month', askedBudget],
    ['we pay 3k a month', askedBudget],
    ['trying to keep the payment under 3,500 a month', askedBudget],
    ['mortgage payment around 4k/mo would be ok', askedBudget],
    ['we have 60k for the down payment', askedBudget],
    ['we make about 180k a year', askedBudget],
    ['pagamos 2500 de renta', askedBudget],
    ['queremos pagar como 3 mil al mes', askedBudget],
    ['tenemos 50 mil para el enganche', askedBudget],
    ['what would my monthly be on a 650k house?', askedBudget],
    ['how much are closing costs on 700k?', ctx('buyer')],
    ['we paid 280 back in 2009', askedPrice],
    ['bought it for 310k in 2013', ctx('seller', 'motivation')],
    ['my neighbor sold his for 810 last spring', ctx('seller', 'price')],
    ['the one across the street went for 790', ctx('seller')],
    ['we owe around 300 on it', askedPrice],
    ['we need to walk away with 350 after paying off the mortgage', askedPrice],
    ['our zestimate went down 25k this year', ctx('seller')],
    ['lost 4 offers already', askedBudget],
    ['honestly what does 650k even get you out here', askedBudget],
  ])('%j', (text, c) => {
    expect(readMoneySlots(text, c)).toEqual({});
  });

  it('keeps the figure that is the lead’s own next to ones that are not', () => {
    expect(readMoneySlots('paid 300 in 2015, want 700 now', askedPrice)).toEqual({ price: 700_000 });
    expect(readMoneySlots('neighbor got 800 so we want 825', ctx('seller'))).toEqual({ price: 825_000 });
    expect(readMoneySlots('I was thinking 8 but my cousin said 760', askedPrice)).toEqual({ price: 800_000 });
    expect(readMoneySlots('we have 80k down and want to stay under 650', askedBudget)).toEqual({
      budget_max: 650_000,
    });
    expect(readMoneySlots('tenemos 40 mil de enganche y buscamos hasta 520', askedBudget)).toEqual({
      budget_max: 520_000,
    });
  });

  it('takes an estimate or a neighbour figure the seller adopts', () => {
    expect(readMoneySlots('zillow says 765', askedPrice)).toEqual({ price: 765_000 });
    expect(readMoneySlots('whatever the neighbors got, they sold at 845', askedPrice)).toEqual({
      price: 845_000,
    });
  });
});

describe('questions', () => {
  it('ignores a figure a question prices something else from', () => {
    expect(readMoneySlots('whats the monthly on 620k roughly?', askedBudget)).toEqual({});
    expect(readMoneySlots('how much would I net if we sold at 700?', askedPrice)).toEqual({});
    expect(readMoneySlots('can we afford 600k making 110k?', ctx('buyer'))).toEqual({});
    expect(readMoneySlots('¿cuánto sería el pago de una casa de 500 mil?', askedBudget)).toEqual({});
  });

  it('keeps a figure the lead floats as a question', () => {
    expect(readMoneySlots('could we get 780?', askedPrice)).toEqual({ price: 780_000 });
    expect(readMoneySlots('is 780 crazy?', askedPrice)).toEqual({ price: 780_000 });
    expect(readMoneySlots('what do you think, I had 780 in mind', askedPrice)).toEqual({ price: 780_000 });
    expect(readMoneySlots('what areas have a 3 bed under 550', ctx('buyer', 'area'))).toEqual({
      budget_max: 550_000,
    });
  });
});

describe('numbers that are not money', () => {
  it.each([
    ['we have 2 dogs and a cat', askedBudget],
    ['after 5 works for me', askedPrice],
    ['3.5% down', askedBudget],
    ['2.5 baths', askedBudget],
    ['3 months', askedPrice],
    ['call 909-555-0142', askedPrice],
    ['it is 9135 Ramona Ave', askedPrice],
    ['zip 91730', askedBudget],
    ['2,100 sq ft', askedPrice],
    ['built in 1998', askedPrice],
    ['meet at 6:30', askedPrice],
    ['we got 90k from grandma for the down payment', askedBudget],
    ['we put 80k into the kitchen', askedPrice],
    ['it appraised at 640 in 2021', askedPrice],
  ])('%j', (text, c) => {
    expect(readMoneySlots(text, c)).toEqual({});
  });

  it('reads dollars and cents as whole dollars', () => {
    expect(readMoneySlots('$689,000.00', askedPrice)).toEqual({ price: 689_000 });
  });
});

describe('seller or buyer', () => {
  it('follows the question the bot asked', () => {
    expect(readMoneySlots('around 700', ctx('lead', 'price'))).toEqual({ price: 700_000 });
    expect(readMoneySlots('around 700', ctx('lead', 'budget'))).toEqual({ budget_max: 700_000 });
  });

  it('reads the lead’s words when the lead bot does not know the side', () => {
    expect(readMoneySlots('we want to buy, budget around 700', ctx('lead', 'buy_or_sell'))).toEqual({
      budget_max: 700_000,
    });
    expect(readMoneySlots('selling, hoping to get 700 for it', ctx('lead'))).toEqual({ price: 700_000 });
    expect(readMoneySlots('queremos comprar, como 500', ctx('lead'))).toEqual({ budget_max: 500_000 });
    expect(readMoneySlots('quiero vender mi casa en 650', ctx('lead'))).toEqual({ price: 650_000 });
    expect(readMoneySlots('pedimos 720', ctx('lead'))).toEqual({ price: 720_000 });
    expect(readMoneySlots('3 bed under 600', ctx('lead'))).toEqual({ budget_max: 600_000 });
  });

  it('keeps both sides apart when a lead sells and buys', () => {
    expect(
      readMoneySlots('ours is probably worth 800, we would spend up to 950 on the next one', ctx('buyer')),
    ).toEqual({ price: 800_000, budget_max: 950_000 });
  });

  it('uses the bot when the message does not say', () => {
    expect(readMoneySlots('hoping for 1.2', ctx('seller'))).toEqual({ price: 1_200_000 });
    expect(readMoneySlots('4 beds in upland, around 800', ctx('buyer', 'needs'))).toEqual({
      budget_max: 800_000,
    });
    expect(readMoneySlots('hoping for around 700', ctx('lead'))).toEqual({});
  });
});
