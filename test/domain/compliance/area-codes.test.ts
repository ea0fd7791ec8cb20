import { describe, expect, it } from 'vitest';
import { areaCodeOf, placeOfAreaCode, placeOfPhone } from '../../../src/domain/compliance/area-codes.ts';
import { placeOfZip, REGION_ZONES } from '../../../src/domain/compliance/quiet-hours-places.ts';
import { isValidTimeZone } from '../../../src/domain/follow-up/local-time.ts';

describe('area codes', () => {
  it('reads the area code of a North American number however it is written', () => {
    for (const n of [
      '+1 (305) 555-0123',
      '305-555-0123',
      '3055550123',
      '13055550123',
      '+13055550123',
      '305.555.0123',
    ])
      expect(areaCodeOf(n)).toBe(305);
  });

  it('refuses what is not a NANP number', () => {
    for (const n of [
      '+44 20 7946 0958',
      '+52 55 1234 5678',
      '555-0123',
      '0305550123',
      '1055550123',
      '',
      'none',
    ])
      expect(areaCodeOf(n)).toBeNull();
  });

  it('places numbers by state, with the zone where most people of the code live', () => {
    expect(placeOfPhone('+13125550100')).toEqual({ region: 'IL', zones: ['America/Chicago'] });
    expect(placeOfPhone('+19155550100')).toEqual({ region: 'TX', zones: ['America/Denver'] });
    expect(placeOfPhone('+12145550100')).toEqual({ region: 'TX', zones: ['America/Chicago'] });
    expect(placeOfPhone('+18655550100')).toEqual({ region: 'TN', zones: ['America/New_York'] });
    expect(placeOfPhone('+16045550100')).toEqual({ region: 'BC', zones: ['America/Vancouver'] });
    // Toll-free and the fictional 555 are nowhere.
    expect(placeOfPhone('+18005550100')).toBeNull();
    expect(placeOfPhone('+15555550100')).toBeNull();
  });

  it('every assigned code and every region names only zones the runtime knows', () => {
    for (let code = 200; code <= 999; code++) {
      const place = placeOfAreaCode(code);
      for (const zone of place?.zones ?? []) expect(isValidTimeZone(zone), `${code} ${zone}`).toBe(true);
    }
    for (const [region, zones] of Object.entries(REGION_ZONES)) {
      expect(zones.length, region).toBeGreaterThan(0);
      for (const zone of zones) expect(isValidTimeZone(zone), `${region} ${zone}`).toBe(true);
    }
  });
});

describe('ZIP codes', () => {
  it('place a ZIP by its first three digits', () => {
    expect(placeOfZip('33101')).toEqual({ region: 'FL', zones: ['America/New_York'] });
    expect(placeOfZip('73301')).toMatchObject({ region: 'TX' }); // Austin's IRS prefix sits among Oklahoma's
    expect(placeOfZip('91730')).toEqual({ region: 'CA', zones: ['America/Los_Angeles'] });
    expect(placeOfZip('02903')).toMatchObject({ region: 'RI' });
    expect(placeOfZip('83814')).toEqual({ region: 'ID', zones: ['America/Los_Angeles'] }); // Coeur d'Alene
  });

  it('refuses what is not a US ZIP code', () => {
    for (const z of ['M5V 2T6', '1234', '123456', 'abcde', '09002', '']) expect(placeOfZip(z)).toBeNull();
  });
});
