import { describe, expect, it } from 'vitest';
import { detectHardship, extractMotivation } from '../../../src/domain/language/index.ts';

describe('extractMotivation', () => {
  it.each([
    ['moving to Texas for work', { kind: 'relocation', destination: 'Texas' }],
    ['moving to texas', { kind: 'relocation', destination: 'Texas' }],
    ['relocating to boise idaho next spring', { kind: 'relocation', destination: 'Boise Idaho' }],
    ['we are moving to the bay area', { kind: 'relocation', destination: 'Bay Area' }],
    ['moving to San Antonio in 2 months', { kind: 'relocation', destination: 'San Antonio' }],
    ['retiring to Arizona', { kind: 'relocation', destination: 'Arizona' }],
    ['got a new job in Austin', { kind: 'relocation', destination: 'Austin' }],
    ['moving back to Mexico.', { kind: 'relocation', destination: 'Mexico' }],
    ['moving out of state', { kind: 'relocation' }],
    ['job transfer', { kind: 'relocation' }],
    ['nos mudamos a Texas', { kind: 'relocation', destination: 'Texas' }],
    ['Nos vamos a Guadalajara por trabajo', { kind: 'relocation', destination: 'Guadalajara' }],
    ['kids moved out, too much house', { kind: 'downsizing' }],
    ['empty nesters now', { kind: 'downsizing' }],
    ['moving to a smaller place', { kind: 'downsizing' }],
    ['la casa es muy grande para nosotros', { kind: 'downsizing' }],
    ['going through a divorce', { kind: 'divorce' }],
    ['we are separated', { kind: 'divorce' }],
    ['divorcio', { kind: 'divorce' }],
    ['me estoy divorciando', { kind: 'divorce' }],
    ['my mom passed and left us the house', { kind: 'inherited' }],
    ['we inherited it from my dad', { kind: 'inherited' }],
    ['its in probate', { kind: 'inherited' }],
    ['herencia', { kind: 'inherited' }],
    ['heredamos la casa de mis papás', { kind: 'inherited' }],
    ['behind on payments', { kind: 'financial_distress' }],
    ["can't afford it anymore", { kind: 'financial_distress' }],
    ['facing foreclosure', { kind: 'financial_distress' }],
    ['atrasados en los pagos', { kind: 'financial_distress' }],
    ['need more space', { kind: 'upgrading' }],
    ['growing family', { kind: 'upgrading' }],
    ['baby on the way, need a bigger house', { kind: 'upgrading' }],
    ['necesitamos más espacio', { kind: 'upgrading' }],
    ['tired of being a landlord', { kind: 'other' }],
    ['cansado de los inquilinos', { kind: 'other' }],
    // Reasons outside the old kinds still count as a reason given.
    ['getting married in june', { kind: 'other' }],
    ['moving in with my partner', { kind: 'other' }],
    ['taxes are too high', { kind: 'other' }],
    ['we bought another house already', { kind: 'other' }],
    ['my wife passed last spring', { kind: 'inherited' }],
  ])('%j → %j', (text, motivation) => {
    expect(extractMotivation(text)).toEqual(motivation);
  });

  it.each([['just want to sell'], ['hi'], ['650k'], ['3 beds 2 baths']])('%j gives no reason', (text) => {
    expect(extractMotivation(text)).toBeNull();
  });
});

describe('detectHardship', () => {
  it.each([
    ['going through a divorce', 'divorce'],
    ['me estoy divorciando', 'divorce'],
    ['my husband passed away last year', 'death'],
    ['my mom passed and left us the house', 'death'],
    ['my dad died in march', 'death'],
    ['falleció mi mamá', 'death'],
    ['behind on the mortgage', 'debt'],
    ['facing foreclosure', 'debt'],
    ['lost my job', 'debt'],
    ['tenemos muchas deudas', 'debt'],
    ['we owe more than its worth', 'underwater'],
    ['we are upside down on the loan', 'underwater'],
    ['debemos más de lo que vale', 'underwater'],
  ])('%j → %s', (text, hardship) => {
    expect(detectHardship(text)).toBe(hardship);
  });

  it.each([['my water heater died'], ['moving to Texas'], ['the inspection passed'], ['hoping for 750']])(
    '%j is no hardship',
    (text) => {
      expect(detectHardship(text)).toBeNull();
    },
  );
});
