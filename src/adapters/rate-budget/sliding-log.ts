/**
 * Request times per key over a sliding window (not a fixed one: a fixed window lets twice the
 * budget through across a boundary, and GHL counts over a sliding window).
 */
export class SlidingLog {
  private readonly logs = new Map<string, number[]>();

  constructor(
    readonly points: number,
    readonly durationMs: number,
  ) {}

  /** Takes a slot at `at` if one is free (0); otherwise the milliseconds until one might be. */
  take(key: string, at: number): number {
    let log = this.logs.get(key);
    if (!log) {
      log = [];
      this.logs.set(key, log);
    }
    while (log.length > 0 && (log[0] ?? 0) + this.durationMs <= at) log.shift();
    if (log.length < this.points) {
      log.push(at);
      return 0;
    }
    return Math.max(1, (log[0] ?? at) + this.durationMs - at);
  }

  clear(): void {
    this.logs.clear();
  }
}
