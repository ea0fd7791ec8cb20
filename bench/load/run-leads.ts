import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { LocationBudgetUse } from '../../test/support/fakes/ghl/types.ts';
import { type Percentiles, percentiles } from '../lib/percentiles.ts';
import type { LoadArgs } from './args.ts';
import { type AnswerAccount, accountAnswers, drain } from './collect.ts';
import type { LoadEnvironment } from './environment.ts';
import { ReplyTracker, runLeads, type SentWebhook } from './leads.ts';
import { type ProcessUse, pidsByName, sampleProcesses, type Watched } from './proc-sampler.ts';
import { dashboardPagesServed, type ReadSample, runReaders } from './readers.ts';
import { countersBetween, scrape, type ServiceCounters } from './service-metrics.ts';
import { meanRealGapMs, seeded } from './think-time.ts';

export interface ReadStats extends Percentiles {
  /** Answers by HTTP status (0: no answer). */
  statuses: Record<string, number>;
  errors: number;
  notFound: number;
}

export interface LeadsRun {
  loadS: number;
  expectedMessagesPerS: number;
  webhooks: {
    sent: number;
    byOutcome: Record<string, number>;
    ackMs: Percentiles;
    acceptedPerS: number;
    byReplica: number[];
  };
  answers: AnswerAccount;
  reads: Record<string, ReadStats>;
  /** Dashboard pages this build served to a signed-in user (none: only the sign-in exists yet). */
  dashboardPages: string[];
  readP95Ms: number;
  errors: { requests: number; failed: number; rate: number };
  crm: {
    callsAtGhl: number;
    perS: number;
    refusedAtGhl: number;
    byPath: Record<string, number>;
    /** Tasks and notes GHL holds at the end, by title (a note by its first words), ids blanked. */
    tasksByTitle: Record<string, number>;
    notesByStart: Record<string, number>;
  };
  budget: {
    locations: LocationBudgetUse[];
    violations: number;
    maxInAnyWindow: number;
    waits: number;
    waitS: number;
    meanWaitMs: number;
  };
  service: ServiceCounters;
  processes: ProcessUse[];
  generatorLagP99Ms: number;
  drain: { waitedS: number; complete: boolean };
}

const readStats = (samples: ReadSample[], endpoint: string): ReadStats => {
  const mine = samples.filter((s) => s.endpoint === endpoint);
  const ok = mine.filter((s) => s.status === 200);
  const statuses: Record<string, number> = {};
  for (const s of mine) statuses[s.status] = (statuses[s.status] ?? 0) + 1;
  return {
    ...percentiles(ok.map((s) => s.ms)),
    statuses,
    errors: mine.filter((s) => s.status !== 200 && !(endpoint === 'contact' && s.status === 404)).length,
    notFound: mine.filter((s) => s.status === 404).length,
  };
};

/** The CRM route a recorded request took, with ids folded (for the per-path table). */
const routeOf = (path: string) => path.replace(/\/[A-Za-z0-9]{16,}/g, '/:id');

export async function runLeadsProfile(
  args: LoadArgs,
  env: LoadEnvironment,
  log: (m: string) => void,
): Promise<LeadsRun> {
  const urls = env.services.map((s) => s.url);
  const r = seeded(args.seed);
  const meanGap = meanRealGapMs(seeded(args.seed + 1)) / args.compress;
  const tracker = new ReplyTracker(env.ghl);
  const sentSoFar: SentWebhook[] = [];
  const watched: Watched[] = [
    ...env.services.map((s, i) => ({
      name: `service ${i === 0 ? 'A' : 'B'}`,
      pids: () => [s.child.pid ?? 0],
      memory: true,
    })),
    { name: 'load generator + fake GHL', pids: () => [process.pid], memory: true },
    ...(env.anthropicPid ? [{ name: 'fake Anthropic', pids: () => [env.anthropicPid!], memory: true }] : []),
    {
      name: 'PostgreSQL backends of the run',
      memory: false,
      pids: async () =>
        (
          await env.pool.query<{ pid: number }>(
            `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
            [env.database],
          )
        ).rows.map((x) => x.pid),
    },
    { name: 'redis-server (whole server, shared)', pids: () => pidsByName('redis-server'), memory: true },
  ];
  const signedIn = await Promise.all(urls.map((u) => dashboardPagesServed(u)));
  const dashboardPages = signedIn[0]?.pages ?? [];
  log(
    `dashboard pages read under load: ${dashboardPages.length ? dashboardPages.join(', ') : 'none served yet'}`,
  );
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const before = await scrape(urls);
  const requestsBefore = env.ghl.requests.length;
  const stopSampling = sampleProcesses(watched);
  const t0 = Date.now();
  log(
    `\n${args.leads} leads texting for ${args.durationS} s · gaps compressed ${args.compress}× (mean ${(meanGap / 1000).toFixed(1)} s) · ` +
      `${args.offline ? 'offline engine' : `model on (${args.modelDelayMs} ms)`} · ${args.locations} locations`,
  );
  const progress = setInterval(() => {
    const s = Math.round((Date.now() - t0) / 1000);
    const acc = sentSoFar.filter((w) => w.outcome === 'accepted').length;
    log(
      `  ${s} s: ${sentSoFar.length} webhooks sent, ${acc} accepted, ${env.ghl.messages.length} messages at GHL`,
    );
  }, 10_000);
  const recent = () => {
    const cutoff = performance.timeOrigin + performance.now() - 2000;
    for (let tries = 0; tries < 5 && sentSoFar.length > 0; tries++) {
      const w = sentSoFar[Math.floor(Math.random() * sentSoFar.length)];
      if (w && w.outcome === 'accepted' && w.sentAt < cutoff) return w;
    }
    return undefined;
  };
  const [sent, readSamples] = await Promise.all([
    runLeads(
      {
        ghl: env.ghl,
        replicaUrls: urls,
        locationIds: env.locationIds,
        leads: args.leads,
        durationS: args.durationS,
        compress: args.compress,
        replyWaitMs: 15_000,
        random: r,
        onSent: (w) => sentSoFar.push(w),
      },
      tracker,
    ),
    runReaders({
      replicaUrls: urls,
      durationS: args.durationS,
      perSecond: args.readRate,
      recent,
      dashboard: { pages: dashboardPages, cookies: signedIn.map((x) => x.cookie) },
    }),
  ]);
  clearInterval(progress);
  const loadS = (Date.now() - t0) / 1000;
  const processes = await stopSampling();
  const loadEnd = Date.now();
  lag.disable();
  log(`load done after ${loadS.toFixed(1)} s; waiting for the backlog to drain`);
  const drained = await drain(env.pool, args.drainTimeoutS, log);
  const after = await scrape(urls);
  tracker.stop();
  const answers = await accountAnswers(env.pool, env.ghl, sent);

  const byOutcome: Record<string, number> = {};
  for (const w of sent) byOutcome[w.outcome] = (byOutcome[w.outcome] ?? 0) + 1;
  const accepted = byOutcome.accepted ?? 0;
  const reads: Record<string, ReadStats> = {};
  for (const e of ['contact', 'escalations', ...dashboardPages.map((p) => `dashboard ${p}`)])
    reads[e] = readStats(readSamples, e);
  const webhookFailures = sent.filter((w) => w.status !== 200).length;
  const readFailures = Object.values(reads).reduce((n, x) => n + x.errors, 0);
  const requests = sent.length + readSamples.length;

  const crmRequests = env.ghl.requests
    .slice(requestsBefore)
    .filter((q) => !q.path.startsWith('/oauth') && q.at >= t0 && q.at <= loadEnd);
  const byPath: Record<string, number> = {};
  for (const q of crmRequests) {
    const k = `${q.method} ${routeOf(q.path)}`;
    byPath[k] = (byPath[k] ?? 0) + 1;
  }
  const ours = new Set(env.locationIds);
  const locations = env.ghl.budgetUse().filter((b) => ours.has(b.locationId));
  const service = countersBetween(before, after);
  return {
    loadS,
    expectedMessagesPerS: args.leads / Math.max(0.001, meanGap / 1000),
    webhooks: {
      sent: sent.length,
      byOutcome,
      ackMs: percentiles(sent.filter((w) => w.status === 200).map((w) => w.ackMs)),
      acceptedPerS: accepted / loadS,
      byReplica: urls.map((_, i) => sent.filter((w) => w.replica === i).length),
    },
    answers,
    reads,
    dashboardPages,
    readP95Ms: Math.max(...Object.values(reads).map((x) => x.p95)),
    errors: {
      requests,
      failed: webhookFailures + readFailures,
      rate: requests > 0 ? (webhookFailures + readFailures) / requests : 0,
    },
    crm: {
      callsAtGhl: crmRequests.length,
      perS: crmRequests.length / loadS,
      refusedAtGhl: crmRequests.filter((q) => q.status === 429).length,
      byPath,
      tasksByTitle: countBy([...env.ghl.tasks.values()].flat(), (t) => t.title),
      notesByStart: countBy([...env.ghl.notes.values()].flat(), (n) => n.body.split(/[.(\n]/)[0] ?? ''),
    },
    budget: {
      locations,
      violations: locations.reduce((n, b) => n + b.refusedBurst + b.refusedDaily, 0),
      maxInAnyWindow: Math.max(0, ...locations.map((b) => b.maxInAnyWindow)),
      waits: service.rateLimitWaits,
      waitS: service.rateLimitWaitS,
      meanWaitMs: service.rateLimitWaits > 0 ? (service.rateLimitWaitS / service.rateLimitWaits) * 1000 : 0,
    },
    service,
    processes,
    generatorLagP99Ms: lag.percentile(99) / 1e6,
    drain: { waitedS: drained.waitedS, complete: drained.complete },
  };
}

/** How many of `items` share each label; ids and numbers in the label are blanked. */
function countBy<T>(items: readonly T[], label: (x: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of items) {
    const k = label(x)
      .replace(/\b\w*\d\w*\b/g, '#')
      .slice(0, 80);
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}
