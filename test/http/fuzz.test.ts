import v8 from 'node:v8';
import vm from 'node:vm';
import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { testWebhookKeys } from '../support/fakes/test-keys.ts';
import { startTestService, type TestService } from '../support/service.ts';
import { FuzzTally } from './fuzz-check.ts';
import { listRoutes, untailored } from './fuzz-discover.ts';
import { POLLUTION_MARK } from './fuzz-body-mutations.ts';
import {
  describeRequest,
  finalize,
  FUZZ_ENV,
  FUZZ_TOKEN,
  fuzzDrafts,
  fuzzTarget,
  injectRequest,
  seedKnownIds,
  signInForFuzz,
  writesWithoutCsrf,
} from './fuzz-run.ts';

// The short fuzz run of `npm test`: every route, through app.inject (Fastify's router, hooks and
// handlers without a socket). Measured here on 2,000 of these requests: 9.3 s of CPU and 28 s wall
// through inject, 9.7 s and 42 s over a loopback socket. `npm run bench:fuzz` sends more over real
// sockets to a service started on its own, raw bytes included. FUZZ_SEED replays a run; FUZZ_RUNS
// changes its length.
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const WARM_UP = Math.min(2_000, Math.floor(RUNS / 5));
// Generous: the point is telling "flat" from "keeps every request", which 10,000 requests with
// bodies up to 1 MB would push far past this.
const HEAP_GROWTH_LIMIT = 48 * 2 ** 20;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
async function settledHeap(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setImmediate(r));
  }
  return process.memoryUsage().heapUsed;
}

describe('HTTP fuzz (in-process, app.inject)', () => {
  let tdb: TestDb;
  let svc: TestService;

  beforeAll(async () => {
    tdb = await pgliteBackend.open();
    // Turn workers off: the webhooks' turns would run beside the requests and slow them 2×; the
    // bench runs the service whole, workers included.
    svc = await startTestService(tdb, FUZZ_ENV, { workers: false });
  });
  afterAll(async () => {
    await svc?.stop();
    await tdb?.close();
  });

  it(`answers ${RUNS} generated requests without a 5xx, in the one error shape, with flat memory`, async () => {
    const app = svc.service.app;
    const known = await seedKnownIds(async (method, url, body) => {
      const res = await app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${FUZZ_TOKEN}` },
        ...(body ? { payload: body as object } : {}),
      });
      return { status: res.statusCode, body: res.body };
    });
    expect(known.escalations.length).toBeGreaterThan(0);
    expect(known.tickets.length).toBeGreaterThan(0);

    const tally = new FuzzTally();
    const signing = { keys: testWebhookKeys, now: () => Date.now() };
    let heapBefore = 0;
    console.log(`fuzz seed ${SEED} (replay: FUZZ_SEED=${SEED} npx vitest run test/http/fuzz.test.ts)`);
    // The dashboard's pages and controls, as the app lists them now.
    const pages = untailored(listRoutes(app));
    expect(pages.map((p) => p.path)).toEqual(expect.arrayContaining(['/inbox']));
    // And as a signed-in realtor: the same pages with the session cookie and its CSRF token.
    const session = await signInForFuzz(async (method, url, headers, body) => {
      const res = await app.inject({ method, url, headers, ...(body ? { payload: body } : {}) });
      const set = res.headers['set-cookie'];
      return {
        status: res.statusCode,
        setCookie: Array.isArray(set) ? set : set ? [String(set)] : [],
        body: res.body,
      };
    });
    let signedInPages = 0;
    let unsignedWrites = 0;
    const property = fc.asyncProperty(fuzzDrafts(fuzzTarget(known, pages, session)), async (draft) => {
      if (tally.total === WARM_UP) heapBefore = await settledHeap();
      const req = finalize(draft, signing);
      const res = await injectRequest(app, req);
      const problems = tally.record(tally.total, req, res, describeRequest);
      if (req.headers.cookie === session.cookie && !req.headers.authorization && res.status === 200)
        signedInPages++;
      if (writesWithoutCsrf(req, session)) unsignedWrites++;
      if (writesWithoutCsrf(req, session) && res.status < 400)
        problems.push(`a write with the session cookie but no CSRF token answered ${res.status}`);
      if (problems.length > 0) {
        throw new Error(
          `${problems.join('\n')}\n${describeRequest(req)}\n  answer: ${res.status} ${res.body.slice(0, 300)}`,
        );
      }
    });
    await fc.assert(property, { seed: SEED, numRuns: RUNS });

    const heapAfter = await settledHeap();
    console.log(
      `fuzz: ${tally.total} requests (${tally.statusLine()}); heap ${mb(heapBefore)} → ${mb(heapAfter)} MB`,
    );
    expect(heapAfter - heapBefore).toBeLessThan(HEAP_GROWTH_LIMIT);
    // The session was used, and nothing the fuzz sent signed it out.
    console.log(
      `fuzz: ${signedInPages} dashboard answers (200) to the signed-in realtor's cookie; ${unsignedWrites} writes with it but no CSRF token, all refused`,
    );
    expect(signedInPages).toBeGreaterThan(RUNS / 200);
    expect((await app.inject({ url: '/inbox', headers: { cookie: session.cookie } })).statusCode).toBe(200);
    // No prototype-pollution key reached Object.prototype.
    expect(POLLUTION_MARK in {}).toBe(false);
    expect(Object.keys(Object.prototype)).toEqual([]);
    // The service still answers, and nothing has stopped it.
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
  }, 600_000);
});

const mb = (n: number) => (n / 2 ** 20).toFixed(1);
