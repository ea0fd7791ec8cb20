import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { Agent } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as fc from 'fast-check';
import { BODY_LIMIT } from '../test/http/fuzz-body-mutations.ts';
import { FuzzTally } from '../test/http/fuzz-check.ts';
import { describeRequest, type FuzzRequest, finalize } from '../test/http/fuzz-draft.ts';
import { listRoutes, untailored } from '../test/http/fuzz-discover.ts';
import {
  FUZZ_ENV,
  FUZZ_TOKEN,
  fuzzDrafts,
  fuzzTarget,
  seedKnownIds,
  signInForFuzz,
  writesWithoutCsrf,
} from '../test/http/fuzz-run.ts';
import { pgliteBackend } from '../test/support/db.ts';
import { startTestService } from '../test/support/service.ts';
import { testWebhookKeys } from '../test/support/fakes/test-keys.ts';
import { openBenchSchema } from './lib/bench-db.ts';
import { RAW_REQUESTS, type Sent, sendOverHttp, sendRaw } from './lib/fuzz-client.ts';
import {
  type FuzzBenchResult,
  HEAP_GROWTH_LIMIT_BYTES,
  heapGrowth,
  heapOf,
  renderFuzzSection,
} from './lib/fuzz-report.ts';
import { describeMachine } from './lib/machine.ts';
import { percentiles } from './lib/percentiles.ts';
import { replaceSection } from './lib/performance-doc.ts';
import { writeResultsJson } from './lib/results-file.ts';
import { type ServiceProcess, startService } from './lib/service-process.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const GC_HOOK = new URL('./lib/gc-on-signal.mjs', import.meta.url).href;
const USAGE = `Usage: npm run bench:fuzz -- [options]
  --requests <n>      generated requests (default 100000)
  --connections <n>   requests in flight at once, over kept-alive sockets (default 16)
  --seed <n>          replay a run (default: random, printed)
  --skip-doc          do not rewrite the "Fuzzing" section of docs/PERFORMANCE.md
Sends generated requests (every route, valid and broken) over real sockets to the service started
as its own process on PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test),
plus raw bytes no client library sends. Fails when any answer is a 5xx, an error is not in the one
error shape, or the service stops.`;
const log = (m: string) => process.stdout.write(`${m}\n`);

/**
 * The dashboard's routes, read from the app's router (the service under test runs in its own
 * process): an in-process app on a throwaway embedded database, only to list them.
 */
async function dashboardRoutes() {
  const tdb = await pgliteBackend.open();
  const svc = await startTestService(tdb, FUZZ_ENV, { workers: false });
  try {
    return untailored(listRoutes(svc.service.app));
  } finally {
    await svc.stop();
    await tdb.close();
  }
}

function parse(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      requests: { type: 'string', default: '100000' },
      connections: { type: 'string', default: '16' },
      seed: { type: 'string' },
      'skip-doc': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const int = (name: string, raw: string | undefined, min: number) => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min)
      throw new Error(`--${name} must be an integer >= ${min} (got "${raw}")`);
    return n;
  };
  return {
    help: values.help,
    requests: int('requests', values.requests, 1),
    connections: int('connections', values.connections, 1),
    seed: values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : int('seed', values.seed, 0),
    skipDoc: values['skip-doc'],
    databaseUrl: process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test',
  };
}

async function main(): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    log(USAGE);
    return 0;
  }
  const startedAt = new Date();
  const loadBefore = loadavg()[0] ?? 0;
  const command = [
    'npm run bench:fuzz',
    ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : []),
  ].join(' ');
  const db = await openBenchSchema(args.databaseUrl);
  let service: ServiceProcess | null = null;
  const onSignal = (sig: NodeJS.Signals) => {
    log(`\n${sig}: stopping the service and dropping schema ${db.schema}`);
    void Promise.allSettled([service?.stop(10_000)])
      .then(() => db.drop())
      .finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    service = await startService({
      cwd: ROOT,
      env: {
        ...FUZZ_ENV,
        LOG_LEVEL: 'warn',
        DATABASE_URL: db.url,
        GHL_WEBHOOK_ED25519_PUBLIC_KEY: testWebhookKeys.ed25519.publicKeyPem,
        GHL_WEBHOOK_RSA_PUBLIC_KEY: testWebhookKeys.rsa.publicKeyPem,
      },
      nodeArgs: ['--expose-gc', '--import', GC_HOOK],
    });
    const base = new URL(service.url);
    const agent = new Agent({ keepAlive: true, maxSockets: args.connections });
    log(`service at ${service.url} (pid ${service.child.pid}) · schema ${db.schema}`);
    log(`seed ${args.seed} (replay: npm run bench:fuzz -- --seed ${args.seed} --requests ${args.requests})`);

    const known = await seedKnownIds(async (method, url, body) => {
      const s = await sendOverHttp(base, agent, {
        route: 'seed',
        method,
        url,
        headers: { authorization: `Bearer ${FUZZ_TOKEN}`, 'content-type': 'application/json' },
        ...(body ? { body: Buffer.from(JSON.stringify(body)) } : {}),
        mutations: [],
      } as unknown as FuzzRequest);
      if ('error' in s) throw new Error(`seeding ${method} ${url}: ${s.error}`);
      return { status: s.status, body: s.body };
    });
    // The dashboard too, with the bearer token and as a signed-in realtor (cookie and CSRF token).
    const session = await signInForFuzz(async (method, url, headers, body) => {
      const res = await fetch(new URL(url, base), {
        method,
        headers,
        ...(body ? { body } : {}),
        redirect: 'manual',
      });
      return { status: res.status, setCookie: res.headers.getSetCookie(), body: await res.text() };
    });
    const pages = await dashboardRoutes();
    log(`dashboard: ${pages.length} routes, fuzzed with the bearer token and a signed-in session`);
    const arbitrary = fuzzDrafts(fuzzTarget(known, pages, session));
    const signing = { keys: testWebhookKeys, now: () => Date.now() };
    const tally = new FuzzTally();
    const latencies: number[] = [];
    const byRoute = new Map<string, number[]>();
    const noAnswer = new Map<string, { count: number; example: string }>();
    const heap: Array<{ at: number; bytes: number }> = [];
    const metricsUrl = new URL('/metrics', base);
    const sampleHeap = async () => {
      // A full collection first, so the sample is what the service keeps, not garbage not yet collected.
      service?.child.kill('SIGUSR2');
      await new Promise((r) => setTimeout(r, 500));
      heap.push({ at: tally.total, bytes: await heapOf(metricsUrl) });
    };

    const record = (index: number, req: FuzzRequest, sent: Sent) => {
      if ('error' in sent) {
        // A server may close on a client still sending what it already refused (a body over the
        // limit, headers over Node's 16 KB); anything else without an answer is a problem.
        const headerBytes = req.url.length + Object.entries(req.headers).join('').length;
        if ((req.body?.length ?? 0) > BODY_LIMIT || headerBytes > 16_000) {
          const key = `${req.route}: ${sent.error}`;
          const n = noAnswer.get(key) ?? { count: 0, example: describeRequest(req) };
          n.count++;
          noAnswer.set(key, n);
        } else tally.problem(index, req, `closed without an answer (${sent.error})`, describeRequest);
        return;
      }
      latencies.push(sent.ms);
      const r = byRoute.get(req.route) ?? [];
      r.push(sent.ms);
      byRoute.set(req.route, r);
      tally.record(index, req, sent, describeRequest);
      if (writesWithoutCsrf(req, session) && sent.status < 400)
        tally.problem(
          index,
          req,
          `a write with the session cookie but no CSRF token answered ${sent.status}`,
          describeRequest,
        );
    };

    for (const raw of RAW_REQUESTS) {
      const req = { route: `raw: ${raw.name}`, method: 'RAW', url: '/', headers: {}, mutations: [raw.name] };
      record(-1, req as unknown as FuzzRequest, await sendRaw(base, raw.bytes));
    }
    const batch = 1_000;
    const runStarted = performance.now();
    for (let b = 0; b * batch < args.requests; b++) {
      const drafts = fc.sample(arbitrary, {
        seed: args.seed + b,
        numRuns: Math.min(batch, args.requests - b * batch),
      });
      let next = 0;
      await Promise.all(
        Array.from({ length: args.connections }, async () => {
          for (let i = next++; i < drafts.length; i = next++) {
            const req = finalize(drafts[i]!, signing);
            record(b * batch + i, req, await sendOverHttp(base, agent, req));
          }
        }),
      );
      if (b === 0 || (b + 1) % 10 === 0) {
        await sampleHeap();
        log(`  ${tally.total} answered · ${tally.statusLine()} · ${tally.problems.size} kinds of problem`);
      }
    }
    const runS = (performance.now() - runStarted) / 1000;
    // A moment for the last queued turns, so the final sample is the resting state.
    await new Promise((r) => setTimeout(r, 5_000));
    await sampleHeap();
    const health = await sendOverHttp(base, agent, {
      method: 'GET',
      url: '/healthz',
      headers: {},
    } as FuzzRequest);
    const alive = service.child.exitCode === null && 'status' in health && health.status === 200;
    agent.destroy();
    await service.stop(30_000);
    service = null;

    const result: FuzzBenchResult = {
      startedAt: startedAt.toISOString(),
      command,
      seed: args.seed,
      machine: describeMachine(db.serverVersion),
      loadBefore,
      requests: tally.total,
      rawRequests: RAW_REQUESTS.length,
      connections: args.connections,
      runS,
      byStatus: Object.fromEntries(tally.byStatus),
      latencyMs: percentiles(latencies),
      byRoute: Object.fromEntries([...byRoute].map(([r, ms]) => [r, percentiles(ms)])),
      problems: [...tally.problems].map(([key, v]) => ({ key, ...v })),
      noAnswer: [...noAnswer].map(([key, v]) => ({ key, ...v })),
      heap,
      alive,
    };
    printResult(result);
    mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
    writeResultsJson(
      join(ROOT, 'bench', 'results', `fuzz-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`),
      result,
    );
    if (!args.skipDoc)
      replaceSection(join(ROOT, 'docs', 'PERFORMANCE.md'), 'Fuzzing', renderFuzzSection(result));
    const flat = heapGrowth(result) < HEAP_GROWTH_LIMIT_BYTES;
    return result.problems.length === 0 && alive && flat ? 0 : 1;
  } finally {
    if (service) await service.stop(10_000).catch(() => undefined);
    await db
      .drop()
      .catch((err: Error) => process.stderr.write(`could not drop ${db.schema}: ${err.message}\n`));
  }
}

function printResult(r: FuzzBenchResult): void {
  log(`\n${r.requests} answered in ${r.runS.toFixed(1)} s (${Math.round(r.requests / r.runS)} req/s)`);
  log(
    `by status: ${Object.entries(r.byStatus)
      .map(([s, n]) => `${s}: ${n}`)
      .join(', ')}`,
  );
  log(
    `latency: p50 ${r.latencyMs.p50.toFixed(1)} ms · p99 ${r.latencyMs.p99.toFixed(1)} ms · max ${r.latencyMs.max.toFixed(0)} ms`,
  );
  const growth = heapGrowth(r);
  log(`heap used (MB): ${r.heap.map((h) => (h.bytes / 2 ** 20).toFixed(0)).join(' → ')}`);
  log(
    `heap growth ${(growth / 2 ** 20).toFixed(0)} MB: ${growth < HEAP_GROWTH_LIMIT_BYTES ? 'flat' : 'TOO MUCH'}`,
  );
  log(`service alive at the end: ${r.alive ? 'yes' : 'NO'}`);
  for (const n of r.noAnswer) log(`no answer ${n.count}× ${n.key}\n${n.example}`);
  for (const p of r.problems) {
    log(`\nPROBLEM ${p.count}× ${p.key}`);
    for (const e of p.examples) log(`#${e.index} ${e.request}`);
  }
  log(
    r.problems.length === 0
      ? '\nno problems found'
      : `\n${r.problems.length} kinds of problem (seed ${r.seed})`,
  );
}

process.exitCode = await main();
