import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { wrapPglite } from '../src/adapters/postgres/pglite-db.ts';
import { describeMachine, machineLine } from './lib/machine.ts';

// One statement on the embedded database, timed two ways on the same temporary DATA_DIR: through
// PGlite's own query() (what the service used before) and through the service's adapter
// (src/adapters/postgres/pglite-db.ts: one message per statement, statements kept parsed). Each
// round runs one upsert and one keyed select, `--rounds` times after 200 warm-up rounds.

const USAGE = 'Usage: npm run bench:pglite-statements -- [--rounds 3000] [--repeat 2]';
const log = (msg: string) => process.stdout.write(`${msg}\n`);

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: '3000' },
      repeat: { type: 'string', default: '2' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    log(USAGE);
    return 0;
  }
  const rounds = Number(values.rounds);
  const repeat = Number(values.repeat);
  if (!(rounds >= 1) || !(repeat >= 1)) {
    log(USAGE);
    return 2;
  }
  const dir = mkdtempSync(join(tmpdir(), 'bench-pglite-statements-'));
  const lite = await PGlite.create({ dataDir: dir });
  try {
    await lite.exec('CREATE TABLE t (id int PRIMARY KEY, v text, j jsonb)');
    const db = wrapPglite(lite);
    const upsert =
      'INSERT INTO t (id, v, j) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET v = excluded.v, j = excluded.j RETURNING id';
    const select = 'SELECT id, v, j FROM t WHERE id = $1';
    const ways: Record<string, (i: number) => Promise<unknown>> = {
      'PGlite query()': async (i) => {
        await lite.query(upsert, [i % 500, `x${i}`, JSON.stringify({ i })]);
        return lite.query(select, [i % 500]);
      },
      'the adapter (pglite-db.ts)': async (i) => {
        await db.query(upsert, [i % 500, `x${i}`, { i }]);
        return db.query(select, [i % 500]);
      },
    };
    log(machineLine(describeMachine('PGlite (embedded)')));
    for (let r = 0; r < repeat; r++) {
      for (const [name, pair] of Object.entries(ways)) {
        for (let i = 0; i < 200; i++) await pair(i);
        const t0 = performance.now();
        for (let i = 0; i < rounds; i++) await pair(i);
        log(`${name}: ${((performance.now() - t0) / rounds).toFixed(3)} ms per upsert + select`);
      }
    }
    return 0;
  } finally {
    await lite.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
