import { describe, expect, it } from 'vitest';
import type { TurnDecision } from '../../src/domain/turn.ts';
import { converse } from '../support/converse.ts';

// A lead who writes Spanish is answered in Spanish: the first reply, and the opt-out confirmation
// (sent once, with nothing after it) even when the conversation so far was in English.

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
    const steps = converse(['hi, yes I want to sell', 'stop texting me'], []);
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
