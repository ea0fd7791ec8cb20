import { describe, expect, it } from 'vitest';
import {
  allowedSendTime,
  isValidTimeZone,
  localDateTime,
  planFollowUps,
} from '../../../src/domain/follow-up/index.ts';

const LA = 'America/Los_Angeles';
const NY = 'America/New_York';
const HONOLULU = 'Pacific/Honolulu';
const MADRID = 'Europe/Madrid';

const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();
const send = (dueIso: string, zone: string, lastAutomatedAt: string | null = null) =>
  iso(
    allowedSendTime(at(dueIso), zone, {
      lastAutomatedAt: lastAutomatedAt === null ? null : at(lastAutomatedAt),
    }),
  );

describe('planFollowUps', () => {
  it('puts day 3, 7, 14 and 30 that many days after the last inbound message', () => {
    const plan = planFollowUps(at('2026-05-01T17:25:00.000Z'));
    expect(plan.map((p) => [p.step, iso(p.dueAt)])).toEqual([
      ['day3', '2026-05-04T17:25:00.000Z'],
      ['day7', '2026-05-08T17:25:00.000Z'],
      ['day14', '2026-05-15T17:25:00.000Z'],
      ['day30', '2026-05-31T17:25:00.000Z'],
    ]);
  });

  it('a later reply moves the whole sequence', () => {
    const first = planFollowUps(at('2026-05-01T17:00:00Z'));
    const again = planFollowUps(at('2026-05-06T09:00:00Z'));
    expect(iso(again[0]!.dueAt)).toBe('2026-05-09T09:00:00.000Z');
    expect(again[0]!.dueAt.getTime()).toBeGreaterThan(first[0]!.dueAt.getTime());
  });
});

describe('allowedSendTime: quiet hours', () => {
  it('keeps a time inside 08:00 to 21:00 local as it is', () => {
    // 10:00 PDT
    expect(send('2026-05-04T17:00:00.000Z', LA)).toBe('2026-05-04T17:00:00.000Z');
    // 20:59 PDT
    expect(send('2026-05-05T03:59:00.000Z', LA)).toBe('2026-05-05T03:59:00.000Z');
    // 08:00 PDT exactly
    expect(send('2026-05-04T15:00:00.000Z', LA)).toBe('2026-05-04T15:00:00.000Z');
  });

  it('moves 22:30 local to 08:00 the next local day', () => {
    // 22:30 PDT May 4 → 08:00 PDT May 5
    expect(send('2026-05-05T05:30:00.000Z', LA)).toBe('2026-05-05T15:00:00.000Z');
  });

  it('moves 06:10 local to 08:00 the same day', () => {
    expect(send('2026-05-04T13:10:00.000Z', LA)).toBe('2026-05-04T15:00:00.000Z');
  });

  it('21:00 local is already too late; 07:59 is still too early', () => {
    expect(send('2026-05-05T04:00:00.000Z', LA)).toBe('2026-05-05T15:00:00.000Z');
    expect(send('2026-05-04T14:59:30.000Z', LA)).toBe('2026-05-04T15:00:00.000Z');
  });

  it('reads the same instant in each contact zone', () => {
    const due = '2026-05-04T15:00:00.000Z'; // 08:00 LA, 11:00 NY, 05:00 Honolulu, 17:00 Madrid
    expect(send(due, LA)).toBe(due);
    expect(send(due, NY)).toBe(due);
    expect(send(due, HONOLULU)).toBe('2026-05-04T18:00:00.000Z');
    expect(send(due, MADRID)).toBe(due);
    // 22:00 in Madrid → 08:00 CEST next day
    expect(send('2026-05-04T20:00:00.000Z', MADRID)).toBe('2026-05-05T06:00:00.000Z');
  });
});

describe('allowedSendTime across daylight-saving changes', () => {
  it('Los Angeles, clocks forward on 2026-03-08: 08:00 is PDT (UTC-7)', () => {
    // 22:30 PST on Mar 7 → 08:00 PDT on Mar 8, not 16:00Z as a fixed -8 h would give
    expect(send('2026-03-08T06:30:00.000Z', LA)).toBe('2026-03-08T15:00:00.000Z');
    // 03:30 PDT, just after the jump
    expect(send('2026-03-08T10:30:00.000Z', LA)).toBe('2026-03-08T15:00:00.000Z');
  });

  it('Los Angeles, clocks back on 2026-11-01: 08:00 is PST (UTC-8)', () => {
    // 23:00 PDT on Oct 31 → 08:00 PST on Nov 1
    expect(send('2026-11-01T06:00:00.000Z', LA)).toBe('2026-11-01T16:00:00.000Z');
    // 01:30 the second time (PST)
    expect(send('2026-11-01T09:30:00.000Z', LA)).toBe('2026-11-01T16:00:00.000Z');
    // 20:30 PST on Nov 1 is still inside the window
    expect(send('2026-11-02T04:30:00.000Z', LA)).toBe('2026-11-02T04:30:00.000Z');
  });

  it('New York on both 2026 changes', () => {
    expect(send('2026-03-08T05:00:00.000Z', NY)).toBe('2026-03-08T12:00:00.000Z');
    expect(send('2026-11-01T04:30:00.000Z', NY)).toBe('2026-11-01T13:00:00.000Z');
  });

  it('Honolulu has no daylight saving', () => {
    // 21:00 HST Mar 7 → 08:00 HST Mar 8 (UTC-10)
    expect(send('2026-03-08T07:00:00.000Z', HONOLULU)).toBe('2026-03-08T18:00:00.000Z');
    expect(send('2026-11-01T07:00:00.000Z', HONOLULU)).toBe('2026-11-01T18:00:00.000Z');
  });

  it('Madrid changes on its own dates (2026-03-29 and 2026-10-25)', () => {
    // 23:00 CET Mar 28 → 08:00 CEST Mar 29 (UTC+2)
    expect(send('2026-03-28T22:00:00.000Z', MADRID)).toBe('2026-03-29T06:00:00.000Z');
    // 22:00 CEST Oct 24 → 08:00 CET Oct 25 (UTC+1)
    expect(send('2026-10-24T20:00:00.000Z', MADRID)).toBe('2026-10-25T07:00:00.000Z');
  });

  it('a window that opens inside the skipped hour opens when the clocks jump', () => {
    const due = at('2026-03-08T09:30:00.000Z'); // 01:30 PST; 02:00-03:00 does not exist that night
    const t = allowedSendTime(due, LA, { lastAutomatedAt: null, window: { startHour: 2, endHour: 21 } });
    expect(iso(t)).toBe('2026-03-08T10:00:00.000Z'); // 03:00 PDT
  });
});

describe('allowedSendTime: one automated message per local day', () => {
  it('a message already sent today (local) pushes this one to 08:00 tomorrow', () => {
    // last 09:00 PDT May 1; due 20:30 PDT May 1, which is already May 2 in UTC
    expect(send('2026-05-02T03:30:00.000Z', LA, '2026-05-01T16:00:00.000Z')).toBe('2026-05-02T15:00:00.000Z');
  });

  it('a message sent yesterday (local) does not block, even on the same UTC date', () => {
    // last 20:30 PDT May 1 (03:30Z May 2); due 08:30 PDT May 2 (15:30Z May 2)
    expect(send('2026-05-02T15:30:00.000Z', LA, '2026-05-02T03:30:00.000Z')).toBe('2026-05-02T15:30:00.000Z');
  });

  it('after quiet hours move it, the new day is checked too', () => {
    // due 22:30 PDT May 4 → would be 08:00 May 5, but a message already went out 08:05 May 5
    expect(send('2026-05-05T05:30:00.000Z', LA, '2026-05-05T15:05:00.000Z')).toBe('2026-05-06T15:00:00.000Z');
  });

  it('never sends before it is due, always inside the window, never twice a local day', () => {
    let seed = 42;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const start = Date.parse('2026-01-01T00:00:00Z');
    for (const zone of [LA, NY, HONOLULU, MADRID]) {
      for (let i = 0; i < 300; i++) {
        const due = new Date(start + Math.floor(next() * 365 * 86_400_000));
        const last = next() < 0.5 ? null : new Date(due.getTime() - Math.floor(next() * 2 * 86_400_000));
        const t = allowedSendTime(due, zone, { lastAutomatedAt: last });
        const local = localDateTime(t, zone);
        expect(t.getTime()).toBeGreaterThanOrEqual(due.getTime());
        expect(local.hour).toBeGreaterThanOrEqual(8);
        expect(local.hour).toBeLessThan(21);
        if (last) {
          const l = localDateTime(last, zone);
          const key = (d: { year: number; month: number; day: number }) =>
            d.year * 10_000 + d.month * 100 + d.day;
          expect(key(local)).toBeGreaterThan(key(l));
        }
        // Moved means moved to the first allowed minute: 08:00 sharp.
        if (t.getTime() !== due.getTime())
          expect([local.hour, local.minute, local.second]).toEqual([8, 0, 0]);
      }
    }
  });
});

describe('time zone input', () => {
  it('rejects an unknown zone loudly; isValidTimeZone lets callers fall back first', () => {
    expect(isValidTimeZone('America/Los_Angeles')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(() =>
      allowedSendTime(at('2026-05-04T17:00:00Z'), 'Mars/Olympus_Mons', { lastAutomatedAt: null }),
    ).toThrow(RangeError);
  });

  it('rejects a window that makes no sense', () => {
    expect(() =>
      allowedSendTime(at('2026-05-04T17:00:00Z'), LA, {
        lastAutomatedAt: null,
        window: { startHour: 21, endHour: 8 },
      }),
    ).toThrow(RangeError);
  });
});
