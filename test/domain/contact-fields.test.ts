import { describe, expect, it } from 'vitest';
import { CONTACT_FIELDS } from '../../src/domain/contact-fields.ts';
import { corpusCalls } from '../skills/support/corpus.ts';

describe('the list of contact custom fields', () => {
  it('holds every field the bots write across the whole scenario corpus', () => {
    const written = new Set<string>();
    for (const call of corpusCalls()) {
      for (const a of call.decision.actions) {
        if (a.type === 'set_fields') for (const key of Object.keys(a.fields)) written.add(key);
      }
    }
    const listed = new Set<string>(CONTACT_FIELDS.map((f) => f.key));
    expect([...written].filter((k) => !listed.has(k))).toEqual([]);
    // The corpus reaches the seller's and the buyer's fields, so this is not vacuous.
    expect(written.size).toBeGreaterThanOrEqual(15);
  });

  it('gives each field one key, one name and a CRM type', () => {
    expect(new Set(CONTACT_FIELDS.map((f) => f.key)).size).toBe(CONTACT_FIELDS.length);
    expect(new Set(CONTACT_FIELDS.map((f) => f.name.toLowerCase())).size).toBe(CONTACT_FIELDS.length);
    for (const f of CONTACT_FIELDS) expect(f.key).toMatch(/^[a-z][a-z0-9_]*$/);
  });
});
