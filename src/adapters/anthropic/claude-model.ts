import Anthropic from '@anthropic-ai/sdk';
import {
  type LanguageModel,
  ModelError,
  type ModelRequest,
  type ModelResponse,
  type ModelUsage,
} from '../../ports.ts';
import type { Breaker } from '../../resilience/breaker.ts';
import {
  defaultRetryConfig,
  type RetryConfig,
  type RetryInfo,
  sleepFor,
  withRetry,
} from '../../resilience/retry.ts';
import {
  abortedError,
  callStatus,
  classifyModelError,
  countsAgainstBreaker,
  toModelError,
} from './claude-errors.ts';

export interface ClaudeCall {
  model: string;
  /** HTTP status of the attempt, or how it failed without one. */
  status: number | 'timeout' | 'network';
  ms: number;
}

export interface ClaudeModelOptions {
  apiKey: string;
  /** Defaults to https://api.anthropic.com. */
  baseUrl?: string;
  retry?: RetryConfig;
  breaker?: Breaker;
  sleep?: (ms: number) => Promise<void>;
  /** Longest one attempt may take when the caller gave no shorter signal (default 60 s). */
  attemptTimeoutMs?: number;
  onRetry?: (info: RetryInfo) => void;
  /** Once per attempt that reached the network (not for breaker refusals). */
  onCall?: (e: ClaudeCall) => void;
}

const defaultBaseUrl = 'https://api.anthropic.com';

type Params = Anthropic.MessageCreateParamsNonStreaming;

/** The request in the Messages API's shape: cached system blocks, a forced tool for JSON output. */
function toParams(req: Omit<ModelRequest, 'signal'>): Params {
  const params: Params = {
    model: req.model,
    max_tokens: req.maxTokens,
    messages: req.messages.map((m) => ({ role: m.role, content: m.content })),
  };
  if (req.system.length > 0)
    params.system = req.system.map((b) => ({
      type: 'text',
      text: b.text,
      ...(b.cache ? { cache_control: { type: 'ephemeral' as const } } : {}),
    }));
  // `req.temperature` is not sent: API version 2026-10-21, which this SDK speaks, rejects every
  // sampling parameter (temperature, top_p, top_k) with a 400, even at default values.
  if (req.output) {
    params.tools = [
      {
        name: req.output.name,
        description: req.output.description,
        input_schema: { type: 'object', ...req.output.schema },
      },
    ];
    params.tool_choice = { type: 'tool', name: req.output.name };
  }
  return params;
}

function toUsage(u: Anthropic.Usage): ModelUsage {
  return {
    inputTokens: u.input_tokens,
    outputTokens: u.output_tokens,
    cacheReadTokens: u.cache_read_input_tokens ?? 0,
    cacheWriteTokens: u.cache_creation_input_tokens ?? 0,
  };
}

function toResponse(msg: Anthropic.Message, req: ModelRequest): ModelResponse {
  const text = msg.content
    .flatMap((b) => (b.type === 'text' ? [b.text] : []))
    .join('')
    .trim();
  const base = { text, usage: toUsage(msg.usage), model: msg.model, stopReason: msg.stop_reason };
  if (!req.output) return base;
  const outputName = req.output.name;
  const tool = msg.content.find((b) => b.type === 'tool_use' && b.name === outputName);
  // A tool call cut off by max_tokens carries incomplete input: not an answer to trust.
  if (tool?.type !== 'tool_use' || msg.stop_reason === 'max_tokens')
    throw new ModelError(
      `Claude did not return the ${outputName} tool input (stop reason ${msg.stop_reason ?? 'none'})`,
      'invalid_output',
    );
  return { ...base, json: tool.input };
}

/** Resolves after `ms`, or as soon as `signal` fires, whichever comes first. */
function sleepUnlessAborted(
  sleep: (ms: number) => Promise<void>,
  ms: number,
  signal: AbortSignal | undefined,
): Promise<void> {
  if (!signal) return sleep(ms);
  if (signal.aborted) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = () => {
      signal.removeEventListener('abort', done);
      resolve();
    };
    signal.addEventListener('abort', done, { once: true });
    sleep(ms).then(done, done);
  });
}

/**
 * Claude through the Messages API. The SDK's own retries are off: the shared retry policy retries
 * 429, 5xx and 529 (honouring retry-after) and network errors, never past the caller's signal;
 * a circuit breaker stops calling while Anthropic is down. Every failure is a ModelError.
 */
export function createClaudeModel(opts: ClaudeModelOptions): LanguageModel {
  const client = new Anthropic({
    apiKey: opts.apiKey,
    baseURL: opts.baseUrl ?? defaultBaseUrl,
    maxRetries: 0,
    timeout: opts.attemptTimeoutMs ?? 60_000,
  });
  const sleep = opts.sleep ?? sleepFor;

  async function call<T>(
    model: string,
    signal: AbortSignal | undefined,
    send: (signal: AbortSignal | undefined) => Promise<T>,
  ): Promise<T> {
    const attempt = async (): Promise<T> => {
      if (signal?.aborted) throw abortedError();
      if (opts.breaker && !opts.breaker.allow())
        throw new ModelError('Claude circuit breaker is open', 'breaker_open');
      const started = performance.now();
      try {
        const out = await send(signal);
        opts.breaker?.success();
        opts.onCall?.({ model, status: 200, ms: performance.now() - started });
        return out;
      } catch (err) {
        const error = toModelError(err, signal);
        opts.onCall?.({ model, status: callStatus(error), ms: performance.now() - started });
        if (countsAgainstBreaker(error)) opts.breaker?.failure();
        else opts.breaker?.success();
        throw error;
      }
    };
    return withRetry(attempt, (err) => classifyModelError(err, signal), {
      config: opts.retry ?? defaultRetryConfig,
      sleep: (ms) => sleepUnlessAborted(sleep, ms, signal),
      ...(opts.onRetry ? { onRetry: opts.onRetry } : {}),
    });
  }

  return {
    name: 'anthropic',
    async complete(req) {
      const params = toParams(req);
      const msg = await call(req.model, req.signal, (signal) => client.messages.create(params, { signal }));
      return toResponse(msg, req);
    },
    async countTokens(req) {
      const { max_tokens: _unused, ...params } = toParams({ ...req, maxTokens: 1 });
      const counted = await call(req.model, undefined, (signal) =>
        client.messages.countTokens(params, { signal }),
      );
      return counted.input_tokens;
    },
    breakerState: () => opts.breaker?.state() ?? 'closed',
  };
}
