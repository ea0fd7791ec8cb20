import type { MeshStrategy } from './mesh-types.ts';

export interface Candidate {
  costPerMTokIn: number;
  costPerMTokOut: number;
  qualityRank: number;
  p95Ms: number;
  inFlight: number;
  /** Sequence number of the last time it was chosen; -1 when never. */
  lastChosen: number;
}

/**
 * The best candidate for the strategy. cost_aware: the lowest price per token (then the higher
 * quality); performance: the highest quality (then a p95 latency within `latencyTieMs` of the
 * fastest). Candidates still equal share the load: fewest calls in flight, then the one chosen
 * least recently (round robin). Candidates are in registration order, which breaks final ties.
 */
export function selectAgent<T extends Candidate>(
  candidates: readonly T[],
  strategy: MeshStrategy,
  latencyTieMs: number,
): T | undefined {
  let pool = [...candidates];
  if (pool.length === 0) return undefined;
  const price = (c: Candidate) => c.costPerMTokIn + c.costPerMTokOut;
  const keepBest = (score: (c: Candidate) => number, tolerance = 0) => {
    const best = Math.max(...pool.map(score));
    pool = pool.filter((c) => score(c) >= best - tolerance);
  };
  if (strategy === 'cost_aware') {
    keepBest((c) => -price(c));
    keepBest((c) => c.qualityRank);
  } else {
    keepBest((c) => c.qualityRank);
    keepBest((c) => -c.p95Ms, latencyTieMs);
  }
  keepBest((c) => -c.inFlight);
  keepBest((c) => -c.lastChosen);
  return pool[0];
}
