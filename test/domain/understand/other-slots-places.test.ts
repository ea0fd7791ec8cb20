import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../src/domain/language/detect-language.ts';
import type { AskedQuestion, BotKind } from '../../../src/domain/understand/types.ts';
import { readOtherSlots } from '../../../src/domain/understand/other-slots.ts';

const NOW = new Date('2026-12-04T12:00:00Z');
const read = (text: string, bot: BotKind = 'buyer', lastQuestion: AskedQuestion | null = null) =>
  readOtherSlots(text, { bot, lastQuestion, now: NOW });

describe('area', () => {
  it.each([
    ['anywhere in rancho', 'Rancho Cucamonga'],
    ['RC', 'Rancho Cucamonga'],
    ['close to terra vista', 'Rancho Cucamonga'],
    ['zip 91739', 'Rancho Cucamonga'],
    ['something in Ontario Ranch', 'Ontario'],
    ['la verne or san dimas', 'La Verne'],
    ['Upland, Claremont or Chino', 'Upland'],
    ['en Fontanna', 'Fontana'],
    ['somewhere in etiwanda please', 'Etiwanda'],
  ])('after the area question, %j → %s', (text, area) => {
    expect(read(text, 'buyer', 'area').area).toBe(area);
  });

  it('gives regions and ruled-out cities no value', () => {
    expect(read('anywhere in the IE', 'buyer', 'area').area).toBeUndefined();
    expect(read('near the 210 freeway', 'buyer', 'area').area).toBeUndefined();
    expect(read('anything but Rialto', 'buyer', 'area').area).toBeUndefined();
    expect(read('not pomona, maybe chino hills', 'buyer', 'area').area).toBe('Chino Hills');
  });

  it('does not take the city another agent works in', () => {
    expect(
      read('my cousin is listing it, she is a realtor in Claremont', 'seller', null).area,
    ).toBeUndefined();
  });

  it('does not take a street for a city', () => {
    expect(read('the one on Etiwanda Ave', 'buyer', null).area).toBeUndefined();
    expect(read('selling 4410 Haven Ave in Upland', 'lead', null).area).toBe('Upland');
  });

  it('reads "rancho" as a city only where a place is meant', () => {
    expect(read('rancho', 'buyer', 'area').area).toBe('Rancho Cucamonga');
    expect(read('compramos un rancho en Zacatecas', 'lead', null).area).toBeUndefined();
  });

  it('prefers the city a both-lead buys in, and skips a purchase already made', () => {
    expect(read('sell our Fontana house and buy in Upland', 'seller', null).area).toBe('Upland');
    expect(read('we closed on a house in Corona last month', 'buyer', null).area).toBeUndefined();
  });

  it('adds the realtor’s own place names, and counts a neighbourhood as its city', () => {
    const neighborhoods = ['Wood Streets', 'Victoria', 'North Etiwanda'];
    const ctx = { bot: 'buyer', lastQuestion: 'area', now: NOW, neighborhoods } as const;
    expect(readOtherSlots('the wood streets', ctx).area).toBe('Wood Streets');
    expect(readOtherSlots('around victoria', ctx).area).toBe('Rancho Cucamonga');
    expect(readOtherSlots('north etiwanda', ctx).area).toBe('Etiwanda');
  });
});

describe('rooms', () => {
  it.each([
    ['4 bd 3 ba', 4, 3],
    ['three bedrooms two and a half baths', 3, 2.5],
    ['at least 2 rooms, 1 bath is ok', 2, 1],
    ['4 recámaras y 2 baños y medio', 4, 2.5],
  ])('%j → %d beds, %d baths', (text, beds, baths) => {
    const slots = read(text, 'buyer', 'needs');
    expect(slots.bedrooms).toBe(beds);
    expect(slots.bathrooms).toBe(baths);
  });

  it('reads a bare number as bedrooms only after the needs question', () => {
    expect(read('3', 'buyer', 'needs').bedrooms).toBe(3);
    expect(read('3', 'buyer', 'timeline').bedrooms).toBeUndefined();
  });

  it('does not count the household as bedrooms', () => {
    expect(read('we are a family of 6', 'buyer', 'needs').bedrooms).toBeUndefined();
  });
});

describe('address, email and phone', () => {
  it('keeps the number and street only', () => {
    expect(read('its 12870 Bonita Ave, Chino CA 91710', 'seller', null).address).toBe('12870 Bonita Ave');
    expect(read('on Bonita Ave', 'seller', null).address).toBeUndefined();
  });

  it('lower-cases the email and writes the phone in E.164', () => {
    const slots = read('Reach me at Ana.Ruiz@Example.com or (909) 555-0148', 'lead', null);
    expect(slots.email).toBe('ana.ruiz@example.com');
    expect(slots.phone).toBe('+19095550148');
    expect(read('+1 951.555.0177', 'lead', null).phone).toBe('+19515550177');
  });

  it('does not read a price or a date as a phone number', () => {
    expect(read('around $1,250,000', 'seller', 'price').phone).toBeUndefined();
    expect(read('we paid 450000 in 2015', 'seller', null).phone).toBeUndefined();
  });
});

describe('language switch', () => {
  it.each([
    ['¿me puede mandar mensajes en español?', 'es'],
    ['do you have someone who speaks spanish', 'es'],
    ['english please', 'en'],
    ['prefiero inglés', 'en'],
    ['my english is not good', 'es'],
    ['no entiendo bien el español, in english pls', 'en'],
  ])('%j → %s', (text, language) => {
    expect(read(text, 'lead', null).language_switch).toBe(language);
  });

  it('is not set when no language is named', () => {
    expect(read('hola, quiero vender', 'lead', null).language_switch).toBeUndefined();
  });

  it('does not flip the conversation language on slang for a million', () => {
    expect(detectLanguage('half a mil')).toBeNull();
    expect(detectLanguage('thinking like 1.2 mil tops')).toBe('en');
    expect(detectLanguage('unos 500 mil dólares')).toBe('es');
  });
});
