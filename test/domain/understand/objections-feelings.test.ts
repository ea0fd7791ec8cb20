import { describe, expect, it } from 'vitest';
import { readFeelings } from '../../../src/domain/understand/feelings.ts';
import type {
  AskedQuestion,
  BotKind,
  FeelingKind,
  UtteranceContext,
} from '../../../src/domain/understand/types.ts';

const ctx = (bot: BotKind = 'lead', lastQuestion: AskedQuestion | null = null): UtteranceContext => ({
  bot,
  lastQuestion,
  now: new Date('2026-12-04T18:00:00Z'),
});

describe('feelings', () => {
  it.each<[string, FeelingKind, BotKind, AskedQuestion | null]>([
    ['this is so frustrating, third time outbid', 'anger', 'buyer', null],
    ['WHY DO YOU KEEP TEXTING ME', 'anger', 'lead', null],
    ['i never gave you my number 😡', 'anger', 'lead', null],
    ['ya basta con sus mensajes', 'anger', 'lead', null],
    ['my father passed away in march', 'grief', 'seller', 'motivation'],
    ['we lost my mom this summer, it is her house', 'grief', 'seller', null],
    ['mi esposo falleció el año pasado', 'grief', 'seller', 'motivation'],
    ['honestly super stressed, we are behind on the mortgage', 'stress', 'seller', 'motivation'],
    ['going through a divorce right now', 'stress', 'seller', 'motivation'],
    ['estoy muy estresado con los pagos', 'stress', 'seller', null],
    ['need to sell asap', 'urgency', 'seller', null],
    ['as soon as possible please', 'urgency', 'seller', 'timeline'],
    ['nos urge mudarnos', 'urgency', 'buyer', null],
    ['we have to be out by the 15th', 'urgency', 'buyer', null],
    ['we are so excited to finally buy!!', 'excitement', 'buyer', null],
    ['love love love that kitchen 😍', 'excitement', 'buyer', null],
    ['me encantó la casa!', 'excitement', 'buyer', null],
    ['ugh this is so annoying', 'anger', 'lead', null],
    ['estoy enojado', 'anger', 'lead', null],
    ['estamos batallando con los pagos', 'stress', 'seller', null],
    ["I'm behind 3 months", 'stress', 'seller', null],
    ['lo mas rapido posible', 'urgency', 'seller', 'timeline'],
    ['like right now', 'urgency', 'seller', 'timeline'],
    ['estamos muy emocionados', 'excitement', 'buyer', null],
  ])('%j shows %s', (text, kind, bot, asked) => {
    expect(readFeelings(text, ctx(bot, asked))).toContain(kind);
  });

  it.each<[string, BotKind, AskedQuestion | null]>([
    ['3 bed 2 bath, under 650', 'buyer', 'needs'],
    ['the water heater died last week', 'seller', 'condition'],
    ['sometime in the spring', 'seller', 'timeline'],
    ['what part of Upland has the best schools?', 'buyer', null],
    ['perfect, see you thursday', 'seller', 'appointment'],
    ['we need a pool!!', 'buyer', 'needs'],
    ['thanks!!', 'lead', null],
    ['the kitchen is in amazing shape', 'seller', 'condition'],
    ['omg stop texting', 'lead', null],
    ['I said stop by mistake, go ahead and text', 'lead', null],
  ])('%j shows no feeling', (text, bot, asked) => {
    expect(readFeelings(text, ctx(bot, asked))).toEqual([]);
  });

  it('"buried" is grief only when someone was buried', () => {
    expect(readFeelings('we buried my dad in june', ctx('seller'))).toEqual(['grief']);
    expect(readFeelings('send it to my email please, texts get buried', ctx('seller'))).toEqual([]);
    expect(readFeelings('we are buried in boxes lol', ctx('buyer'))).toEqual([]);
  });

  it('"our late" is grief for a person, not for an age', () => {
    expect(readFeelings('my late husband built that house', ctx('seller'))).toEqual(['grief']);
    expect(readFeelings('my husband and I are in our late 70s', ctx('lead'))).toEqual([]);
  });

  it('reads a death asking for quiet as grief, not anger', () => {
    expect(readFeelings('my wife just passed, please leave me alone', ctx('seller'))).toEqual(['grief']);
  });

  it('reads more than one feeling in one message', () => {
    expect(readFeelings('divorcing and we need to sell asap', ctx('seller')).sort()).toEqual([
      'stress',
      'urgency',
    ]);
  });
});
