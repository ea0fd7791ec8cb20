import { describe, expect, it } from 'vitest';
import {
  classifyIntent,
  detectHardship,
  detectLanguage,
  detectPriceAnchoring,
  extractAddress,
  extractAreas,
  extractBudget,
  extractCondition,
  extractFinancing,
  extractMotivation,
  extractMustHaves,
  extractOfferPath,
  extractPriceExpectation,
  extractRooms,
  extractTimeline,
  extractTimelineAcceptance,
} from '../../../src/domain/language/index.ts';

// Real leads answer several questions in one text; every extractor must read its part and ignore the rest.
describe('several facts in one message', () => {
  it('reads a buyer who answers everything at once', () => {
    const text = 'pre-approved, 600k, 3 beds, Etiwanda, moving in 2 months';
    expect(extractFinancing(text)).toEqual({ status: 'pre_approved' });
    expect(extractBudget(text)).toEqual({ max: 600_000 });
    expect(extractRooms(text)).toEqual({ beds: 3 });
    expect(extractAreas(text)).toEqual(['Etiwanda']);
    expect(extractTimeline(text)).toMatchObject({ months: 2, horizon: 'within_90' });
  });

  it('reads beds, baths, area and ceiling without mixing them up', () => {
    const text = '3 beds 2 baths in etiwanda under 600';
    expect(extractRooms(text)).toEqual({ beds: 3, baths: 2 });
    expect(extractAreas(text)).toEqual(['Etiwanda']);
    expect(extractBudget(text)).toEqual({ max: 600_000 });
    expect(extractTimeline(text).horizon).toBeNull();
  });

  it('reads a sloppy buyer wish list', () => {
    const text =
      'we need 4br 3ba pool no hoa in alta loma, budget 900k-1.1m, preapproved with chase, want to move by summer';
    expect(extractRooms(text)).toEqual({ beds: 4, baths: 3 });
    expect(extractMustHaves(text)).toEqual(['pool', 'no_hoa']);
    expect(extractAreas(text)).toEqual(['Alta Loma']);
    expect(extractBudget(text)).toEqual({ min: 900_000, max: 1_100_000 });
    expect(extractFinancing(text)).toEqual({ status: 'pre_approved', lender: 'Chase' });
    expect(extractTimeline(text)).toEqual({ season: 'summer', horizon: null });
  });

  it('reads a seller who answers all four questions in one text', () => {
    const text =
      'were relocating to phoenix for my husbands job, house is turnkey, hoping to get around 800k. 30-45 days works';
    expect(extractMotivation(text)).toEqual({ kind: 'relocation', destination: 'Phoenix' });
    expect(extractCondition(text)).toBe('move_in_ready');
    expect(extractPriceExpectation(text)).toBe(800_000);
    expect(extractTimelineAcceptance(text, { justAsked: false })).toBe('yes');
  });

  it('reads a Spanish seller', () => {
    const text =
      'Hola, queremos vender nuestra casa porque nos mudamos a Arizona. Está en buen estado y esperamos unos 700 mil';
    expect(detectLanguage(text)).toBe('es');
    expect(classifyIntent(text).intent).toBe('sell');
    expect(extractMotivation(text)).toEqual({ kind: 'relocation', destination: 'Arizona' });
    expect(extractCondition(text)).toBe('move_in_ready');
    expect(extractPriceExpectation(text)).toBe(700_000);
  });

  it('reads a Spanish buyer', () => {
    const text =
      'Buenas tardes, me interesa comprar una casa de 4 recámaras con alberca en Ontario, tenemos presupuesto de 600 mil y ya estamos preaprobados';
    expect(detectLanguage(text)).toBe('es');
    expect(classifyIntent(text).intent).toBe('buy');
    expect(extractRooms(text)).toEqual({ beds: 4 });
    expect(extractMustHaves(text)).toEqual(['pool']);
    expect(extractAreas(text)).toEqual(['Ontario']);
    expect(extractBudget(text)).toEqual({ max: 600_000 });
    expect(extractFinancing(text)).toEqual({ status: 'pre_approved' });
  });

  it('keeps a street number, a debt and a neighbour sale out of the seller price', () => {
    const text = 'i owe 350 on 1234 Banyan St, neighbor sold 3 months ago for 720k';
    expect(extractAddress(text)).toBe('1234 Banyan St');
    expect(extractPriceExpectation(text)).toBeNull();
    expect(detectPriceAnchoring(text)).toBe(true);
    expect(extractTimeline(text).horizon).toBeNull();
  });

  it('reads a distressed seller who wants a cash buyer', () => {
    const text = 'behind on payments and the roof leaks, just want a cash offer as is';
    expect(extractMotivation(text)).toEqual({ kind: 'financial_distress' });
    expect(detectHardship(text)).toBe('debt');
    expect(extractCondition(text)).toBe('needs_major_work');
    expect(extractOfferPath(text)).toBe('cash');
  });

  it('reads price bands', () => {
    expect(extractBudget('somewhere in the 700s')).toEqual({ min: 700_000, max: 800_000 });
    expect(extractBudget('low 600s')).toEqual({ min: 600_000, max: 650_000 });
    expect(extractBudget('mid-800s')).toEqual({ min: 825_000, max: 875_000 });
    expect(extractBudget('back in the 90s')).toEqual({});
  });

  it('does not take "no more than 500k" as a refusal of anything', () => {
    expect(extractBudget('no more than 500k')).toEqual({ max: 500_000 });
    expect(extractTimelineAcceptance('no more than 500k', { justAsked: false })).toBeNull();
  });
});
