import type { Machine } from '../lib/machine.ts';
import type { Percentiles } from '../lib/percentiles.ts';
import type { LoadArgs } from './args.ts';
import type { LeadsRun } from './run-leads.ts';
import type { ThroughputRun } from './run-throughput.ts';

export interface LoadResult {
  startedAt: string;
  command: string;
  note: string | null;
  machine: Machine;
  busyBeforePct: number;
  serviceCommit: string;
  args: Omit<LoadArgs, 'databaseUrl' | 'redisUrl'>;
  leads: LeadsRun | null;
  throughput: ThroughputRun | null;
}

export interface TargetCheck {
  what: string;
  target: string;
  value: string;
  pass: boolean | null;
}

const ms = (v: number) => `${v.toFixed(v < 10 ? 1 : 0)} ms`;
const pct = (v: number) => `${(v * 100).toFixed(2)} %`;
const trio = (p: Percentiles) => `${ms(p.p50)} / ${ms(p.p95)} / ${ms(p.p99)}`;

/** The issue's targets: the seed's and the project's own, each with the measured value. */
export function targetChecks(run: LeadsRun, offline: boolean): TargetCheck[] {
  const bot = run.answers.botTurnMs.p95;
  const ourBot = offline ? 50 : 400;
  const caches = run.service.caches;
  return [
    { what: 'read API p95 (seed)', target: '< 200 ms', value: ms(run.readP95Ms), pass: run.readP95Ms < 200 },
    { what: 'read API p95 (ours)', target: '< 20 ms', value: ms(run.readP95Ms), pass: run.readP95Ms < 20 },
    {
      what: 'webhook ack p95 (seed API target)',
      target: '< 200 ms',
      value: ms(run.webhooks.ackMs.p95),
      pass: run.webhooks.ackMs.p95 < 200,
    },
    { what: 'bot turn p95 (seed)', target: '< 500 ms', value: ms(bot), pass: bot < 500 },
    {
      what: `bot turn p95 (ours, ${offline ? 'offline' : '300 ms model'})`,
      target: `< ${ourBot} ms`,
      value: ms(bot),
      pass: bot < ourBot,
    },
    { what: 'error rate (seed)', target: '< 5 %', value: pct(run.errors.rate), pass: run.errors.rate < 0.05 },
    { what: 'errors (ours)', target: '0', value: String(run.errors.failed), pass: run.errors.failed === 0 },
    {
      what: 'GHL budget violations',
      target: '0',
      value: String(run.budget.violations),
      pass: run.budget.violations === 0,
    },
    { what: 'lost replies', target: '0', value: String(run.answers.lost), pass: run.answers.lost === 0 },
    {
      what: 'duplicate replies',
      target: '0',
      value: `${run.answers.duplicates} (+${run.answers.unclaimedAtGhl} unclaimed at GHL)`,
      pass: run.answers.duplicates === 0 && run.answers.unclaimedAtGhl === 0,
    },
    ...caches.map((c) => ({
      what: `cache hit rate: ${c.cache}`,
      target: '> 70 %',
      value:
        c.hitRate !== null
          ? `${pct(c.hitRate)} (${c.hits} of ${c.hits + c.misses})`
          : c.exported
            ? 'no lookups'
            : c.label
              ? 'not exported'
              : 'no cache',
      pass: c.hitRate === null ? null : c.hitRate > 0.7,
    })),
  ];
}

const verdict = (p: boolean | null) => (p === null ? 'n/a' : p ? 'pass' : 'FAIL');

export function renderLeads(run: LeadsRun, args: LoadArgs): string {
  const a = run.answers;
  const lines = [
    `| | |`,
    `|---|---|`,
    `| mode | ${args.offline ? 'offline engine only' : `model on (fake Anthropic answers in ${args.modelDelayMs} ms)`} |`,
    `| leads · duration · locations | ${args.leads} · ${run.loadS.toFixed(0)} s · ${args.locations} (budget ${args.ghlBurst}/10 s each) |`,
    `| inbound messages accepted | ${run.webhooks.byOutcome.accepted ?? 0} of ${run.webhooks.sent} sent (${run.webhooks.acceptedPerS.toFixed(1)} messages/s) |`,
    `| webhook ack p50 / p95 / p99 | ${trio(run.webhooks.ackMs)} |`,
    `| bot turn p50 / p95 / p99 (webhook sent → reply stored at GHL) | ${trio(a.botTurnMs)} (n = ${a.botTurnMs.n}, max ${ms(a.botTurnMs.max)}) |`,
    ...Object.entries(a.botTurnByKind).map(
      ([k, p]) => `| · ${k} bot p50 / p95 / p99 | ${trio(p)} (n = ${p.n}) |`,
    ),
    `| · of which waiting for a worker / the turn (model calls, commit) until the reply is claimed to send / sending (consent, DND, budget, GHL), p50 / p95 | ${[
      a.stagesMs.queued,
      a.stagesMs.turn,
      a.stagesMs.outbox,
    ]
      .map((p) => `${ms(p.p50)} / ${ms(p.p95)}`)
      .join(' · ')} |`,
    ...Object.entries(run.reads).map(
      ([k, p]) =>
        `| read API ${k} p50 / p95 (n) | ${ms(p.p50)} / ${ms(p.p95)} (${p.n}${p.notFound ? `, ${p.notFound} not yet stored` : ''}${
          p.errors ? `; errors by status ${JSON.stringify(p.statuses)}` : ''
        }) |`,
    ),
    `| errors | ${run.errors.failed} of ${run.errors.requests} requests (${pct(run.errors.rate)}) |`,
    `| answered once · held back on purpose · held for later | ${a.answeredOnce} · ${a.heldBack} · ${a.heldForLater} |`,
    `| lost (no reply · turn or send failed · unprocessed · not stored) | ${a.lost} (${a.lostNoReply} · ${a.lostFailed} · ${a.lostUnprocessed} · ${a.lostNotStored}) |`,
    `| duplicates (two replies for one inbound · sends at GHL no outbox row made) | ${a.duplicates} · ${a.unclaimedAtGhl} |`,
    ...Object.entries(a.failureReasons).map(
      ([reason, n]) => `| · failure: ${reason.replaceAll('|', '/')} | ${n} |`,
    ),
    `| dashboard pages read | ${run.dashboardPages.length ? run.dashboardPages.join(', ') : 'none served by this build yet (sign-in only)'} |`,
    `| model calls (task:outcome) | ${
      Object.entries(run.service.modelCalls)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ') || 'none'
    } |`,
    `| CRM calls at GHL | ${run.crm.callsAtGhl} (${run.crm.perS.toFixed(1)}/s), ${run.crm.refusedAtGhl} answered 429 |`,
    `| GHL budget violations | ${run.budget.violations} (highest requests in any 10 s window of one location: ${run.budget.maxInAnyWindow}) |`,
    `| queueing for the budget | ${run.budget.waits} waits, ${run.budget.waitS.toFixed(1)} s in all (mean ${ms(run.budget.meanWaitMs)}) |`,
    `| backlog drained after the load | ${run.drain.complete ? 'yes' : 'NO'} in ${run.drain.waitedS.toFixed(1)} s |`,
    `| load generator event-loop lag p99 | ${ms(run.generatorLagP99Ms)} |`,
  ];
  const procs = [
    '| process | CPU mean (cores) | CPU peak | waiting for a CPU | RSS mean / max (MiB) |',
    '|---|---|---|---|---|',
    ...run.processes.map(
      (p) =>
        `| ${p.name} | ${p.cpuCores.toFixed(2)} | ${p.cpuPeakCores.toFixed(2)} | ${
          p.runQueueWaitShare === null ? '–' : `${(p.runQueueWaitShare * 100).toFixed(0)} %`
        } | ${
          p.rssMeanMiB === null ? '–' : `${p.rssMeanMiB.toFixed(0)} / ${(p.rssMaxMiB ?? 0).toFixed(0)}`
        } |`,
    ),
  ];
  const targets = [
    '| target | wanted | measured | |',
    '|---|---|---|---|',
    ...targetChecks(run, args.offline).map(
      (t) => `| ${t.what} | ${t.target} | ${t.value} | ${verdict(t.pass)} |`,
    ),
  ];
  return [...lines, '', ...procs, '', ...targets].join('\n');
}

export function renderThroughput(run: ThroughputRun): string {
  return [
    '| offered/s | sent/s | accepted/s | processed/s | replies/s | backlog start → end | ack p95 | flat |',
    '|---|---|---|---|---|---|---|---|',
    ...run.steps.map(
      (s) =>
        `| ${s.offeredPerS} | ${s.sentPerS.toFixed(0)} | ${s.acceptedPerS.toFixed(0)} | ${s.processedPerS.toFixed(0)} | ${s.repliesPerS.toFixed(0)} | ${s.backlogStart} → ${s.backlogEnd} | ${ms(s.ackMs.p95)} | ${s.flat ? 'yes' : 'no'} |`,
    ),
    '',
    `Highest sustained rate with a flat backlog: ${run.sustainedPerS === null ? 'none of the steps' : `${run.sustainedPerS} messages/s`}.`,
  ].join('\n');
}
