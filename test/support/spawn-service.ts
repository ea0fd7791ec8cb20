import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { testWebhookKeys } from './fakes/test-keys.ts';
import { featureFlagsFromEnv } from './service.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface SpawnedService {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** SIGKILL: the process dies mid-work, like a crashed pod. */
  kill(): Promise<void>;
  /** SIGTERM and wait for the graceful exit. */
  stop(): Promise<void>;
}

/** Runs `npm start`'s entry point as a separate process, the way a replica runs in production. */
export async function spawnService(
  env: Record<string, string>,
  timeoutMs = 30_000,
  opts: { cwd?: string } = {},
): Promise<SpawnedService> {
  // From another working directory (where a .env may lie) tsx and main.ts are named by full path.
  const args = opts.cwd
    ? [
        '--import',
        pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href,
        join(ROOT, 'src/main.ts'),
      ]
    : ['--import', 'tsx', 'src/main.ts'];
  const child = spawn(process.execPath, args, {
    cwd: opts.cwd ?? ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: '0',
      LOG_LEVEL: 'warn',
      GHL_WEBHOOK_ED25519_PUBLIC_KEY: testWebhookKeys.ed25519.publicKeyPem,
      GHL_WEBHOOK_RSA_PUBLIC_KEY: testWebhookKeys.rsa.publicKeyPem,
      ...featureFlagsFromEnv(),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += String(d);
  });
  child.stderr?.on('data', (d) => {
    out += String(d);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    // A service that did not start in time is killed, not left running after the test.
    const t = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`service did not start in time:\n${out}`));
    }, timeoutMs);
    const onData = () => {
      const m = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (m) {
        clearTimeout(t);
        resolve(m[1]!);
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(t);
      reject(new Error(`service exited with ${code}:\n${out}`));
    });
  });
  return {
    url,
    child,
    output: () => out,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
