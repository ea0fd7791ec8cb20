// Part of the composition root, and the only place MCP is wired: the lead tools this service serves
// at POST /mcp (FEATURE_MCP), external MCP tools (FEATURE_MCP + MCP_SERVERS) and the listings search
// the buyer's turn runs through them. The MCP modules are loaded only when the feature is on.
import { searchExternalListings } from '../app/turn/external-listings.ts';
import type { Config } from '../config.ts';
import type { Facts } from '../domain/state.ts';
import type { McpDeps } from '../mcp/tool-types.ts';
import { parseMcpServers } from '../mcp/servers-config.ts';
import type { Logger } from '../observability/logger.ts';
import type { createMetrics } from '../observability/metrics.ts';
import type { Clock, Sql } from '../ports.ts';
import type { Stores } from '../ports/stores.ts';
import { defaultRetryConfig } from '../resilience/retry.ts';
import type { BreakerFactory } from './breakers.ts';

type Metrics = ReturnType<typeof createMetrics>;

export async function mcpToolsFromConfig(
  config: Config,
  w: { metrics: Metrics; logger: Logger; breaker: BreakerFactory },
) {
  const { metrics, logger } = w;
  const servers = config.FEATURE_MCP && config.MCP_SERVERS ? parseMcpServers(config.MCP_SERVERS) : [];
  const tools =
    servers.length > 0
      ? (await import('../mcp/client.ts')).createMcpToolClient(servers, {
          timeoutMs: config.MCP_TIMEOUT_MS,
          retry: defaultRetryConfig,
          logger,
          breaker: (name) => w.breaker(`mcp:${name}`),
        })
      : null;
  const listingsServer = servers.find((s) => s.name === 'listings' || s.tools?.search_listings !== undefined);
  const externalListings =
    tools && listingsServer
      ? (facts: Facts) =>
          searchExternalListings(
            {
              tools,
              server: listingsServer.name,
              deadlineMs: config.MCP_TIMEOUT_MS,
              logger,
              onCall: (outcome) =>
                metrics.mcpCalls.inc({ server: listingsServer.name, tool: 'search_listings', outcome }),
            },
            facts,
          )
      : null;
  return { servers, tools, externalListings };
}

/**
 * The lead tools served at POST /mcp, bound to the service's database, bots settings and CMA
 * pipeline; null when FEATURE_MCP is off (no route is registered).
 */
export async function mcpServerFromConfig(
  config: Config,
  w: { db: Sql; stores: Stores; clock: Clock },
): Promise<McpDeps | null> {
  if (!config.FEATURE_MCP) return null;
  const { createMcpDeps } = await import('../mcp/deps.ts');
  return createMcpDeps({ db: w.db, stores: w.stores, config, clock: w.clock });
}
