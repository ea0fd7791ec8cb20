const HOUR_MS = 3_600_000;

/** Model spend over a rolling hour. */
export function createSpendWindow(windowMs = HOUR_MS) {
  let entries: { at: number; usd: number }[] = [];
  return {
    add(at: number, usd: number): void {
      if (usd > 0 && Number.isFinite(usd)) entries.push({ at, usd });
    },
    total(now: number): number {
      entries = entries.filter((e) => now - e.at < windowMs);
      return entries.reduce((sum, e) => sum + e.usd, 0);
    },
  };
}
