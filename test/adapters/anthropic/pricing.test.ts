import { describe, expect, it } from 'vitest';
import { estimateCostUsd, priceOf } from '../../../src/adapters/anthropic/pricing.ts';

const usage = { inputTokens: 1_000, outputTokens: 500, cacheReadTokens: 2_000, cacheWriteTokens: 4_000 };

describe('estimateCostUsd', () => {
  it('prices input, output and both cache directions at Haiku list prices', () => {
    // 1000 × $1 + 500 × $5 + 2000 × $0.10 + 4000 × $1.25, per million tokens.
    expect(estimateCostUsd('claude-haiku-4-5', usage)).toBeCloseTo(0.0087, 10);
  });

  it('prices Opus at its own rates', () => {
    // 1000 × $15 + 500 × $75 + 2000 × $1.50 + 4000 × $18.75, per million tokens.
    expect(estimateCostUsd('claude-opus-4-1', usage)).toBeCloseTo(0.1305, 10);
  });

  it('prices a dated model id like the model it names', () => {
    expect(estimateCostUsd('claude-haiku-4-5-20251001', usage)).toBe(
      estimateCostUsd('claude-haiku-4-5', usage),
    );
  });

  it('prices an unknown model like Sonnet', () => {
    expect(priceOf('claude-next-unknown')).toEqual(priceOf('claude-sonnet-4-5'));
    // 1000 × $3 + 500 × $15 + 2000 × $0.30 + 4000 × $3.75, per million tokens.
    expect(estimateCostUsd('claude-next-unknown', usage)).toBeCloseTo(0.0261, 10);
  });

  it('costs nothing for no tokens', () => {
    const none = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 };
    expect(estimateCostUsd('claude-sonnet-4-5', none)).toBe(0);
  });
});
