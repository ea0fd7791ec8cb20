import type { Point } from './types.ts';

const EARTH_RADIUS_MILES = 3958.8;
const DAY_MS = 86_400_000;
export const DAYS_PER_MONTH = 30.44;

export function haversineMiles(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Days since the epoch for a YYYY-MM-DD date; NaN when it is not one. */
export function dayNumber(isoDate: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return Number.NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

export function monthsBetween(earlier: string, later: string): number {
  return (dayNumber(later) - dayNumber(earlier)) / DAYS_PER_MONTH;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The value below which `q` of the total weight lies, interpolated between neighbours so that a
 * small change in one value moves the result smoothly instead of jumping to the next comp.
 */
export function weightedQuantile(items: readonly { value: number; weight: number }[], q: number): number {
  const sorted = [...items].sort((a, b) => a.value - b.value);
  const total = sorted.reduce((s, i) => s + i.weight, 0);
  if (sorted.length === 0 || total <= 0) return Number.NaN;
  // Each item sits at the middle of its weight band; interpolate between band centres.
  let cum = 0;
  const centres = sorted.map((i) => {
    const c = (cum + i.weight / 2) / total;
    cum += i.weight;
    return c;
  });
  if (q <= centres[0]!) return sorted[0]!.value;
  for (let k = 1; k < sorted.length; k++) {
    if (q <= centres[k]!) {
      const t = (q - centres[k - 1]!) / (centres[k]! - centres[k - 1]!);
      return sorted[k - 1]!.value + t * (sorted[k]!.value - sorted[k - 1]!.value);
    }
  }
  return sorted[sorted.length - 1]!.value;
}

export function roundTo(value: number, step: number): number {
  return Math.round(value / step) * step;
}

export function centroid(points: readonly Point[]): Point | undefined {
  if (points.length === 0) return undefined;
  const lat = points.reduce((s, p) => s + p.lat, 0) / points.length;
  const lng = points.reduce((s, p) => s + p.lng, 0) / points.length;
  return { lat, lng };
}

export function pointOf(c: { lat?: number; lng?: number }): Point | undefined {
  return c.lat !== undefined && c.lng !== undefined ? { lat: c.lat, lng: c.lng } : undefined;
}

/** The most frequent value; ties go to the alphabetically first so the answer is stable. */
export function mode(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  let bestCount = 0;
  for (const [v, n] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    if (n > bestCount) {
      best = v;
      bestCount = n;
    }
  }
  return best;
}
