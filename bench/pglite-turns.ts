import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type pg from 'pg';
import { createPgliteDb } from '../src/adapters/postgres/pglite-db.ts';
import { testWebhookKeys } from '../test/support/fakes/test-keys.ts';
import { checkAnsweredOnce } from './lib/bench-db.ts';
import { machineBusyPct } from './lib/cpu.ts';
import { describeMachine, machineLine } from './lib/machine.ts';
import { writeResultsJson } from './lib/results-file.ts';
import { type ServiceProcess, startService } from './lib/service-process.ts';
import { createSignedBodies, preSign } from './lib/signed-payloads.ts';

// Turns per second on the embedded database (PGlite, what `npm start` runs on with no
// DATABASE_URL): the real service as a child process on a temporary DATA_DIR, sandbox CRM, offline
// engine. A burst of signed InboundMessage webhooks is sent first; turns are then timed from the
// service's own counters (GET /metrics) until the inbox is empty. The database belongs to the
// service's process, so the exactly-once check opens the DATA_DIR after the service has stopped.

const USAGE = `Usage: npm run bench:pglite -- [--messages 3000] [--contacts 300] [--connections 20] [--drain-timeout 300] [--service-dir <path>] [--cpu-prof]`;
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const log = (msg: string) => process.stdout.write(`${msg}\n`);

/** The sum of a counter's or gauge's series in a Prometheus text exposition. */
function metricSum(text: string, name: string, ...labels: string[]): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name) || (line[name.length] !== ' ' && line[name.length] !== '{')) continue;
    // Only the series whose labels include each of `labels` (e.g. `queue="outbox"`).
    if (!labels.every((l) => line.includes(l))) continue;
    sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}

/** Claim rounds so far by queue and result (zero on code without jorge_queue_claims_total). */
type Claims = { inbox: number; inboxEmpty: number; outbox: number; outboxEmpty: number };

async function counters(url: string): Promise<{ turns: number; depth: number; claims: Claims }> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const c = 'jorge_queue_claims_total';
  return {
    turns: metricSum(text, 'jorge_turn_duration_seconds_count'),
    depth: metricSum(text, 'jorge_inbox_depth'),
    claims: {
      inbox: metricSum(text, c, 'queue="inbox"'),
      inboxEmpty: metricSum(text, c, 'queue="inbox"', 'result="empty"'),
      outbox: metricSum(text, c, 'queue="outbox"'),
      outboxEmpty: metricSum(text, c, 'queue="outbox"', 'result="empty"'),
    },
  };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      messages: { type: 'string', default: '3000' },
      contacts: { type: 'string', default: '300' },
      connections: { type: 'string', default: '20' },
      'drain-timeout': { type: 'string', default: '300' },
      'service-dir': { type: 'string' },
      'cpu-prof': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    log(USAGE);
    return 0;
  }
  const messages = Number(values.messages);
  const contacts = Number(values.contacts);
  const connections = Number(values.connections);
  const drainS = Number(values['drain-timeout']);
  for (const [name, n] of Object.entries({ messages, contacts, connections, drainS }))
    if (!Number.isInteger(n) || n < 1) {
      process.stderr.write(`${name} must be a whole number >= 1\n${USAGE}\n`);
      return 2;
    }
  const startedAt = new Date();
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-pglite-'));
  let service: ServiceProcess | null = null;
  try {
    const bodies = createSignedBodies(testWebhookKeys, { contacts });
    const pool = preSign(bodies.make, messages, () => {});
    service = await startService({
      cwd: values['service-dir'] ?? ROOT,
      env: {
        DATA_DIR: dataDir,
        GHL_WEBHOOK_ED25519_PUBLIC_KEY: testWebhookKeys.ed25519.publicKeyPem,
        GHL_WEBHOOK_RSA_PUBLIC_KEY: testWebhookKeys.rsa.publicKeyPem,
      },
      nodeArgs: values['cpu-prof']
        ? [
            '--cpu-prof',
            '--cpu-prof-dir',
            join(
              ROOT,
              'bench',
              'results',
              `cpu-prof-pglite-${startedAt.toISOString().replace(/[:.]/g, '-')}`,
            ),
          ]
        : [],
    });
    const url = service.url;
    const busyBeforePct = await machineBusyPct();
    log(
      `service on PGlite (${dataDir}) at ${url}; machine ${Math.round(busyBeforePct)} % busy before the load`,
    );

    // The burst: every message sent once, `connections` at a time.
    const acceptedIds: number[] = [];
    let next = 0;
    let refused = 0;
    const sendStart = performance.now();
    const before = await counters(url);
    await Promise.all(
      Array.from({ length: connections }, async () => {
        for (let i = next++; i < pool.length; i = next++) {
          const item = pool[i]!;
          const res = await fetch(`${url}/webhooks/ghl`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-ghl-signature': item.signature },
            body: item.body,
          });
          const text = await res.text();
          const id = /"id":(\d+)/.exec(text)?.[1];
          if (res.status === 200 && text.includes('"status":"accepted"') && id) acceptedIds.push(Number(id));
          else refused++;
        }
      }),
    );
    const sendS = (performance.now() - sendStart) / 1000;
    const atLoadEnd = await counters(url);
    log(
      `sent ${messages} in ${sendS.toFixed(1)} s (${Math.round(messages / sendS)}/s): ${acceptedIds.length} accepted, ${refused} not; ${atLoadEnd.turns - before.turns} turns done meanwhile`,
    );

    // The drain, timed from the end of the burst.
    const drainStart = performance.now();
    let last = atLoadEnd;
    while (last.depth > 0 && performance.now() - drainStart < drainS * 1000) {
      await new Promise((r) => setTimeout(r, 1000));
      last = await counters(url);
      log(
        `  ${Math.round((performance.now() - drainStart) / 1000)} s: ${last.turns - before.turns} turns, ${last.depth} waiting`,
      );
    }
    const drainedS = (performance.now() - drainStart) / 1000;
    const turnsAfter = last.turns - atLoadEnd.turns;
    const turnsPerS = turnsAfter / drainedS;
    const allS = sendS + drainedS;
    await service.stop(30_000);
    service = null;

    const lite = await createPgliteDb(dataDir);
    const check = await checkAnsweredOnce({ query: lite.query } as unknown as pg.Pool, acceptedIds);
    await lite.close();

    // Each claim round is one statement (the outbox's: two) on the one connection.
    const turnsAll = Math.max(1, last.turns - before.turns);
    const perTurn = (k: keyof Claims) => (last.claims[k] - before.claims[k]) / turnsAll;
    const claimRounds = {
      inboxPerTurn: perTurn('inbox'),
      inboxEmptyPerTurn: perTurn('inboxEmpty'),
      outboxPerTurn: perTurn('outbox'),
      outboxEmptyPerTurn: perTurn('outboxEmpty'),
    };
    const machine = describeMachine('PGlite (embedded)');
    const result = {
      startedAt: startedAt.toISOString(),
      command: [
        'npm run bench:pglite',
        ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : []),
      ].join(' '),
      machine,
      busyBeforePct,
      params: { messages, contacts, connections, drainS, serviceDir: values['service-dir'] ?? null },
      ingest: {
        seconds: sendS,
        accepted: acceptedIds.length,
        refused,
        turnsDuring: atLoadEnd.turns - before.turns,
      },
      drain: { seconds: drainedS, complete: last.depth === 0, turns: turnsAfter, turnsPerSecond: turnsPerS },
      endToEnd: { seconds: allS, turnsPerSecond: (last.turns - before.turns) / allS },
      claimRounds,
      check,
    };
    const file = join(
      ROOT,
      'bench',
      'results',
      `pglite-turns-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`,
    );
    writeResultsJson(file, result);
    log(`\n${machineLine(machine)}`);
    log(
      `turns after the burst: ${turnsAfter} in ${drainedS.toFixed(1)} s = ${turnsPerS.toFixed(0)}/s (drained: ${last.depth === 0 ? 'yes' : 'NO'})`,
    );
    log(`end to end (burst start → inbox empty): ${((last.turns - before.turns) / allS).toFixed(0)} turns/s`);
    log(
      `claim rounds per turn, burst start → inbox empty: inbox ${claimRounds.inboxPerTurn.toFixed(2)} (${claimRounds.inboxEmptyPerTurn.toFixed(2)} empty), outbox ${claimRounds.outboxPerTurn.toFixed(2)} (${claimRounds.outboxEmptyPerTurn.toFixed(2)} empty)`,
    );
    log(`answered exactly once: ${JSON.stringify(check)}`);
    log(`raw results: ${file}`);
    return last.depth === 0 ? 0 : 1;
  } finally {
    if (service) await service.stop(30_000).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`${(err as Error).stack ?? err}\n`);
    process.exit(1);
  },
);
