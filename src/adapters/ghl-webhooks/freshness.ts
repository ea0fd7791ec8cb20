/**
 * A signed webhook's clock skew allowance into the future. GHL stamps `timestamp` when it sends, so
 * a timestamp ahead of ours only comes from clocks that disagree.
 */
export const FUTURE_SKEW_MS = 5 * 60_000;

const minutes = (ms: number) => `${Math.round(ms / 60_000)} minutes`;

/**
 * Why a signed event's `timestamp` is refused, or null when it is fresh enough. Old events are
 * taken up to `maxAgeMs` because GHL re-sends an event answered 429 unchanged (same timestamp) for
 * about 70 minutes; a replay inside the window is stopped by webhookId dedupe instead.
 */
export function timestampProblem(
  timestamp: string,
  nowMs: number,
  maxAgeMs: number,
): { invalid: string } | { stale: string } | null {
  const ts = Date.parse(timestamp);
  if (Number.isNaN(ts)) return { invalid: 'timestamp: must be an ISO 8601 date' };
  const age = nowMs - ts;
  if (age > maxAgeMs) return { stale: `stale webhook: timestamp is more than ${minutes(maxAgeMs)} old` };
  if (-age > FUTURE_SKEW_MS)
    return {
      stale: `webhook timestamp is more than ${minutes(FUTURE_SKEW_MS)} ahead of the server clock (check NTP)`,
    };
  return null;
}
