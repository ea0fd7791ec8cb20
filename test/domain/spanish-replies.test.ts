import { describe, expect, it } from 'vitest';
import { defaultBotsConfig } from '../../src/domain/bots-config.ts';
import { type TurnDecision, decideTurn } from '../../src/domain/turn.ts';

// A lead who writes Spanish is answered in Spanish: the first reply, and the opt-out confirmation
// (sent once, with nothing after it) even when the conversation so far was in English.

const cfg = defaultBotsConfig({
  agentName: 'Jorge',
  market: 'Rancho Cucamonga, CA',
  timezone: 'America/Los_Angeles',
});

function converse(texts: string[], tags: string[] = []): TurnDecision[] {
  let stored: Record<string, unknown> | null = null;
  let current = [...tags];
  let optedOut = false;
  const out: TurnDecision[] = [];
  for (const text of texts) {
    const d = decideTurn({
      cfg,
      stored,
      contact: { tags: current, fields: {}, optedOut, paused: false },
      text,
      channel: 'SMS',
      now: new Date('2026-12-04T18:00:00Z'),
      calendar: false,
      listings: [],
    });
    for (const a of d.actions) {
      if (a.type === 'add_tags') current = [...current, ...a.tags];
      if (a.type === 'remove_tags') current = current.filter((t) => !a.tags.includes(t));
      if (a.type === 'set_contact' && a.optedOut !== undefined) optedOut = a.optedOut;
    }
    stored = d.state as unknown as Record<string, unknown>;
    out.push(d);
  }
  return out;
}

const SPANISH_CONFIRMATION = /ya no recibir[áa] m[áa]s mensajes/i;
const optsOut = (d: TurnDecision | undefined) =>
  d?.actions.some((a) => a.type === 'set_contact' && a.optedOut === true) ?? false;

describe('Spanish opt-outs are confirmed in Spanish, once', () => {
  it.each([
    [['ALTO']],
    [['hi, yes I want to sell', 'no me escribas']],
    [['hi, yes I want to sell', 'ya no me manden mensajes']],
    [['hi, yes I want to sell', 'ALTO']],
  ])('%j', (texts) => {
    const steps = converse([...texts, 'hola?'], ['Seller-Lead']);
    const stop = steps[texts.length - 1];
    expect(optsOut(stop)).toBe(true);
    expect(stop?.reply).toMatch(SPANISH_CONFIRMATION);
    expect(stop?.reply).not.toMatch(/unsubscribed/i);
    // Nothing more is sent after the confirmation.
    expect(steps[texts.length]?.reply).toBeNull();
  });

  it('keeps the English confirmation for an English STOP', () => {
    const steps = converse(['hi, yes I want to sell', 'stop texting me']);
    expect(steps[1]?.reply).toMatch(/unsubscribed/i);
  });
});

describe('the first reply follows a Spanish first message', () => {
  it.each([['hola yes vendemos'], ['hola, si queremos vender'], ['hola']])('%j', (text) => {
    const [first] = converse([text], ['Seller-Lead']);
    expect(first?.state.lang).toBe('es');
    expect(first?.reply).toMatch(/¿Qué le hace pensar en vender/);
  });
});
