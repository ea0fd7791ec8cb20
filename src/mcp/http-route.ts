import { timingSafeEqual } from 'node:crypto';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from '../observability/logger.ts';
import { createMcpServer } from './server.ts';
import type { McpDeps } from './tools.ts';

export interface McpHttpRouteDeps {
  /** JORGE_API_TOKEN. Without one the endpoint refuses every request: the tools return leads' contact details. */
  token?: string | undefined;
  mcp: McpDeps;
  logger: Logger;
}

/**
 * POST /mcp — the lead tools over MCP Streamable HTTP, stateless: every request gets its own server
 * and transport and answers with JSON (no sessions, so any replica can answer). GET and DELETE
 * answer 405: there is no server-initiated stream to open and no session to end.
 * Every method requires Authorization: Bearer <JORGE_API_TOKEN>.
 */
export async function mcpHttpRoute(app: FastifyInstance, deps: McpHttpRouteDeps): Promise<void> {
  const expected = deps.token ? Buffer.from(`Bearer ${deps.token}`) : null;
  const refuse = (req: FastifyRequest, reply: FastifyReply, message: string) =>
    reply
      .code(401)
      .header('www-authenticate', 'Bearer')
      .send({ error: { code: 'unauthorized', message, requestId: String(req.id) } });

  /** True when the request may go on; otherwise the 401 has been sent. */
  const authorized = (req: FastifyRequest, reply: FastifyReply): boolean => {
    if (!expected) {
      void refuse(
        req,
        reply,
        'the MCP endpoint is disabled until the operator sets JORGE_API_TOKEN; then send Authorization: Bearer <JORGE_API_TOKEN>',
      );
      return false;
    }
    const given = Buffer.from(req.headers.authorization ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      void refuse(req, reply, 'send Authorization: Bearer <JORGE_API_TOKEN>');
      return false;
    }
    return true;
  };

  app.post('/mcp', { schema: { hide: true } }, async (req, reply) => {
    if (!authorized(req, reply)) return reply;
    const server = createMcpServer(deps.mcp, { logger: deps.logger });
    // No sessionIdGenerator: stateless mode.
    const transport = new StreamableHTTPServerTransport({ enableJsonResponse: true });
    reply.raw.on('close', () => {
      void transport.close();
      void server.close();
    });
    reply.hijack();
    try {
      await server.connect(transport);
      await transport.handleRequest(req.raw, reply.raw, req.body);
    } catch (err) {
      deps.logger.error({ err }, 'mcp request failed');
      if (!reply.raw.headersSent) {
        reply.raw.writeHead(500, { 'content-type': 'application/json' });
        reply.raw.end(
          JSON.stringify({ jsonrpc: '2.0', error: { code: -32603, message: 'Internal error' }, id: null }),
        );
      }
    }
  });

  const methodNotAllowed = async (req: FastifyRequest, reply: FastifyReply) => {
    if (!authorized(req, reply)) return reply;
    return reply
      .code(405)
      .header('allow', 'POST')
      .send({ jsonrpc: '2.0', error: { code: -32000, message: 'Method not allowed.' }, id: null });
  };
  app.get('/mcp', { schema: { hide: true } }, methodNotAllowed);
  app.delete('/mcp', { schema: { hide: true } }, methodNotAllowed);
}
