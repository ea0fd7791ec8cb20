import { describe, expect, it } from 'vitest';
import { toStorableJson } from '../../../src/adapters/ghl-webhooks/storable-text.ts';

describe('toStorableJson', () => {
  it('cleans every string and key, keeping order and shape', () => {
    const parsed = JSON.parse('{"b":"x\\u0000y","a":["\\ud800z",1,null,{"k\\u0000":true}],"c":2}');
    const clean = toStorableJson(parsed) as Record<string, unknown>;
    expect(Object.keys(clean)).toEqual(['b', 'a', 'c']);
    expect(clean).toEqual({ b: 'xy', a: ['\uFFFDz', 1, null, { k: true }], c: 2 });
    expect(JSON.stringify(clean)).not.toMatch(/\\u0000|\\ud800/);
  });

  it('keeps a "__proto__" key as a key and sets no prototype', () => {
    const clean = toStorableJson(JSON.parse('{"__proto__":{"polluted":"yes"},"x":1}')) as Record<
      string,
      unknown
    >;
    expect(Object.getPrototypeOf(clean)).toBe(Object.prototype);
    expect(Object.hasOwn(clean, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.parse(JSON.stringify(clean))).toMatchObject({ x: 1 });
  });

  it('copes with a body nested 100,000 deep (it fits in the 1 MB limit)', () => {
    const depth = 100_000;
    const raw = `${'{"a":'.repeat(depth)}"x\\u0000"${'}'.repeat(depth)}`;
    let node = toStorableJson(JSON.parse(raw));
    for (let i = 0; i < depth; i++) node = (node as { a: unknown }).a;
    expect(node).toBe('x');
  });
});
