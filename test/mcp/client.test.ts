import { afterEach, describe, expect, it } from 'vitest';
import {
  createMcpToolClient,
  McpCallError,
  type McpToolClient,
  parseMcpServers,
} from '../../src/mcp/client.ts';
import type { RetryConfig } from '../../src/resilience/retry.ts';
import { type FakeMcpToolServer, startFakeMcpToolServer } from '../support/fakes/mcp-tool-server.ts';

const TOKEN = 'listings-secret-token';
const retry: RetryConfig = { maxRetries: 3, initialBackoffMs: 200, maxBackoffMs: 2_000, base: 2, jitter: 0 };

async function failure(p: Promise<unknown>): Promise<McpCallError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(McpCallError);
    return err as McpCallError;
  }
  throw new Error('expected the call to fail');
}

describe('MCP tool client', () => {
  let fake: FakeMcpToolServer;
  let client: McpToolClient;
  let sleeps: number[];
  const make = (
    servers: { name: string; url: string; token?: string; tools?: Record<string, string> }[],
    extra: { timeoutMs?: number; failureThreshold?: number } = {},
  ) => {
    sleeps = [];
    client = createMcpToolClient(servers, {
      timeoutMs: extra.timeoutMs ?? 5_000,
      retry,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      breakerConfig: { failureThreshold: extra.failureThreshold ?? 5, halfOpenAfterMs: 60_000 },
    });
    return client;
  };

  afterEach(async () => {
    await client?.close();
    await fake?.close().catch(() => {});
  });

  it('lists and calls tools on a server that requires a bearer token', async () => {
    fake = await startFakeMcpToolServer({ token: TOKEN });
    make([{ name: 'listings', url: fake.url, token: TOKEN }]);
    const tools = await client.listTools('listings');
    expect(tools.map((t) => t.name).sort()).toEqual(['find_homes', 'flaky', 'hang', 'search_listings']);
    const found = await client.callTool('listings', 'search_listings', { neighborhood: 'Etiwanda' });
    expect(found).toEqual({
      listings: [
        { id: 'L-1', address: '7050 Etiwanda Ave', neighborhood: 'Etiwanda', price: 815_000, beds: 4 },
      ],
    });
    expect(fake.authorizations.every((a) => a === `Bearer ${TOKEN}`)).toBe(true);
    // connected once, lazily, and reused
    expect(fake.methods.filter((m) => m === 'initialize')).toHaveLength(1);
  });

  it('maps our tool name to the server’s when MCP_SERVERS says so', async () => {
    fake = await startFakeMcpToolServer();
    make([{ name: 'listings', url: fake.url, tools: { find_homes: 'search_listings' } }]);
    const found = (await client.callTool('listings', 'find_homes', { neighborhood: 'Alta Loma' })) as {
      listings: unknown[];
    };
    expect(found.listings).toHaveLength(1);
    expect(fake.toolCalls).toEqual(['search_listings']);
  });

  it('retries a tool answering 503 and returns its result', async () => {
    fake = await startFakeMcpToolServer();
    make([{ name: 'listings', url: fake.url }]);
    fake.failFlaky(2);
    expect(await client.callTool('listings', 'flaky', {})).toEqual({ ok: true });
    expect(fake.toolCalls).toEqual(['flaky', 'flaky', 'flaky']);
    expect(sleeps).toEqual([200, 400]);
  });

  it('reports a tool error without retrying, and a refused token as rejected', async () => {
    fake = await startFakeMcpToolServer({ token: TOKEN });
    make([
      { name: 'listings', url: fake.url, token: TOKEN },
      { name: 'stranger', url: fake.url, token: 'wrong-token' },
    ]);
    const err = await failure(client.callTool('listings', 'search_listings', { neighborhood: 'Atlantis' }));
    expect(err).toMatchObject({ kind: 'tool_error', server: 'listings', tool: 'search_listings' });
    expect(err.message).toMatch(/unknown neighborhood Atlantis/);
    expect(fake.toolCalls).toEqual(['search_listings']);

    const refused = await failure(
      client.callTool('stranger', 'search_listings', { neighborhood: 'Etiwanda' }),
    );
    expect(refused).toMatchObject({ kind: 'rejected', status: 401 });
    expect(refused.message).not.toContain('wrong-token');
    expect(sleeps).toEqual([]);
  });

  it('gives up on a tool that hangs after the timeout, without retrying, and stays usable', async () => {
    fake = await startFakeMcpToolServer();
    make([{ name: 'listings', url: fake.url }], { timeoutMs: 300 });
    const err = await failure(client.callTool('listings', 'hang', {}));
    expect(err).toMatchObject({ kind: 'timeout', server: 'listings', tool: 'hang' });
    expect(fake.toolCalls).toEqual(['hang']);
    expect(await client.callTool('listings', 'flaky', {})).toEqual({ ok: true });
  });

  it('stops at the caller’s deadline, mid-call or between retries, without blaming the server', async () => {
    fake = await startFakeMcpToolServer();
    make([{ name: 'listings', url: fake.url }], { timeoutMs: 5_000, failureThreshold: 1 });
    const hung = await failure(client.callTool('listings', 'hang', {}, { signal: AbortSignal.timeout(200) }));
    expect(hung).toMatchObject({
      kind: 'timeout',
      message: expect.stringContaining('caller stopped waiting'),
    });
    expect(client.circuit('listings')).toBe('closed');

    // Retries are cut short too: the backoff wait ends when the caller stops waiting.
    const slow = createMcpToolClient([{ name: 'listings', url: fake.url }], {
      timeoutMs: 5_000,
      retry: { ...retry, initialBackoffMs: 10_000, maxBackoffMs: 10_000 },
    });
    fake.failFlaky(5);
    const started = Date.now();
    const cut = await failure(slow.callTool('listings', 'flaky', {}, { signal: AbortSignal.timeout(300) }));
    expect(cut.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(fake.toolCalls.filter((t) => t === 'flaky')).toHaveLength(1);
    await slow.close();
  });

  it('fails after the retries when the server is down, then the breaker fails fast', async () => {
    fake = await startFakeMcpToolServer();
    const url = fake.url;
    await fake.close();
    make([{ name: 'listings', url }], { failureThreshold: 4 });
    const down = await failure(client.callTool('listings', 'search_listings', { neighborhood: 'Etiwanda' }));
    expect(down.kind).toBe('unavailable');
    expect(sleeps).toHaveLength(3);
    expect(client.circuit('listings')).toBe('open');

    const fast = await failure(client.callTool('listings', 'search_listings', { neighborhood: 'Etiwanda' }));
    expect(fast.kind).toBe('circuit_open');
    expect(sleeps).toHaveLength(3);
  });

  it('refuses a server that is not configured', async () => {
    make([]);
    expect(await failure(client.callTool('nowhere', 'x', {}))).toMatchObject({ kind: 'unknown_server' });
  });
});

describe('MCP_SERVERS', () => {
  it('parses a list of servers', () => {
    expect(
      parseMcpServers(
        '[{"name":"listings","url":"https://mls.example.com/mcp","token":"s3cret","tools":{"search_listings":"listings_search"}}]',
      ),
    ).toEqual([
      {
        name: 'listings',
        url: 'https://mls.example.com/mcp',
        token: 's3cret',
        tools: { search_listings: 'listings_search' },
      },
    ]);
    expect(parseMcpServers('  ')).toEqual([]);
  });

  it('names every problem without echoing tokens', () => {
    expect(() => parseMcpServers('{not json')).toThrow(/MCP_SERVERS is invalid:[\s\S]*not valid JSON/);
    expect(() => parseMcpServers('{"name":"x"}')).toThrow(/must be a JSON array of servers/);
    let message = '';
    try {
      parseMcpServers(
        '[{"name":"a","url":"ftp://x","token":"top-secret-value"},{"name":"a","url":"http://ok/mcp"},{"url":"http://y/mcp"}]',
      );
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/server 1 url: must be an http:\/\/ or https:\/\/ URL/);
    expect(message).toMatch(/server 2 name: "a" is listed twice/);
    expect(message).toMatch(/server 3 name:/);
    expect(message).not.toContain('top-secret-value');
  });
});
