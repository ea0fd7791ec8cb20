import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { type SpawnedService, spawnService } from '../support/spawn-service.ts';

// The local end-to-end run of docs/DEPLOYMENT.md without Docker: the fake GoHighLevel as its own
// process (the bundle the compose service runs), the service pointed at it with the settings the
// fake prints, and a lead's message injected the documented way (npm run fake-ghl -- send).
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'jorge-fake-ghl-'));
const children: ChildProcess[] = [];
let service: SpawnedService | undefined;

afterAll(async () => {
  await service?.kill();
  for (const c of children) c.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Runs a process to its end; resolves with its exit code and output. */
function run(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += String(d);
    });
    child.stderr.on('data', (d) => {
      err += String(d);
    });
    child.once('exit', (code) => resolve({ code, out, err }));
  });
}

/** Starts the long-running fake and waits for the settings it prints. */
function startFake(args: string[]): Promise<Record<string, string>> {
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`fake GHL did not start:\n${out}`)), 30_000);
    child.stderr.on('data', (d) => {
      out += String(d);
    });
    child.stdout.on('data', (d) => {
      out += String(d);
      if (!out.includes('Messages recorded:')) return;
      clearTimeout(t);
      resolve(Object.fromEntries([...out.matchAll(/^ {2}([A-Z0-9_]+)=(.*)$/gm)].map((m) => [m[1]!, m[2]!])));
    });
    child.once('exit', (code) => reject(new Error(`fake GHL exited with ${code}:\n${out}`)));
  });
}

describe('npm run fake-ghl: a fake GoHighLevel for a local end-to-end run', () => {
  it('a lead message injected with `send` reaches the service signed, and GHL records the reply', async () => {
    const build = spawnSync('npm', ['run', 'build:fake-ghl'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(build.status, build.stderr).toBe(0);

    const port = await freePort();
    const webhookUrl = `http://127.0.0.1:${port}/webhooks/ghl`;
    const settings = await startFake([
      'dist/fake-ghl/fake-ghl.mjs',
      '--port=0',
      `--webhook-url=${webhookUrl}`,
    ]);
    expect(Object.keys(settings).sort()).toEqual([
      'GHL_API_BASE_URL',
      'GHL_LOCATION_ID',
      'GHL_PRIVATE_TOKEN',
      'GHL_WEBHOOK_ED25519_PUBLIC_KEY',
    ]);
    const fake = settings.GHL_API_BASE_URL!;

    // The service trusts only the key the fake printed (not the suite's test keys).
    service = await spawnService(
      { ...settings, PORT: String(port), DATA_DIR: join(work, 'data'), MODEL_TURN_TIMEOUT_MS: '15000' },
      60_000,
    );

    const text = 'Hi, we are looking to buy a 3 bedroom home, budget around 700k';
    const sent = await run([
      '--import',
      'tsx',
      'scripts/fake-ghl.ts',
      'send',
      `--fake=${fake}`,
      '--wait=60',
      text,
    ]);
    expect(sent.err).toBe('');
    expect(sent.code).toBe(0);
    expect(sent.out).toContain(`delivered to ${webhookUrl}: 200`);
    const reply = /^reply \(SMS\): (.+)$/m.exec(sent.out)?.[1];
    expect(reply).toBeTruthy();

    // What the fake GHL recorded: the lead's message, then the service's SMS back through the API.
    const res = await fetch(`${fake}/_test/messages?contactId=LocalLead00000000001`);
    const { messages } = (await res.json()) as { messages: Array<Record<string, string>> };
    expect(messages[0]).toMatchObject({ direction: 'inbound', type: 'SMS', body: text });
    expect(messages.filter((m) => m.direction === 'outbound').map((m) => m.body)).toContain(reply);

    // A bad injection is a clear 400, not a delivery.
    const bad = await run([
      '--import',
      'tsx',
      'scripts/fake-ghl.ts',
      'send',
      `--fake=${fake}`,
      '--channel=fax',
      'hi',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('channel: must be sms or email');

    await service.stop();
    expect(service.child.exitCode).toBe(0);
    service = undefined;
  }, 180_000);
});
