/**
 * How long a lead takes to text back, in real (uncompressed) milliseconds.
 *
 * Texting gaps are heavy-tailed, not exponential: most replies come within a minute or two while
 * a conversation is live, and a long tail comes back hours later (Hong, Han, Zhou, Wang,
 * "Heavy-tailed statistics in short-message communication", Chinese Physics Letters 26 (2009):
 * inter-event times follow a power law with exponent ≈ 1.5–2.2). Surveys put the share of personal
 * texts answered within 30 minutes at 84 % and of work-related ones at 56 % (160 Characters
 * messaging survey, 2007).
 * ASSUMPTION: a two-part log-normal mixture reproduces that closely enough for load: 60 % "still in
 * the conversation" gaps (median 45 s, σ 1.0) and 40 % "came back later" gaps (median 40 min,
 * σ 1.2), so about 76 % of gaps are under 30 minutes, between the two survey figures; capped at 6 h.
 * A double text (the second of a burst) follows after 3–20 s.
 */
export const GAP_MODEL = {
  liveShare: 0.6,
  live: { medianMs: 45_000, sigma: 1.0 },
  later: { medianMs: 40 * 60_000, sigma: 1.2 },
  capMs: 6 * 3_600_000,
  doubleText: { minMs: 3_000, maxMs: 20_000 },
} as const;

/** A standard normal draw (Box–Muller) from a uniform source. */
function normal(r: () => number): number {
  const u = Math.max(r(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r());
}

export function realGapMs(r: () => number): number {
  const part = r() < GAP_MODEL.liveShare ? GAP_MODEL.live : GAP_MODEL.later;
  const ms = part.medianMs * Math.exp(part.sigma * normal(r));
  return Math.min(GAP_MODEL.capMs, ms);
}

export function realDoubleTextGapMs(r: () => number): number {
  const { minMs, maxMs } = GAP_MODEL.doubleText;
  return minMs + r() * (maxMs - minMs);
}

/** Mean of the model's gap in real ms (for the expected offered rate), by sampling. */
export function meanRealGapMs(r: () => number, n = 20_000): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += realGapMs(r);
  return sum / n;
}

/** A small seeded generator (mulberry32), so a run's leads and gaps can be repeated. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
