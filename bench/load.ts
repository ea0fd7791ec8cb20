import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { machineBusyPct } from './lib/cpu.ts';
import { describeMachine, machineLine } from './lib/machine.ts';
import { writeResultsJson } from './lib/results-file.ts';
import { parseLoadArgs, USAGE } from './load/args.ts';
import { type LoadEnvironment, startEnvironment } from './load/environment.ts';
import { type LoadResult, renderLeads, renderThroughput } from './load/report.ts';
import { runLeadsProfile } from './load/run-leads.ts';
import { runThroughputProfile } from './load/run-throughput.ts';

// Leads texting two replicas of the service that share one PostgreSQL and one Redis, through signed
// webhooks, against the fake GHL (rate budget enforced per location) and the fake Anthropic API.
// Results: a table on stdout and bench/results/load-<profile>-<time>.json.

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const log = (msg: string) => process.stdout.write(`${msg}\n`);

/** The commit the replicas run, and whether their working tree had changes on top of it. */
function describeCommit(dir: string): string {
  try {
    const head = execFileSync('git', ['-C', dir, 'rev-parse', '--short', 'HEAD'], {
      encoding: 'utf8',
    }).trim();
    const dirty = execFileSync('git', ['-C', dir, 'status', '--porcelain', '--untracked-files=no', 'src'], {
      encoding: 'utf8',
    }).trim();
    return dirty ? `${head} with uncommitted changes in src/` : head;
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<number> {
  let args: ReturnType<typeof parseLoadArgs>;
  try {
    args = parseLoadArgs(process.argv.slice(2), process.env);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const command = [
    'npm run bench:load',
    ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : []),
  ].join(' ');
  const startedAt = new Date();
  const busyBeforePct = await machineBusyPct(2000);
  log(`machine ${busyBeforePct.toFixed(0)} % busy before the run`);
  let env: LoadEnvironment | null = null;
  const onSignal = (sig: NodeJS.Signals) => {
    log(`\n${sig}: stopping the replicas, dropping the run's database and Redis keys`);
    void (env?.close() ?? Promise.resolve()).then(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    env = await startEnvironment({
      root: ROOT,
      serviceDir: args.serviceDir,
      databaseUrl: args.databaseUrl,
      redisUrl: args.redisUrl,
      locations: args.locations,
      modelDelayMs: args.offline ? null : args.modelDelayMs,
      ghlBurst: args.ghlBurst,
      ghlDaily: args.ghlDaily,
      retryAfterS: args.retryAfterS,
      serviceEnv: args.serviceEnv,
      log,
    });
    log(`database ${env.database}, Redis prefix ${env.redisPrefix}`);
    const machine = describeMachine(env.serverVersion);
    const serviceCommit = describeCommit(args.serviceDir ?? ROOT);
    log(`replicas run ${serviceCommit}`);
    const leads = args.profile === 'leads' ? await runLeadsProfile(args, env, log) : null;
    const throughput = args.profile === 'throughput' ? await runThroughputProfile(args, env, log) : null;
    const { databaseUrl: _d, redisUrl: _r, ...shown } = args;
    const result: LoadResult = {
      startedAt: startedAt.toISOString(),
      command,
      note: args.note,
      machine,
      busyBeforePct,
      serviceCommit,
      args: shown,
      leads,
      throughput,
    };
    const mode = args.profile === 'throughput' ? 'throughput' : args.offline ? 'offline' : 'model';
    const file = join(
      ROOT,
      'bench',
      'results',
      `load-${mode}-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`,
    );
    writeResultsJson(file, result);
    log(`\n${command}\n${startedAt.toISOString()} · ${machineLine(machine)}`);
    log(
      `machine ${busyBeforePct.toFixed(0)} % busy with other work before the run${args.note ? ` · ${args.note}` : ''}\n`,
    );
    if (leads) log(renderLeads(leads, args));
    if (throughput) log(renderThroughput(throughput));
    log(`\nraw results: ${file}`);
    return 0;
  } finally {
    await env?.close();
  }
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
