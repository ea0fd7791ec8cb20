// How long `npm start` takes until /readyz answers 200, the way a newcomer meets it.
// Run: npm run bench:first-start [-- --rounds 3 --skip-doc]
//
// cold:  a fresh DATA_DIR, an empty TypeScript transform cache and no migrated-database snapshot
//        in node_modules/.cache (a fresh clone after `npm ci`)
// new data dir: a fresh DATA_DIR on a checkout that has started before (caches warm)
// warm:  the same DATA_DIR again (every later start)
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SNAPSHOT_CACHE_DIR } from '../src/adapters/postgres/pglite-snapshot.ts';
import { describeMachine } from './lib/machine.ts';
import { replaceSection } from './lib/performance-doc.ts';
import { freePort } from './lib/service-process.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '3' }, 'skip-doc': { type: 'boolean', default: false } },
});
const rounds = Math.max(1, Number(values.rounds) || 3);
const TARGET_MS = 5_000;

interface Dirs {
  data: string;
  tmp: string;
}

async function readyAfter(dirs: Dirs): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    detached: true,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATA_DIR: dirs.data,
      // tsx keeps its transform cache in the temp directory: a fresh one is a fresh clone's.
      TMPDIR: dirs.tmp,
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
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  try {
    for (;;) {
      if (exited) throw new Error(`npm start exited before it was ready:\n${out}`);
      if (performance.now() - started > 120_000) throw new Error(`not ready after 120 s:\n${out}`);
      const status = await fetch(`http://127.0.0.1:${port}/readyz`)
        .then((r) => r.status)
        .catch(() => 0);
      if (status === 200) return performance.now() - started;
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    await stopGroup(child, exit);
  }
}

async function stopGroup(child: ChildProcess, exit: Promise<void>): Promise<void> {
  // npm runs the service as its child: signal the whole process group.
  const signal = (s: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, s);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 30_000);
  await exit;
  clearTimeout(timer);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const load = loadavg()[0]!;
const cold: number[] = [];
const fresh: number[] = [];
const warm: number[] = [];
for (let round = 1; round <= rounds; round++) {
  const base = mkdtempSync(join(tmpdir(), 'jorge-first-start-'));
  const dirs: Dirs = { data: join(base, 'data'), tmp: join(base, 'tmp') };
  mkdirSync(dirs.tmp);
  try {
    // A fresh clone has no migrated-database snapshot either (it is only a cache).
    rmSync(SNAPSHOT_CACHE_DIR, { recursive: true, force: true });
    cold.push(await readyAfter(dirs));
    fresh.push(await readyAfter({ ...dirs, data: join(base, 'data-2') }));
    warm.push(await readyAfter(dirs));
    console.log(
      `round ${round}: cold ${s(cold.at(-1)!)}, new data dir ${s(fresh.at(-1)!)}, warm ${s(warm.at(-1)!)}`,
    );
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}
const loadAfter = loadavg()[0]!;
const m = describeMachine('');
const summary = `cold ${s(median(cold))}, new data dir ${s(median(fresh))}, warm ${s(median(warm))}`;
console.log(`median of ${rounds}: ${summary}`);

if (!values['skip-doc']) {
  replaceSection(
    fileURLToPath(new URL('../docs/PERFORMANCE.md', import.meta.url)),
    'First start (npm start until ready)',
    [
      `Date: ${new Date().toISOString()} · Machine: ${m.cores} cores (${m.cpuModel}), ${m.ramGiB} GiB RAM, ${m.kernel}, Node ${m.node} · load average ${load.toFixed(1)} before, ${loadAfter.toFixed(1)} after`,
      '',
      `Command: \`npm run bench:first-start -- --rounds ${rounds}\``,
      '',
      'What it measures: wall time from spawning `npm start` (embedded PGlite, sandbox CRM, offline language engine) until `GET /readyz` answers 200, polled every 25 ms. **cold** is a fresh clone after `npm ci`: a new `DATA_DIR`, an empty TypeScript transform cache (tsx keeps it in the temp directory) and no cached database in `node_modules/.cache` (the dump shipped in `migrations/snapshot/` is part of the clone). **new data dir** is a new `DATA_DIR` on a checkout that has started before. **warm** is the same `DATA_DIR` again. Median of the rounds; each round uses its own temporary directories.',
      '',
      '| | cold | new data dir | warm |',
      '|---|---|---|---|',
      `| median | ${s(median(cold))} | ${s(median(fresh))} | ${s(median(warm))} |`,
      `| all rounds | ${cold.map(s).join(', ')} | ${fresh.map(s).join(', ')} | ${warm.map(s).join(', ')} |`,
      '',
      `Target < 5 s on a fresh clone (cold): **${median(cold) < TARGET_MS ? 'met' : 'NOT met'}**.`,
    ].join('\n'),
  );
}
