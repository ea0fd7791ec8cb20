import { z } from 'zod';
import type { FinancialReadiness } from '../../ports.ts';
import type { Breaker } from '../../resilience/breaker.ts';
import { defaultRetryConfig, type RetryConfig, sleepFor, withRetry } from '../../resilience/retry.ts';

const answer = z.object({
  preApproved: z.boolean(),
  confidence: z.number().min(0).max(1),
  maxAmount: z.number().positive().optional(),
  lender: z.string().min(1).optional(),
});

class FinancialServiceError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'FinancialServiceError';
  }
}

/**
 * Client for the pre-qualification service (contract in docs/FINANCIAL_SERVICE.md):
 * POST {base}/v1/assessments → { preApproved, confidence, maxAmount?, lender? }. Network errors,
 * timeouts, 429 and 5xx are retried with the shared policy; a breaker stops calling a dead service.
 */
export function createHttpFinancialReadiness(opts: {
  baseUrl: string;
  timeoutMs?: number;
  retry?: RetryConfig;
  breaker?: Breaker;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}): FinancialReadiness {
  const doFetch = opts.fetch ?? globalThis.fetch;
  const url = `${opts.baseUrl.replace(/\/+$/, '')}/v1/assessments`;
  async function once(body: unknown) {
    if (opts.breaker && !opts.breaker.allow())
      throw new FinancialServiceError('financial service circuit open', false);
    let res: Response;
    try {
      res = await doFetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 3000),
      });
    } catch (err) {
      opts.breaker?.failure();
      throw new FinancialServiceError(`financial service unreachable: ${(err as Error).name}`, true);
    }
    if (res.status >= 500) opts.breaker?.failure();
    else opts.breaker?.success();
    if (!res.ok) {
      const retryAfter = Number(res.headers.get('retry-after'));
      throw new FinancialServiceError(
        `financial service answered ${res.status}`,
        res.status === 429 || res.status >= 500,
        Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined,
      );
    }
    const parsed = answer.safeParse(await res.json().catch(() => null));
    if (!parsed.success)
      throw new FinancialServiceError('financial service answered an unexpected shape', false);
    return parsed.data;
  }
  return {
    async assess(input) {
      const out = await withRetry(
        () => once(input),
        (err) =>
          err instanceof FinancialServiceError && err.retryable
            ? { retry: true, ...(err.retryAfterMs !== undefined ? { afterMs: err.retryAfterMs } : {}) }
            : { retry: false },
        { config: opts.retry ?? defaultRetryConfig, sleep: opts.sleep ?? sleepFor },
      );
      return {
        preApproved: out.preApproved,
        confidence: out.confidence,
        ...(out.maxAmount !== undefined ? { maxAmount: out.maxAmount } : {}),
        ...(out.lender !== undefined ? { lender: out.lender } : {}),
      };
    },
  };
}
