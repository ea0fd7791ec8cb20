// CMA generation + PDF rendering latency and size over varied subjects.
// Run: npm run bench:cma [-- --count 300 --skip-doc]
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadComps } from '../src/adapters/comps/load-comps.ts';
import { renderCmaPdf } from '../src/adapters/pdf/cma-pdf.ts';
import { buildCma } from '../src/domain/cma/build-cma.ts';
import { CONDITIONS, type CmaSubject } from '../src/domain/cma/types.ts';
import { describeMachine } from './lib/machine.ts';
import { replaceSection } from './lib/performance-doc.ts';

const USAGE = `Usage: npm run bench:cma -- [--count <n>] [--skip-doc]
  --count <n>   CMAs to generate and render after the warm-up (default 300, at least 200 for the doc)
  --skip-doc    print only; do not rewrite the "CMA PDF" section of docs/PERFORMANCE.md`;

const { values } = parseArgs({
  options: { count: { type: 'string' }, 'skip-doc': { type: 'boolean' }, help: { type: 'boolean' } },
  strict: true,
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const count = Number(values.count ?? 300);
if (!Number.isInteger(count) || count < 1) {
  console.error(`--count must be a positive whole number\n${USAGE}`);
  process.exit(2);
}

const TODAY = '2026-11-24';
const branding = {
  agentName: 'Jorge',
  market: 'Rancho Cucamonga, CA',
  phone: '(909) 555-0100',
  email: 'agent@example.com',
};
const { comps, dataVersion } = loadComps();

// Subjects modelled on real sales in the sample, with facts dropped, changed or added the way they
// arrive from conversations: some with only an address, some with coordinates, some with a price.
let seed = 7;
const rnd = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
function subjectFor(i: number): CmaSubject {
  const c = comps[(i * 37) % comps.length]!;
  const s: CmaSubject = {
    address: `${Number.parseInt(c.address, 10) + 7} ${c.address.replace(/^\d+\s+/, '')}, ${c.city}`,
  };
  const r = rnd();
  if (i % 5 === 0) s.neighborhood = c.neighborhood;
  if (i % 7 === 0 && c.lat !== undefined && c.lng !== undefined)
    Object.assign(s, { lat: c.lat + 0.002, lng: c.lng - 0.002 });
  if (r > 0.2) s.sqft = Math.round((c.sqft * (0.85 + rnd() * 0.3)) / 10) * 10;
  if (r > 0.35) s.beds = c.beds;
  if (r > 0.5) s.baths = c.baths;
  if (r > 0.6 && c.yearBuilt !== undefined) s.yearBuilt = c.yearBuilt;
  if (i % 3 === 0) s.condition = CONDITIONS[i % CONDITIONS.length]!;
  if (i % 4 === 0) s.sellerPrice = Math.round((c.soldPrice * (0.85 + rnd() * 0.4)) / 5000) * 5000;
  return s;
}

interface Sample {
  generateMs: number;
  renderMs: number;
  totalMs: number;
  bytes: number;
}

async function runOne(i: number): Promise<Sample> {
  const t0 = performance.now();
  const outcome = buildCma(subjectFor(i), comps, TODAY);
  if (!outcome.ok) throw new Error(`subject ${i}: ${outcome.problems.join('; ')}`);
  const t1 = performance.now();
  const pdf = await renderCmaPdf(outcome.cma, branding);
  const t2 = performance.now();
  return { generateMs: t1 - t0, renderMs: t2 - t1, totalMs: t2 - t0, bytes: pdf.length };
}

const cold = await runOne(count + 1);
for (let i = 0; i < 30; i++) await runOne(count + 2 + i);
const samples: Sample[] = [];
for (let i = 0; i < count; i++) samples.push(await runOne(i));

function stats(pick: (s: Sample) => number) {
  const sorted = samples.map(pick).sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return { p50: at(50), p95: at(95), p99: at(99), max: sorted.at(-1)! };
}
const total = stats((s) => s.totalMs);
const gen = stats((s) => s.generateMs);
const render = stats((s) => s.renderMs);
const size = stats((s) => s.bytes);
const ms = (n: number) => `${n.toFixed(2)} ms`;
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const row = (name: string, s: ReturnType<typeof stats>, f: (n: number) => string) =>
  `| ${name} | ${f(s.p50)} | ${f(s.p95)} | ${f(s.p99)} | ${f(s.max)} |`;

const table = [
  '| per CMA | p50 | p95 | p99 | max |',
  '|---|---|---|---|---|',
  row('generate + PDF', total, ms),
  row('generate (pure)', gen, ms),
  row('PDF render (pdfkit)', render, ms),
  row('PDF size', size, kib),
].join('\n');
const met = total.p95 < 200 && size.max < 2 * 1024 * 1024;
const verdict = `Target p95 < 200 ms and < 2 MB: **${met ? 'met' : 'NOT met'}** (aim < 50 ms: ${total.p95 < 50 ? 'met' : 'not met'}).`;
console.log(
  `${count} CMAs (comps data ${dataVersion}); first render in the process ${ms(cold.totalMs)}\n${table}\n${verdict}`,
);

if (!values['skip-doc']) {
  const m = describeMachine('');
  replaceSection(
    fileURLToPath(new URL('../docs/PERFORMANCE.md', import.meta.url)),
    'CMA PDF',
    [
      `Date: ${new Date().toISOString()} · Machine: ${m.cores} cores (${m.cpuModel}), ${m.ramGiB} GiB RAM, ${m.kernel}, Node ${m.node}`,
      '',
      `Command: \`npm run bench:cma -- --count ${count}\``,
      '',
      `What it measures: for ${count} varied subjects (modelled on the ${comps.length} sales of the shipped sample, with facts ` +
        'missing, coordinates, conditions and seller prices mixed in), the pure `buildCma()` (location, estimated facts, ' +
        'comp selection, adjustments, range, market summary) followed by `renderCmaPdf()` (2-page Letter PDF with the ' +
        'comps table and the $/sq ft chart), one at a time on one core after a 30-render warm-up. ' +
        `The first render in a fresh process (font loading) took ${ms(cold.totalMs)}. No cache: every CMA is rendered.`,
      '',
      table,
      '',
      verdict,
    ].join('\n'),
  );
  console.log('Wrote the "CMA PDF" section of docs/PERFORMANCE.md');
}
