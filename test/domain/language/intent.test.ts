import { describe, expect, it } from 'vitest';
import { classifyIntent, extractOfferPath } from '../../../src/domain/language/index.ts';

describe('classifyIntent', () => {
  it.each([
    ['looking to buy', 'buy'],
    ['we want to buy a house in etiwanda', 'buy'],
    ['we are first time buyers', 'buy'],
    ['house hunting in upland', 'buy'],
    ['is the house on banyan still available?', 'buy'],
    ['looking for a 3 bedroom home', 'buy'],
    ['we sold last year and now want to buy', 'buy'],
    ['not selling, just want to buy', 'buy'],
    ['busco casa en fontana', 'buy'],
    ['queremos comprar una casa', 'buy'],
    ['no quiero vender, quiero comprar', 'buy'],
    ['do you have any listings in etiwanda', 'buy'],
    ['send me homes in upland under 700', 'buy'],
    ['I want to sell my house', 'sell'],
    ["what's my home worth", 'sell'],
    ['how much can I get for my house', 'sell'],
    ["I can't stop thinking about selling", 'sell'],
    ['thinking about listing', 'sell'],
    ['not sure if we want to sell', 'sell'],
    ['need to sell my moms house', 'sell'],
    ['hola quiero vender mi casa', 'sell'],
    ['cuánto vale mi casa', 'sell'],
    ['need to sell before we buy', 'both'],
    ['we need a bigger place, have to sell ours and buy', 'both'],
    ['buying and selling', 'both'],
    ['queremos vender y comprar otra', 'both'],
    ['hi', 'other'],
    ['my neighbor sold for 800k', 'other'],
    ['who is this?', 'other'],
  ])('%j → %s', (text, intent) => {
    expect(classifyIntent(text).intent).toBe(intent);
  });

  it('is confident on clear phrases and not on a bare greeting', () => {
    expect(classifyIntent('I want to sell my house').confidence).toBeGreaterThanOrEqual(0.8);
    expect(classifyIntent('selling?').confidence).toBeLessThan(0.8);
    expect(classifyIntent('hi').confidence).toBeLessThan(0.5);
  });
});

describe('extractOfferPath', () => {
  it.each([
    ['I want top dollar', 'listing'],
    ['list it on the mls', 'listing'],
    ['want max price for it', 'listing'],
    ['no investors please', 'listing'],
    ['quiero el mejor precio', 'listing'],
    ['just want a cash offer', 'cash'],
    ['sell it as-is fast', 'cash'],
    ['quick sale, no repairs', 'cash'],
    ['are you an investor?', 'cash'],
    ['oferta en efectivo', 'cash'],
    ['venta rápida', 'cash'],
  ])('%j → %s', (text, path) => {
    expect(extractOfferPath(text)).toBe(path);
  });

  it.each([['idk'], ['3 beds'], ['hoping for 750']])('%j leans neither way', (text) => {
    expect(extractOfferPath(text)).toBeNull();
  });
});
