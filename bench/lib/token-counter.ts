import Anthropic from '@anthropic-ai/sdk';
import { getTokenizer } from '@anthropic-ai/tokenizer';
import type { ModelRequest } from '../../src/ports.ts';

export type CountedRequest = Pick<ModelRequest, 'system' | 'messages'>;

export interface TokenCounter {
  /** How the tokens are counted, for the report. */
  readonly method: string;
  count(req: CountedRequest): Promise<number>;
}

/**
 * Anthropic's count-tokens endpoint: exact input tokens of the request as the model would see it
 * (system blocks with their cache marks, and the messages).
 */
export function apiCounter(opts: { apiKey: string; baseURL?: string; model: string }): TokenCounter {
  const client = new Anthropic({
    apiKey: opts.apiKey,
    ...(opts.baseURL ? { baseURL: opts.baseURL } : {}),
    maxRetries: 6,
  });
  return {
    method: `Anthropic count_tokens API (model ${opts.model})`,
    async count(req) {
      const res = await client.messages.countTokens({
        model: opts.model,
        system: req.system.map((b) => ({
          type: 'text' as const,
          text: b.text,
          ...(b.cache ? { cache_control: { type: 'ephemeral' as const } } : {}),
        })),
        messages: req.messages.map((m) => ({ role: m.role, content: m.content })),
      });
      return res.input_tokens;
    },
  };
}

/**
 * Offline count with @anthropic-ai/tokenizer: the system text plus each message's text. The
 * package holds the older Claude tokenizer, so for current models the figures are close, not exact;
 * both modes are counted the same way, so the reduction holds.
 */
// countTokens() of the package builds a new tokenizer for every call; one is enough.
let tokenizer: ReturnType<typeof getTokenizer> | null = null;

/** Tokens of a text by @anthropic-ai/tokenizer, the way its countTokens() counts them. */
export function countLocally(text: string): number {
  tokenizer ??= getTokenizer();
  return tokenizer.encode(text.normalize('NFKC'), 'all').length;
}

export function localCounter(): TokenCounter {
  // Most calls share one of a few system prompts (the full one above all): count each text once.
  const seen = new Map<string, number>();
  const systemTokens = (text: string) => {
    let n = seen.get(text);
    if (n === undefined) {
      n = countLocally(text);
      seen.set(text, n);
    }
    return n;
  };
  return {
    method: 'local @anthropic-ai/tokenizer (an approximation of current Claude tokenizers)',
    async count(req) {
      const system = systemTokens(req.system.map((b) => b.text).join('\n\n'));
      return system + req.messages.reduce((n, m) => n + countLocally(m.content), 0);
    },
  };
}

/** Runs `fn` over `items` with at most `limit` in flight, keeping the order of results. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (x: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
