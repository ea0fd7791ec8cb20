import { describe, expect, it } from 'vitest';
import { extractRooms } from '../../../src/domain/language/index.ts';

describe('extractRooms', () => {
  it.each([
    ['3 beds', { beds: 3 }],
    ['3br', { beds: 3 }],
    ['3BR', { beds: 3 }],
    ['3 bd', { beds: 3 }],
    ['three bedrooms', { beds: 3 }],
    ['a 4-bedroom house', { beds: 4 }],
    ['at least 3 bedrooms', { beds: 3 }],
    ['3+ beds', { beds: 3 }],
    ['3-4 bedrooms', { beds: 3 }],
    ['3 or 4 bedroom home', { beds: 3 }],
    ['2.5 baths', { baths: 2.5 }],
    ['2 1/2 baths', { baths: 2.5 }],
    ['two and a half baths', { baths: 2.5 }],
    ['3/2', { beds: 3, baths: 2 }],
    ['looking for a 4/2.5', { beds: 4, baths: 2.5 }],
    ['4 bed 3 bath', { beds: 4, baths: 3 }],
    ['3bd/2ba', { beds: 3, baths: 2 }],
    ['3 bed/2 bath', { beds: 3, baths: 2 }],
    ['4 bd 2.5 ba', { beds: 4, baths: 2.5 }],
    ['a 3 bedroom 2 bathroom', { beds: 3, baths: 2 }],
    ['3 beds 2 baths in etiwanda under 600', { beds: 3, baths: 2 }],
    ['five bedrooms, three baths', { beds: 5, baths: 3 }],
    ['3 recámaras', { beds: 3 }],
    ['tres cuartos', { beds: 3 }],
    ['4 habitaciones', { beds: 4 }],
    ['2 baños', { baths: 2 }],
    ['2 baños y medio', { baths: 2.5 }],
    ['un baño y medio', { baths: 1.5 }],
    ['casa de 4 habitaciones y 3 baños', { beds: 4, baths: 3 }],
    ['una recámara', { beds: 1 }],
  ])('%j → %j', (text, rooms) => {
    expect(extractRooms(text)).toEqual(rooms);
  });

  it.each([
    ['2 car garage'],
    ['2 story'],
    ['I have 3 kids'],
    ['1/2 acre lot'],
    ['can we move on 3/15'],
    ['650k'],
    ['3'],
  ])('%j names no rooms', (text) => {
    expect(extractRooms(text)).toEqual({});
  });

  it('reads bare numbers when the bot just asked about bedrooms', () => {
    expect(extractRooms('3', { justAsked: true })).toEqual({ beds: 3 });
    expect(extractRooms('at least 4', { justAsked: true })).toEqual({ beds: 4 });
    expect(extractRooms('3 and 2', { justAsked: true })).toEqual({ beds: 3, baths: 2 });
  });
});
