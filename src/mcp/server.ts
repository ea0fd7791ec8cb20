import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Logger } from '../observability/logger.ts';
import { MCP_TOOLS, type McpDeps, runTool, type ToolOutcome } from './tools.ts';

export const MCP_SERVER_INFO = { name: 'jorge-bots', version: '0.1.0' } as const;

const INSTRUCTIONS =
  'Tools over the leads that Jorge Bots answers by SMS and email for a realtor: hot leads, a contact, its conversation, escalations waiting for a person, and market valuations (CMA). Contact details returned here belong to the realtor’s own leads; do not share them beyond the realtor.';

function toResult(outcome: ToolOutcome): CallToolResult {
  if (!outcome.ok) return { content: [{ type: 'text', text: outcome.message }], isError: true };
  return {
    content: [
      { type: 'text', text: JSON.stringify(outcome.data, null, 2) },
      ...(outcome.attachments ?? []).map((a) => ({
        type: 'resource' as const,
        resource: { uri: a.uri, mimeType: a.mimeType, blob: a.blob },
      })),
    ],
  };
}

/** An MCP server offering the lead tools over `deps`; connect it to any SDK transport. */
export function createMcpServer(
  deps: McpDeps,
  opts: { logger?: Pick<Logger, 'info' | 'error'> } = {},
): McpServer {
  const server = new McpServer(MCP_SERVER_INFO, { instructions: INSTRUCTIONS });
  for (const tool of MCP_TOOLS) {
    server.registerTool(
      tool.name,
      {
        title: tool.title,
        description: tool.description,
        inputSchema: tool.input,
        annotations: { readOnlyHint: tool.readOnly, openWorldHint: false },
      },
      async (args: unknown) => toResult(await runTool(deps, tool, args, opts.logger)),
    );
  }
  return server;
}
