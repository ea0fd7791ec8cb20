import { describe, expect, it } from 'vitest';
import { warmUpTurns } from '../../src/app/turn/warm-up.ts';

describe('warming the turn readers before the inbox worker starts', () => {
  it('gives the event loop back between messages, so webhooks are still acknowledged meanwhile', async () => {
    let turnsOfTheLoop = 0;
    let warming = true;
    const tick = () => {
      turnsOfTheLoop++;
      if (warming) setImmediate(tick);
    };
    setImmediate(tick);
    const ms = await warmUpTurns(new Date('2026-12-04T18:00:00Z'));
    warming = false;
    expect(ms).toBeGreaterThan(0);
    // Twelve sample messages, each followed by a turn of the loop.
    expect(turnsOfTheLoop).toBeGreaterThanOrEqual(12);
  });
});
