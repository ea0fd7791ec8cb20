import { describe, expect, it } from 'vitest';
import { extractCondition } from '../../../src/domain/language/index.ts';

describe('extractCondition', () => {
  it.each([
    ['move-in ready', 'move_in_ready'],
    ['its move in ready', 'move_in_ready'],
    ['turnkey', 'move_in_ready'],
    ['just remodeled', 'move_in_ready'],
    ['we renovated everything in 2021', 'move_in_ready'],
    ['its in great shape', 'move_in_ready'],
    ['well maintained', 'move_in_ready'],
    ['doesnt need anything', 'move_in_ready'],
    ['lista para vivir', 'move_in_ready'],
    ['en buen estado', 'move_in_ready'],
    ['no necesita nada', 'move_in_ready'],
    ['needs some paint', 'needs_minor_work'],
    ['needs a little work', 'needs_minor_work'],
    ['kinda dated', 'needs_minor_work'],
    ['it needs some TLC', 'needs_minor_work'],
    ['good condition, just needs carpet', 'needs_minor_work'],
    ['move in ready but needs some paint', 'needs_minor_work'],
    ['not move-in ready', 'needs_minor_work'],
    ['necesita pintura', 'needs_minor_work'],
    ['algunas reparaciones', 'needs_minor_work'],
    ['needs work', 'needs_major_work'],
    ['needs a lot of work', 'needs_major_work'],
    ['fixer', 'needs_major_work'],
    ['total fixer upper', 'needs_major_work'],
    ['as-is', 'needs_major_work'],
    ['foundation issues', 'needs_major_work'],
    ['needs a new roof', 'needs_major_work'],
    ['the roof leaks', 'needs_major_work'],
    ['water damage in the bathroom', 'needs_major_work'],
    ['updated kitchen but foundation issues', 'needs_major_work'],
    ['necesita reparaciones', 'needs_major_work'],
    ['necesita mucho trabajo', 'needs_major_work'],
    ['está en mal estado', 'needs_major_work'],
    // Everyday wordings, graded as the corpus does and folded into the three kinds.
    ['the house is fine', 'move_in_ready'],
    ['decent shape', 'move_in_ready'],
    ['its a mess', 'needs_major_work'],
    ['the tenants trashed it', 'needs_major_work'],
    ['all original from the 70s', 'needs_minor_work'],
  ])('%j → %s', (text, condition) => {
    expect(extractCondition(text)).toBe(condition);
  });

  it.each([['we just put a new roof on it, 3 beds'], ['hi'], ['650k'], ['sounds good']])(
    '%j says nothing about condition',
    (text) => {
      expect(extractCondition(text)).toBeNull();
    },
  );
});
