import { Writable } from 'node:stream';
import { buildService, type Service } from '../../src/wiring/service.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/observability/logger.ts';
import type { Clock } from '../../src/ports.ts';
import type { TestDb } from './db.ts';
import { testWebhookKeys } from './fakes/test-keys.ts';

export interface TestService {
  service: Service;
  url: string;
  /** Every log line written, for asserting what reaches the logs. */
  logs: string[];
  stop(): Promise<void>;
}

/** The settings that point the service at a fake GHL with its Private Integration token. */
export const ghlEnv = (ghl: { url: string; token: string; locationId: string }) => ({
  GHL_API_BASE_URL: ghl.url,
  GHL_PRIVATE_TOKEN: ghl.token,
  GHL_LOCATION_ID: ghl.locationId,
});

/**
 * The real service in-process, listening on a free port, verifying webhooks with the test keys.
 * `env` overrides settings exactly as the environment would.
 */
export async function startTestService(
  testDb: TestDb,
  env: Record<string, string> = {},
  opts: { clock?: Clock; workers?: boolean } = {},
): Promise<TestService> {
  const config = loadConfig({
    PORT: '0',
    LOG_LEVEL: 'info',
    // The suite runs once with every FEATURE_* flag off and once with all on (.ci/run).
    ...featureFlagsFromEnv(),
    GHL_WEBHOOK_ED25519_PUBLIC_KEY: testWebhookKeys.ed25519.publicKeyPem,
    GHL_WEBHOOK_RSA_PUBLIC_KEY: testWebhookKeys.rsa.publicKeyPem,
    // Tag and field writes go out with their turn, so a test sees them at the fake GHL when the
    // reply arrives; merging them over a window is tested on its own (test/pipeline/outbox-lanes).
    CRM_COALESCE_MS: '0',
    ...env,
  });
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      logs.push(String(chunk));
      cb();
    },
  });
  const logger = createLogger({ level: config.LOG_LEVEL, destination });
  const service = await buildService(config, {
    db: testDb.db,
    logger,
    ...(opts.clock ? { clock: opts.clock } : {}),
  });
  const url = await service.app.listen({ port: 0, host: '127.0.0.1' });
  if (opts.workers !== false) service.startWorkers();
  return { service, url, logs, stop: () => service.stop() };
}

/**
 * A clock that runs at real speed from a weekday afternoon in the default location's zone
 * (12:00 in Los Angeles). For tests that send to a lead and are not about quiet hours: on the real
 * clock those sends are held whenever the suite happens to run at night in California.
 */
export function daytimeClock(iso = '2026-12-02T20:00:00Z'): Clock {
  const start = Date.now();
  const anchor = Date.parse(iso);
  return { now: () => new Date(anchor + (Date.now() - start)) };
}

/** FEATURE_* flags set in the test run's environment, so a whole run can switch them on. */
export function featureFlagsFromEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (e): e is [string, string] => e[0].startsWith('FEATURE_') && e[1] !== undefined && e[1] !== '',
    ),
  );
}

/** Polls until `check` returns true (or throws after `timeoutMs`). */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, body: json as Record<string, any>, headers: res.headers };
}
