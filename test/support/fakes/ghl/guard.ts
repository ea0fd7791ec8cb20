import type { FailureRule } from './types.ts';
import { declaredVersion, PUBLISHED_VERSIONS, type Reply } from './wire.ts';

export const UNAUTHORIZED: Reply = {
  status: 401,
  body: { statusCode: 401, message: 'Invalid token: access token is invalid', error: 'Unauthorized' },
};

/**
 * Auth then Version, as GHL reports them (both 401, reference §1). `token` is the Private
 * Integration token, or a check of the bearer that answers a refusal (undefined = accepted).
 */
export function checkAuth(
  headers: Record<string, string>,
  path: string,
  token: string | ((bearer: string) => Reply | undefined),
  strictVersion: boolean,
): Reply | undefined {
  const auth = headers.authorization ?? '';
  if (typeof token === 'string') {
    if (auth !== `Bearer ${token}`) return UNAUTHORIZED;
  } else {
    const refused = token(auth.replace(/^Bearer\s+/i, ''));
    if (refused) return refused;
  }
  const version = headers.version;
  if (version === undefined || version === '') {
    return { status: 401, body: { statusCode: 401, message: 'version header was not found.' } };
  }
  const published = (PUBLISHED_VERSIONS as readonly string[]).includes(version);
  if (!published || (strictVersion && version !== declaredVersion(path))) {
    return { status: 401, body: { statusCode: 401, message: 'version header is invalid' } };
  }
  return undefined;
}

/** Sliding-window burst budget plus a daily count for one (token, location). */
export class RateWindow {
  private window: number[] = [];
  private readonly seen: number[] = [];
  private daily = 0;

  constructor(
    public max: number,
    public intervalMs: number,
    private readonly dailyLimit: number,
  ) {}

  /** Requests refused over the burst budget and over the daily budget (for load reports). */
  refusedBurst = 0;
  refusedDaily = 0;

  /**
   * Counts one request; false when it is over the burst or the daily budget (refused requests do
   * not use budget). Both answer 429: "burst 100 requests per 10 seconds" and "daily 200,000
   * requests" per app per resource (GHL OAuth FAQ, docs/oauth/Faqs.md; reference §9).
   * ASSUMPTION: the daily count never resets while the fake runs (a run is far shorter than a day).
   */
  take(now: number): boolean {
    this.seen.push(now);
    this.prune(now);
    if (this.window.length >= this.max) {
      this.refusedBurst += 1;
      return false;
    }
    if (this.daily >= this.dailyLimit) {
      this.refusedDaily += 1;
      return false;
    }
    this.window.push(now);
    this.daily += 1;
    return true;
  }

  /** Requests counted against the day's budget so far. */
  get used(): number {
    return this.daily;
  }

  headers(now: number): Record<string, string> {
    this.prune(now);
    return {
      'X-RateLimit-Limit-Daily': String(this.dailyLimit),
      'X-RateLimit-Daily-Remaining': String(Math.max(0, this.dailyLimit - this.daily)),
      'X-RateLimit-Interval-Milliseconds': String(this.intervalMs),
      'X-RateLimit-Max': String(this.max),
      'X-RateLimit-Remaining': String(Math.max(0, this.max - this.window.length)),
    };
  }

  /** Highest number of requests (including refused ones) that fell inside any one interval. */
  maxInAnyWindow(): number {
    let best = 0;
    let lo = 0;
    for (let hi = 0; hi < this.seen.length; hi++) {
      const t = this.seen[hi] ?? 0;
      while ((this.seen[lo] ?? 0) <= t - this.intervalMs) lo++;
      best = Math.max(best, hi - lo + 1);
    }
    return best;
  }

  private prune(now: number): void {
    const cutoff = now - this.intervalMs;
    if (this.window.length > 0 && (this.window[0] ?? 0) <= cutoff) {
      this.window = this.window.filter((t) => t > cutoff);
    }
  }
}

/** Takes the first registered rule matching the request and uses up one of its `times`. */
export function takeFailure(rules: FailureRule[], method: string, path: string): FailureRule | undefined {
  const normalized = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const at = rules.findIndex((r) => {
    if (r.times <= 0) return false;
    if (r.method !== undefined && r.method.toUpperCase() !== method) return false;
    if (r.path === undefined) return true;
    if (typeof r.path === 'string') return r.path === path || r.path.replace(/\/+$/, '') === normalized;
    r.path.lastIndex = 0;
    return r.path.test(path);
  });
  const rule = rules[at];
  if (!rule) return undefined;
  rule.times -= 1;
  if (rule.times <= 0) rules.splice(at, 1);
  return rule;
}
