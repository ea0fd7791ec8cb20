import { describe, expect, it } from 'vitest';
import type { AskedQuestion, BotKind } from '../../../src/domain/understand/types.ts';
import { readOtherSlots } from '../../../src/domain/understand/other-slots.ts';

const NOW = new Date('2026-12-04T12:00:00Z');
const read = (text: string, bot: BotKind = 'seller', lastQuestion: AskedQuestion | null = 'motivation') =>
  readOtherSlots(text, { bot, lastQuestion, now: NOW });

describe('motivation in the sixteen labels', () => {
  it.each([
    ['we want to be near our grandkids in oregon', 'relocation'],
    ['cost of living, we are leaving california', 'relocation'],
    ['queremos estar cerca de los nietos', 'relocation'],
    ['nos regresamos a Jalisco', 'relocation'],
    ['my company is relocating me to Dallas', 'job'],
    ['got a job offer in seattle', 'job'],
    ['my husband accepted a new position in Boise', 'job'],
    ['hubby is in the navy and got orders to San Diego', 'job'],
    ['me transfirieron a Houston', 'job'],
    ['me salió trabajo en Phoenix', 'job'],
    ['por el trabajo de mi esposo nos vamos a Arizona', 'job'],
    ['twins on the way, need another bedroom', 'upsizing'],
    ['we are expecting a baby in the spring', 'upsizing'],
    ['thinking about upgrading, staying local', 'upsizing'],
    ['el departamento ya nos quedó chico', 'upsizing'],
    ['we are three payments behind and the lender sent a letter', 'financial'],
    ['the bank is breathing down our neck', 'financial'],
    ['el banco nos quiere quitar la casa', 'financial'],
    ['a mi hijo lo mandaron a trabajar a Texas', 'job'],
    ['nos vamos por el trabajo, pero ¿cuánto cobran?', 'job'],
    ['arizona is way cheaper, california is too expensive', 'relocation'],
    ['we are headed to north carolina next year', 'relocation'],
    ['the house is in my grandpas trust, we are the beneficiaries', 'inherited'],
    ['the traffic into LA every day is killing me', 'other'],
    ['my hips cant handle these stairs', 'other'],
    ["my husband's back is bad, stairs are rough", 'other'],
    ['honestly the neighbors from hell', 'other'],
    ['we want a different school district', 'other'],
    ['pues queremos algo diferente', 'other'],
    ['we need more space for the kids', 'upsizing'],
    ['im pregnant with our third', 'upsizing'],
    ['necesitamos una casa más grande', 'upsizing'],
    ['too much house now that its just the two of us', 'downsizing'],
    ['want something smaller with no stairs', 'downsizing'],
    ['ya se fueron los hijos y la casa nos queda grande', 'downsizing'],
    ['my ex and I are splitting the assets', 'divorce'],
    ['nos divorciamos el año pasado', 'divorce'],
    ['my mother passed away in march', 'death_in_family'],
    ['lost my husband last year', 'death_in_family'],
    ['falleció mi esposo', 'death_in_family'],
    ['the house came to me from my parents estate, probate is done', 'inherited'],
    ['heredé la casa de mi abuela', 'inherited'],
    ['we are behind on the mortgage', 'financial'],
    ['me corrieron del trabajo', 'financial'],
    ['need the cash honestly', 'financial'],
    ['no podemos pagar la hipoteca', 'financial'],
    ['retiring next year and heading to idaho', 'retirement'],
    ['me voy a retirar', 'retirement'],
    ['doing a 1031 exchange', 'investment'],
    ['its a rental, want to pull the equity out', 'investment'],
    ['we already closed on a house in Texas', 'bought_another'],
    ['we are in escrow on a new place already', 'bought_another'],
    ['ya compramos otra casa', 'bought_another'],
    ['moving in with my girlfriend next month', 'moving_in_with_partner'],
    ['me voy a vivir con mi novia', 'moving_in_with_partner'],
    ['we just got engaged and want one place', 'marriage'],
    ['me voy a casar en abril', 'marriage'],
    ['property taxes went way up', 'taxes'],
    ['los impuestos de la propiedad subieron mucho', 'taxes'],
    ['tenants stopped paying rent', 'tenants'],
    ['tired of dealing with renters', 'tenants'],
    ['los inquilinos se van en marzo', 'tenants'],
    ['tenants just gave notice and im done being a landlord', 'tenants'],
    ['ya no quiero ser casero', 'tenants'],
    ['my husband quit his job so we gotta sell', 'financial'],
    ['quit my job, moving back to ohio, need to sell', 'relocation'],
    ["she's in a nursing home now y necesitamos el dinero para pagarlo", 'financial'],
    ["my mom's moving in with us so we need a place with a casita", 'upsizing'],
    ['the HOA fees are out of control', 'other'],
    ['want better schools for my daughter', 'other'],
    ['crime keeps getting worse around here', 'other'],
    ['just want a change of scenery', 'other'],
  ])('%j → %s', (text, motivation) => {
    expect(read(text).motivation).toBe(motivation);
  });

  it('reads a quit job only where it is why the house is sold, and a casita only for a parent moving in', () => {
    expect(
      read('I quit my job to start a business, does that affect my loan?', 'lead', null).motivation,
    ).toBeUndefined();
    expect(read('something with a granny flat / ADU', 'buyer', 'needs').motivation).toBeUndefined();
    expect(
      read("we're selling our moms place, she's moving in with us", 'lead', 'buy_or_sell').motivation,
    ).toBe('other');
  });

  it('lets a death outrank the inheritance and the move it causes', () => {
    expect(read('my dad died and left me his house, we live in Texas').motivation).toBe('death_in_family');
  });

  it('keeps a job-driven move as job and a move for family as relocation', () => {
    expect(read('moving to Phoenix for my wifes new job').motivation).toBe('job');
    expect(read('moving to Phoenix to be closer to family').motivation).toBe('relocation');
  });

  it('tells moving in together from getting married', () => {
    expect(read('moving in with my fiance, no wedding plans yet').motivation).toBe('moving_in_with_partner');
    expect(read('getting married and moving in together').motivation).toBe('marriage');
  });

  it('reads one-word reasons only after the motivation question', () => {
    expect(read('money').motivation).toBe('financial');
    expect(read('money', 'seller', 'price').motivation).toBeUndefined();
  });

  it('does not take a dead appliance, a lease or a commute question for a reason', () => {
    expect(read('the water heater died lol', 'seller', 'condition').motivation).toBeUndefined();
    expect(read('when my lease is up', 'seller', 'timeline').motivation).toBeUndefined();
    expect(read('how is the commute to LA from there', 'buyer', null).motivation).toBeUndefined();
    expect(read('we want good schools and no HOA', 'buyer', 'needs').motivation).toBeUndefined();
  });

  it('reads a landlord selling as the reason, and staying put as none', () => {
    expect(read("landlord's selling so we need our own place", 'lead', null).motivation).toBe('other');
    expect(read('siempre no, nos vamos a quedar', 'seller', null).motivation).toBeUndefined();
    expect(read('the kitchen needs an upgrade', 'seller', 'condition').motivation).toBeUndefined();
  });

  it('reads no reason from a question', () => {
    expect(read('what about closing costs and taxes?', 'seller', 'price').motivation).toBeUndefined();
    expect(read('taxes', 'seller', 'motivation').motivation).toBe('taxes');
  });

  it('gives a buyer who lost a job no financial motivation to buy', () => {
    expect(read('got laid off so we are pausing', 'buyer', 'timeline').motivation).toBeUndefined();
  });

  it('reads a purchase elsewhere as a reason to sell only when selling is in view', () => {
    expect(read('we bought a place in Eastvale', 'lead', null).motivation).toBeUndefined();
    expect(read('we bought a place in Eastvale so this one has to sell', 'lead', null).motivation).toBe(
      'bought_another',
    );
  });
});
