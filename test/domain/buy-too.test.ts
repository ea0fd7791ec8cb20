import { describe, expect, it } from 'vitest';
import { converse } from '../support/converse.ts';

// A seller who asks whether we help them buy as well is told yes, and both sides are kept: the
// Buyer bot takes the purchase once the sale side is done (turn.ts runBot).

describe('a seller asks for help buying too', () => {
  it('is told yes before the next question, and the lead is kept as selling and buying', () => {
    const ds = converse(
      ['thinking of selling my place', 'relocating for work', 'can you help us buy too?'],
      [],
    );
    const d = ds.at(-1);
    expect(d?.reply).toBe(
      "Yes, Jorge helps with buying too; we'll plan that next. Would 30 to 45 days work, or is 2 to 3 months or later in the year more realistic?",
    );
    expect(d?.state.facts.intent).toBe('both');
    expect(ds[1]?.state.facts.intent).toBe('sell');
  });

  it('in Spanish, and "me cambio de trabajo" is the reason for the move', () => {
    const ds = converse(
      ['quiero vender mi casa', 'me cambio de trabajo', '¿nos pueden ayudar a comprar también?'],
      [],
    );
    expect(ds[1]?.state.facts.motivation).toBe('job');
    expect(ds[1]?.reply).toMatch(/30 a 45 días/);
    expect(ds[2]?.reply).toMatch(/^Sí, Jorge también le ayuda a comprar; eso lo vemos después\. ¿/);
    expect(ds[2]?.state.facts.intent).toBe('both');
  });

  it('a seller who says nothing of buying stays a seller', () => {
    const d = converse(['thinking of selling my place', 'can you help us with staging?'], []).at(-1);
    expect(d?.state.facts.intent).toBe('sell');
    expect(d?.reply).not.toMatch(/buying too/);
  });
});
