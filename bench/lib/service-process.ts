import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

export interface ServiceProcess {
  url: string;
  child: ChildProcess;
  /** Everything the service wrote to stdout/stderr (last 64 KB). */
  output(): string;
  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
  stop(graceMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; killed: boolean }>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Runs src/main.ts in its own Node process so the load generator never shares the service's event
 * loop; resolves once it printed "listening on" and /readyz answered 200.
 */
export async function startService(opts: {
  cwd: string;
  env: Record<string, string>;
  nodeArgs?: string[];
  readyTimeoutMs?: number;
}): Promise<ServiceProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), '--import', 'tsx', 'src/main.ts'], {
    cwd: opts.cwd,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (d: Buffer) => {
    out = (out + String(d)).slice(-65_536);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      resolve();
    }),
  );

  const stop: ServiceProcess['stop'] = async (graceMs = 30_000) => {
    if (!exit) child.kill('SIGTERM');
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, graceMs);
    await exited;
    clearTimeout(timer);
    const e = exit as { code: number | null; signal: NodeJS.Signals | null } | null;
    return { code: e?.code ?? null, signal: e?.signal ?? null, killed };
  };

  const deadline = Date.now() + (opts.readyTimeoutMs ?? 60_000);
  const url = `http://127.0.0.1:${port}`;
  try {
    while (!/listening on http:\/\//.test(out)) {
      if (exit) throw new Error(`service exited during start-up:\n${out}`);
      if (Date.now() > deadline) throw new Error(`service did not print "listening on" in time:\n${out}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    for (;;) {
      const status = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) }).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) break;
      if (exit) throw new Error(`service exited before it was ready:\n${out}`);
      if (Date.now() > deadline)
        throw new Error(`/readyz did not answer 200 in time (last status ${status}):\n${out}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  } catch (err) {
    await stop(5000);
    throw err;
  }
  return { url, child, output: () => out, stop };
}
