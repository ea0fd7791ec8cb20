import { describe, expect, it } from 'vitest';
import { opensWithGreeting } from '../../../src/domain/language/cues.ts';
import { isNoise, readPolarity } from '../../../src/domain/understand/polarity.ts';
import type { AskedQuestion, BotKind, UtteranceContext } from '../../../src/domain/understand/types.ts';

const ctx = (bot: BotKind = 'lead', lastQuestion: AskedQuestion | null = null): UtteranceContext => ({
  bot,
  lastQuestion,
  now: new Date('2026-12-04T18:00:00Z'),
});

describe('yes and no', () => {
  it.each([
    ['k', 'yes'],
    ['kk', 'yes'],
    ['👍', 'yes'],
    ['yep', 'yes'],
    ['sure thing', 'yes'],
    ['sí', 'yes'],
    ['claro', 'yes'],
    ['Yeah we are, with Chase', 'yes'],
    ['my brother is a loan officer so yes', 'yes'],
    ['nope', 'no'],
    ['not really', 'no'],
    ['no', 'no'],
    ['nah not yet', 'no'],
    ['no, todavía no', 'no'],
    ['aún no', 'no'],
    ['nel', 'no'],
    ['negative', 'no'],
    ['yessir', 'yes'],
    ['k thx', 'yes'],
  ])('%j answers the pre-approval question with %s', (text, yesNo) => {
    const read = readPolarity(text, ctx('buyer', 'preapproval'));
    expect(read).toEqual({ act: yesNo === 'yes' ? 'affirm' : 'deny', yes_no: yesNo });
  });

  it('hears "we\'re flexible" as a yes to a timeline that was offered', () => {
    expect(readPolarity("we're flexible", ctx('seller', 'timeline'))).toEqual({
      act: 'affirm',
      yes_no: 'yes',
    });
  });

  it('confirms an appointment with "sounds good" and declines with "maybe after the holidays"', () => {
    expect(readPolarity('sounds good', ctx('seller', 'appointment'))).toEqual({
      act: 'affirm',
      yes_no: 'yes',
    });
    expect(readPolarity('maybe after the holidays', ctx('seller', 'appointment'))).toEqual({
      act: 'deny',
      yes_no: 'no',
    });
  });

  it('gives no yes_no to a yes that picks nothing in "buy or sell?"', () => {
    expect(readPolarity('yes', ctx('lead', 'buy_or_sell'))).toEqual({ act: 'affirm' });
  });

  it('reads a correction of what the bot read back as a no', () => {
    expect(readPolarity('nope, 5 beds not 4', ctx('buyer'))).toEqual({ act: 'deny', yes_no: 'no' });
    expect(readPolarity("yes that's right", ctx('seller'))).toEqual({ act: 'affirm', yes_no: 'yes' });
  });

  it('hears a refusal to answer as a no without a yes_no', () => {
    expect(readPolarity("that's personal", ctx('seller', 'motivation'))).toEqual({ act: 'deny' });
  });

  it.each<[string, BotKind, AskedQuestion | null]>([
    ['ok', 'seller', 'condition'],
    ['no rush', 'seller', 'timeline'],
    ['no HOA', 'buyer', 'needs'],
    ['no me interesa', 'lead', null],
    ['no more texts', 'lead', null],
    ['ya', 'seller', 'timeline'],
    ['ok START', 'lead', null],
    ["we'll be there 👍", 'seller', 'appointment'],
    ['ya tengo agente', 'lead', null],
  ])('%j says neither yes nor no (%s bot, after %s)', (text, bot, asked) => {
    expect(readPolarity(text, ctx(bot, asked))).toBeNull();
  });
});

describe('greetings', () => {
  it.each([
    'hey',
    'Hello?',
    'hi, who is this',
    'buenas tardes',
    'hola, quién habla?',
    'Hi this is Dana',
    'yes this is Omar',
  ])('%j opens with a greeting', (text) => {
    expect(opensWithGreeting(text)).toBe(true);
  });

  it.each([
    'this is harassment',
    'yo nunca di mi número',
    'happy new year to you too',
    'highway 210 is close',
    'THIS IS SPAM',
  ])('%j does not', (text) => {
    expect(opensWithGreeting(text)).toBe(false);
  });
});

describe('noise', () => {
  it.each([
    'thx!',
    'thank you so much',
    'lol',
    'jajaja',
    'np',
    'gracias',
    'one sec',
    'busy rn',
    'let me ask my husband',
    'déjame preguntarle a mi esposa',
    'Merry Christmas to you too',
    '😂',
  ])('%j is noise', (text) => {
    expect(isNoise(text)).toBe(true);
  });

  it.each(['ok', '👍', 'thanks, 650 is my number', 'no thanks', 'idk', 'my email is a@b.co', ''])(
    '%j is not',
    (text) => {
      expect(isNoise(text)).toBe(false);
    },
  );
});
