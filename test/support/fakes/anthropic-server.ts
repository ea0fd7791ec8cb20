import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getTokenizer } from '@anthropic-ai/tokenizer';

/** What the fake answers to one `POST /v1/messages`. */
export type FakeAnthropicStep =
  | { text: string }
  /** A `tool_use` block named after the tool the request forced (tool_choice), with this input. */
  | { toolInput: Record<string, unknown> }
  /** An error answer with Anthropic's error body; 429 carries `retry-after` (seconds, default 1). */
  | { status: FakeAnthropicErrorStatus; message?: string; retryAfter?: number }
  | { delayMs: number; then: FakeAnthropicStep }
  | { after: Promise<unknown>; then: FakeAnthropicStep };

/**
 * A step answered only once `event` has settled (a test's own write, say), whatever it took. This
 * models no behaviour of the Messages API: it is answer latency under the test's control, like
 * `delayed`. The answer itself is the normal response of the step it wraps
 * (https://docs.anthropic.com/en/api/messages); a client that times out first sees none, as with
 * a slow real answer.
 */
export function answeredAfter(event: Promise<unknown>, step: FakeAnthropicStep): FakeAnthropicStep {
  // biome-ignore lint/suspicious/noThenProperty: the step's shape; its `then` is never a function.
  return { after: event, then: step };
}

/** A step answered only after `ms` (a client that gives up first sees no answer). */
export function delayed(ms: number, step: FakeAnthropicStep): FakeAnthropicStep {
  // biome-ignore lint/suspicious/noThenProperty: the step's shape; its `then` is never a function.
  return { delayMs: ms, then: step };
}

export type FakeAnthropicErrorStatus = 400 | 401 | 403 | 404 | 413 | 429 | 500 | 502 | 503 | 529;

export interface FakeAnthropicRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

export interface FakeAnthropic {
  url: string;
  /** Every request received (rejected ones too), in arrival order; `body` is {} when it was not JSON. */
  requests: FakeAnthropicRequest[];
  /** Queues answers for the next `POST /v1/messages` calls, in order. */
  script(...steps: FakeAnthropicStep[]): void;
  /** Answers a message request once the script is used up (default: a short text echoing the last user message). */
  onRequest: (req: FakeAnthropicRequest) => FakeAnthropicStep;
  close(): Promise<void>;
}

// The error `type` Anthropic puts in its body for each status.
const errorTypes: Record<FakeAnthropicErrorStatus, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  502: 'api_error',
  503: 'api_error',
  529: 'overloaded_error',
};

/** API versions the fake knows; 2026-10-21 no longer accepts sampling parameters. */
const apiVersions = new Set(['2023-06-01', '2026-10-21']);

/** The key a request authenticates with: `x-api-key` wins over `Authorization: Bearer`, as on the real API. */
function presentedKey(headers: IncomingHttpHeaders): string | undefined {
  const key = headers['x-api-key'];
  if (typeof key === 'string' && key) return key;
  const auth = headers.authorization;
  return auth?.startsWith('Bearer ') ? auth.slice('Bearer '.length) : undefined;
}

interface TextBlock {
  type?: unknown;
  text?: unknown;
  cache_control?: unknown;
}

/**
 * The Anthropic Messages API on a local port: `POST /v1/messages` and
 * `POST /v1/messages/count_tokens`, with the real headers, bodies, error shapes and usage fields.
 * Requests authenticate with `x-api-key` or `Authorization: Bearer` (SDK 1.x sends the latter)
 * and must name a known `anthropic-version`.
 * Tokens are counted with Claude's tokenizer. Prompt caching is simulated on the system prompt:
 * the prefix (tools, then system blocks up to the last one marked `cache_control`) is written to
 * the cache the first time it is seen for a model and read from it afterwards.
 */
export async function startFakeAnthropic(opts: { apiKey: string }): Promise<FakeAnthropic> {
  const queue: FakeAnthropicStep[] = [];
  const cachedPrefixes = new Set<string>();
  const pending = new Set<NodeJS.Timeout>();
  const tokenizer = getTokenizer();
  // Same as countTokens() from @anthropic-ai/tokenizer, without building the tokenizer per call.
  const tokens = (text: string) => (text ? tokenizer.encode(text.normalize('NFKC'), 'all').length : 0);

  const fake: FakeAnthropic = {
    url: '',
    requests: [],
    script: (...steps) => {
      queue.push(...steps);
    },
    onRequest: (req) => ({ text: `Got it: ${lastUserText(req.body).slice(0, 80)}` }),
    close: async () => {
      for (const t of pending) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      tokenizer.free();
    },
  };

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const requestId = `req_${randomUUID().replaceAll('-', '')}`;
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      if (res.destroyed) return;
      res.writeHead(status, { 'content-type': 'application/json', 'request-id': requestId, ...headers });
      res.end(JSON.stringify(body));
    };
    const fail = (status: FakeAnthropicErrorStatus, message: string, headers: Record<string, string> = {}) =>
      send(status, { type: 'error', error: { type: errorTypes[status], message } }, headers);

    const path = (req.url ?? '/').split('?')[0] ?? '/';
    let parsedBody: Record<string, unknown> | null = null;
    try {
      const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
        parsedBody = parsed as Record<string, unknown>;
    } catch {
      parsedBody = null;
    }
    const recorded: FakeAnthropicRequest = {
      method: req.method ?? '',
      path,
      headers: req.headers,
      body: parsedBody ?? {},
    };
    fake.requests.push(recorded);

    if (req.method !== 'POST' || (path !== '/v1/messages' && path !== '/v1/messages/count_tokens'))
      return fail(404, `Not found: ${req.method} ${path}`);
    if (presentedKey(req.headers) !== opts.apiKey) return fail(401, 'invalid x-api-key');
    const version = req.headers['anthropic-version'];
    if (!version) return fail(400, 'anthropic-version: header is required');
    if (typeof version !== 'string' || !apiVersions.has(version))
      return fail(400, `anthropic-version: unknown version ${String(version)}`);
    if (!parsedBody) return fail(400, 'The request body is not valid JSON.');
    const body = parsedBody;
    if (version !== '2023-06-01') {
      const sampling = ['temperature', 'top_p', 'top_k'].find((k) => k in body);
      if (sampling) return fail(400, `${sampling}: Extra inputs are not permitted`);
    }
    if (typeof body.model !== 'string' || !body.model) return fail(400, 'model: Field required');
    if (!Array.isArray(body.messages) || body.messages.length === 0)
      return fail(400, 'messages: Field required');

    if (path === '/v1/messages/count_tokens') {
      const parts = promptParts(body);
      const total = [...parts.prefix, ...parts.rest].reduce((n, t) => n + tokens(t), 0);
      return send(200, { input_tokens: total });
    }

    if (typeof body.max_tokens !== 'number' || !Number.isInteger(body.max_tokens) || body.max_tokens < 1)
      return fail(400, 'max_tokens: Field required');

    const answer = (step: FakeAnthropicStep) => {
      if ('after' in step) {
        let closed = false;
        res.on('close', () => {
          closed = true;
        });
        void step.after.then(
          () => closed || answer(step.then),
          () => closed || answer(step.then),
        );
        return;
      }
      if ('delayMs' in step) {
        const timer = setTimeout(() => {
          pending.delete(timer);
          answer(step.then);
        }, step.delayMs);
        pending.add(timer);
        res.on('close', () => {
          clearTimeout(timer);
          pending.delete(timer);
        });
        return;
      }
      if ('status' in step) {
        const headers: Record<string, string> =
          step.status === 429 ? { 'retry-after': String(step.retryAfter ?? 1) } : {};
        return fail(step.status, step.message ?? defaultMessage(step.status), headers);
      }
      const model = body.model as string;
      const usage = usageOf(body, model);
      if ('toolInput' in step) {
        const name = forcedToolName(body);
        if (!name) return fail(400, 'tool_use answer scripted but the request offers no tools');
        return send(200, {
          id: `msg_${randomUUID().replaceAll('-', '').slice(0, 24)}`,
          type: 'message',
          role: 'assistant',
          model,
          content: [
            {
              type: 'tool_use',
              id: `toolu_${randomUUID().replaceAll('-', '').slice(0, 24)}`,
              name,
              input: step.toolInput,
            },
          ],
          stop_reason: 'tool_use',
          stop_sequence: null,
          usage: { ...usage, output_tokens: tokens(JSON.stringify(step.toolInput)) },
        });
      }
      return send(200, {
        id: `msg_${randomUUID().replaceAll('-', '').slice(0, 24)}`,
        type: 'message',
        role: 'assistant',
        model,
        content: [{ type: 'text', text: step.text }],
        stop_reason: 'end_turn',
        stop_sequence: null,
        usage: { ...usage, output_tokens: tokens(step.text) },
      });
    };

    // Input tokens as Anthropic reports them: `input_tokens` excludes what was written to or read
    // from the prompt cache.
    function usageOf(b: Record<string, unknown>, model: string) {
      const parts = promptParts(b);
      const rest = parts.rest.reduce((n, t) => n + tokens(t), 0);
      if (!parts.cached) {
        const all = parts.prefix.reduce((n, t) => n + tokens(t), 0) + rest;
        return { input_tokens: all, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };
      }
      const prefixTokens = parts.prefix.reduce((n, t) => n + tokens(t), 0);
      const cacheKey = JSON.stringify([model, parts.prefix]);
      const hit = cachedPrefixes.has(cacheKey);
      cachedPrefixes.add(cacheKey);
      return {
        input_tokens: rest,
        cache_creation_input_tokens: hit ? 0 : prefixTokens,
        cache_read_input_tokens: hit ? prefixTokens : 0,
      };
    }

    answer(queue.shift() ?? fake.onRequest(recorded));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

function defaultMessage(status: FakeAnthropicErrorStatus): string {
  if (status === 429) return 'Number of request tokens has exceeded your per-minute rate limit';
  if (status === 529) return 'Overloaded';
  if (status >= 500) return 'Internal server error';
  return 'Invalid request';
}

/**
 * The prompt as text pieces in Anthropic's cache order (tools, system, messages). `prefix` holds
 * the pieces up to the last system block marked for caching (all tools and system when none is).
 */
function promptParts(body: Record<string, unknown>): { prefix: string[]; rest: string[]; cached: boolean } {
  const tools = Array.isArray(body.tools) ? body.tools.map((t) => JSON.stringify(t)) : [];
  const system: TextBlock[] =
    typeof body.system === 'string'
      ? [{ type: 'text', text: body.system }]
      : Array.isArray(body.system)
        ? (body.system as TextBlock[])
        : [];
  const systemTexts = system.map((b) => (typeof b.text === 'string' ? b.text : ''));
  let lastCached = -1;
  system.forEach((b, i) => {
    if (b.cache_control) lastCached = i;
  });
  const messages = Array.isArray(body.messages) ? body.messages : [];
  const messageTexts = messages.map((m) => contentText((m as { content?: unknown }).content));
  if (lastCached < 0) return { prefix: [...tools, ...systemTexts], rest: messageTexts, cached: false };
  return {
    prefix: [...tools, ...systemTexts.slice(0, lastCached + 1)],
    rest: [...systemTexts.slice(lastCached + 1), ...messageTexts],
    cached: true,
  };
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((b: TextBlock) => (typeof b.text === 'string' ? b.text : JSON.stringify(b))).join('\n');
}

/** The text of the last user message of a request. */
export function lastUserText(body: Record<string, unknown>): string {
  const messages = Array.isArray(body.messages)
    ? (body.messages as { role?: unknown; content?: unknown }[])
    : [];
  const last = messages.filter((m) => m.role === 'user').at(-1);
  return last ? contentText(last.content) : '';
}

function forcedToolName(body: Record<string, unknown>): string | null {
  const choice = body.tool_choice as { type?: unknown; name?: unknown } | undefined;
  if (choice?.type === 'tool' && typeof choice.name === 'string') return choice.name;
  const first = Array.isArray(body.tools) ? (body.tools[0] as { name?: unknown } | undefined) : undefined;
  return typeof first?.name === 'string' ? first.name : null;
}

/** The reply the bot decided, as the service's reply prompt carries it (null for other tasks). */
export function decidedReplyIn(req: FakeAnthropicRequest): string | null {
  return /<decided_reply>\n([\s\S]*?)\n<\/decided_reply>/.exec(lastUserText(req.body))?.[1] ?? null;
}
