import type { AnswerCheck, InboxProgress, LatencySummary } from './bench-db.ts';
import type { CpuSplit } from './cpu.ts';
import type { LoadOutcome } from './load.ts';
import { type Machine, machineLine } from './machine.ts';

export interface WebhookBenchResult {
  startedAt: string;
  command: string;
  machine: Machine;
  params: {
    durationS: number;
    connections: number;
    /** Webhooks offered per second (open loop); null: closed loop, as fast as answered. */
    rate?: number | null;
    contacts: number;
    noopDurationS: number;
    drainTimeoutS: number;
    pool: number;
    serviceEnv: Record<string, string>;
    serviceDir: string | null;
  };
  target: { acceptedPerSecond: number; p99Ms: number };
  signing: { preSigned: number; usPerBody: number; signedDuringRun: number };
  noop: LoadOutcome | null;
  load: LoadOutcome;
  acceptedIdsReturned: number;
  /** Machine CPU busy share just before the load, from other work. */
  busyBeforePct: number;
  ingestCpu: CpuSplit;
  drain: {
    waitedS: number;
    complete: boolean;
    atLoadEnd: InboxProgress;
    last: InboxProgress;
    cpu: CpuSplit;
    skipped: boolean;
  };
  endToEnd: { toClaim?: LatencySummary; toOutbox: LatencySummary; toCrm: LatencySummary } | null;
  answeredOnce: AnswerCheck | null;
  serviceExit: { code: number | null; signal: string | null; killed: boolean };
  /** The service's event-loop delay and GC time over the run, from its /metrics. */
  serviceLoop?: { lagP99Ms: number; lagMaxMs: number; gcS: number } | null;
  cpuProfileDir: string | null;
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;
const sec = (n: number) => (n >= 10 ? `${n.toFixed(1)} s` : `${n.toFixed(2)} s`);
/** A latency in milliseconds, shown in ms below a second. */
const dur = (v: number) => (v < 1000 ? ms(v) : sec(v / 1000));

export function failures(r: WebhookBenchResult): number {
  return r.load.non2xx + r.load.errors + r.load.twoXxNotOk;
}

export function verdict(r: WebhookBenchResult) {
  const throughput = r.load.okPerSecond >= r.target.acceptedPerSecond;
  const p99 = r.load.latencyMs.p99 < r.target.p99Ms;
  const clean = failures(r) === 0;
  return { throughput, p99, clean, met: throughput && p99 && clean };
}

function cpuCores(c: CpuSplit) {
  const k = (s: number) => (s / c.wallS).toFixed(2);
  return `load generator ${k(c.loadGeneratorS)} · service ${k(c.serviceS)} · PostgreSQL ${k(c.postgresS)} · other processes ${k(c.otherS)} cores (machine ${c.machineBusyPct.toFixed(0)} % busy)`;
}

/** Rows shared by the console table and the markdown table. */
function rows(r: WebhookBenchResult): [string, string][] {
  const l = r.load;
  const v = verdict(r);
  const out: [string, string][] = [
    [
      'accepted/s (2xx "accepted")',
      `${int(l.okPerSecond)}  (target ≥ ${int(r.target.acceptedPerSecond)}: ${v.throughput ? 'met' : 'NOT met'})`,
    ],
    ['requests answered', `${int(l.responses)} in ${sec(l.durationS)} (${int(l.ok)} accepted)`],
    [
      'non-2xx / errors / timeouts',
      `${int(l.non2xx)} / ${int(l.errors - l.timeouts)} / ${int(l.timeouts)}${Object.keys(l.statusCodes).length > 1 ? `  (status codes ${JSON.stringify(l.statusCodes)})` : ''}`,
    ],
    ['2xx not "accepted" (duplicate/ignored)', int(l.twoXxNotOk)],
    [
      'ack latency p50 / p95 / p99 / max',
      `${ms(l.latencyMs.p50)} / ${ms(l.latencyMs.p95)} / ${ms(l.latencyMs.p99)} / ${ms(l.latencyMs.max)}  (p99 target < ${r.target.p99Ms} ms: ${v.p99 ? 'met' : 'NOT met'})`,
    ],
    ...(l.generatorLagMs
      ? [
          [
            'load generator event-loop delay p99 / max',
            `${ms(l.generatorLagMs.p99)} / ${ms(l.generatorLagMs.max)} (paced at ${int(r.params.rate ?? 0)}/s; latency counted from each request's due time)`,
          ] as [string, string],
        ]
      : []),
    [
      'accepted per second (min / max)',
      `${int(Math.min(...trimmed(l.okPerSecondTimeline)))} / ${int(Math.max(...trimmed(l.okPerSecondTimeline)))}`,
    ],
  ];
  if (l.non2xx > 0 || l.twoXxNotOk > 0) {
    // Rejections answer fast and pull the percentiles above down; show the accepted ones apart.
    const a = l.okLatencyMs;
    out.splice(5, 0, [
      'ack latency of accepted requests p50 / p95 / p99',
      `${ms(a.p50)} / ${ms(a.p95)} / ${ms(a.p99)}`,
    ]);
  }
  if (r.noop) {
    out.push([
      'GET /healthz req/s (no-op, same server)',
      `${int(r.noop.okPerSecond)} (p99 ${ms(r.noop.latencyMs.p99)}, ${sec(r.noop.durationS)})`,
    ]);
    out.push(['webhook accepted/s ÷ no-op req/s', (l.okPerSecond / r.noop.okPerSecond).toFixed(2)]);
  }
  out.push(['machine busy before the load (other work)', `${r.busyBeforePct.toFixed(0)} %`]);
  out.push(['CPU during webhook load', cpuCores(r.ingestCpu)]);
  if (r.drain.skipped) {
    out.push(['end-to-end', 'skipped (workers disabled)']);
  } else {
    const d = r.drain;
    out.push([
      'backlog drained after the load',
      `${d.complete ? 'yes' : 'NO'}: processed ${int(d.last.processed)} / ${int(d.last.total)} in ${sec(d.waitedS)}, ${int(d.last.failed)} failed`,
    ]);
    const turns = d.last.processed - d.atLoadEnd.processed;
    out.push([
      'turns processed',
      `${int(d.atLoadEnd.processed)} during the load (${int(d.atLoadEnd.processed / r.load.durationS)}/s), ${int(turns)} after it (${int(d.waitedS > 0 ? turns / d.waitedS : 0)}/s)`,
    ]);
    out.push(['CPU while draining', cpuCores(d.cpu)]);
    if (r.serviceLoop)
      out.push([
        'service event-loop delay p99 / max · time in GC',
        `${ms(r.serviceLoop.lagP99Ms)} / ${ms(r.serviceLoop.lagMaxMs)} · ${sec(r.serviceLoop.gcS)}`,
      ]);
    if (r.endToEnd) {
      const e = r.endToEnd;
      if (e.toClaim)
        out.push([
          'end-to-end receipt → turn claimed p50 / p95 / p99',
          `${dur(e.toClaim.p50)} / ${dur(e.toClaim.p95)} / ${dur(e.toClaim.p99)}`,
        ]);
      out.push([
        'end-to-end receipt → reply in outbox p50 / p95 / p99',
        `${dur(e.toOutbox.p50)} / ${dur(e.toOutbox.p95)} / ${dur(e.toOutbox.p99)} (max ${dur(e.toOutbox.max)}, n=${int(e.toOutbox.count)})`,
      ]);
      out.push([
        'end-to-end receipt → reply sent to CRM p50 / p95 / p99',
        `${dur(e.toCrm.p50)} / ${dur(e.toCrm.p95)} / ${dur(e.toCrm.p99)} (n=${int(e.toCrm.count)})`,
      ]);
    }
    const c = r.answeredOnce;
    if (c) {
      out.push([
        'every accepted message answered exactly once',
        `${c.pass ? 'PASS' : 'FAIL'}: ${int(c.answeredOnce)} of ${int(c.inboxRows)} stored messages have exactly one reply, ${int(c.heldBack)} none because the bot was held back for the contact on purpose (escalated to a person, compliance hold, opted out, off switch); ${int(c.missing)} lost, ${int(c.duplicated)} answered twice, ${int(c.unprocessed)} not processed yet, ${int(c.failed)} failed, ${int(c.acceptedButNotStored)} acknowledged but not stored`,
      ]);
    }
  }
  return out;
}

// The first and last second are partial (ramp-up, and the stop in the middle of a second).
function trimmed(t: number[]): number[] {
  const inner = t.slice(1, -1);
  return inner.length > 0 ? inner : t.length > 0 ? t : [0];
}

export function renderSummary(r: WebhookBenchResult): string {
  const table = rows(r);
  const w = Math.max(...table.map(([k]) => k.length));
  const v = verdict(r);
  const lines = table.map(([k, val]) => `${k.padEnd(w)}  ${val}`);
  const bar = '─'.repeat(Math.min(110, w + 60));
  return [
    bar,
    `Webhook ingest · ${r.params.connections} connections · ${r.params.durationS} s · ${r.params.contacts} contacts`,
    bar,
    ...lines,
    bar,
    `target (≥ ${int(r.target.acceptedPerSecond)} accepted/s, p99 < ${r.target.p99Ms} ms, 0 errors): ${v.met ? 'MET' : 'NOT MET'}`,
  ].join('\n');
}

export function renderSection(r: WebhookBenchResult): string {
  const v = verdict(r);
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const extraEnv = Object.entries(r.params.serviceEnv)
    .map(([k, val]) => `${k}=${val}`)
    .join(' ');
  return `Signed GHL \`InboundMessage\` webhooks (Ed25519 over the raw body in \`X-GHL-Signature\`, a unique
\`webhookId\` and \`messageId\` per request, fresh \`timestamp\`) spread over ${int(r.params.contacts)} contacts, sent by
autocannon to \`POST /webhooks/ghl\` of the real service (\`src/main.ts\` in its own process, sandbox CRM) on
PostgreSQL, in a throwaway schema. Ack latency is measured by the load generator per response.
End-to-end is \`inbox.received_at\` → the reply's \`send_message\` outbox row (and → its delivery to the
sandbox CRM), read from PostgreSQL after the load. Each contact's messages follow one buyer conversation
in order. The exactly-once check counts a message the bot leaves unanswered on purpose (the contact was
escalated to a person, is on a compliance hold, opted out or switched off) as held back, not as lost.

- Date: ${r.startedAt} (UTC)
- Machine: ${machineLine(r.machine)}
- **The load generator, the service and PostgreSQL share these ${r.machine.cores} cores**; the CPU rows show who used what
  (PostgreSQL = the service's own backends; "other processes" = everything else busy on the machine at the time,
  including other clients of the same PostgreSQL server).
- Command: \`${r.command}\` (${r.params.connections} connections, ${r.params.durationS} s, ${int(r.params.contacts)} contacts, no-op run ${r.params.noopDurationS} s${extraEnv ? `, service env ${extraEnv}` : ''}${r.params.serviceDir ? `, service from ${r.params.serviceDir}` : ''})
- Target: ≥ ${int(r.target.acceptedPerSecond)} accepted/s with p99 < ${r.target.p99Ms} ms and 0 errors: **${v.met ? 'met' : 'not met'}**

| metric | result |
|---|---|
${rows(r)
  .map(([k, val]) => `| ${esc(k)} | ${esc(val)} |`)
  .join('\n')}
`;
}
