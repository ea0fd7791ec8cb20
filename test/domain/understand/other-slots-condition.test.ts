import { describe, expect, it } from 'vitest';
import type { AskedQuestion, BotKind } from '../../../src/domain/understand/types.ts';
import { readOtherSlots } from '../../../src/domain/understand/other-slots.ts';

const NOW = new Date('2026-12-04T12:00:00Z');
const read = (text: string, bot: BotKind = 'seller', lastQuestion: AskedQuestion | null = 'condition') =>
  readOtherSlots(text, { bot, lastQuestion, now: NOW });

describe('condition after the condition question', () => {
  it.each([
    ['totally redone, new kitchen new baths', 'excellent'],
    ['we remodeled everything 2 years ago', 'excellent'],
    ['turn key', 'excellent'],
    ['10/10', 'excellent'],
    ['mint', 'excellent'],
    ['está impecable', 'excellent'],
    ['como nueva, la remodelamos', 'excellent'],
    ['good', 'good'],
    ['pretty decent', 'good'],
    ['solid house, no big issues', 'good'],
    ['well taken care of', 'good'],
    ['just needs new carpet', 'good'],
    ['a 7', 'good'],
    ['está bien cuidada', 'good'],
    ['buena', 'good'],
    ['not too bad', 'good'],
    ['we kept it up really well', 'good'],
    ['ok i guess', 'fair'],
    ['meh its alright', 'fair'],
    ['so-so', 'fair'],
    ['needs some TLC', 'fair'],
    ['kinda dated, original 80s kitchen', 'fair'],
    ['livable but old', 'fair'],
    ['así así', 'fair'],
    ['ni bien ni mal', 'fair'],
    ['a couple small repairs needed', 'fair'],
    ['needs a new roof', 'needs_work'],
    ['its a mess', 'needs_work'],
    ['the tenants trashed it', 'needs_work'],
    ['fixer upper for sure', 'needs_work'],
    ['hvac is shot and the plumbing leaks', 'needs_work'],
    ['necesita mucho trabajo', 'needs_work'],
    ['le falta mucho arreglo', 'needs_work'],
    ['3/10', 'needs_work'],
    ['honestly its a dump', 'needs_work'],
    ['hay que arreglarle el techo', 'needs_work'],
    ['honestly a tear down', 'poor'],
    ['mold everywhere', 'poor'],
    ['burned in a fire last year', 'poor'],
    ['nobody can live in it', 'poor'],
    ['terrible', 'poor'],
    ['está en muy malas condiciones', 'poor'],
    ['hay que tumbarla', 'poor'],
  ])('%j → %s', (text, condition) => {
    expect(read(text).condition).toBe(condition);
  });

  it('takes the most severe statement, but a cosmetic need does not lower "good"', () => {
    expect(read('good shape, just needs paint').condition).toBe('good');
    expect(read('updated kitchen but the foundation is cracked').condition).toBe('poor');
    expect(read('clean but dated').condition).toBe('fair');
  });

  it('reads "ok" beside cosmetic work only as good, and a bare "fine" as fair', () => {
    expect(read('its okay. just needs new paint, nothing big').condition).toBe('good');
    expect(read('pretty good, needs carpet and the paint is kinda old').condition).toBe('good');
    expect(read('its fine').condition).toBe('fair');
    expect(read('its ok, kinda dated, needs paint').condition).toBe('fair');
    expect(read('original 1985 everything').condition).toBe('fair');
    expect(read('house is ok just needs paint').condition).toBe('good');
    expect(read('house is ok').condition).toBe('fair');
    expect(read('está bien, la cocina es original').condition).toBe('fair');
    expect(read('los baños son originales').condition).toBe('fair');
    expect(read('kitchen remodel is half done').condition).toBe('needs_work');
  });

  it('reads only what is stated, not a question or "I\'m good"', () => {
    expect(read('bien cuidada. ¿hay que arreglar algo antes de vender?').condition).toBe('good');
    expect(read('my agent handled all that so im good').condition).toBeUndefined();
    expect(read('cant keep up with the mortgage anymore', 'seller', 'motivation').condition).toBeUndefined();
    expect(read('650 más o menos', 'seller', 'price').condition).toBeUndefined();
    expect(read('más o menos').condition).toBe('fair');
  });

  it('does not read "as is" alone as a condition', () => {
    expect(read('as is').condition).toBeUndefined();
  });
});

describe('condition without the question', () => {
  it('needs a clear statement about the house', () => {
    expect(read('moving to Reno, house is in great shape, want 800', 'seller', null).condition).toBe(
      'excellent',
    );
    expect(read('la casa está bien, queremos 650', 'seller', null).condition).toBe('good');
    expect(read('its a fixer, my dad lived there 40 years', 'seller', 'motivation').condition).toBe(
      'needs_work',
    );
  });

  it('ignores bare grading words that answer something else', () => {
    expect(read('good', 'seller', 'timeline').condition).toBeUndefined();
    expect(read('perfect, see you at 5', 'seller', 'appointment').condition).toBeUndefined();
    expect(read('sounds good', 'seller', 'price').condition).toBeUndefined();
    expect(read('tuesday works', 'seller', 'appointment').condition).toBeUndefined();
  });

  it('reads no condition from a buyer, whose words are wishes', () => {
    expect(read('move in ready please, no fixers', 'buyer', 'needs').condition).toBeUndefined();
  });
});
