import * as fc from 'fast-check';
import { bodyMutations, type Mutate, NUMBERS_AS_STRINGS, named } from './fuzz-body-mutations.ts';
import type { Part } from './fuzz-draft.ts';

const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=latin1',
  'application/json; charset=utf-16le',
  'APPLICATION/JSON',
  'application/vnd.api+json',
  'application/jsonx',
  'application/json, text/plain',
  '*/*',
  ';;;',
  'application/json; boundary',
];
const METHODS = [
  'GET',
  'POST',
  'PUT',
  'DELETE',
  'PATCH',
  'OPTIONS',
  'HEAD',
  'TRACE',
  'PROPFIND',
  'SEARCH',
  'LOCK',
  'QUERY',
];
const AUTH = [
  '',
  'Bearer',
  'Bearer ',
  'bearer x',
  'Basic dXNlcjpwYXNz',
  `Bearer ${'x'.repeat(4000)}`,
  'Bearer \u00ff\u00fe',
];

/** What a session cookie can become: cut, forged, doubled, oversized, or gone. */
const COOKIE_CHANGES: Array<[string, (c: string | undefined) => string | undefined]> = [
  ['no cookie', () => undefined],
  ['empty session', () => 'jorge_session='],
  ['last character changed', (c) => (c ? `${c.slice(0, -1)}${c.endsWith('A') ? 'B' : 'A'}` : c)],
  ['no signature', (c) => c?.split('.').slice(0, 2).join('.')],
  ['extra part', (c) => (c ? `${c}.x` : c)],
  ['expiry moved', (c) => c?.replace(/\.(\d+)\./, (_m, d: string) => `.${Number(d) + 1}.`)],
  ['two sessions', (c) => `jorge_session=a.1.b; ${c ?? ''}`],
  ['made-up session', () => 'jorge_session=abc.99999999999999.sig'],
  ['other cookies around', (c) => `a=1; ${c ?? ''}; b=\u00ff`],
  ['huge cookie', (c) => `${c ?? 'jorge_session=x'}; pad=${'x'.repeat(6000)}`],
  ['no equals sign', () => 'jorge_session'],
];
const CSRF = ['', 'x', 'not-the-token', '\u00ff\u00fe', 'x'.repeat(5000)];

const ODD_PARTS: Part[] = [
  'a\u0000b',
  '\u0000',
  { bytes: [0xff] },
  { bytes: [0xc0, 0x80] },
  { bytes: [0xed, 0xa0, 0x80] },
  { bytes: [0xe2, 0x82] },
  { verbatim: '%' },
  { verbatim: '%zz' },
  { verbatim: '%u0000' },
  { verbatim: '%2e%2e' },
  { verbatim: '..' },
  { verbatim: '.' },
  '',
  'a/b',
  { verbatim: '%252e' },
  'x'.repeat(101),
  'x'.repeat(5000),
  '🏠',
  '\u202e',
  '__proto__',
  'constructor',
];
const oddPart: fc.Arbitrary<Part> = fc.oneof(
  fc.constantFrom(...ODD_PARTS),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const QUERY_KEYS = [
  'locationId',
  'status',
  'kind',
  'contactId',
  'limit',
  'type',
  'secret',
  '__proto__',
  '__proto__[fuzzPolluted]',
  'constructor[prototype][fuzzPolluted]',
  'a[b][c]',
  '',
];
const VERBATIM_QUERIES = [
  '&&&',
  '=',
  '%',
  '%00',
  'a=%FF',
  'limit=1&limit=2',
  'status=open&status=resolved',
  ';',
  '?',
  'a==b',
  '%ED%A0%80=1',
];

/** Changes around the body: token, method, path, query, URL length, content type. */
const requestMutations: Array<fc.Arbitrary<Mutate>> = [
  fc.constantFrom(...AUTH).map((a) =>
    named(`authorization ${JSON.stringify(a.slice(0, 20))}`, (d) => {
      if (a) d.headers.authorization = a;
      else delete d.headers.authorization;
    }),
  ),
  fc.constantFrom(...COOKIE_CHANGES).map(([name, change]) =>
    named(`cookie: ${name}`, (d) => {
      const next = change(d.headers.cookie);
      if (next === undefined) delete d.headers.cookie;
      else d.headers.cookie = next;
    }),
  ),
  fc.constantFrom(...CSRF, null).map((v) =>
    named(`csrf token ${v === null ? 'removed' : JSON.stringify(v.slice(0, 20))}`, (d) => {
      if (v === null) delete d.headers['x-csrf-token'];
      else d.headers['x-csrf-token'] = v;
    }),
  ),
  fc.constantFrom(...METHODS).map((m) =>
    named(`method ${m}`, (d) => {
      d.method = m;
    }),
  ),
  fc.tuple(fc.nat(), oddPart).map(([i, p]) =>
    named('path segment', (d) => {
      const at = d.param !== undefined && i % 3 !== 0 ? d.param : i % d.path.length;
      d.path[at] = p;
    }),
  ),
  fc.tuple(fc.nat(), fc.constantFrom('\u0000', 'a\u0000', '%00')).map(([i, nul]) =>
    named(`NUL in the url`, (d) => {
      const inQuery = Array.isArray(d.query) && d.query.length > 0 && (d.param === undefined || i % 2 === 0);
      const raw = nul === '%00' ? { verbatim: '%00' } : nul;
      if (inQuery && Array.isArray(d.query)) {
        const q = d.query.map((p) => [...p] as [Part, Part]);
        q[i % q.length]![1] = raw;
        d.query = q;
      } else d.path[d.param ?? i % d.path.length] = raw;
    }),
  ),
  fc.constantFrom('trailing slash', 'extra segment', 'upper case', 'double slash').map((how) =>
    named(how, (d) => {
      if (how === 'trailing slash') d.path = [...d.path, ''];
      if (how === 'extra segment') d.path = [...d.path, 'x'];
      if (how === 'upper case') d.path = d.path.map((p) => (typeof p === 'string' ? p.toUpperCase() : p));
      if (how === 'double slash') d.path = ['', ...d.path];
    }),
  ),
  fc
    .array(
      fc.tuple(
        fc.constantFrom<Part>(...QUERY_KEYS),
        fc.oneof(oddPart, fc.constantFrom<Part>(...NUMBERS_AS_STRINGS)),
      ),
      { minLength: 1, maxLength: 3 },
    )
    .map((q) =>
      named('query', (d) => {
        d.query = [...(Array.isArray(d.query) ? d.query : []), ...q];
      }),
    ),
  fc.constantFrom(...VERBATIM_QUERIES).map((q) =>
    named(`query ${q}`, (d) => {
      d.query = { verbatim: q };
    }),
  ),
  fc.constantFrom(2_000, 9_000, 20_000, 70_000).map((n) =>
    named(`url of ${n}+ chars`, (d) => {
      d.query = [...(Array.isArray(d.query) ? d.query : []), ['pad', 'x'.repeat(n)]];
    }),
  ),
  fc.constantFrom(...CONTENT_TYPES, '').map((ct) =>
    named(`content-type ${JSON.stringify(ct)}`, (d) => {
      if (ct) d.headers['content-type'] = ct;
      else delete d.headers['content-type'];
    }),
  ),
];

/** Zero to two changes to a valid request, so about a quarter of requests stay valid. */
export const mutations: fc.Arbitrary<Mutate[]> = fc.array(
  fc.oneof(
    { weight: 3, arbitrary: fc.oneof(...bodyMutations) },
    { weight: 2, arbitrary: fc.oneof(...requestMutations) },
  ),
  { maxLength: 2 },
);
