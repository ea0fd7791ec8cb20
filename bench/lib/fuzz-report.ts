import { type Machine, machineLine } from './machine.ts';
import type { Percentiles } from './percentiles.ts';
import { parsePromText, sumOf } from './prom-text.ts';

export interface FuzzBenchResult {
  startedAt: string;
  command: string;
  seed: number;
  machine: Machine;
  /** The machine's 1-minute load average when the run started (other work shares the cores). */
  loadBefore: number;
  requests: number;
  rawRequests: number;
  connections: number;
  runS: number;
  byStatus: Record<string, number>;
  latencyMs: Percentiles;
  byRoute: Record<string, Percentiles>;
  problems: Array<{
    key: string;
    route: string;
    problem: string;
    count: number;
    examples: Array<{ index: number; request: string }>;
  }>;
  /** Requests the service closed the connection on without an answer, by route and error. */
  noAnswer: Array<{ key: string; count: number; example: string }>;
  /** The service's V8 heap in use after a full collection, every 10,000 requests and after a 5 s rest. */
  heap: Array<{ at: number; bytes: number }>;
  alive: boolean;
}

/** Steady-state growth allowed between the first sample and the one after the run: generous on purpose. */
export const HEAP_GROWTH_LIMIT_BYTES = 96 * 2 ** 20;

/** The service's own figure for its V8 heap in use (prom-client's default process metrics). */
export async function heapOf(metricsUrl: URL): Promise<number> {
  const res = await fetch(metricsUrl, { signal: AbortSignal.timeout(10_000) });
  return sumOf(parsePromText(await res.text()), 'nodejs_heap_size_used_bytes');
}

export function heapGrowth(r: Pick<FuzzBenchResult, 'heap'>): number {
  const first = r.heap[0]?.bytes ?? 0;
  const last = r.heap.at(-1)?.bytes ?? first;
  return last - first;
}

/** Requests over a limit the service closed on, by how the client saw it (ECONNRESET, EPIPE…). */
function closedOverLimit(r: FuzzBenchResult): string {
  const byError = new Map<string, number>();
  for (const n of r.noAnswer) {
    const error = n.key.slice(n.key.lastIndexOf(': ') + 2);
    byError.set(error, (byError.get(error) ?? 0) + n.count);
  }
  return byError.size === 0 ? 'none' : [...byError].map(([e, n]) => `${n}× ${e}`).join(', ');
}

const mb = (b: number) => (b / 2 ** 20).toFixed(0);
const ms = (n: number) => (n < 10 ? n.toFixed(1) : n.toFixed(0));

export function renderFuzzSection(r: FuzzBenchResult): string {
  const statuses = Object.entries(r.byStatus)
    .map(([s, n]) => `${s}: ${n.toLocaleString('en-US')}`)
    .join(', ');
  const routes = Object.entries(r.byRoute)
    .filter(([route]) => !route.startsWith('raw:'))
    .sort((a, b) => b[1].n - a[1].n)
    .map(
      ([route, p]) =>
        `| ${route} | ${p.n.toLocaleString('en-US')} | ${ms(p.p50)} | ${ms(p.p99)} | ${ms(p.max)} |`,
    );
  const byKind = new Map<string, { count: number; routes: number }>();
  for (const p of r.problems) {
    const k = byKind.get(p.problem) ?? { count: 0, routes: 0 };
    byKind.set(p.problem, { count: k.count + p.count, routes: k.routes + 1 });
  }
  const problems =
    byKind.size === 0
      ? 'none'
      : [...byKind]
          .sort((a, b) => b[1].count - a[1].count)
          .map(([problem, k]) => `${k.count}× ${problem.replace(/\|/g, '\\|')} (${k.routes} routes)`)
          .join('; ');
  return `Measured ${r.startedAt.slice(0, 10)} on ${machineLine(r.machine)}; load average ${r.loadBefore.toFixed(1)} at the start.
Command: \`${r.command}\` (seed ${r.seed}; replay with \`--seed ${r.seed}\`). The service runs as its own
process on PostgreSQL with FEATURE_MCP on, an API token and a workflow secret; the load generator
keeps ${r.connections} requests in flight over kept-alive sockets, after ${r.rawRequests} raw byte sequences no
client library would send.

| | |
|---|---|
| requests answered | ${r.requests.toLocaleString('en-US')} in ${r.runS.toFixed(0)} s (${Math.round(r.requests / r.runS)} req/s) |
| answers by status | ${statuses} |
| latency, every request | p50 ${ms(r.latencyMs.p50)} ms · p99 ${ms(r.latencyMs.p99)} ms · max ${ms(r.latencyMs.max)} ms |
| 5xx, other error shapes | ${problems} |
| closed on a request over a size limit | ${closedOverLimit(r)} |
| service heap after a full GC | ${r.heap.map((h) => mb(h.bytes)).join(' → ')} MB (growth ${mb(heapGrowth(r))} MB; bound ${mb(HEAP_GROWTH_LIMIT_BYTES)} MB) |
| service still up | ${r.alive ? 'yes, /healthz 200' : '**no**'} |

Latency by route (ms; a route's count includes the requests mutated away from it):

| route | requests | p50 | p99 | max |
|---|---:|---:|---:|---:|
${routes.join('\n')}
`;
}
