import { parseArgs } from 'node:util';

export interface BenchArgs {
  durationS: number;
  connections: number;
  /** Open loop: webhooks offered per second across all connections (null: as fast as answered). */
  rate: number | null;
  contacts: number;
  noopDurationS: number;
  drainTimeoutS: number;
  /** Wait up to this long for other work on the machine to finish before loading. */
  waitQuietS: number;
  /** Pre-signed bodies made before the run; past that the load generator signs on the fly. */
  pool: number;
  databaseUrl: string;
  cpuProf: boolean;
  skipDoc: boolean;
  /** Receiver and workers in two processes (RECEIVER_ENABLED / WORKERS_ENABLED), as a deployment may run them. */
  split: boolean;
  /** Only measure the steps of one webhook in-process (no service, no load). */
  pieces: boolean;
  /** Checkout whose src/main.ts is started (default: this one), to compare a change like for like. */
  serviceDir: string | null;
  /** Extra environment for the service (KEY=VALUE), e.g. WORKER_CONCURRENCY=2. */
  serviceEnv: Record<string, string>;
}

export const USAGE = `Usage: npm run bench:webhooks -- [options]
  --duration <s>        webhook load duration (default 30)
  --connections <n>     concurrent connections (default 100)
  --rate <n>            open loop: start this many webhooks a second, evenly spaced, instead of as many
                        as the service answers (end-to-end latency below saturation, e.g. --rate 300);
                        --connections then caps the sockets
  --contacts <n>        distinct contacts the messages are spread over (default 1000)
  --noop-duration <s>   GET /healthz comparison run (default 10, 0 to skip)
  --drain-timeout <s>   how long to wait for every accepted message to be answered (default 900)
  --wait-quiet <s>      wait up to this long for the machine to be idle before loading (default 60)
  --pool <n>            pre-signed request bodies (default: enough for 8,000/s, or the --rate, over the duration)
  --cpu-prof            start the service with --cpu-prof (profile written to bench/results/)
  --env KEY=VALUE       extra service environment, repeatable (e.g. --env WORKER_CONCURRENCY=2)
  --service-dir <path>  run src/main.ts of another checkout of this project (to compare a change)
  --pieces              only measure each ingest step in-process (verify, parse, normalise, insert)
  --split               run the webhook receiver and the workers as two processes (timed: the receiver)
  --skip-doc            do not rewrite the "Webhook ingest" section of docs/PERFORMANCE.md
Quick check: npm run bench:webhooks -- --duration 5 --noop-duration 3 --skip-doc`;

function positive(name: string, raw: string | undefined, fallback: number, min = 1): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min)
    throw new Error(`--${name} must be an integer >= ${min} (got "${raw}")`);
  return n;
}

export function parseBenchArgs(argv: string[], env: Record<string, string | undefined>): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      duration: { type: 'string' },
      connections: { type: 'string' },
      rate: { type: 'string' },
      contacts: { type: 'string' },
      'noop-duration': { type: 'string' },
      'drain-timeout': { type: 'string' },
      'wait-quiet': { type: 'string' },
      pool: { type: 'string' },
      'cpu-prof': { type: 'boolean', default: false },
      'skip-doc': { type: 'boolean', default: false },
      split: { type: 'boolean', default: false },
      pieces: { type: 'boolean', default: false },
      env: { type: 'string', multiple: true },
      'service-dir': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const durationS = positive('duration', values.duration, 30);
  const connections = positive('connections', values.connections, 100);
  const rate = values.rate === undefined ? null : positive('rate', values.rate, 0);
  const serviceEnv: Record<string, string> = {};
  for (const kv of values.env ?? []) {
    const eq = kv.indexOf('=');
    if (eq <= 0) throw new Error(`--env expects KEY=VALUE (got "${kv}")`);
    serviceEnv[kv.slice(0, eq)] = kv.slice(eq + 1);
  }
  return {
    durationS,
    connections,
    rate,
    contacts: positive('contacts', values.contacts, 1000),
    noopDurationS: positive('noop-duration', values['noop-duration'], 10, 0),
    drainTimeoutS: positive('drain-timeout', values['drain-timeout'], 900),
    waitQuietS: positive('wait-quiet', values['wait-quiet'], 60, 0),
    // A paced run sends exactly rate × duration; a bigger pool only grows the generator's heap.
    pool: positive('pool', values.pool, (rate ?? 8000) * durationS + connections),
    databaseUrl: env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test',
    cpuProf: values['cpu-prof'] ?? false,
    skipDoc: values['skip-doc'] ?? false,
    split: values.split ?? false,
    pieces: values.pieces ?? false,
    serviceEnv,
    serviceDir: values['service-dir'] ?? null,
  };
}
