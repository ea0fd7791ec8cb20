import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testWebhookKeys } from '../test/support/fakes/test-keys.ts';
import { parseBenchArgs, USAGE } from './lib/args.ts';
import {
  type AnswerCheck,
  checkAnsweredOnce,
  endToEndLatency,
  type InboxProgress,
  inboxProgress,
  openBenchSchema,
  type BenchSchema,
  waitForDrain,
} from './lib/bench-db.ts';
import { cpuWindow, waitForQuiet } from './lib/cpu.ts';
import { measureIngestPieces } from './lib/ingest-pieces.ts';
import { runLoad } from './lib/load.ts';
import { runPaced } from './lib/paced-load.ts';
import { describeMachine } from './lib/machine.ts';
import { parsePromText, sumOf } from './lib/prom-text.ts';
import { replaceSection } from './lib/performance-doc.ts';
import { writeResultsJson } from './lib/results-file.ts';
import { type ServiceProcess, startService } from './lib/service-process.ts';
import { createSignedBodies, preSign } from './lib/signed-payloads.ts';
import { renderSection, renderSummary, type WebhookBenchResult } from './lib/webhooks-report.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS_DIR = join(ROOT, 'bench', 'results');
const TARGET = { acceptedPerSecond: 4900, p99Ms: 50 };

const log = (msg: string) => process.stdout.write(`${msg}\n`);

async function main(): Promise<number> {
  let args: ReturnType<typeof parseBenchArgs>;
  try {
    args = parseBenchArgs(process.argv.slice(2), process.env);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const command = [
    'npm run bench:webhooks',
    ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : []),
  ].join(' ');
  const startedAt = new Date();
  mkdirSync(RESULTS_DIR, { recursive: true });
  if (args.pieces) {
    await waitForQuiet(args.waitQuietS, log);
    const pieces = await measureIngestPieces(testWebhookKeys, args.databaseUrl).catch((err: Error) => err);
    if (pieces instanceof Error) {
      process.stderr.write(`${pieces.message}\n`);
      return 1;
    }
    for (const p of pieces) {
      log(
        `${p.piece.padEnd(68)} ${p.usPerOp.toFixed(1).padStart(7)} µs of event loop${p.note ? ` (${p.note})` : ''}`,
      );
    }
    return 0;
  }

  let db: BenchSchema;
  try {
    db = await openBenchSchema(args.databaseUrl);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    return 1;
  }
  let service: ServiceProcess | null = null;
  let workers: ServiceProcess | null = null;
  const cleanup = async () => {
    if (service) await service.stop(30_000).catch(() => undefined);
    service = null;
    if (workers) await workers.stop(30_000).catch(() => undefined);
    workers = null;
    await db
      .drop()
      .catch((err) => process.stderr.write(`could not drop schema ${db.schema}: ${err.message}\n`));
  };
  const onSignal = (sig: NodeJS.Signals) => {
    log(`\n${sig}: stopping the service and dropping schema ${db.schema}`);
    void cleanup().then(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const machine = describeMachine(db.serverVersion);
    log(
      `schema ${db.schema} · ${args.connections} connections · ${args.durationS} s · ${args.contacts} contacts`,
    );

    const bodies = createSignedBodies(testWebhookKeys, { contacts: args.contacts });
    const signStart = performance.now();
    const pool = preSign(bodies.make, args.pool, (n) => log(`  signed ${n} / ${args.pool} bodies`));
    const signMs = performance.now() - signStart;
    log(
      `pre-signed ${pool.length} bodies in ${(signMs / 1000).toFixed(1)} s (${((signMs * 1000) / pool.length).toFixed(0)} µs each)`,
    );

    const profDir = join(RESULTS_DIR, `cpu-prof-${startedAt.toISOString().replace(/[:.]/g, '-')}`);
    const serviceEnv = {
      DATABASE_URL: db.url,
      GHL_WEBHOOK_ED25519_PUBLIC_KEY: testWebhookKeys.ed25519.publicKeyPem,
      GHL_WEBHOOK_RSA_PUBLIC_KEY: testWebhookKeys.rsa.publicKeyPem,
      ...args.serviceEnv,
    };
    service = await startService({
      cwd: args.serviceDir ?? ROOT,
      env: args.split ? { ...serviceEnv, WORKERS_ENABLED: 'false' } : serviceEnv,
      nodeArgs: args.cpuProf ? ['--cpu-prof', '--cpu-prof-dir', profDir] : [],
    });
    log(
      `service ready at ${service.url} (pid ${service.child.pid})${args.split ? ', webhook receiver only' : ''}`,
    );
    if (args.split) {
      // Its CPU shows under "other processes"; the receiver above is the service the bench times.
      workers = await startService({
        cwd: args.serviceDir ?? ROOT,
        env: { ...serviceEnv, RECEIVER_ENABLED: 'false', WORKERS_ENABLED: 'true' },
      });
      log(`workers ready (pid ${workers.child.pid})`);
    }
    const pid = service.child.pid ?? 0;

    const busyBeforePct = await waitForQuiet(args.waitQuietS, log);

    // The no-op first: the same server, idle workers, so it shows the HTTP stack's ceiling here.
    let noop: Awaited<ReturnType<typeof runLoad>> | null = null;
    if (args.noopDurationS > 0) {
      log(`\nGET /healthz · ${args.connections} connections · ${args.noopDurationS} s`);
      noop = await runLoad({
        url: service.url,
        connections: args.connections,
        durationS: args.noopDurationS,
        request: { method: 'GET', path: '/healthz' },
        isOk: (status) => status === 200,
      });
      log(`  ${Math.round(noop.okPerSecond)} req/s, p99 ${noop.latencyMs.p99.toFixed(1)} ms`);
    }

    log(
      `\nPOST /webhooks/ghl · ${args.connections} connections · ${args.durationS} s${args.rate ? ` · ${args.rate}/s offered` : ''}`,
    );
    let next = 0;
    let signedDuringRun = 0;
    const acceptedIds: number[] = [];
    // prom-client restarts its event-loop delay histogram at each scrape: this one drops the start-up.
    await eventLoopOf(service.url);
    const cpuDone = await cpuWindow(pid, db.servicePids);
    const nextBody = () => {
      let item = pool[next];
      if (item) pool[next++] = undefined as never;
      else {
        item = bodies.make();
        signedDuringRun++;
      }
      return item;
    };
    const isOk = (status: number, body: string) => status === 200 && body.includes('"status":"accepted"');
    const onOk = (body: string) => {
      const m = /"id":(\d+)/.exec(body);
      if (m?.[1]) acceptedIds.push(Number(m[1]));
    };
    const onSecond = (s: number, n: number) => {
      if (s % 5 === 0) log(`  ${s} s: ${n} accepted in the last second`);
    };
    const load = args.rate
      ? await runPaced({
          url: service.url,
          ratePerS: args.rate,
          durationS: args.durationS,
          connections: args.connections,
          path: '/webhooks/ghl',
          makeRequest: () => {
            const item = nextBody();
            return {
              body: item.body,
              headers: { 'content-type': 'application/json', 'x-ghl-signature': item.signature },
            };
          },
          isOk,
          onOk,
          onSecond,
        })
      : await runLoad({
          url: service.url,
          connections: args.connections,
          durationS: args.durationS,
          request: {
            method: 'POST',
            path: '/webhooks/ghl',
            headers: { 'content-type': 'application/json' },
            setupRequest: (req) => {
              const item = nextBody();
              return {
                ...req,
                body: item.body,
                headers: { ...req.headers, 'x-ghl-signature': item.signature },
              };
            },
          },
          isOk,
          onOk,
          onSecond,
        });
    const ingestCpu = await cpuDone();
    log(`  ${Math.round(load.okPerSecond)} accepted/s, p99 ${load.latencyMs.p99.toFixed(1)} ms`);

    const workersOff = !args.split && ['false', '0'].includes(args.serviceEnv.WORKERS_ENABLED ?? '');
    const atLoadEnd = await inboxProgress(db.pool);
    let drain: { waitedS: number; complete: boolean; atLoadEnd: InboxProgress; last: InboxProgress } = {
      waitedS: 0,
      complete: false,
      atLoadEnd,
      last: atLoadEnd,
    };
    let check: AnswerCheck | null = null;
    let e2e: Awaited<ReturnType<typeof endToEndLatency>> | null = null;
    let crmCalls: CrmCallCount | null = null;
    const drainCpuDone = await cpuWindow(pid, db.servicePids);
    if (!workersOff) {
      log(`\nwaiting up to ${args.drainTimeoutS} s for every stored message to be answered`);
      drain = { atLoadEnd, ...(await waitForDrain(db.pool, args.drainTimeoutS, log)) };
      e2e = await endToEndLatency(db.pool);
      check = await checkAnsweredOnce(db.pool, acceptedIds);
      crmCalls = await crmCallsPerReply(db.pool);
      log(
        `CRM calls per reply: ${crmCalls.perReply.toFixed(2)} (${crmCalls.calls} calls queued for ${crmCalls.replies} replies)`,
      );
    }
    const drainCpu = await drainCpuDone();
    const serviceLoop = await eventLoopOf(service.url);
    const stopped = await service.stop(30_000);
    service = null;
    if (workers) await workers.stop(30_000);
    workers = null;

    const result: WebhookBenchResult = {
      startedAt: startedAt.toISOString(),
      command,
      machine,
      params: {
        durationS: args.durationS,
        connections: args.connections,
        rate: args.rate,
        contacts: args.contacts,
        noopDurationS: args.noopDurationS,
        drainTimeoutS: args.drainTimeoutS,
        pool: args.pool,
        serviceEnv: args.split ? { ...args.serviceEnv, split: 'receiver | workers' } : args.serviceEnv,
        serviceDir: args.serviceDir,
      },
      target: TARGET,
      signing: { preSigned: args.pool, usPerBody: (signMs * 1000) / args.pool, signedDuringRun },
      noop,
      load,
      acceptedIdsReturned: acceptedIds.length,
      busyBeforePct,
      ingestCpu,
      drain: { ...drain, cpu: drainCpu, skipped: workersOff },
      endToEnd: e2e,
      answeredOnce: check,
      serviceExit: stopped,
      serviceLoop,
      cpuProfileDir: args.cpuProf ? profDir : null,
    };
    const file = join(RESULTS_DIR, `webhooks-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
    writeResultsJson(file, { ...result, crmCalls });
    log(`\n${renderSummary(result)}`);
    log(`raw results: ${file}`);
    if (!args.skipDoc) {
      replaceSection(join(ROOT, 'docs', 'PERFORMANCE.md'), 'Webhook ingest', renderSection(result));
      log('updated docs/PERFORMANCE.md (## Webhook ingest)');
    }
    return 0;
  } finally {
    await cleanup();
  }
}

/**
 * The service's event-loop delay over its life (prom-client's sampling: p99 and max) and its time
 * in garbage collection, from /metrics: a stall there delays every webhook and turn at once.
 */
async function eventLoopOf(url: string): Promise<NonNullable<WebhookBenchResult['serviceLoop']> | null> {
  try {
    const res = await fetch(`${url}/metrics`);
    const samples = parsePromText(await res.text());
    return {
      lagP99Ms: sumOf(samples, 'nodejs_eventloop_lag_p99_seconds') * 1000,
      lagMaxMs: sumOf(samples, 'nodejs_eventloop_lag_max_seconds') * 1000,
      gcS: sumOf(samples, 'nodejs_gc_duration_seconds_sum'),
    };
  } catch {
    return null;
  }
}

interface CrmCallCount {
  calls: number;
  replies: number;
  perReply: number;
}

/**
 * CRM calls the turns queued per reply: every outbox row of a turn is one call to the CRM (the
 * financing assessment is not one; escalation steps, keyed by the escalation, are not counted). GHL allows 100 requests per 10 s per location, so this bounds how
 * many messages a location can answer in a burst.
 */
async function crmCallsPerReply(pool: BenchSchema['pool']): Promise<CrmCallCount> {
  const { rows } = await pool.query<{ calls: number; replies: number }>(
    `SELECT count(*) FILTER (WHERE kind <> 'assess_financing')::int AS calls,
            count(*) FILTER (WHERE kind = 'send_message')::int AS replies
       FROM outbox WHERE inbox_id IS NOT NULL`,
  );
  const calls = rows[0]?.calls ?? 0;
  const replies = rows[0]?.replies ?? 0;
  return { calls, replies, perReply: replies > 0 ? calls / replies : 0 };
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(
      `bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  },
);
