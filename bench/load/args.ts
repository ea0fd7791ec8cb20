import { parseArgs } from 'node:util';

export interface LoadArgs {
  profile: 'leads' | 'throughput';
  offline: boolean;
  durationS: number;
  leads: number;
  /** Real texting gaps are divided by this. */
  compress: number;
  locations: number;
  modelDelayMs: number;
  readRate: number;
  drainTimeoutS: number;
  seed: number;
  ghlBurst: number;
  ghlDaily: number;
  retryAfterS: number;
  /** Throughput profile: seconds per step and the offered rates tried (messages/s). */
  stepS: number;
  rates: number[];
  note: string | null;
  databaseUrl: string;
  redisUrl: string;
  serviceEnv: Record<string, string>;
  /** Checkout whose src/main.ts the replicas run (default: this one), e.g. a clean clone of HEAD. */
  serviceDir: string | null;
}

export const USAGE = `Usage: npm run bench:load -- [options]
  --duration <s>        how long the leads text (default 300)
  --offline             no language model: the offline engine only (default: the fake Anthropic
                        API answers every call after --model-delay ms)
  --leads <n>           concurrent simulated leads (default 100)
  --compress <x>        real texting gaps are divided by x (default 100; see bench/load/think-time.ts)
  --locations <n>       GHL sub-accounts (Marketplace installs), each with its own budget (default 10)
  --model-delay <ms>    fake Anthropic answer time (default 300)
  --read-rate <n>       read API requests/s: contact view, escalations, dashboard (default 4)
  --drain-timeout <s>   wait for the backlog to empty after the load (default 180)
  --seed <n>            seed of the leads' choices and gaps (default 1)
  --ghl-burst <n>       GHL burst budget per location per 10 s (default 100, GHL's documented limit)
  --ghl-daily <n>       GHL daily budget per location (default 200000, GHL's documented limit)
  --retry-after <s>     Retry-After the fake GHL sends with a 429 (default 1, the fake's own)
  --profile throughput  ramp offered messages/s (open loop) and report the highest sustained rate
                        with a flat backlog; lifts the GHL budget unless --ghl-burst is given
  --step <s>            throughput: seconds per rate step (default 20)
  --rates a,b,c         throughput: offered rates to try (default 10,20,40,80,160,320,640,1000)
  --note <text>         a note saved with the results (e.g. "short run, machine busy")
  --env KEY=VALUE       extra service environment, repeatable
  --service-dir <path>  run the replicas from another checkout (e.g. a clean clone of HEAD while
                        this working tree holds unfinished edits)
Env: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test; a database bench_load_<id> is
created on that server and dropped afterwards), REDIS_URL (default redis://127.0.0.1:6379; keys under
a per-run prefix, deleted afterwards).
Quick check: npm run bench:load -- --duration 30 --offline`;

function num(name: string, raw: string | undefined, fallback: number, min = 0): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min) throw new Error(`--${name} must be a number >= ${min} (got "${raw}")`);
  return n;
}

export function parseLoadArgs(argv: string[], env: Record<string, string | undefined>): LoadArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      profile: { type: 'string' },
      offline: { type: 'boolean', default: false },
      duration: { type: 'string' },
      leads: { type: 'string' },
      compress: { type: 'string' },
      locations: { type: 'string' },
      'model-delay': { type: 'string' },
      'read-rate': { type: 'string' },
      'drain-timeout': { type: 'string' },
      seed: { type: 'string' },
      'ghl-burst': { type: 'string' },
      'ghl-daily': { type: 'string' },
      'retry-after': { type: 'string' },
      step: { type: 'string' },
      rates: { type: 'string' },
      note: { type: 'string' },
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
  const profile = values.profile ?? 'leads';
  if (profile !== 'leads' && profile !== 'throughput')
    throw new Error(`--profile must be "leads" or "throughput" (got "${profile}")`);
  const serviceEnv: Record<string, string> = {};
  for (const kv of values.env ?? []) {
    const eq = kv.indexOf('=');
    if (eq <= 0) throw new Error(`--env expects KEY=VALUE (got "${kv}")`);
    serviceEnv[kv.slice(0, eq)] = kv.slice(eq + 1);
  }
  const rates = (values.rates ?? '10,20,40,80,160,320,640,1000').split(',').map((r) => num('rates', r, 0, 1));
  return {
    profile,
    offline: values.offline ?? false,
    durationS: num('duration', values.duration, 300, 1),
    leads: Math.round(num('leads', values.leads, 100, 1)),
    compress: num('compress', values.compress, 100, 1),
    locations: Math.round(num('locations', values.locations, 10, 1)),
    modelDelayMs: num('model-delay', values['model-delay'], 300),
    readRate: num('read-rate', values['read-rate'], 4),
    drainTimeoutS: num('drain-timeout', values['drain-timeout'], 180),
    seed: Math.round(num('seed', values.seed, 1)),
    ghlBurst: Math.round(
      num('ghl-burst', values['ghl-burst'], profile === 'throughput' ? 1_000_000 : 100, 1),
    ),
    ghlDaily: Math.round(
      num('ghl-daily', values['ghl-daily'], profile === 'throughput' ? 100_000_000 : 200_000, 1),
    ),
    retryAfterS: Math.round(num('retry-after', values['retry-after'], 1, 1)),
    stepS: num('step', values.step, 20, 1),
    rates,
    note: values.note ?? null,
    databaseUrl: env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test',
    redisUrl: env.REDIS_URL || 'redis://127.0.0.1:6379',
    serviceEnv,
    serviceDir: values['service-dir'] ?? null,
  };
}
