import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HTTPMethods } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config.ts';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { startTestService, type TestService } from '../support/service.ts';
import { docFiles, endpointRefs, envRefs, npmScriptRefs, type Ref, repoRoot } from './doc-refs.ts';

/**
 * Backticked UPPER_SNAKE names in the docs that are not settings, each with what it is.
 */
const NOT_SETTINGS: Record<string, string> = {
  TYPE_SMS: "GHL's message type in webhook payloads",
  TYPE_EMAIL: "GHL's message type in webhook payloads",
  FST_ERR_BAD_URL: "Fastify's error code",
  FST_ERR_MAX_PARAM_LENGTH: "Fastify's error code",
  ERROR_STATUS: 'the error-code table in src/http/errors.ts',
  FUZZ_SEED: 'read by test/http/fuzz.test.ts only',
  FUZZ_RUNS: 'read by test/http/fuzz.test.ts only',
};

/** Paths under our own prefixes that are GHL's endpoints, not ours (GHL's OAuth token calls). */
const GHL_ENDPOINTS_UNDER_OUR_PREFIXES = new Set(['/oauth/token', '/oauth/locationToken']);

/** Where our routes live; any other path in the docs (e.g. `GET /contacts/{id}`) is GHL's API. */
const OUR_PREFIXES = [
  '/api/',
  '/webhooks/',
  '/oauth/',
  '/healthz',
  '/readyz',
  '/metrics',
  '/openapi.json',
  '/docs',
  '/mcp',
];
const isOurs = (path: string) =>
  path === '/' || OUR_PREFIXES.some((p) => path === p.replace(/\/$/, '') || path.startsWith(p));

const METHODS: HTTPMethods[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const docs = docFiles();
const all = (pick: (name: string, text: string) => Ref[]) => docs.flatMap((d) => pick(d.name, d.text));
const report = (refs: Ref[]) => refs.map((r) => `${r.value} (${r.where})`);

describe('what the check reads from a doc', () => {
  const sample = [
    'Set `GHL_RATE_LIMIT_DAILY=0` or `ANTHROPIC_*`; run `npm run docs:api`, then `npm start`.',
    'Call `GET /api/v1/contacts/{id}` and `/healthz`; GHL serves `POST /contacts/{id}/tags`.',
    '```',
    'MADE_UP_SETTING=1 npm run made-up',
    '```',
  ].join('\n');

  it('finds settings, scripts and endpoints with the line they are on', () => {
    expect(envRefs('x.md', sample)).toEqual([
      { value: 'GHL_RATE_LIMIT_DAILY', where: 'x.md:1' },
      { value: 'ANTHROPIC_*', where: 'x.md:1' },
      { value: 'MADE_UP_SETTING', where: 'x.md:4' },
    ]);
    expect(npmScriptRefs('x.md', sample).map((r) => r.value)).toEqual(['docs:api', 'made-up', 'start']);
    expect(endpointRefs('x.md', sample).map((r) => r.value)).toEqual([
      'GET /api/v1/contacts/{id}',
      'POST /contacts/{id}/tags',
      '* /healthz',
    ]);
  });
});

/** Variables the deployment files read themselves (`${NAME}` in docker-compose.yml or deploy/**). */
function deploymentVariables(): Set<string> {
  const texts: string[] = [];
  const compose = join(repoRoot, 'docker-compose.yml');
  if (existsSync(compose)) texts.push(readFileSync(compose, 'utf8'));
  const deploy = join(repoRoot, 'deploy');
  if (existsSync(deploy)) {
    for (const e of readdirSync(deploy, { withFileTypes: true, recursive: true })) {
      if (e.isFile()) texts.push(readFileSync(join(e.parentPath, e.name), 'utf8'));
    }
  }
  return new Set(texts.flatMap((t) => [...t.matchAll(/\$\{([A-Z][A-Z0-9_]*)/g)].map((m) => m[1] as string)));
}

describe('settings named in the docs', () => {
  const settings = new Set(Object.keys(configSchema.shape));
  const deployment = deploymentVariables();
  const example = readFileSync(join(repoRoot, '.env.example'), 'utf8');

  it('every backticked setting exists in src/config.ts and .env.example (or is read by the deployment files)', () => {
    const refs = all(envRefs);
    expect(refs.length).toBeGreaterThan(50);
    const unknown = refs.filter((r) => {
      if (r.value in NOT_SETTINGS || deployment.has(r.value)) return false;
      if (r.value.endsWith('*')) {
        const prefix = r.value.slice(0, -1);
        return ![...settings].some((s) => s.startsWith(prefix));
      }
      return !settings.has(r.value) || !new RegExp(`^${r.value}=`, 'm').test(example);
    });
    expect(report(unknown)).toEqual([]);
  });

  it('the words that are not settings are still in the docs (the allow-list stays small)', () => {
    const named = new Set(all(envRefs).map((r) => r.value));
    expect(Object.keys(NOT_SETTINGS).filter((n) => !named.has(n))).toEqual([]);
  });
});

describe('npm scripts named in the docs', () => {
  it('every `npm run X`, `npm start` and `npm test` is a script in package.json', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const refs = all(npmScriptRefs);
    expect(refs.length).toBeGreaterThan(10);
    expect(report(refs.filter((r) => !(r.value in pkg.scripts)))).toEqual([]);
  });
});

describe('endpoints named in the docs', () => {
  let testDb: TestDb;
  let svc: TestService;
  let specPaths: string[];
  beforeAll(async () => {
    testDb = await pgliteBackend.open();
    // Every optional route on, as documented.
    svc = await startTestService(testDb, { FEATURE_MCP: 'true' }, { workers: false });
    const spec = (await (await fetch(`${svc.url}/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
    };
    specPaths = Object.keys(spec.paths).map((p) => p.replace(/\{([^}]+)\}/g, ':$1'));
  }, 60_000);
  afterAll(async () => {
    await svc?.stop();
    await testDb?.close();
  });

  /** The path as a route pattern: placeholders `{x}` `<x>` `:x` become `:p`, percent-escapes decoded. */
  function normalise(raw: string): string {
    let p = raw.replace(/[?#].*$/, '').replace(/[.:;]+$/, '');
    try {
      p = decodeURIComponent(p);
    } catch {
      // leave it as written
    }
    return p.replace(/\{[^}]*\}|<[^>]*>|:[A-Za-z_]\w*/g, ':p');
  }

  /** A concrete path (`/api/v1/contacts/s1`) matches if some of its segments are a route's parameters. */
  function routeExists(method: HTTPMethods | '*', path: string): boolean {
    const segs = path.split('/');
    const methods = method === '*' ? METHODS : [method];
    for (let mask = 0; mask < 1 << segs.length; mask++) {
      const candidate = segs.map((s, i) => (mask & (1 << i) && s !== '' ? ':p' : s)).join('/');
      if (methods.some((m) => svc.service.app.hasRoute({ method: m, url: candidate }))) return true;
    }
    return false;
  }

  it('every endpoint under our own prefixes is a route of the service', () => {
    const refs = all(endpointRefs);
    expect(refs.length).toBeGreaterThan(30);
    const missing = refs.filter((r) => {
      const [method, raw] = r.value.split(' ') as [HTTPMethods | '*', string];
      if (!isOurs(raw) || GHL_ENDPOINTS_UNDER_OUR_PREFIXES.has(raw)) return false;
      const path = normalise(raw);
      if (routeExists(method, path)) return false;
      // A bare prefix (`/api/v1`, `/api/*`) is fine when some route lives under it.
      if (method === '*') {
        const prefix = path.replace(/\*$/, '').replace(/\/$/, '');
        return !specPaths.some((s) => s.startsWith(`${prefix}/`));
      }
      return true;
    });
    expect(report(missing)).toEqual([]);
  });

  it('a made-up endpoint would be caught', () => {
    expect(routeExists('GET', normalise('/api/v1/contacts/:id'))).toBe(true);
    expect(routeExists('GET', normalise('/api/v1/contacts/s1?locationId=x'))).toBe(true);
    expect(routeExists('POST', normalise('/api/v1/contacts/:id'))).toBe(false);
    expect(routeExists('GET', normalise('/api/v1/leads'))).toBe(false);
  });
});
