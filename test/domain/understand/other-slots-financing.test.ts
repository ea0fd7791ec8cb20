import { describe, expect, it } from 'vitest';
import type { AskedQuestion, BotKind } from '../../../src/domain/understand/types.ts';
import { readOtherSlots } from '../../../src/domain/understand/other-slots.ts';

const NOW = new Date('2026-12-04T12:00:00Z');
const read = (text: string, bot: BotKind = 'buyer', lastQuestion: AskedQuestion | null = 'preapproval') =>
  readOtherSlots(text, { bot, lastQuestion, now: NOW });

describe('pre-approval', () => {
  it.each([
    ['yeah', true],
    ['yes sir', true],
    ['we have our letter', true],
    ['approved for 700 through our credit union', true],
    ['sí, ya tenemos la carta', true],
    ['👍', true],
    ['nah not yet', false],
    ['in underwriting', false],
    ['prequal only', false],
    ['nope', false],
    ['just pre-qualified', false],
    ['we applied yesterday', false],
    ['waiting on the lender', false],
    ['our approval from last year expired', false],
    ['todavía no', false],
    ['no, ¿me recomienda un prestamista?', false],
  ])('after the question, %j → %s', (text, preapproved) => {
    expect(read(text).preapproved).toBe(preapproved);
  });

  it('reads a lender dragging its feet or a closing "so no not yet" as not yet', () => {
    expect(read('the lender keeps giving us the runaround on the approval').preapproved).toBe(false);
    expect(read('been waiting weeks on the bank, so no not yet').preapproved).toBe(false);
    expect(read('ya nos aprobaron por 650', 'buyer', 'budget').preapproved).toBe(true);
  });

  it('states nothing when the lead only asks about it or pays cash', () => {
    expect(read('do we have to be preapproved to tour homes?', 'buyer', null).preapproved).toBeUndefined();
    expect(read('¿hay que tener preaprobación para ver casas?', 'buyer', null).preapproved).toBeUndefined();
    expect(read('we are paying cash', 'buyer', 'preapproval').preapproved).toBeUndefined();
  });

  it('reads approval anywhere, but a bare "not yet" only after the question', () => {
    expect(read('3 bed in upland, preapproved for 650', 'buyer', null).preapproved).toBe(true);
    expect(read('not yet', 'buyer', 'timeline').preapproved).toBeUndefined();
    expect(read('yes', 'buyer', 'timeline').preapproved).toBeUndefined();
  });
});

describe('lender', () => {
  it.each([
    ['yes with chase', 'Chase'],
    ['preapproved through wells fargo', 'Wells Fargo'],
    ['yep, rocket mortgage', 'Rocket Mortgage'],
    ['approved w/ uwm', 'UWM'],
    ['sí, con Bank of America', 'Bank of America'],
    ['approved with Inland Valley Lending', 'Inland Valley Lending'],
  ])('%j → %s', (text, lender) => {
    expect(read(text).lender).toBe(lender);
  });

  it('does not take a loan program or "my bank" for a lender', () => {
    expect(read('yes VA loan').lender).toBeUndefined();
    expect(read('yes with my bank').lender).toBeUndefined();
    expect(read('pre approved with FHA').lender).toBeUndefined();
  });
});
