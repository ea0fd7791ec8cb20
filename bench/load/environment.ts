import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import pg from 'pg';
import { type FakeGhl, startFakeGhl } from '../../test/support/fakes/ghl-server.ts';
import { testWebhookKeys } from '../../test/support/fakes/test-keys.ts';
import { emitWebhook, inboundMessagePayload } from '../../test/support/fakes/webhook-signer.ts';
import { redactUrl } from '../lib/bench-db.ts';
import { type ServiceProcess, startService } from '../lib/service-process.ts';

export const API_TOKEN = 'bench-load-api-token-0001';
const ANTHROPIC_KEY = 'sk-ant-bench-load-0001';

export interface EnvSpec {
  root: string;
  /** Where the replicas' src/main.ts is (default: root). */
  serviceDir: string | null;
  databaseUrl: string;
  redisUrl: string;
  locations: number;
  /** null: no API key, the offline engine only. */
  modelDelayMs: number | null;
  /** GHL's burst budget per location (the fake's and the service's); GHL's own is 100 per 10 s. */
  ghlBurst: number;
  ghlDaily: number;
  retryAfterS: number;
  serviceEnv: Record<string, string>;
  log: (msg: string) => void;
}

export interface LoadEnvironment {
  runId: string;
  database: string;
  serverVersion: string;
  /** The bench's own connection to the run's database. */
  pool: pg.Pool;
  ghl: FakeGhl;
  locationIds: string[];
  services: ServiceProcess[];
  anthropicPid: number | null;
  redisPrefix: string;
  close(): Promise<void>;
}

/** The same server, another database. */
function withDatabase(url: string, database: string, appName: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  u.searchParams.set('application_name', appName);
  return u.toString();
}

/** Forwards GHL's OutboundMessage echoes to the replicas in turn, as a load balancer would. */
async function startEchoBalancer(targets: () => string[]): Promise<{ url: string; server: Server }> {
  let next = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const all = targets();
      const target = all[next++ % Math.max(1, all.length)];
      if (!target) {
        res.writeHead(503).end();
        return;
      }
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers))
        if (typeof v === 'string' && k !== 'host' && k !== 'content-length') headers[k] = v;
      fetch(`${target}${req.url ?? '/'}`, {
        method: req.method ?? 'POST',
        headers,
        body: Buffer.concat(chunks),
      })
        .then(async (r) => {
          res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'application/json' });
          res.end(Buffer.from(await r.arrayBuffer()));
        })
        .catch(() => res.writeHead(502).end());
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function startAnthropicChild(
  root: string,
  delayMs: number,
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'bench/load/fake-anthropic-process.ts', ANTHROPIC_KEY, String(delayMs)],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const t = setTimeout(() => reject(new Error('fake Anthropic did not start')), 30_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += String(d);
      const m = /\{"url":"([^"]+)"\}/.exec(out);
      if (m?.[1]) {
        clearTimeout(t);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`fake Anthropic exited with ${code}`)));
  });
  return { url, child };
}

/**
 * One conversation per location and replica before measuring, answered end to end: the install
 * creates a location's custom fields in GHL (about 18 calls) and a replica's first contact-field
 * write there lists them, which belongs to installing, not to the load. Field writes wait
 * CRM_COALESCE_MS (10 s) to be merged, so the warm-up waits for each conversation's field write too,
 * not only for its reply.
 */
async function warmUp(
  ghl: FakeGhl,
  services: ServiceProcess[],
  locationIds: string[],
  log: (m: string) => void,
) {
  const t0 = Date.now();
  const ids = locationIds.flatMap((locationId, i) =>
    services.map((service, r) => {
      const n = i * services.length + r;
      const id = `wu${String(n).padStart(18, '0')}`;
      ghl.seedContact({ id, locationId, firstName: 'Sam', phone: `+1555000${String(1000 + n).slice(-4)}` });
      return { id, locationId, service };
    }),
  );
  await Promise.all(
    ids.map(({ id, locationId, service }) =>
      emitWebhook(
        `${service.url}/webhooks/ghl`,
        inboundMessagePayload({ locationId, contactId: id, body: 'hi, thinking about selling' }),
      ),
    ),
  );
  const answered = ({ id }: { id: string }) =>
    ghl.messages.some((m) => m.contactId === id && m.direction === 'outbound');
  const fieldsWritten = ({ id }: { id: string }) =>
    ghl.requests.some((q) => q.method === 'PUT' && q.path === `/contacts/${id}` && q.status === 200);
  const done = () => ids.every((c) => answered(c) && fieldsWritten(c));
  while (!done() && Date.now() - t0 < 120_000) await new Promise((r) => setTimeout(r, 200));
  log(
    `warm-up: one conversation per location and replica ${done() ? 'answered, fields written' : 'NOT all answered and written'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
}

/**
 * A throwaway database and Redis key prefix, the fake GHL (in this process) with several
 * Marketplace locations installed, the fake Anthropic (own process) and two service processes.
 */
export async function startEnvironment(spec: EnvSpec): Promise<LoadEnvironment> {
  const runId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const database = `bench_load_${runId}`;
  const redisPrefix = `bench_load_${runId}`;
  const admin = new pg.Client({ connectionString: spec.databaseUrl, connectionTimeoutMillis: 5000 });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(
      `PostgreSQL is not reachable at ${redactUrl(spec.databaseUrl)}: ${(err as Error).message}`,
    );
  }
  const { rows } = await admin.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
  await admin.query(`CREATE DATABASE ${database}`);
  const pool = new pg.Pool({
    connectionString: withDatabase(spec.databaseUrl, database, `${database}_bench`),
    max: 3,
  });
  pool.on('error', () => {});

  const cleanups: (() => Promise<unknown>)[] = [];
  const services: ServiceProcess[] = [];
  const balancer = await startEchoBalancer(() => services.map((s) => s.url));
  cleanups.push(() => new Promise((r) => balancer.server.close(r)));
  const ghl = await startFakeGhl({
    rateLimit: { max: spec.ghlBurst, intervalMs: 10_000 },
    dailyLimit: spec.ghlDaily,
    retryAfterSeconds: spec.retryAfterS,
    outboundWebhookUrl: `${balancer.url}/webhooks/ghl`,
  });
  cleanups.push(() => ghl.close());

  let anthropic: { url: string; child: ChildProcess } | null = null;
  if (spec.modelDelayMs !== null) {
    anthropic = await startAnthropicChild(spec.root, spec.modelDelayMs);
    const child = anthropic.child;
    cleanups.push(async () => {
      child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 200));
    });
  }

  const env: Record<string, string> = {
    DATABASE_URL: withDatabase(spec.databaseUrl, database, database),
    REDIS_URL: spec.redisUrl,
    REDIS_KEY_PREFIX: redisPrefix,
    JORGE_API_TOKEN: API_TOKEN,
    GHL_API_BASE_URL: ghl.url,
    GHL_CLIENT_ID: ghl.oauth.clientId,
    GHL_CLIENT_SECRET: ghl.oauth.clientSecret,
    GHL_OAUTH_REDIRECT_URI: 'https://bots.example.com/oauth/callback',
    TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    GHL_RATE_LIMIT_MAX: String(spec.ghlBurst),
    GHL_RATE_LIMIT_DAILY: String(spec.ghlDaily),
    GHL_WEBHOOK_ED25519_PUBLIC_KEY: testWebhookKeys.ed25519.publicKeyPem,
    GHL_WEBHOOK_RSA_PUBLIC_KEY: testWebhookKeys.rsa.publicKeyPem,
    LOG_LEVEL: 'error',
    ...(anthropic ? { ANTHROPIC_API_KEY: ANTHROPIC_KEY, ANTHROPIC_BASE_URL: anthropic.url } : {}),
    ...spec.serviceEnv,
  };
  const close = async () => {
    for (const s of services.splice(0)) await s.stop(30_000).catch(() => undefined);
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
    await pool.end().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch((err: Error) => {
      spec.log(`could not drop database ${database}: ${err.message}`);
    });
    await admin.end().catch(() => undefined);
    const redis = new Redis(spec.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await redis.connect();
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${redisPrefix}*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length > 0) await redis.del(...keys);
      } while (cursor !== '0');
    } catch (err) {
      spec.log(`could not clear Redis keys ${redisPrefix}*: ${(err as Error).message}`);
    } finally {
      redis.disconnect();
    }
  };

  try {
    // One at a time: the first applies the migrations, the second finds them applied.
    for (let i = 0; i < 2; i++) {
      const s = await startService({ cwd: spec.serviceDir ?? spec.root, env, readyTimeoutMs: 120_000 });
      services.push(s);
      spec.log(`service ${i === 0 ? 'A' : 'B'} ready at ${s.url} (pid ${s.child.pid})`);
    }
    const locationIds = Array.from({ length: spec.locations }, (_, i) =>
      `lb${runId}${String(i).padStart(4, '0')}`.padEnd(20, '0'),
    );
    for (const locationId of locationIds) {
      const code = ghl.oauth.issueCode({
        userType: 'Location',
        companyId: 'cmpBenchLoad00000001',
        locationId,
      });
      const res = await fetch(`${services[0]!.url}/oauth/callback?code=${code}`);
      if (res.status !== 200) throw new Error(`install of ${locationId} answered ${res.status}`);
    }
    spec.log(`${locationIds.length} locations installed (Marketplace OAuth), each with its own GHL budget`);
    await warmUp(ghl, services, locationIds, spec.log);
    return {
      runId,
      database,
      serverVersion: rows[0]?.v ?? '',
      pool,
      ghl,
      locationIds,
      services,
      anthropicPid: anthropic?.child.pid ?? null,
      redisPrefix,
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}
