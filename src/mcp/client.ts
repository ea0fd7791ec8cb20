import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  StreamableHTTPClientTransport,
  StreamableHTTPError,
} from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import type { Logger } from '../observability/logger.ts';
import { redactText } from '../observability/logger.ts';
import {
  type Breaker,
  type BreakerConfig,
  createBreaker,
  defaultBreakerConfig,
} from '../resilience/breaker.ts';
import { type RetryConfig, sleepFor, withRetry } from '../resilience/retry.ts';
import type { McpServerConfig } from './servers-config.ts';

export { type McpServerConfig, mcpServersSchema, parseMcpServers } from './servers-config.ts';

/**
 * Why a call to an external MCP server failed. `unavailable` (network error, 429, 5xx) was retried
 * before giving up; `timeout` is not retried, since a tool that hung once usually hangs again and
 * the caller has its own time budget. Callers fall back to what they do without the tool.
 */
export type McpFailureKind =
  | 'unknown_server'
  | 'circuit_open'
  | 'timeout'
  | 'unavailable'
  | 'rejected'
  | 'tool_error';

export class McpCallError extends Error {
  constructor(
    readonly server: string,
    readonly tool: string | null,
    readonly kind: McpFailureKind,
    message: string,
    /** HTTP status when the server answered with one. */
    readonly status: number | null = null,
  ) {
    super(`MCP ${server}${tool ? ` ${tool}` : ''}: ${message}`);
    this.name = 'McpCallError';
  }
}

export interface McpToolInfo {
  name: string;
  description?: string;
  inputSchema: unknown;
}

export interface McpToolClient {
  /** Calls `tool` on `server`; resolves to the structured content, the parsed JSON text, or the content. */
  callTool(server: string, tool: string, args: object, opts?: CallOptions): Promise<unknown>;
  listTools(server: string): Promise<McpToolInfo[]>;
  /** The breaker state of a server (closed, open, half_open). */
  circuit(server: string): ReturnType<Breaker['state']>;
  close(): Promise<void>;
}

export interface CallOptions {
  /** The caller's own deadline: aborting it ends the call and its retries at once. */
  signal?: AbortSignal;
}

export interface McpToolClientOptions {
  /** Bound on each attempt, connecting included. */
  timeoutMs: number;
  retry: RetryConfig;
  sleep?: (ms: number) => Promise<void>;
  logger?: Pick<Logger, 'warn'>;
  /** A breaker per server; by default one with `breakerConfig` named `mcp:<server>`. */
  breaker?: (name: string) => Breaker;
  breakerConfig?: BreakerConfig;
}

interface Connection {
  client: Client;
  transport: StreamableHTTPClientTransport;
  ready: Promise<void>;
}

interface Entry {
  config: McpServerConfig;
  breaker: Breaker;
  conn: Connection | null;
}

const TOOL_ERROR_TEXT_MAX = 300;
const CLIENT_INFO = { name: 'jorge-bots', version: '0.1.0' };

function classify(err: unknown, server: string, tool: string | null): McpCallError {
  if (err instanceof McpCallError) return err;
  if (err instanceof StreamableHTTPError) {
    const status = err.code ?? null;
    const transient = status === null || status === 429 || status >= 500;
    return new McpCallError(
      server,
      tool,
      transient ? 'unavailable' : 'rejected',
      `server answered HTTP ${status ?? '?'}`,
      status,
    );
  }
  if (err instanceof McpError) {
    if (err.code === ErrorCode.RequestTimeout) return new McpCallError(server, tool, 'timeout', 'timed out');
    if (err.code === ErrorCode.ConnectionClosed)
      return new McpCallError(server, tool, 'unavailable', 'connection closed');
    return new McpCallError(server, tool, 'rejected', redactText(err.message).slice(0, TOOL_ERROR_TEXT_MAX));
  }
  const e = err as { name?: string; message?: string; cause?: { code?: string } };
  if (e?.name === 'UnauthorizedError') return new McpCallError(server, tool, 'rejected', 'unauthorized', 401);
  // fetch failures (refused, reset, DNS) and anything else from the transport
  const why = e?.cause?.code ?? e?.name ?? 'error';
  return new McpCallError(server, tool, 'unavailable', `unreachable (${why})`);
}

function resultValue(result: Record<string, unknown>): unknown {
  if (result.structuredContent !== undefined) return result.structuredContent;
  const content = Array.isArray(result.content) ? (result.content as { type: string; text?: string }[]) : [];
  const only = content.length === 1 ? content[0] : undefined;
  if (only?.type === 'text' && typeof only.text === 'string') {
    try {
      return JSON.parse(only.text);
    } catch {
      return only.text;
    }
  }
  return content;
}

function toolErrorText(result: Record<string, unknown>): string {
  const content = Array.isArray(result.content) ? (result.content as { type: string; text?: string }[]) : [];
  const text = content
    .filter((c) => c.type === 'text' && typeof c.text === 'string')
    .map((c) => c.text)
    .join(' ');
  return redactText(text || 'the tool reported an error').slice(0, TOOL_ERROR_TEXT_MAX);
}

/**
 * Calls tools on external MCP servers (Streamable HTTP) for the bots. Connects lazily, bounds each
 * attempt by `timeoutMs`, retries network errors, 429 and 5xx with the shared policy, and keeps a
 * breaker per server so a dead one fails fast. Every failure is an McpCallError.
 */
export function createMcpToolClient(servers: McpServerConfig[], opts: McpToolClientOptions): McpToolClient {
  const entries = new Map<string, Entry>(
    servers.map((config) => [
      config.name,
      {
        config,
        breaker:
          opts.breaker?.(`mcp:${config.name}`) ??
          createBreaker(`mcp:${config.name}`, opts.breakerConfig ?? defaultBreakerConfig),
        conn: null,
      },
    ]),
  );

  const entry = (server: string, tool: string | null): Entry => {
    const e = entries.get(server);
    if (!e) throw new McpCallError(server, tool, 'unknown_server', 'no such server in MCP_SERVERS');
    return e;
  };

  const connect = (e: Entry): Connection => {
    if (e.conn) return e.conn;
    const transport = new StreamableHTTPClientTransport(new URL(e.config.url), {
      requestInit: { headers: e.config.token ? { Authorization: `Bearer ${e.config.token}` } : {} },
      // Tool calls only: do not keep re-opening a server-sent event stream in the background.
      reconnectionOptions: {
        maxRetries: 0,
        initialReconnectionDelay: 1000,
        maxReconnectionDelay: 1000,
        reconnectionDelayGrowFactor: 1,
      },
    });
    const client = new Client(CLIENT_INFO);
    const conn: Connection = { client, transport, ready: client.connect(transport) };
    // A failed handshake is reported by the attempt that awaits it; later attempts connect anew.
    conn.ready.catch(() => {
      if (e.conn === conn) e.conn = null;
    });
    e.conn = conn;
    return conn;
  };

  /** Closes a connection (aborting what is in flight on it); the next call connects anew. */
  const drop = async (e: Entry, conn: Connection | null) => {
    if (!conn) return;
    if (e.conn === conn) e.conn = null;
    await conn.client.close().catch(() => {});
  };

  /** One attempt within the deadline; the breaker counts failures that say the server is unwell. */
  async function attempt<T>(
    e: Entry,
    tool: string | null,
    op: (client: Client, signal: AbortSignal) => Promise<T>,
    caller?: AbortSignal,
  ): Promise<T> {
    const server = e.config.name;
    const stopped = () => new McpCallError(server, tool, 'timeout', 'the caller stopped waiting');
    if (caller?.aborted) throw stopped();
    if (!e.breaker.allow()) throw new McpCallError(server, tool, 'circuit_open', 'circuit open, not calling');
    const abort = new AbortController();
    let used: Connection | null = null;
    let timer: NodeJS.Timeout | undefined;
    let onCaller: (() => void) | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(new McpCallError(server, tool, 'timeout', `no answer within ${opts.timeoutMs} ms`));
        abort.abort();
      }, opts.timeoutMs);
      onCaller = () => {
        reject(stopped());
        abort.abort();
      };
      caller?.addEventListener('abort', onCaller, { once: true });
    });
    try {
      const run = (async () => {
        used = connect(e);
        await used.ready;
        return op(used.client, abort.signal);
      })();
      run.catch(() => {}); // settled by the race below
      const out = await Promise.race([run, deadline]);
      e.breaker.success();
      return out;
    } catch (err) {
      // The caller's deadline says nothing about the server's health: no breaker change.
      if (caller?.aborted) throw stopped();
      const failure = abort.signal.aborted
        ? new McpCallError(server, tool, 'timeout', `no answer within ${opts.timeoutMs} ms`)
        : classify(err, server, tool);
      if (failure.kind === 'timeout' || failure.kind === 'unavailable') {
        e.breaker.failure();
        await drop(e, used);
      } else if (failure.kind !== 'circuit_open') {
        e.breaker.success(); // it answered, even if with a refusal
      }
      throw failure;
    } finally {
      clearTimeout(timer);
      if (onCaller) caller?.removeEventListener('abort', onCaller);
    }
  }

  function call<T>(
    server: string,
    tool: string | null,
    op: (client: Client, signal: AbortSignal) => Promise<T>,
    caller?: AbortSignal,
  ): Promise<T> {
    let e: Entry;
    try {
      e = entry(server, tool);
    } catch (err) {
      return Promise.reject(err);
    }
    const sleep = opts.sleep ?? sleepFor;
    return withRetry(
      () => attempt(e, tool, op, caller),
      (err) =>
        err instanceof McpCallError && err.kind === 'unavailable' && !caller?.aborted
          ? { retry: true }
          : { retry: false },
      {
        config: opts.retry,
        // A backoff wait ends early when the caller stops waiting; the next attempt then gives up.
        sleep: (ms) => (caller ? Promise.race([sleep(ms), aborted(caller)]) : sleep(ms)),
        onRetry: ({ attempt: n, delayMs, error }) => {
          const f = error as McpCallError;
          opts.logger?.warn(
            { server, tool, attempt: n, delayMs, kind: f.kind, status: f.status },
            'mcp call failed, retrying',
          );
        },
      },
    ).catch((err: unknown) => {
      const f = classify(err, server, tool);
      if (f.kind !== 'tool_error')
        opts.logger?.warn({ server, tool, kind: f.kind, status: f.status }, 'mcp call failed');
      throw f;
    });
  }

  return {
    callTool(server, tool, args, callOpts) {
      return call(
        server,
        tool,
        async (client, signal) => {
          const name = entries.get(server)?.config.tools?.[tool] ?? tool;
          const result = await client.callTool(
            { name, arguments: args as Record<string, unknown> },
            undefined,
            { signal, timeout: opts.timeoutMs },
          );
          if (result.isError) throw new McpCallError(server, tool, 'tool_error', toolErrorText(result));
          return resultValue(result);
        },
        callOpts?.signal,
      );
    },
    listTools(server) {
      return call(server, null, async (client, signal) => {
        const out: McpToolInfo[] = [];
        let cursor: string | undefined;
        do {
          const page = await client.listTools(cursor ? { cursor } : undefined, {
            signal,
            timeout: opts.timeoutMs,
          });
          for (const t of page.tools) {
            out.push({
              name: t.name,
              ...(t.description ? { description: t.description } : {}),
              inputSchema: t.inputSchema,
            });
          }
          cursor = page.nextCursor;
        } while (cursor);
        return out;
      });
    },
    circuit(server) {
      return entry(server, null).breaker.state();
    },
    async close() {
      await Promise.all([...entries.values()].map((e) => drop(e, e.conn)));
    },
  };
}

/** Resolves once `signal` aborts (at once when it already has). */
function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
