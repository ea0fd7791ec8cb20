// Part of the composition root: external MCP tools (FEATURE_MCP + MCP_SERVERS) and the listings
// search the buyer's turn runs through them. The MCP SDK is loaded only when servers are configured.
import { searchExternalListings } from '../app/turn/external-listings.ts';
import type { Config } from '../config.ts';
import type { Facts } from '../domain/state.ts';
import { parseMcpServers } from '../mcp/servers-config.ts';
import type { Logger } from '../observability/logger.ts';
import type { createMetrics } from '../observability/metrics.ts';
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
