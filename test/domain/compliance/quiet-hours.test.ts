import { describe, expect, it } from 'vitest';
import { nextAllowedSend, sendWindowFor } from '../../../src/domain/compliance/quiet-hours.ts';

const LA = 'America/Los_Angeles';
const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();

describe('sendWindowFor: whose clock and whose law', () => {
  it('a Miami number on a California account: Eastern time, Florida hours and the three-a-day cap', () => {
    const w = sendWindowFor({ phone: '+1 (305) 555-0123' }, LA);
    expect(w).toMatchObject({
      zone: 'America/New_York',
      startHour: 8,
      endHour: 20,
      maxPerDay: 3,
      zoneFrom: 'area_code',
    });
    expect(w.otherZones).toBeUndefined();
    expect(w.laws).toContain('Fla. Stat. § 501.616(6)(a)-(b)');
  });

  it('a number nobody can place keeps the location zone and the federal 8 am to 9 pm', () => {
    for (const phone of ['+15555550100', '+44 20 7946 0958', '555-0123', 'call me', '']) {
      const w = sendWindowFor({ phone }, LA);
      expect(w).toMatchObject({ zone: LA, startHour: 8, endHour: 21, zoneFrom: 'fallback' });
      expect(w.maxPerDay).toBeUndefined();
    }
  });

  it('the address beats the phone for the clock, and both states’ rules apply', () => {
    // A Seattle number, living in Miami: Eastern clock, Florida's 8 pm and cap (Washington agrees on 8 pm).
    const w = sendWindowFor({ phone: '206-555-0144', zip: '33101', state: 'FL' }, LA);
    expect(w).toMatchObject({ zone: 'America/New_York', zoneFrom: 'zip', endHour: 20, maxPerDay: 3 });
    // A Miami number, now living in Los Angeles: Pacific clock, still Florida's hours (the area code presumption).
    const moved = sendWindowFor({ phone: '3055550123', zip: '90012' }, 'America/New_York');
    expect(moved).toMatchObject({ zone: LA, endHour: 20, maxPerDay: 3 });
  });

  it('a state named in full works like its code; a state alone keeps every zone it spans', () => {
    const tx = sendWindowFor({ state: 'Texas' }, LA);
    expect(tx).toMatchObject({ zone: 'America/Chicago', otherZones: ['America/Denver'], zoneFrom: 'state' });
    expect(tx.startHour).toBe(9);
    expect(tx.days?.[0]).toEqual({ startHour: 12, endHour: 21 });
    expect(sendWindowFor({ state: ' florida ' }, LA).zone).toBe('America/New_York');
    expect(sendWindowFor({ state: 'Narnia' }, LA).zoneFrom).toBe('fallback');
  });

  it('a ZIP on the far side of a zone line names that zone alone', () => {
    expect(sendWindowFor({ zip: '32501' }, LA)).toMatchObject({ zone: 'America/Chicago', zoneFrom: 'zip' }); // Pensacola
    expect(sendWindowFor({ zip: '79901-1234' }, LA).zone).toBe('America/Denver'); // El Paso
    expect(sendWindowFor({ zip: '75201' }, LA)).not.toHaveProperty('otherZones'); // Dallas
  });

  it('a time zone set on the contact beats the state and the area code, not the ZIP', () => {
    const own = { timeZone: 'America/Denver', state: 'TX', phone: '2145550100' };
    expect(sendWindowFor(own, LA)).toMatchObject({ zone: 'America/Denver', zoneFrom: 'contact' });
    expect(sendWindowFor({ ...own, zip: '75201' }, LA).zone).toBe('America/Chicago');
    expect(sendWindowFor({ timeZone: 'Mars/Olympus' }, LA).zoneFrom).toBe('fallback');
  });

  it('the panhandle straddles the line: Central first, Eastern too', () => {
    expect(sendWindowFor({ phone: '+18505550100' }, LA)).toMatchObject({
      zone: 'America/Chicago',
      otherZones: ['America/New_York'],
    });
  });

  it('the strictest rule wins on each day: a Rhode Island number with a Texas address', () => {
    const w = sendWindowFor({ phone: '4015550100', state: 'TX' }, LA);
    expect([w.startHour, w.endHour]).toEqual([9, 18]);
    expect(w.days?.[6]).toEqual({ startHour: 10, endHour: 17 });
    expect(w.days?.[0]).toBeNull();
  });

  it('a Toronto number follows the CRTC hours: 9 to 9 on weekdays, 10 to 6 at weekends', () => {
    const w = sendWindowFor({ phone: '+1 416 555 0100' }, LA);
    expect(w).toMatchObject({ zone: 'America/Toronto', startHour: 9, endHour: 21 });
    expect(w.days?.[6]).toEqual({ startHour: 10, endHour: 18 });
  });
});

describe('nextAllowedSend', () => {
  const florida = sendWindowFor({ phone: '+13055550123' }, LA);
  const california = sendWindowFor({ phone: '+19095550123' }, LA);

  it('8:30 pm in Miami waits for 8 am; the same minute is 5:30 pm in California and goes', () => {
    const evening = at('2026-11-24T01:30:00Z'); // Mon 20:30 EST, 17:30 PST
    expect(iso(nextAllowedSend(evening, florida, []))).toBe('2026-11-24T13:00:00.000Z'); // Tue 08:00 EST
    expect(nextAllowedSend(evening, california, [])).toEqual(evening);
  });

  it('inside the window nothing moves; 7:59 pm in Miami goes, 8:00 pm does not', () => {
    expect(nextAllowedSend(at('2026-11-24T00:59:00Z'), florida, [])).toEqual(at('2026-11-24T00:59:00Z'));
    expect(iso(nextAllowedSend(at('2026-11-24T01:00:00Z'), florida, []))).toBe('2026-11-24T13:00:00.000Z');
    expect(iso(nextAllowedSend(at('2026-11-24T11:00:00Z'), florida, []))).toBe('2026-11-24T13:00:00.000Z'); // 6 am
  });

  it('over a daylight-saving change the window opens at 8 am on the new clock', () => {
    const ny = sendWindowFor({ phone: '2125550100' }, LA);
    // Sat 7 Mar 2026 21:30 EST → Sun 8 Mar 08:00 EDT (UTC-4).
    expect(iso(nextAllowedSend(at('2026-03-08T02:30:00Z'), ny, []))).toBe('2026-03-08T12:00:00.000Z');
    // Sat 31 Oct 2026 21:30 EDT → Sun 1 Nov 08:00 EST (UTC-5).
    expect(iso(nextAllowedSend(at('2026-11-01T01:30:00Z'), ny, []))).toBe('2026-11-01T13:00:00.000Z');
  });

  it('a lead who may be on either side of a zone line hears from us only when both clocks allow', () => {
    const panhandle = sendWindowFor({ phone: '8505550100' }, LA);
    // Mon 19:30 CST = 20:30 EST: closed in the east, so Tue 08:00 CST (09:00 EST).
    expect(iso(nextAllowedSend(at('2026-11-24T01:30:00Z'), panhandle, []))).toBe('2026-11-24T14:00:00.000Z');
    // Tue 07:30 EST = 06:30 CST: wait for 08:00 CST.
    expect(iso(nextAllowedSend(at('2026-11-24T12:30:00Z'), panhandle, []))).toBe('2026-11-24T14:00:00.000Z');
  });

  it('Texas on a Sunday opens at noon; known only by state, at noon Mountain time', () => {
    const sundayMorning = at('2026-11-22T16:00:00Z'); // Sun 10:00 CST
    const dallas = sendWindowFor({ zip: '75201' }, LA);
    expect(iso(nextAllowedSend(sundayMorning, dallas, []))).toBe('2026-11-22T18:00:00.000Z'); // 12:00 CST
    const texas = sendWindowFor({ state: 'TX' }, LA);
    expect(iso(nextAllowedSend(sundayMorning, texas, []))).toBe('2026-11-22T19:00:00.000Z'); // 12:00 MST
  });

  it('no texts on a Louisiana Sunday: Saturday evening waits for Monday 8 am', () => {
    const louisiana = sendWindowFor({ phone: '5045550100' }, LA);
    expect(iso(nextAllowedSend(at('2026-11-29T02:30:00Z'), louisiana, []))).toBe('2026-11-30T14:00:00.000Z');
  });

  it('the Florida cap: a fourth text in 24 hours waits until the first of the three is a day old', () => {
    const noon = at('2026-11-24T17:00:00Z'); // Tue 12:00 EST
    const sent = ['2026-11-24T14:00:00Z', '2026-11-24T15:00:00Z', '2026-11-24T16:00:00Z'].map(at);
    expect(iso(nextAllowedSend(noon, florida, sent))).toBe('2026-11-25T14:00:00.000Z');
    // Two in the last day (one is older than 24 hours): it may go.
    const older = [at('2026-11-23T16:59:00Z'), ...sent.slice(1)];
    expect(nextAllowedSend(noon, florida, older)).toEqual(noon);
    // California has no cap.
    expect(nextAllowedSend(noon, california, sent)).toEqual(noon);
  });

  it('a cap that frees up at night waits on for the morning', () => {
    const evening = at('2026-11-24T23:30:00Z'); // Tue 18:30 EST
    const sent = ['2026-11-24T00:30:00Z', '2026-11-24T13:00:00Z', '2026-11-24T20:00:00Z'].map(at);
    // The oldest of the three turns a day old at 19:30 EST, still inside Florida's hours.
    expect(iso(nextAllowedSend(evening, florida, sent))).toBe('2026-11-25T00:30:00.000Z');
    const lateSent = ['2026-11-24T01:30:00Z', '2026-11-24T13:00:00Z', '2026-11-24T20:00:00Z'].map(at);
    // Frees at 20:30 EST, after Florida's 8 pm: Wednesday 08:00.
    expect(iso(nextAllowedSend(evening, florida, lateSent))).toBe('2026-11-25T13:00:00.000Z');
  });
});
