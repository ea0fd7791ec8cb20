import type { GhlInstalls } from '../adapters/ghl-oauth/installs.ts';
import type { WebhookKeys } from '../adapters/ghl-webhooks/verify.ts';
import type { InboxWriter } from '../ports/inbox-store.ts';
import type { OutboxDrainer } from '../app/outbox/drain-outbox.ts';
import type { MeshSnapshot } from '../app/language-model/mesh/mesh-types.ts';
import type { FollowUpLoop } from '../app/follow-ups/follow-up-loop.ts';
import type { EscalationDeps } from '../app/escalations/escalation-deps.ts';
import type { EscalationAlerts } from '../app/escalations/escalation-alerts.ts';
import type { SandboxTime } from '../app/follow-ups/sandbox-clock.ts';
import type { LiveScripts } from '../app/scripts/live-scripts.ts';
import type { DashboardOps } from '../ports/dashboard-ops.ts';
import type { DashboardRead } from '../ports/dashboard-read.ts';
import type { LocationSettingsStore } from '../app/locations/location-settings.ts';
import type { InboxWorker } from '../app/turn/process-inbox.ts';
import type { Config } from '../config.ts';
import type { Stores } from '../ports/stores.ts';
import type { Logger } from '../observability/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { Clock, Db } from '../ports.ts';
import type { StorageSpace } from '../ports/storage-space.ts';
import type { McpDeps } from '../mcp/tool-types.ts';

/** Everything the HTTP layer needs, wired by main.ts (or a test) with plain functions. */
export interface HttpDeps {
  config: Config;
  db: Db;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  webhookKeys: WebhookKeys;
  inboxWriter: InboxWriter;
  inboxWorker: InboxWorker;
  drainer: OutboxDrainer;
  /** Pending inbox rows, refreshed in the background; the webhook answers 429 beyond the limit. */
  inboxBacklog: () => number;
  /** Adapter modes, shown at start and on /readyz. */
  modes: Record<string, string>;
  escalation: EscalationDeps;
  /** Where the routes read and write our records (adapters/postgres/stores.ts). */
  stores: Stores;
  /** Follow-up runner; the sandbox clock route moves time and runs what became due. */
  followUps?: FollowUpLoop;
  /** The sandbox's clock: moving it runs what falls due on the way (advance-clock route, simulator). */
  sandboxTime?: SandboxTime;
  /** Read models of the dashboard's Inbox and Contact pages (adapters/postgres/dashboard-read.ts). */
  dashboardRead: DashboardRead;
  /** Read models and stores of the Queues, Overview and Scripts pages. */
  dashboardOps?: DashboardOps;
  /** The bots' wording and knowledge base the live bots use, versioned (dashboard Scripts page). */
  scripts?: LiveScripts;
  /** SLA re-alerts of escalations nobody picked up; the sandbox clock runs the sandbox's. */
  escalationAlerts?: EscalationAlerts;
  /** The Agent Mesh, or null when FEATURE_AGENT_MESH is off. */
  mesh?: { snapshot(): MeshSnapshot } | null;
  /** Marketplace installs (OAuth callback, INSTALL/UNINSTALL, installed locations); null without GHL_CLIENT_ID. */
  ghlInstalls?: GhlInstalls | null;
  /** Per-location settings over the environment's defaults (GET/PUT/PATCH /api/v1/locations/:id/settings). */
  locationSettings?: LocationSettingsStore;
  /** The lead tools served at POST /mcp (wiring/mcp.ts); null or absent when FEATURE_MCP is off. */
  mcp?: McpDeps | null;
  /** The embedded database's free space: writes are refused below DATA_DIR_MIN_FREE_MB; absent on PostgreSQL. */
  storageSpace?: StorageSpace;
}
