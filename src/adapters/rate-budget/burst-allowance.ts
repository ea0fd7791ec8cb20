export interface BurstLimit {
  /** GHL's limit: requests per interval (X-RateLimit-Max, 100). */
  max: number;
  /** GHL's interval (X-RateLimit-Interval-Milliseconds, 10 000). */
  intervalMs: number;
  /** Per cent of `max` left unspent. */
  marginPct: number;
  /** How much longer than GHL's interval our window is. */
  guardMs: number;
}

/**
 * What we let ourselves spend of GHL's burst limit. Our window and GHL's do not start at the same
 * instant: a request reaches GHL some variable time after its slot was granted. Two mechanisms
 * cover that, each for a case the other misses:
 * - the margin (spend 90 of 100): under steady traffic a slot is reused the moment it frees, so
 *   a request delayed less than its successor lets one extra land in GHL's window per jitter
 *   period; 10 spare slots absorb up to about a second of jitter at full rate, and also leave room
 *   for requests GHL counts that we never see;
 * - the guard (our window 10.5 s, not 10 s): when a whole burst is spent at once and the next one
 *   exactly a window later, every request of the second burst could land in GHL's window with the
 *   first, which no margin short of half the budget covers; a longer window keeps them apart by
 *   the guard, so jitter under the guard never overlaps them.
 */
export function burstAllowance(limit: BurstLimit): { points: number; durationMs: number } {
  return {
    points: Math.max(1, Math.floor((limit.max * (100 - limit.marginPct)) / 100)),
    durationMs: limit.intervalMs + limit.guardMs,
  };
}
