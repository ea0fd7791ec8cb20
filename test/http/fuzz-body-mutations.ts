import * as fc from 'fast-check';
import type { Draft, Splice } from './fuzz-draft.ts';

export const BODY_LIMIT = 1_048_576;
/** Set on Object.prototype if a prototype-pollution key ever lands; the fuzz test checks it never does. */
export const POLLUTION_MARK = 'fuzzPolluted';

export type Mutate = (d: Draft) => Draft;
export const named =
  (name: string, f: (d: Draft) => void): Mutate =>
  (d) => {
    const body =
      d.body &&
      ('raw' in d.body
        ? { raw: d.body.raw }
        : { json: structuredClone(d.body.json), splices: { ...d.body.splices } });
    const copy: Draft = {
      ...d,
      path: [...d.path],
      query: Array.isArray(d.query) ? [...d.query] : d.query,
      headers: { ...d.headers },
      mutations: [...d.mutations, name],
      ...(body ? { body } : {}),
    };
    f(copy);
    return copy;
  };

const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfff',
  '\ud83d',
  '\u202e\u200b\ufeff',
  '%00',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  "'; DROP TABLE contacts;--",
  '{{7*7}}',
  '__proto__',
  '\r\nX-Injected: 1',
  '🏠🏡',
  'null',
];
const oddString = fc.oneof(fc.constantFrom(...ODD_STRINGS), fc.string({ unit: 'binary', maxLength: 30 }));
const NUMBER_TEXTS = ['1e400', '-1e400', '-0', '1'.repeat(400), '1e-400', '0.1', '2E1', '9007199254740993'];
export const NUMBERS_AS_STRINGS = ['1', ' 1', '1.0', '0x10', '1e3', 'Infinity', 'NaN', '-1', '١', '0', ''];
const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  oddString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(...NUMBERS_AS_STRINGS),
  fc.array(oddString, { maxLength: 3 }),
  fc.dictionary(oddString, oddString, { maxKeys: 3 }),
);

const BAD_UTF8 = [
  [0xff],
  [0xc3, 0x28],
  [0xc0, 0x80],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xe2, 0x82],
  [0x80],
  [0x00],
];

/** Paths to every value of the body (objects first), to pick one to change. */
function fieldPaths(v: unknown, at: Array<string | number> = [], out: Array<Array<string | number>> = []) {
  if (at.length > 0) out.push(at);
  if (at.length >= 3 || typeof v !== 'object' || v === null) return out;
  for (const [k, x] of Object.entries(v)) fieldPaths(x, [...at, Array.isArray(v) ? Number(k) : k], out);
  return out;
}

function setAt(root: unknown, path: Array<string | number>, value: unknown, remove = false): unknown {
  if (path.length === 0) return value;
  if (typeof root !== 'object' || root === null) return root;
  let node = root as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) {
    const next = node[k];
    if (typeof next !== 'object' || next === null) return root;
    node = next as Record<string | number, unknown>;
  }
  const last = path.at(-1)!;
  if (remove) delete node[last];
  else Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
  return root;
}

/** Applies `f` to the JSON body (adding one to a bodiless request). */
function onJson(
  d: Draft,
  pick: number,
  f: (json: unknown, path: Array<string | number>, splices: Record<string, Splice>) => unknown,
) {
  if (!d.body || 'raw' in d.body) d.body = { json: {}, splices: {} };
  const paths = fieldPaths(d.body.json);
  const path = paths.length ? paths[pick % paths.length]! : [];
  d.body.json = f(d.body.json, path, d.body.splices);
  if (!d.headers['content-type']) d.headers['content-type'] = 'application/json';
}

let markers = 0;
const marker = () => `\u0001m${markers++}\u0001`;

/** Changes to the JSON body: wrong types, missing fields, dangerous keys, sizes, depths, bytes. */
export const bodyMutations: Array<fc.Arbitrary<Mutate>> = [
  fc
    .tuple(fc.nat(), anyJson)
    .map(([p, v]) => named('wrong type', (d) => onJson(d, p, (j, at) => setAt(j, at, v)))),
  fc.nat().map((p) => named('missing field', (d) => onJson(d, p, (j, at) => setAt(j, at, undefined, true)))),
  fc.tuple(fc.nat(), fc.constantFrom('__proto__', 'constructor', 'prototype')).map(([p, key]) =>
    named(`${key} key`, (d) =>
      onJson(d, p, (j, at) => {
        const poison =
          key === 'constructor' ? { prototype: { [POLLUTION_MARK]: 'yes' } } : { [POLLUTION_MARK]: 'yes' };
        const parent = typeof j === 'object' && j !== null && at.length > 1 ? at.slice(0, -1) : [];
        return setAt(j, [...parent, key], poison);
      }),
    ),
  ),
  fc
    .tuple(fc.nat(), fc.constantFrom(5_001, 100_000, 1_000_000), fc.constantFrom('x', 'é', '🏠', '\u0000'))
    .map(([p, bytes, c]) => {
      // Sized in bytes as sent (a NUL is six: \u0000), so the body stays near or under the limit.
      const n = Math.floor(bytes / (Buffer.byteLength(JSON.stringify(c)) - 2));
      return named(`huge string ${n}×${JSON.stringify(c)}`, (d) =>
        onJson(d, p, (j, at) => setAt(j, at, c.repeat(n))),
      );
    }),
  fc.tuple(fc.nat(), fc.integer({ min: -64, max: 64 })).map(([p, off]) =>
    named(`body of ${BODY_LIMIT + off} bytes`, (d) =>
      onJson(d, p, (j, at, splices) => {
        const m = marker();
        splices[m] = { fill: BODY_LIMIT + off };
        return setAt(j, at, m);
      }),
    ),
  ),
  fc.tuple(fc.nat(), fc.constantFrom(64, 1_000, 10_000, 100_000), fc.boolean()).map(([p, depth, arrays]) =>
    named(`nested ${depth} deep`, (d) =>
      onJson(d, p, (j, at, splices) => {
        const m = marker();
        splices[m] = {
          text: arrays
            ? '['.repeat(depth) + ']'.repeat(depth)
            : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth),
        };
        return setAt(j, at, m);
      }),
    ),
  ),
  fc.tuple(fc.nat(), fc.constantFrom(...BAD_UTF8)).map(([p, bytes]) =>
    named(`bytes ${Buffer.from(bytes).toString('hex')} in a string`, (d) =>
      onJson(d, p, (j, at, splices) => {
        const m = marker();
        splices[m] = { bytes };
        return setAt(j, at, `a${m}b`);
      }),
    ),
  ),
  fc
    .tuple(fc.nat(), fc.constantFrom('a\u0000b', '\u0000', '\ud800', 'a\udc00b', 'x\ud83d', '\udfff\ud800'))
    .map(([p, s]) => named(`string ${JSON.stringify(s)}`, (d) => onJson(d, p, (j, at) => setAt(j, at, s)))),
  fc.tuple(fc.nat(), fc.constantFrom(...NUMBER_TEXTS)).map(([p, text]) =>
    named(`number ${text.slice(0, 12)}`, (d) =>
      onJson(d, p, (j, at, splices) => {
        const m = marker();
        splices[m] = { text };
        return setAt(j, at, m);
      }),
    ),
  ),
  fc
    .tuple(fc.nat(), fc.constantFrom(...NUMBERS_AS_STRINGS))
    .map(([p, s]) =>
      named(`number as string ${JSON.stringify(s)}`, (d) => onJson(d, p, (j, at) => setAt(j, at, s))),
    ),
  fc
    .constantFrom(null, [], 'text', 0, true, [{}], [[]])
    .map((v) => named(`body ${JSON.stringify(v)}`, (d) => onJson(d, 0, () => v))),
  fc
    .constantFrom(
      '',
      ' ',
      '\n',
      '\ufeff{}',
      '{"a":1} trailing',
      '{"a":',
      '{a:1}',
      "{'a':1}",
      '[1,]',
      '{"a":1,"a":2}',
      '\u0000',
    )
    .map((s) =>
      named(`raw body ${JSON.stringify(s)}`, (d) => {
        d.body = { raw: Buffer.from(s, 'utf8') };
      }),
    ),
  fc.uint8Array({ maxLength: 300 }).map((b) =>
    named('random bytes', (d) => {
      d.body = { raw: Buffer.from(b) };
    }),
  ),
];
