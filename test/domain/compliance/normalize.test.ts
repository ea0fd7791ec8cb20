import { describe, expect, it } from 'vitest';
import { normalize } from '../../../src/domain/compliance/index.ts';

describe('normalize', () => {
  it.each<[string, string]>([
    ['  STOP  ', 'stop'],
    ['¿Hablo con una persona real?', '¿hablo con una persona real?'],
    ['Niños   y\n\tcancelación', 'ninos y cancelacion'],
    ['Don\u2019t text me', "don't text me"],
    ['ÁÉÍÓÚ Ññ Üü', 'aeiou nn uu'],
  ])('%j → %j', (input, output) => {
    expect(normalize(input)).toBe(output);
  });
});
