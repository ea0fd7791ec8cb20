import { afterEach, describe, expect, it } from 'vitest';
import { createLocationSettings } from '../../src/app/locations/location-settings.ts';
import { defaultBotsConfig } from '../../src/domain/bots-config.ts';
import { backends, type TestDb } from '../support/db.ts';
import { postgresStores } from '../../src/adapters/postgres/stores.ts';

const bots = defaultBotsConfig({
  agentName: 'Jorge',
  market: 'Rancho Cucamonga, CA',
  timezone: 'America/Los_Angeles',
});
const at = new Date('2026-12-04T22:00:00Z');

describe.each(backends())('location settings on $name', (backend) => {
  let t: TestDb;
  afterEach(async () => {
    await t?.close();
  });

  it('two replicas: the one that took the write uses it at once, the other once its cache expires', async () => {
    t = await backend.open();
    let now = 0;
    const replica = () =>
      createLocationSettings({
        db: t.db,
        store: postgresStores.locationSettings,
        bots,
        calendarId: 'calEnv',
        ttlMs: 30_000,
        now: () => now,
      });
    const a = replica();
    const b = replica();
    expect((await b.get('locR1')).persona.agentName).toBe('Jorge');
    await a.write('locR1', { agentName: 'Maria', calendarId: 'calLoc' }, { replace: false, at });
    const onA = await a.get('locR1');
    expect(onA.persona.agentName).toBe('Maria');
    expect(onA.calendarId).toBe('calLoc');
    expect((await b.get('locR1')).persona.agentName).toBe('Jorge');
    now += 30_001;
    expect((await b.get('locR1')).persona.agentName).toBe('Maria');
    // Another location never sees it.
    const other = await a.get('locR2');
    expect(other.persona.agentName).toBe('Jorge');
    expect(other.calendarId).toBe('calEnv');
    expect(other.sources.calendarId).toBe('default');
  });

  it('PATCH semantics keep other keys, null clears one, replace clears what is left out', async () => {
    t = await backend.open();
    const s = createLocationSettings({
      db: t.db,
      store: postgresStores.locationSettings,
      bots,
      calendarId: undefined,
      ttlMs: 30_000,
    });
    await s.write('locP1', { agentName: 'Maria', brokerage: 'Sunrise Realty' }, { replace: false, at });
    let v = await s.write('locP1', { timezone: 'America/Chicago' }, { replace: false, at });
    expect(v.stored).toEqual({
      agentName: 'Maria',
      brokerage: 'Sunrise Realty',
      timezone: 'America/Chicago',
    });
    v = await s.write('locP1', { brokerage: null }, { replace: false, at });
    expect(v.stored).toEqual({ agentName: 'Maria', timezone: 'America/Chicago' });
    expect(v.persona.brokerage).toBeUndefined();
    expect(v.sources.brokerage).toBe('unset');
    v = await s.write('locP1', { market: 'Austin, TX' }, { replace: true, at });
    expect(v.stored).toEqual({ market: 'Austin, TX' });
    expect(v.persona).toEqual({ ...bots.persona, market: 'Austin, TX' });
    expect((await s.read('locP1')).updatedAt?.toISOString()).toBe(at.toISOString());
  });
});
