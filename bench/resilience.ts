// Success-path overhead of the shared resilience policy (retry + circuit breaker) around a call
// that succeeds at once. Run: npm run bench:resilience [-- --calls 200000]
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createBreaker } from '../src/resilience/breaker.ts';
import { defaultRetryConfig, withRetry } from '../src/resilience/retry.ts';
import { replaceSection } from './lib/performance-doc.ts';

const args = process.argv.slice(2);
const calls = Number(args[args.indexOf('--calls') + 1]) || 200_000;
const call = async () => 42;
const breaker = createBreaker('bench');
const guarded = () =>
  withRetry(
    async () => {
      if (!breaker.allow()) throw new Error('open');
      const r = await call();
      breaker.success();
      return r;
    },
    () => ({ retry: false }),
    { config: defaultRetryConfig },
  );

async function perCallMicros(fn: () => Promise<number>, n: number): Promise<number> {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await fn();
  return Number(process.hrtime.bigint() - t0) / 1000 / n;
}

for (let i = 0; i < 3; i++) {
  await perCallMicros(call, 20_000);
  await perCallMicros(guarded, 20_000);
}
const bare: number[] = [];
const wrapped: number[] = [];
for (let round = 0; round < 5; round++) {
  bare.push(await perCallMicros(call, calls));
  wrapped.push(await perCallMicros(guarded, calls));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const overhead = median(wrapped) - median(bare);
console.log(
  `bare call ${median(bare).toFixed(3)} µs, with retry + breaker ${median(wrapped).toFixed(3)} µs, overhead ${overhead.toFixed(3)} µs per call`,
);
replaceSection(
  fileURLToPath(new URL('../docs/PERFORMANCE.md', import.meta.url)),
  'Resilience policy overhead',
  [
    `Date: ${new Date().toISOString()} · Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}`,
    '',
    `Command: \`npm run bench:resilience -- --calls ${calls}\``,
    '',
    'What it measures: the success path of `withRetry` (the shared RetryConfig) plus a circuit-breaker check around an async call that succeeds at once, against the bare call; median of 5 rounds after a warm-up. Every GHL, financial-service (and later Claude and mail) call runs through this wrapper.',
    '',
    '| bare call | with retry + breaker | overhead per call |',
    '|---|---|---|',
    `| ${median(bare).toFixed(3)} µs | ${median(wrapped).toFixed(3)} µs | ${overhead.toFixed(3)} µs |`,
    '',
    `Target < 50 µs per call: **${overhead < 50 ? 'met' : 'NOT met'}**.`,
  ].join('\n'),
);
