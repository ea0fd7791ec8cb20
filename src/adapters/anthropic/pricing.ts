import type { ModelUsage } from '../../ports.ts';

/** US dollars per million tokens. */
export interface ModelPrice {
  input: number;
  output: number;
  /** Writing the prompt cache (5-minute cache): 1.25 × input. */
  cacheWrite: number;
  /** Reading the prompt cache: 0.1 × input. */
  cacheRead: number;
}

const price = (input: number, output: number): ModelPrice => ({
  input,
  output,
  cacheWrite: input * 1.25,
  cacheRead: input * 0.1,
});

// Anthropic list prices as published 2025, in USD per million tokens. Spend figures built on
// them are estimates: discounts, batch pricing and the 1-hour cache are not modelled.
const prices: Record<string, ModelPrice> = {
  'claude-haiku-4-5': price(1, 5),
  'claude-sonnet-4-5': price(3, 15),
  'claude-sonnet-4-6': price(3, 15),
  'claude-opus-4-1': price(15, 75),
};

/** An unknown model id is priced like Sonnet, so spend caps err on the side of stopping early. */
const defaultPrice = prices['claude-sonnet-4-5']!;

/**
 * The price of a model id. Dated ids (`claude-haiku-4-5-20251001`) and aliases ending in `-latest`
 * are priced like the model they name.
 */
export function priceOf(model: string): ModelPrice {
  const exact = prices[model];
  if (exact) return exact;
  const base = model.replace(/-(?:\d{8}|latest)$/, '');
  return prices[base] ?? defaultPrice;
}

/** Estimated US dollars of one call at list prices. */
export function estimateCostUsd(model: string, usage: ModelUsage): number {
  const p = priceOf(model);
  return (
    (usage.inputTokens * p.input +
      usage.outputTokens * p.output +
      usage.cacheWriteTokens * p.cacheWrite +
      usage.cacheReadTokens * p.cacheRead) /
    1_000_000
  );
}
