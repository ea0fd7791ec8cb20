import { describe, expect, it } from 'vitest';
import { extractMustHaves } from '../../../src/domain/language/index.ts';

describe('extractMustHaves', () => {
  it.each([
    ['must have a pool', ['pool']],
    ['no HOA', ['no_hoa']],
    ['pool and no hoa please', ['pool', 'no_hoa']],
    ['no mello roos', ['no_mello_roos']],
    ['single story, 3 car garage', ['garage', 'single_story']],
    ['one story home', ['single_story']],
    ['no stairs, my knees', ['single_story']],
    ['big backyard with a view', ['yard', 'view']],
    ['mountain views', ['view']],
    ['updated kitchen and a home office', ['updated_kitchen', 'home_office']],
    ['we both work from home', ['home_office']],
    ['ADU or casita', ['adu']],
    ['room for my RV', ['rv_parking']],
    ['RV parking', ['rv_parking']],
    ['good schools', ['good_schools']],
    ['solar would be nice', ['solar']],
    ['gated community', ['gated']],
    ['on a cul de sac', ['cul_de_sac']],
    ['horse property in alta loma', ['horse_property']],
    ['con alberca y sin HOA', ['pool', 'no_hoa']],
    ['una sola planta', ['single_story']],
    ['casa de un piso con cochera', ['garage', 'single_story']],
    ['buenas escuelas y jardín grande', ['yard', 'good_schools']],
    ['dont need a pool but want a big yard', ['yard']],
  ])('%j → %j', (text, tags) => {
    expect(extractMustHaves(text)).toEqual(tags);
  });

  it.each([
    ['no pool'],
    ['pool is not a must'],
    ['single family home'],
    ['I want to view the house'],
    ['Haven View Estates'],
    ['a lot of space'],
    ['can I come to your office'],
    ['HOA is fine'],
    ['3 beds 2 baths'],
    ['sin alberca'],
  ])('%j asks for nothing', (text) => {
    expect(extractMustHaves(text)).toEqual([]);
  });
});
