// Latency of the MCP lead tools: over Streamable HTTP at POST /mcp of the real service in-process,
// and over stdio (npx tsx src/mcp/stdio.ts) on an embedded database.
// Run: npm run bench:mcp [-- --iterations 200 --cma-iterations 30 --doc]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { loadComps } from '../src/adapters/comps/load-comps.ts';
import { createPgliteDb } from '../src/adapters/postgres/pglite-db.ts';
import { migrate } from '../src/adapters/postgres/migrate.ts';
import { postJson, startTestService } from '../test/support/service.ts';
import { describeMachine } from './lib/machine.ts';
import { type Percentiles, percentiles } from './lib/percentiles.ts';
import { replaceSection } from './lib/performance-doc.ts';
import { writeResultsJson } from './lib/results-file.ts';
import { planTurns } from './lib/sandbox-corpus.ts';

const USAGE = `Usage: npm run bench:mcp -- [options]
  --iterations <n>      measured calls per read tool and for tools/list (default 200)
  --cma-iterations <n>  measured generate_cma calls, new address each and repeated address (default 30)
  --seed-turns <n>      sandbox turns of seller and buyer conversations seeded first (default 60)
  --doc                 also write the "MCP tools" section of docs/PERFORMANCE.md`;

const { values } = parseArgs({
  options: {
    iterations: { type: 'string' },
    'cma-iterations': { type: 'string' },
    'seed-turns': { type: 'string' },
    doc: { type: 'boolean' },
    help: { type: 'boolean' },
  },
  strict: true,
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
function whole(name: string, raw: string | undefined, fallback: number): number {
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--${name} must be a positive whole number\n${USAGE}`);
    process.exit(2);
  }
  return n;
}
const iterations = whole('iterations', values.iterations, 200);
const cmaIterations = whole('cma-iterations', values['cma-iterations'], 30);
const seedTurns = whole('seed-turns', values['seed-turns'], 60);
const WARM_UP = 10;
const TOKEN = 'bench-mcp-token-0123456789abcdef';
const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface Row {
  call: string;
  transport: 'HTTP' | 'stdio';
  latency: Percentiles;
  /** Mean size of the result's text content, in bytes. */
  resultBytes: number;
  errors: number;
}

type ToolResult = { content?: unknown; isError?: unknown };
/** Bytes of a tool result's text content, or of the whole result (tools/list) as JSON. */
const resultBytes = (r: ToolResult | { tools: unknown[] }) =>
  'content' in r && Array.isArray(r.content)
    ? (r.content as { text?: unknown }[]).reduce(
        (n, c) => n + (typeof c.text === 'string' ? Buffer.byteLength(c.text) : 0),
        0,
      )
    : Buffer.byteLength(JSON.stringify(r));

/** Times `n` calls one after the other, after a warm-up; `call(i)` gets the call's index. */
async function measure(
  call: string,
  transport: Row['transport'],
  n: number,
  fn: (i: number) => Promise<ToolResult | { tools: unknown[] }>,
  warmUp = WARM_UP,
): Promise<Row> {
  for (let i = 0; i < warmUp; i++) await fn(-1 - i);
  const ms: number[] = [];
  let bytes = 0;
  let errors = 0;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const r = await fn(i);
    ms.push(performance.now() - t0);
    bytes += resultBytes(r);
    if ('isError' in r && r.isError) errors++;
  }
  const row = { call, transport, latency: percentiles(ms), resultBytes: bytes / n, errors };
  console.log(
    `  ${transport} ${call}: p50 ${row.latency.p50.toFixed(2)} ms, p95 ${row.latency.p95.toFixed(2)} ms (${n} calls${errors ? `, ${errors} errors` : ''})`,
  );
  return row;
}

// Homes to value: next door to sales of the shipped comps sample, so every one has comparables.
const { comps } = loadComps();
const subjectFor = (i: number) => {
  const c = comps[(i * 37 + 11) % comps.length]!;
  const street = c.address.replace(/^\d+\s+/, '');
  return {
    address: `${Number.parseInt(c.address, 10) + 2 * (Math.floor(i / comps.length) + 1)} ${street}, ${c.city}`,
    beds: c.beds,
    baths: c.baths,
    sqft: Math.round((c.sqft * 1.05) / 10) * 10,
  };
};

// ---- Streamable HTTP: the service with FEATURE_MCP, seeded through the sandbox API ----
const started = performance.now();
const rows: Row[] = [];
// One embedded database in a DATA_DIR, as \`npm start\` keeps it: the service uses it first, then the
// stdio server opens the same directory, so both transports read the same leads.
const dataDir = mkdtempSync(join(tmpdir(), 'jorge-bench-mcp-'));
process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
const db = await createPgliteDb(dataDir);
await migrate(db);
const tdb = { db, close: () => db.close() };
const svc = await startTestService(
  tdb,
  { FEATURE_MCP: 'true', JORGE_API_TOKEN: TOKEN, FEATURE_AGENT_MESH: 'false', LOG_LEVEL: 'info' },
  { workers: false },
);
const auth = { authorization: `Bearer ${TOKEN}` };
const say = async (body: object) => {
  const res = await postJson(`${svc.url}/api/v1/sandbox/messages`, body, auth);
  if (res.status !== 200) throw new Error(`sandbox answered ${res.status}`);
};
for (const t of planTurns(seedTurns, { prefix: 'lead' })) await say(t.body);
// A few leads who ask for a person or for something the law forbids: open escalations.
const escalating = [
  'can I talk to a real person please',
  'what is your commission',
  'show me areas without many Hispanic families',
];
for (const [i, text] of escalating.entries()) {
  const contactId = `lead-escalated-${i + 1}`;
  await say({
    contactId,
    message: 'Hi, I want to sell my house at 7012 Etiwanda Ave',
    tags: ['Seller-Lead'],
  });
  await say({ contactId, message: text });
}

const client = new Client({ name: 'bench-mcp', version: '1.0.0' });
const httpTransport = () =>
  new StreamableHTTPClientTransport(new URL(`${svc.url}/mcp`), { requestInit: { headers: auth } });
await client.connect(httpTransport());
const callTool = (name: string, args: Record<string, unknown>) =>
  client.callTool({ name, arguments: args }) as Promise<ToolResult>;
const parse = <T>(r: ToolResult) => JSON.parse((r.content as { text: string }[])[0]!.text) as T;

const hot = parse<{ leads: { contactId: string }[] }>(await callTool('list_hot_leads', { limit: 100 }));
const escalations = parse<{ count: number }>(await callTool('list_escalations', {}));
const hotIds = hot.leads.map((l) => l.contactId);
if (hotIds.length === 0) throw new Error('the seed produced no hot lead');
const seededContacts = Number(
  (await tdb.db.query<{ n: number }>(`SELECT count(*) AS n FROM contacts WHERE location_id = 'sandbox'`))
    .rows[0]?.n ?? 0,
);
const contactFor = (i: number) => hotIds[Math.abs(i) % hotIds.length]!;
console.log(
  `bench:mcp — ${seededContacts} sandbox contacts (${hotIds.length} hot, ${escalations.count} escalations); ${iterations} calls per tool`,
);

rows.push(
  await measure('connect (initialize handshake)', 'HTTP', Math.min(iterations, 50), async () => {
    const c = new Client({ name: 'bench-mcp-connect', version: '1.0.0' });
    await c.connect(httpTransport());
    await c.close();
    return { content: [] };
  }),
);
rows.push(await measure('tools/list', 'HTTP', iterations, () => client.listTools()));
rows.push(
  await measure('get_contact', 'HTTP', iterations, (i) =>
    callTool('get_contact', { contactId: contactFor(i) }),
  ),
);
rows.push(await measure('list_hot_leads', 'HTTP', iterations, () => callTool('list_hot_leads', {})));
rows.push(
  await measure('get_conversation', 'HTTP', iterations, (i) =>
    callTool('get_conversation', { contactId: contactFor(i) }),
  ),
);
rows.push(await measure('list_escalations', 'HTTP', iterations, () => callTool('list_escalations', {})));
rows.push(
  await measure('generate_cma, a new address each call', 'HTTP', cmaIterations, (i) =>
    callTool('generate_cma', subjectFor(i + WARM_UP)),
  ),
);
rows.push(
  await measure('generate_cma, the same address again (cached)', 'HTTP', cmaIterations, () =>
    callTool('generate_cma', subjectFor(0)),
  ),
);
await client.close();
await svc.stop();
await tdb.close();

// ---- stdio: npx tsx src/mcp/stdio.ts on the same DATA_DIR, now that the service has closed it ----
let stdioStartMs = 0;
{
  const transport = new StdioClientTransport({
    command: 'npx',
    args: ['tsx', 'src/mcp/stdio.ts'],
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (d) => {
    stderr += String(d);
  });
  const stdio = new Client({ name: 'bench-mcp-stdio', version: '1.0.0' });
  const t0 = performance.now();
  try {
    await stdio.connect(transport);
  } catch (err) {
    throw new Error(`the stdio server did not start: ${stderr.slice(-500)}`, { cause: err });
  }
  stdioStartMs = performance.now() - t0;
  rows.push(await measure('tools/list', 'stdio', iterations, () => stdio.listTools()));
  rows.push(
    await measure(
      'list_escalations',
      'stdio',
      iterations,
      () => stdio.callTool({ name: 'list_escalations', arguments: {} }) as Promise<ToolResult>,
    ),
  );
  await stdio.close();
}
const elapsedS = (performance.now() - started) / 1000;

// ---- report ----
const f = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;
const size = (n: number) => (n >= 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${Math.round(n)} B`);
const table = [
  '| call | transport | calls | p50 | p95 | p99 | max | result text |',
  '|---|---|---|---|---|---|---|---|',
  ...rows.map(
    (r) =>
      `| ${r.call} | ${r.transport} | ${r.latency.n}${r.errors ? ` (${r.errors} errors)` : ''} | ${f(r.latency.p50)} | ${f(r.latency.p95)} | ${f(r.latency.p99)} | ${f(r.latency.max)} | ${r.call.startsWith('connect') ? '–' : size(r.resultBytes)} |`,
  ),
].join('\n');
const errors = rows.reduce((n, r) => n + r.errors, 0);
const command = `npm run bench:mcp -- --iterations ${iterations} --cma-iterations ${cmaIterations} --seed-turns ${seedTurns}`;
const date = new Date().toISOString();
const m = describeMachine('');
const machine = `${m.cores} cores (${m.cpuModel}), ${m.ramGiB} GiB RAM, ${m.kernel}, Node ${m.node}`;
const markdown = [
  `Date: ${date} · Machine: ${machine}`,
  '',
  `Command: \`${command}\` (the whole run took ${elapsedS.toFixed(0)} s)`,
  '',
  `What it measures: one MCP request at a time, timed by the client (\`@modelcontextprotocol/sdk\` \`Client\`) from the call to the parsed result, after ${WARM_UP} warm-up calls each. **HTTP**: the real service in-process (\`buildService\`, \`FEATURE_MCP=true\`, \`JORGE_API_TOKEN\` set), \`StreamableHTTPClientTransport\` on 127.0.0.1 with \`Authorization: Bearer\`; the endpoint is stateless, so every request builds its own MCP server and transport and answers with JSON. Seeded through \`POST /api/v1/sandbox/messages\`: the first ${seedTurns} turns of the seller and buyer conversations of \`test/scenarios/\` and ${escalating.length} leads who escalate: ${seededContacts} contacts, ${hotIds.length} hot, ${escalations.count} escalations. \`get_contact\` and \`get_conversation\` cycle over the hot leads; \`list_hot_leads\` and \`list_escalations\` use their default limits; \`generate_cma\` values homes next door to sales of the shipped comps sample (analysis, PDF render, PDF stored in the database), each a new address (a cache miss) or the same address again (the analysis and PDF come from the in-process cache; the PDF is still stored). "connect" is a new client's \`initialize\` handshake and close. Both transports use one embedded database (PGlite on disk in a temporary \`DATA_DIR\`, as \`npm start\` keeps it). **stdio**: \`npx tsx src/mcp/stdio.ts\` as a child process on that \`DATA_DIR\` once the service has closed it, reading the same leads; it took ${(stdioStartMs / 1000).toFixed(1)} s from launch to the end of the handshake.`,
  '',
  table,
  '',
  errors === 0 ? 'Every call succeeded.' : `**${errors} calls answered with an error.**`,
  '',
  "Caveats: over HTTP the client, the service and the database share one Node process; PGlite is one connection, so calls never overlap here. The figures are per call on an idle service, not throughput. The stdio server keeps one MCP server for the whole session, while every `/mcp` request also pays for the HTTP exchange, the bearer check and a fresh server and transport. Results carry the leads' contact details, so their size matters to the assistant that reads them more than to the wire.",
].join('\n');

const file = fileURLToPath(new URL(`./results/mcp-${date.slice(0, 10)}.json`, import.meta.url));
writeResultsJson(file, {
  date,
  machine,
  command,
  elapsedS,
  params: { iterations, cmaIterations, seedTurns, warmUp: WARM_UP },
  seeded: { contacts: seededContacts, hot: hotIds.length, escalations: escalations.count },
  stdioStartMs,
  rows,
});
if (values.doc) {
  replaceSection(fileURLToPath(new URL('../docs/PERFORMANCE.md', import.meta.url)), 'MCP tools', markdown);
}
console.log(`\n## MCP tools\n\n${markdown}\n`);
console.log(`Raw results: ${file}${values.doc ? '\nWrote the section to docs/PERFORMANCE.md' : ''}`);
if (errors > 0) process.exitCode = 1;
