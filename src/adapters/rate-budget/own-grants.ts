import { DAILY_BUCKET_MS } from './daily-window.ts';

export interface GrantReport {
  /** (member, age ms) of the grants still inside the window. */
  window: [string, number][];
  /** (age ms, count) of the grants Redis has not counted for the day, one pair per bucket. */
  day: [number, number][];
  /** How many day grants the report covers (forgotten once Redis has them). */
  dayCount: number;
}

/**
 * What one replica itself sent, remembered so it can be written into Redis when Redis comes back
 * without it: the last window's grants (all of them: Redis may have restarted empty) and the day's
 * grants made while Redis was away.
 */
export class OwnGrants {
  private readonly recent = new Map<string, { member: string; at: number }[]>();
  private readonly uncounted = new Map<string, number[]>();

  constructor(private readonly windowMs: number) {}

  granted(key: string, member: string, at: number, countedByRedis: boolean): void {
    let log = this.recent.get(key);
    if (!log) {
      log = [];
      this.recent.set(key, log);
    }
    log.push({ member, at });
    this.prune(key, at);
    if (!countedByRedis) {
      const day = this.uncounted.get(key);
      if (day) day.push(at);
      else this.uncounted.set(key, [at]);
    }
  }

  keys(at: number): string[] {
    for (const key of this.recent.keys()) this.prune(key, at);
    return [...new Set([...this.recent.keys(), ...this.uncounted.keys()])];
  }

  hasUncounted(): boolean {
    return this.uncounted.size > 0;
  }

  report(key: string, at: number): GrantReport {
    this.prune(key, at);
    const window = (this.recent.get(key) ?? []).map(({ member, at: t }): [string, number] => [
      member,
      at - t,
    ]);
    const times = this.uncounted.get(key) ?? [];
    // Each bucket is placed at its newest grant, so it stays in the day no shorter than it should.
    const newest = new Map<number, { at: number; n: number }>();
    for (const t of times) {
      const idx = Math.floor(t / DAILY_BUCKET_MS);
      const b = newest.get(idx);
      if (b) {
        b.n += 1;
        b.at = Math.max(b.at, t);
      } else newest.set(idx, { at: t, n: 1 });
    }
    const day = [...newest.values()].map(({ at: t, n }): [number, number] => [Math.max(0, at - t), n]);
    return { window, day, dayCount: times.length };
  }

  /** Redis now holds the first `dayCount` uncounted grants of `key`. */
  counted(key: string, dayCount: number): void {
    const times = this.uncounted.get(key);
    if (!times) return;
    times.splice(0, dayCount);
    if (times.length === 0) this.uncounted.delete(key);
  }

  clear(): void {
    this.recent.clear();
    this.uncounted.clear();
  }

  private prune(key: string, at: number): void {
    const log = this.recent.get(key);
    if (!log) return;
    while (log.length > 0 && (log[0]?.at ?? 0) + this.windowMs <= at) log.shift();
    if (log.length === 0) this.recent.delete(key);
  }
}
