import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';

export interface FakeMcpToolServer {
  /** The MCP endpoint, http://127.0.0.1:<port>/mcp. */
  url: string;
  /** Every JSON-RPC method received (initialize, tools/list, tools/call…), in order. */
  methods: string[];
  /** Names of the tools called, in order (flaky calls answered 503 included). */
  toolCalls: string[];
  /** Authorization headers received. */
  authorizations: (string | undefined)[];
  /** The next `times` calls of the `flaky` tool are answered HTTP `status` before reaching the tool. */
  failFlaky(times: number, status?: number): void;
  /** Stops listening; the URL then refuses connections. */
  close(): Promise<void>;
}

const LISTINGS = [
  { id: 'L-1', address: '7050 Etiwanda Ave', neighborhood: 'Etiwanda', price: 815_000, beds: 4 },
  { id: 'L-2', address: '9120 Banyan St', neighborhood: 'Alta Loma', price: 689_000, beds: 3 },
];

/** Full listing records (the shape of LISTINGS_FILE) that only this outside service knows. */
export const HOMES = [
  {
    id: 'EXT-1',
    address: '12 Outside Listing Ct',
    city: 'Rancho Cucamonga',
    zip: '91739',
    neighborhood: 'Etiwanda',
    price: 845_000,
    beds: 4,
    baths: 3,
    sqft: 2_300,
    lotSqft: 7_000,
    yearBuilt: 2012,
    propertyType: 'single_family',
    hoa: 0,
    features: ['no_hoa', 'pool', 'garage'],
    status: 'active',
    listedDate: '2026-11-10',
    headline: 'Pool home near Etiwanda schools',
  },
];

function buildServer(): McpServer {
  const server = new McpServer({ name: 'fake-listings', version: '1.0.0' });
  server.registerTool(
    'search_listings',
    {
      description: 'Active listings in a neighborhood.',
      inputSchema: { neighborhood: z.string(), maxPrice: z.number().optional() },
    },
    async ({ neighborhood, maxPrice }) => {
      const found = LISTINGS.filter(
        (l) =>
          l.neighborhood.toLowerCase() === neighborhood.toLowerCase() && (!maxPrice || l.price <= maxPrice),
      );
      if (found.length === 0 && !LISTINGS.some((l) => l.neighborhood === neighborhood))
        return { content: [{ type: 'text', text: `unknown neighborhood ${neighborhood}` }], isError: true };
      return { content: [{ type: 'text', text: JSON.stringify({ listings: found }) }] };
    },
  );
  server.registerTool(
    'find_homes',
    {
      description: 'Homes for sale matching a buyer search, as full listing records.',
      inputSchema: {
        areas: z.array(z.string()).optional(),
        minPrice: z.number().optional(),
        maxPrice: z.number().optional(),
        minBeds: z.number().optional(),
        mustHaves: z.array(z.string()).optional(),
      },
    },
    async ({ areas, maxPrice, minBeds }) => {
      const found = HOMES.filter(
        (h) =>
          (!areas?.length || areas.some((a) => a.toLowerCase() === h.neighborhood.toLowerCase())) &&
          (maxPrice === undefined || h.price <= maxPrice) &&
          (minBeds === undefined || h.beds >= minBeds),
      );
      return { content: [{ type: 'text', text: JSON.stringify({ listings: found }) }] };
    },
  );
  server.registerTool('flaky', { description: 'Works when the server is not failing.' }, async () => ({
    content: [{ type: 'text', text: JSON.stringify({ ok: true }) }],
  }));
  server.registerTool('hang', { description: 'Never answers.' }, () => new Promise<never>(() => {}));
  return server;
}

/**
 * An outside MCP server speaking Streamable HTTP (stateless, JSON answers) on port 0, built with the
 * SDK as third-party servers are. `token` makes it require Authorization: Bearer <token>.
 */
export async function startFakeMcpToolServer(opts: { token?: string } = {}): Promise<FakeMcpToolServer> {
  const flakyFailures: number[] = [];
  const state: FakeMcpToolServer = {
    url: '',
    methods: [],
    toolCalls: [],
    authorizations: [],
    failFlaky(times, status = 503) {
      for (let i = 0; i < times; i++) flakyFailures.push(status);
    },
    close: async () => {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
  const http = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url !== '/mcp') return json(404, { error: 'not found' });
    state.authorizations.push(req.headers.authorization);
    if (opts.token && req.headers.authorization !== `Bearer ${opts.token}`)
      return json(401, { error: 'unauthorized' });
    if (req.method !== 'POST')
      return json(405, { jsonrpc: '2.0', error: { code: -32000, message: 'Method not allowed.' }, id: null });
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      method?: string;
      params?: { name?: string };
    };
    if (body.method) state.methods.push(body.method);
    if (body.method === 'tools/call' && body.params?.name) {
      state.toolCalls.push(body.params.name);
      const failure = body.params.name === 'flaky' ? flakyFailures.shift() : undefined;
      if (failure) return json(failure, { error: 'temporarily unavailable' });
    }
    const server = buildServer();
    const transport = new StreamableHTTPServerTransport({ enableJsonResponse: true });
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/mcp`;
  return state;
}
