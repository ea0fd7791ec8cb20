import { describe, expect, it } from 'vitest';
import { detectFairHousingRequest } from '../../src/domain/compliance/fair-housing.ts';
import { readMessage } from '../../src/domain/read-message.ts';

// A turn that needs free meeting times is decided twice on the same message, and several readers
// screen the same message: each reading is done once and every caller gets its own copy.
const NOW = new Date('2026-12-04T18:00:00Z');
const PLACES = ['Etiwanda', 'Alta Loma'];

describe('a message is read once per turn, and each caller gets its own reading', () => {
  it('changing one reading does not change what the next caller of the same message is given', () => {
    const text = 'pre-approved for 600k, 3 beds in Etiwanda or Alta Loma, moving in 2 months';
    const first = readMessage(text, 'buyer.budget', PLACES, NOW, 'buyer');
    const second = readMessage(text, 'buyer.budget', PLACES, NOW, 'buyer');
    expect(second).toEqual(first);
    first.facts.areas?.push('Fontana');
    first.acts.length = 0;
    first.slots.budget_max = 1;
    const third = readMessage(text, 'buyer.budget', PLACES, NOW, 'buyer');
    expect(third.facts.areas).toEqual(['Etiwanda', 'Alta Loma']);
    expect(third.acts.length).toBeGreaterThan(0);
    expect(third.slots.budget_max).toBe(600000);
  });

  it('the same words read against another question, day or bot are read again', () => {
    expect(readMessage('750', 'seller.price', [], NOW, 'seller').facts.priceExpectation).toBe(750000);
    expect(readMessage('750', null, [], NOW, 'seller').facts.priceExpectation).toBeUndefined();
    const march = (now: string) => readMessage('by march', 'seller.timeline', [], new Date(now), 'seller');
    expect(march('2026-12-04T18:00:00Z').facts.months).toBe(3);
    expect(march('2027-01-04T18:00:00Z').facts.months).toBe(2);
  });

  it('a screen answer handed out twice is two answers', () => {
    const ask = 'can you show me neighborhoods without many families with kids';
    const a = detectFairHousingRequest(ask);
    expect(a).not.toBeNull();
    if (a) (a as { protectedClass: string }).protectedClass = 'changed';
    expect(detectFairHousingRequest(ask)?.protectedClass).toBe('familial_status');
  });
});
