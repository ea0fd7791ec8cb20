import type { DailyReport } from '../../ports.ts';

// GHL documents "200,000 requests per day" (OAuth FAQ) or "per 24 hours" (rate-limits page) but not
// when its day starts, nor whether it rolls. A rolling 24 h count is the safe reading: staying under
// the limit in every 24 h span also stays under it in any calendar day, whatever the time zone.
export const DAY_MS = 86_400_000;
// Five-minute buckets keep the count small (289 numbers per location) in memory and in Redis. The
// oldest bucket is counted whole, so the count errs high by at most five minutes of traffic.
export const DAILY_BUCKET_MS = 300_000;
export const DAILY_BUCKETS = DAY_MS / DAILY_BUCKET_MS;
// GHL's X-RateLimit-Daily-Remaining also counts other integrations on the location, which we cannot
// see, and GHL may reset it at a time it does not document. So a report is trusted for this long
// without a fresher one; when it says 0, one request every 10 minutes asks GHL again.
export const DAILY_REPORT_TTL_MS = 600_000;

export interface DailyUsage {
  remaining: number;
  limit: number;
}

export type DailyCheck = { ok: true } | { ok: false; retryAfterMs: number; limit: number };

interface Report {
  remaining: number;
  limit?: number;
  until: number;
}

/** The rolling day's request count per key, and the server's word on it, in process. */
export class DailyWindow {
  private readonly buckets = new Map<string, Map<number, number>>();
  private readonly reports = new Map<string, Report>();

  constructor(readonly limit: number) {}

  /** Whether one more request fits in the day for `key`, and if not, how long until one may. */
  check(key: string, at: number): DailyCheck {
    const { used, oldest } = this.count(key, at);
    const report = this.reports.get(key);
    const limit = this.limitFor(report);
    if (report && report.remaining <= 0 && at < report.until) {
      return { ok: false, retryAfterMs: Math.max(1, report.until - at), limit };
    }
    if (used >= limit) {
      const frees = ((oldest ?? Math.floor(at / DAILY_BUCKET_MS)) + DAILY_BUCKETS + 1) * DAILY_BUCKET_MS;
      return { ok: false, retryAfterMs: Math.max(1, frees - at), limit };
    }
    return { ok: true };
  }

  /** Counts one request at `at`; returns what is left of the day. */
  record(key: string, at: number): DailyUsage {
    let counts = this.buckets.get(key);
    if (!counts) {
      counts = new Map();
      this.buckets.set(key, counts);
    }
    const idx = Math.floor(at / DAILY_BUCKET_MS);
    counts.set(idx, (counts.get(idx) ?? 0) + 1);
    const report = this.reports.get(key);
    // A request while the server says none are left asks it again; the next may in 10 minutes.
    if (report && report.remaining <= 0) report.until = at + DAILY_REPORT_TTL_MS;
    else if (report && at < report.until) report.remaining -= 1;
    return this.usage(key, at);
  }

  /** The smaller of our count and the server's report. */
  usage(key: string, at: number): DailyUsage {
    const report = this.reports.get(key);
    const limit = this.limitFor(report);
    const own = limit - this.count(key, at).used;
    const told = report && (report.remaining <= 0 || at < report.until) ? report.remaining : own;
    return { remaining: Math.max(0, Math.min(own, told)), limit };
  }

  observe(key: string, report: DailyReport, at: number): void {
    this.reports.set(key, {
      remaining: report.remaining,
      ...(report.limit !== undefined ? { limit: report.limit } : {}),
      until: at + DAILY_REPORT_TTL_MS,
    });
  }

  clear(): void {
    this.buckets.clear();
    this.reports.clear();
  }

  private limitFor(report: Report | undefined): number {
    return report?.limit !== undefined ? Math.min(this.limit, report.limit) : this.limit;
  }

  private count(key: string, at: number): { used: number; oldest: number | undefined } {
    const counts = this.buckets.get(key);
    if (!counts) return { used: 0, oldest: undefined };
    const first = Math.floor(at / DAILY_BUCKET_MS) - DAILY_BUCKETS;
    let used = 0;
    let oldest: number | undefined;
    for (const [idx, n] of counts) {
      if (idx < first) counts.delete(idx);
      else {
        used += n;
        if (oldest === undefined || idx < oldest) oldest = idx;
      }
    }
    return { used, oldest };
  }
}
