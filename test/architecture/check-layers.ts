// `npm run check:layers`: the layer rules without starting the test runner; exits 1 listing each problem.
import { fileURLToPath } from 'node:url';
import { allowedCycles, allowedImports } from './allow-list.ts';
import { checkLayers, readImports } from './layer-rules.ts';

const edges = readImports(fileURLToPath(new URL('../../src', import.meta.url)));
const { violations, cycles, stale } = checkLayers(edges, allowedImports, allowedCycles);
const lines = [
  ...violations.map((v) => `layer rule broken: ${v}`),
  ...cycles.map((c) => `import cycle: ${c}`),
  ...stale.map((s) => `no longer occurs, remove from test/architecture/allow-list.ts: ${s}`),
];
for (const line of lines) console.error(line);
console.log(`${edges.length} imports checked, ${lines.length} problem(s)`);
process.exitCode = lines.length === 0 ? 0 : 1;
