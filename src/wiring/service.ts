import { loadWebhookKeys } from '../adapters/ghl-webhooks/verify.ts';
import { createPostgresDb } from '../adapters/postgres/db.ts';
import { createPgliteDb } from '../adapters/postgres/pglite-db.ts';
import { migratedSnapshot } from '../adapters/postgres/pglite-snapshot.ts';
import { createInboxWriter, pendingInboxCount, postgresInboxQueue } from '../adapters/postgres/inbox-repo.ts';
import { postgresTurnStore } from '../adapters/postgres/turn-store.ts';
import { migrate } from '../adapters/postgres/migrate.ts';
import { rateBudgetFromConfig } from '../adapters/rate-budget/from-config.ts';
import { loadBotSettings } from '../adapters/bots-config/load-bot-settings.ts';
import { loadListings } from '../adapters/listings/load-listings.ts';
import { assessFinancing } from '../app/contacts/assess-financing.ts';
import { createOutboxDrainer } from '../app/outbox/drain-outbox.ts';
import { createDndCheck } from '../app/outbox/channel-dnd.ts';
import { createFieldProvisioner } from '../app/outbox/provision-custom-fields.ts';
import type { EscalationDeps } from '../app/escalations/escalation-deps.ts';
import { createHttpFinancialReadiness } from '../adapters/financial/http-financial-readiness.ts';
import { createFollowUpLoop } from '../app/follow-ups/follow-up-loop.ts';
import { postgresFollowUpStore } from '../adapters/postgres/follow-up-store.ts';
import { createEscalationAlerts } from '../app/escalations/escalation-alerts.ts';
import { createEscalationAlertStore } from '../adapters/postgres/escalation-alerts-repo.ts';
import { createSandboxDueStore } from '../adapters/postgres/sandbox-due-repo.ts';
import { createQueueRead } from '../adapters/postgres/queue-read.ts';
import { createDashboardRead } from '../adapters/postgres/dashboard-read.ts';
import { createOverviewRead } from '../adapters/postgres/overview-read.ts';
import { createSimulatorRead } from '../adapters/postgres/simulator-read.ts';
import { createScriptVersionStore } from '../adapters/postgres/script-versions-repo.ts';
import { createScriptsCodec } from '../adapters/bots-config/scripts-codec.ts';
import { createLiveScripts } from '../app/scripts/live-scripts.ts';
import { botsWithPersona } from '../domain/location-settings.ts';
import { createCmaCache } from '../app/follow-ups/generate-cma.ts';
import { createSandboxClock, createSandboxTime } from '../app/follow-ups/sandbox-clock.ts';
import { createSandboxClockStore } from '../adapters/postgres/sandbox-clock-repo.ts';
import { loadComps } from '../adapters/comps/load-comps.ts';
import { withMailResilience } from '../adapters/mail/resilient-mailer.ts';
import { createSmtpMailer } from '../adapters/mail/smtp-mailer.ts';
import { renderCmaPdf } from '../adapters/pdf/cma-pdf.ts';
import { createInboxWorker } from '../app/turn/process-inbox.ts';
import { warmUpTurns } from '../app/turn/warm-up.ts';
import { inboxAfterWarmUp } from './warm-start.ts';
import { SANDBOX_LOCATION_ID } from '../app/locations/sandbox.ts';
import type { Config } from '../config.ts';
import { buildHttpApp } from '../http/app.ts';
import { createLogger, type Logger } from '../observability/logger.ts';
import { createMetrics } from '../observability/metrics.ts';
import type { Clock, Db } from '../ports.ts';
import { breakerFactory } from './breakers.ts';
import { crmsFromConfig } from './crm.ts';
import { languageModelFromConfig } from './language-model.ts';
import { mcpServerFromConfig, mcpToolsFromConfig } from './mcp.ts';
import { diskSpaceGuardFromConfig, pauseWorkersWhileLow } from './disk-space.ts';
import { postgresStores } from '../adapters/postgres/stores.ts';
import { postgresOutboxDelivery } from '../adapters/postgres/outbox-delivery.ts';
import { withFieldSetUp } from './install-set-up.ts';
import { createLocationSettings, turnDepsForLocation } from '../app/locations/location-settings.ts';

export interface ServiceOverrides {
  db?: Db;
  clock?: Clock;
  logger?: Logger;
}

/** Wires every adapter from the config with plain functions; nothing starts until start(). */
export async function buildService(config: Config, overrides: ServiceOverrides = {}) {
  const logger = overrides.logger ?? createLogger({ level: config.LOG_LEVEL });
  // Bad bot settings, answers or listings stop start-up before anything else opens.
  const bots = loadBotSettings(config);
  const listings = loadListings(config.LISTINGS_FILE);
  const clock: Clock = overrides.clock ?? { now: () => new Date() };
  const metrics = createMetrics();
  const ownsDb = !overrides.db;
  // Embedded database: refuse to start on a nearly full disk, then watch it (disk-space.ts).
  const diskSpace = ownsDb ? await diskSpaceGuardFromConfig(config, { logger, metrics }) : null;
  // On PostgreSQL, webhook ingest and the HTTP API have a pool (`db`) and the workers another
  // (`workDb`), so a burst of turns never leaves a webhook waiting for a connection, nor the reverse.
  // A role this process does not run keeps 2 connections (probes, the sandbox's inline turns).
  // PGlite is one connection: one Db for both.
  const db =
    overrides.db ??
    (config.DATABASE_URL
      ? createPostgresDb(config.DATABASE_URL, {
          max: config.RECEIVER_ENABLED ? config.DATABASE_POOL_SIZE : 2,
          preparedStatements: config.DATABASE_PREPARED_STATEMENTS,
        })
      : await createPgliteDb(config.DATA_DIR, { template: () => migratedSnapshot() }));
  const workDb =
    config.DATABASE_URL && !overrides.db
      ? createPostgresDb(config.DATABASE_URL, {
          max: config.WORKERS_ENABLED ? (config.WORKER_POOL_SIZE ?? config.WORKER_CONCURRENCY + 6) : 2,
          preparedStatements: config.DATABASE_PREPARED_STATEMENTS,
        })
      : db;
  // Location settings, CRMs, sandbox clock and scripts go with the workers when this process runs them.
  const sharedDb = config.WORKERS_ENABLED ? workDb : db;
  if (config.MIGRATE_ON_START) await migrate(db);

  const { budget, redis } = await rateBudgetFromConfig(config, {
    logger,
    gauge: metrics.ghlDailyBudgetRemaining,
  });

  const breaker = breakerFactory(config, metrics, logger);
  // Per-location settings over the environment's (docs/LOCATIONS.md), read through a 30 s cache.
  const locationSettings = createLocationSettings({
    db: sharedDb,
    store: postgresStores.locationSettings,
    bots,
    calendarId: config.GHL_CALENDAR_ID,
    onLookup: metrics.caches.lookup('location_settings'),
    assignedUserId: config.GHL_ASSIGNED_USER_ID,
  });
  const { ghlCrm, installs, crmFor, calendarOf, calendarFor } = crmsFromConfig(config, {
    db: sharedDb,
    logger,
    metrics,
    budget,
    breaker: (family) => breaker(`ghl:${family}`),
    bots,
    locationSettings,
  });

  const escalation: EscalationDeps = {
    agentName: bots.persona.agentName,
    tags: bots.tags,
    stores: postgresStores,
    ...(config.AGENT_PHONE ? { agentPhone: config.AGENT_PHONE } : {}),
    ...(config.AGENT_EMAIL ? { agentEmail: config.AGENT_EMAIL } : {}),
    ...(config.COMPLIANCE_OFFICER_PHONE ? { officerPhone: config.COMPLIANCE_OFFICER_PHONE } : {}),
    ...(config.COMPLIANCE_OFFICER_EMAIL ? { officerEmail: config.COMPLIANCE_OFFICER_EMAIL } : {}),
  };
  const financialService = config.FINANCIAL_SERVICE_URL
    ? createHttpFinancialReadiness({ baseUrl: config.FINANCIAL_SERVICE_URL, breaker: breaker('financial') })
    : null;
  const sandboxClock = await createSandboxClock(createSandboxClockStore(sharedDb), clock);
  const clockFor = (locationId: string): Clock => (locationId === SANDBOX_LOCATION_ID ? sandboxClock : clock);
  // The bots' custom fields: made at start, at install (install-set-up.ts) or before a first write.
  const fields = createFieldProvisioner({ logger, onLookup: metrics.caches.lookup('custom_field_ids') });
  const dndCheck = createDndCheck({
    onLookup: metrics.caches.lookup('dnd'),
    // Every replica sees the others' recent reads (a lead's texts land on any of them).
    shared: {
      read: (loc, cid) => postgresOutboxDelivery.readCrmDnd(workDb, loc, cid),
      save: (loc, cid, blocked, at) => postgresOutboxDelivery.saveCrmDnd(workDb, loc, cid, blocked, at),
    },
  });
  const drainer = createOutboxDrainer({
    db: workDb,
    stores: postgresStores,
    delivery: postgresOutboxDelivery,
    crmFor,
    clock,
    clockFor,
    timezone: config.TIMEZONE,
    timezoneFor: locationSettings.timezoneOf,
    logger,
    metrics,
    leaseMs: config.OUTBOX_LEASE_MS,
    retryBaseMs: config.OUTBOX_RETRY_BASE_MS,
    // Only GHL has a request budget worth saving; the sandbox CRM records at once.
    coalesceMs: ghlCrm ? config.CRM_COALESCE_MS : 0,
    maxAttempts: config.OUTBOX_MAX_ATTEMPTS,
    escalation,
    mailer: config.SMTP_URL
      ? withMailResilience(createSmtpMailer(config.SMTP_URL), { breaker: breaker('mail') })
      : null,
    mailFrom: config.SMTP_FROM ?? config.AGENT_EMAIL ?? 'no-reply@localhost',
    fields,
    dndCheck,
    assessFinancing: (loc, cid, key) =>
      assessFinancing(
        { db: workDb, stores: postgresStores, clock, service: financialService, logger },
        loc,
        cid,
        key,
      ),
  });
  // Language model: off without ANTHROPIC_API_KEY (the offline engine words every reply).
  const languageModel = languageModelFromConfig(config, { bots, metrics, logger, breaker });
  const { mesh, model } = languageModel;
  for (const [flag, on] of Object.entries({
    FEATURE_PROGRESSIVE_SKILLS: config.FEATURE_PROGRESSIVE_SKILLS,
    FEATURE_AGENT_MESH: config.FEATURE_AGENT_MESH,
    FEATURE_MCP: config.FEATURE_MCP,
  }))
    metrics.featureEnabled.set({ flag }, on ? 1 : 0);

  const comps = loadComps(config.COMPS_FILE);
  // The bots' wording and knowledge base as last published on the dashboard (else the start-up files).
  const scripts = createLiveScripts({
    store: createScriptVersionStore(sharedDb),
    codec: createScriptsCodec(config),
    startup: bots,
    now: () => clock.now(),
    replayData: { listings, comps: comps.comps },
    onLookup: metrics.caches.lookup('scripts'),
  });
  const followUps = createFollowUpLoop({
    ...(model
      ? { narrate: (input) => model.assist.narrate(input, AbortSignal.timeout(config.MODEL_TURN_TIMEOUT_MS)) }
      : {}),
    db: workDb,
    store: postgresFollowUpStore,
    bots,
    listings,
    comps,
    cmaCache: createCmaCache({ onLookup: metrics.caches.lookup('cma') }),
    renderCma: (cma) =>
      renderCmaPdf(cma, {
        agentName: bots.persona.agentName,
        market: bots.persona.market,
        ...(config.AGENT_PHONE ? { phone: config.AGENT_PHONE } : {}),
        ...(config.AGENT_EMAIL ? { email: config.AGENT_EMAIL } : {}),
      }),
    timezone: config.TIMEZONE,
    currentBots: () => scripts.current(),
    localFor: async (loc, sql, current) => {
      const local = await locationSettings.followUpLocal(loc, sql);
      return { ...local, bots: botsWithPersona(current, local.bots.persona) };
    },
    onRun: (run) =>
      metrics.followUps.inc({ step: run.step, status: run.status, reason: run.reason ?? 'none' }),
    quietAfterOtherSendMs: config.FOLLOW_UP_QUIET_AFTER_OTHER_SEND_MS,
    clock,
    sandboxClock,
    logger,
    onOutbox: () => drainer.notify(),
    pollMs: config.FOLLOW_UP_POLL_MS,
  });
  // Escalations nobody picked up within ESCALATION_SLA_MINUTES alert the agent again, then the backup.
  const escalationAlerts = createEscalationAlerts({
    store: createEscalationAlertStore(workDb),
    clock,
    sandboxClock,
    escalation,
    slaMs: config.ESCALATION_SLA_MINUTES * 60_000,
    backup: {
      ...(config.ESCALATION_BACKUP_PHONE ? { phone: config.ESCALATION_BACKUP_PHONE } : {}),
      ...(config.ESCALATION_BACKUP_EMAIL ? { email: config.ESCALATION_BACKUP_EMAIL } : {}),
    },
    logger,
    onOutbox: () => drainer.notify(),
    pollMs: Math.max(config.FOLLOW_UP_POLL_MS, 15_000),
  });
  const sandboxTime = createSandboxTime({
    clock: sandboxClock,
    due: createSandboxDueStore(workDb),
    followUps,
    alerts: escalationAlerts,
    drain: (cid) => drainer.drainContact(SANDBOX_LOCATION_ID, cid),
  });
  // External MCP tools (FEATURE_MCP + MCP_SERVERS): the SDK is loaded only when they are configured.
  const mcp = await mcpToolsFromConfig(config, { metrics, logger, breaker });

  const inboxWorker = createInboxWorker({
    db: workDb,
    inbox: postgresInboxQueue,
    turnStore: postgresTurnStore,
    clock,
    clockFor,
    logger,
    metrics,
    bots,
    listings,
    comps: comps.comps,
    calendarFor,
    escalation,
    externalListings: mcp.externalListings,
    model,
    warmSend: (loc, cid) => dndCheck.warm(crmFor(loc), loc, cid),
    onOutbox: () => drainer.notify(),
    // PGlite is one connection: more loops would only queue behind each other.
    concurrency: workDb.kind === 'pglite' ? 1 : config.WORKER_CONCURRENCY,
    maxAttempts: config.INBOX_MAX_ATTEMPTS,
    turnBudgetMs: config.TURN_BUDGET_MS,
    turnDepsFor: async (loc, base) =>
      turnDepsForLocation(
        { ...base, bots: await scripts.current() },
        await locationSettings.get(loc),
        calendarOf,
      ),
  });

  let backlog = 0;
  const refreshBacklog = async () => {
    try {
      backlog = await pendingInboxCount(db);
    } catch {
      // keep the last known value; the webhook's own insert reports database trouble
    }
  };
  await refreshBacklog();
  const backlogTimer = setInterval(refreshBacklog, 1000);
  backlogTimer.unref();

  const modes = {
    database: db.kind === 'postgres' ? 'postgresql' : `pglite (${ownsDb ? config.DATA_DIR : 'provided'})`,
    crm: ghlCrm ? `ghl (${config.GHL_API_BASE_URL})` : 'sandbox',
    language: languageModel.mode,
    rateBudget: budget.mode,
    jobs: 'postgres outbox',
    roles:
      [config.RECEIVER_ENABLED && 'webhook receiver', config.WORKERS_ENABLED && 'workers']
        .filter(Boolean)
        .join(' + ') || 'none',
    financial: financialService ? 'service + fallback' : 'heuristics',
    features:
      [
        config.FEATURE_PROGRESSIVE_SKILLS && 'progressive skills',
        config.FEATURE_AGENT_MESH && `agent mesh (${config.MESH_STRATEGY})`,
        config.FEATURE_MCP && `mcp${mcp.servers.length > 0 ? ` (+${mcp.servers.length} external)` : ''}`,
      ]
        .filter(Boolean)
        .join(', ') || 'none (docs/FEATURE_FLAGS.md)',
  };
  const app = await buildHttpApp({
    config,
    db,
    clock,
    logger,
    metrics,
    stores: postgresStores,
    webhookKeys: loadWebhookKeys(config.GHL_WEBHOOK_ED25519_PUBLIC_KEY, config.GHL_WEBHOOK_RSA_PUBLIC_KEY),
    inboxWriter: createInboxWriter(db),
    inboxWorker,
    drainer,
    inboxBacklog: () => backlog,
    modes,
    escalation,
    followUps,
    sandboxTime,
    escalationAlerts,
    dashboardRead: createDashboardRead(db, escalation.tags),
    dashboardOps: {
      queues: createQueueRead(db),
      overview: createOverviewRead(db),
      simulator: createSimulatorRead(db),
    },
    scripts,
    mesh,
    locationSettings,
    ghlInstalls: installs && ghlCrm ? withFieldSetUp(installs, { fields, crm: ghlCrm }) : installs,
    mcp: await mcpServerFromConfig(config, { db, stores: postgresStores, clock }),
    ...(diskSpace ? { storageSpace: diskSpace } : {}),
  });
  let workersPause: ReturnType<typeof pauseWorkersWhileLow> | null = null;
  let stopped = false;

  return {
    app,
    db,
    modes,
    logger,
    inboxWorker,
    drainer,
    followUps,
    sandboxClock,
    escalationAlerts,
    scripts,
    startWorkers() {
      if (!config.WORKERS_ENABLED) return;
      // At start rather than on the first lead's turn; a failure is logged and tried again on use.
      if (ghlCrm && config.GHL_LOCATION_ID) {
        fields.ensure(ghlCrm, config.GHL_LOCATION_ID).catch(() => undefined);
      }
      // The inbox worker once the readers are warm (wiring/warm-start.ts), the rest at once.
      const inbox = inboxAfterWarmUp(
        inboxWorker,
        () => warmUpTurns(clock.now()),
        logger,
        () => stopped,
      );
      drainer.start();
      followUps.start();
      escalationAlerts.start();
      mesh?.start();
      if (diskSpace)
        workersPause = pauseWorkersWhileLow(diskSpace, [inbox, drainer, followUps, escalationAlerts]);
    },
    /** Graceful stop: no new requests, finish the turns and sends in flight, close connections. */
    async stop() {
      stopped = true;
      clearInterval(backlogTimer);
      diskSpace?.stop();
      await workersPause?.close();
      mesh?.stop();
      await app.close();
      await inboxWorker.stop();
      await followUps.stop();
      await escalationAlerts.stop();
      await drainer.stop();
      await mcp.tools?.close();
      await budget.close();
      if (redis) redis.disconnect();
      if (workDb !== db) await workDb.close();
      if (ownsDb) await db.close();
    },
  };
}

export type Service = Awaited<ReturnType<typeof buildService>>;
