import type { BreakerState } from '../../../resilience/breaker.ts';
import type { UnhealthyReason } from './mesh-types.ts';

/** When an agent is taken out of rotation. */
export interface MeshHealthSettings {
  /** The last this many calls are judged… */
  windowCalls: number;
  /** …as long as they are younger than this, so old failures age out. */
  windowMs: number;
  /** Fewer calls than this in the window say nothing about errors or latency. */
  minCalls: number;
  /** Error rate (0..1) at or above which the agent is unhealthy. */
  maxErrorRate: number;
  /** p95 latency above which the agent is unhealthy. */
  maxP95Ms: number;
}

export const defaultMeshHealth: MeshHealthSettings = {
  windowCalls: 20,
  windowMs: 5 * 60_000,
  minCalls: 5,
  maxErrorRate: 0.5,
  maxP95Ms: 5_000,
};

export interface WindowStats {
  calls: number;
  errorRate: number;
  p95Ms: number;
}

interface Call {
  at: number;
  ok: boolean;
  latencyMs: number;
}

/** The recent calls of one agent. */
export function createCallWindow(settings: MeshHealthSettings) {
  const calls: Call[] = [];
  return {
    record(at: number, ok: boolean, latencyMs: number): void {
      calls.push({ at, ok, latencyMs: Math.max(0, latencyMs) });
      if (calls.length > settings.windowCalls) calls.splice(0, calls.length - settings.windowCalls);
    },
    stats(now: number): WindowStats {
      const recent = calls.filter((c) => now - c.at < settings.windowMs);
      if (recent.length === 0) return { calls: 0, errorRate: 0, p95Ms: 0 };
      const errors = recent.filter((c) => !c.ok).length;
      return {
        calls: recent.length,
        errorRate: errors / recent.length,
        p95Ms: p95(recent.map((c) => c.latencyMs)),
      };
    },
  };
}

export type CallWindow = ReturnType<typeof createCallWindow>;

/** Nearest-rank 95th percentile. */
function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(sorted.length * 0.95) - 1)] ?? 0;
}

/** Null when the agent may take calls, otherwise why not. */
export function judgeHealth(
  stats: WindowStats,
  breaker: BreakerState | null,
  settings: MeshHealthSettings,
): UnhealthyReason | null {
  if (breaker === 'open') return 'breaker_open';
  if (stats.calls < settings.minCalls) return null;
  if (stats.errorRate >= settings.maxErrorRate) return 'error_rate';
  if (stats.p95Ms > settings.maxP95Ms) return 'latency';
  return null;
}
