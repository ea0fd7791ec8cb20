import { readdirSync, readFileSync } from 'node:fs';

// Linux /proc accounting in clock ticks (USER_HZ is 100 on every mainstream Linux build).
const TICKS_PER_S = 100;

function cpuTicks(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // comm sits in parentheses and may hold spaces; the numeric fields follow the last ')'.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(f[11] ?? 0) + Number(f[12] ?? 0);
  } catch {
    return null;
  }
}

/** Nanoseconds the process's main thread (Node's event loop) has waited runnable for a CPU. */
function runQueueNs(pid: number): number | null {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1] ?? 0);
  } catch {
    return null;
  }
}

function rssMiB(pid: number): number | null {
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m?.[1] ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

export interface ProcessUse {
  name: string;
  /** Mean CPU over the window in cores (1.0 = one core busy all the time). */
  cpuCores: number;
  /** Highest one-interval CPU. */
  cpuPeakCores: number;
  /**
   * Share of the window the main thread spent runnable but waiting for a CPU (other work on the
   * machine taking it): 0.5 means half the time it had work and no core. Null for groups.
   */
  runQueueWaitShare: number | null;
  /** Resident memory; null for a group (PostgreSQL backends share memory, their RSS does not add up). */
  rssMeanMiB: number | null;
  rssMaxMiB: number | null;
  rssLastMiB: number | null;
}

/** A process, or a group whose members may change (the database's backends). */
export interface Watched {
  name: string;
  pids: () => number[] | Promise<number[]>;
  memory: boolean;
}

/** Samples CPU and resident memory of each watched process every `intervalMs` until stopped. */
export function sampleProcesses(watched: Watched[], intervalMs = 1000) {
  const state = watched.map((w) => ({
    w,
    last: new Map<number, number>(),
    total: 0,
    waitNs0: null as number | null,
    waitNs: null as number | null,
    peak: 0,
    rss: [] as number[],
  }));
  const t0 = performance.now();
  let lastAt = t0;
  const tick = async () => {
    const now = performance.now();
    const dtS = (now - lastAt) / 1000;
    lastAt = now;
    for (const s of state) {
      let ticks = 0;
      let rss = 0;
      for (const pid of await s.w.pids()) {
        const t = cpuTicks(pid);
        if (t === null) continue;
        const prev = s.last.get(pid);
        if (prev !== undefined) ticks += t - prev;
        s.last.set(pid, t);
        if (s.w.memory) rss += rssMiB(pid) ?? 0;
      }
      if (s.w.memory) {
        const pid = (await s.w.pids())[0];
        const ns = pid === undefined ? null : runQueueNs(pid);
        if (ns !== null) {
          s.waitNs0 ??= ns;
          s.waitNs = ns;
        }
      }
      const sec = ticks / TICKS_PER_S;
      s.total += sec;
      if (dtS > 0) s.peak = Math.max(s.peak, sec / dtS);
      if (s.w.memory && rss > 0) s.rss.push(rss);
    }
  };
  void tick();
  let running = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(tick).catch(() => undefined);
  }, intervalMs);
  return async (): Promise<ProcessUse[]> => {
    clearInterval(timer);
    await running;
    await tick();
    const wallS = (performance.now() - t0) / 1000;
    return state.map((s) => ({
      name: s.w.name,
      cpuCores: wallS > 0 ? s.total / wallS : 0,
      cpuPeakCores: s.peak,
      runQueueWaitShare:
        s.waitNs !== null && s.waitNs0 !== null && wallS > 0 ? (s.waitNs - s.waitNs0) / 1e9 / wallS : null,
      rssMeanMiB: s.rss.length ? s.rss.reduce((a, b) => a + b, 0) / s.rss.length : null,
      rssMaxMiB: s.rss.length ? Math.max(...s.rss) : null,
      rssLastMiB: s.rss.at(-1) ?? null,
    }));
  };
}

/** Pids of processes whose command name is `comm` (e.g. redis-server), from /proc. */
export function pidsByName(comm: string): number[] {
  const out: number[] = [];
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === comm) out.push(Number(entry));
      } catch {
        // the process ended meanwhile
      }
    }
  } catch {
    // not Linux
  }
  return out;
}
