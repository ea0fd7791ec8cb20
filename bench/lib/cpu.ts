import { readFileSync } from 'node:fs';

// Linux /proc accounting, in clock ticks (USER_HZ is 100 on every mainstream Linux build).
const TICKS_PER_S = 100;

function procTicks(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // comm is in parentheses and may contain spaces; the numeric fields follow the last ')'.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // f[0] is field 3 (state); utime and stime are fields 14 and 15
    return Number(f[11] ?? 0) + Number(f[12] ?? 0);
  } catch {
    return null;
  }
}

function machineTicks(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const total = v.reduce((a, b) => a + b, 0);
  const idle = (v[3] ?? 0) + (v[4] ?? 0);
  return { busy: total - idle, total };
}

export interface CpuSplit {
  /** CPU seconds used during the window by each party; "cores" = seconds / wall seconds. */
  wallS: number;
  loadGeneratorS: number;
  serviceS: number;
  /** Only the PostgreSQL backends serving the service (other clients of the server count as other). */
  postgresS: number;
  /** Busy CPU not accounted to the three above: other processes on the machine, the kernel. */
  otherS: number;
  machineBusyPct: number;
}

/**
 * Starts a CPU accounting window; call the returned function to close it. `backendPids` lists the
 * PostgreSQL backends serving the service (a backend that ends inside the window loses its share).
 */
export async function cpuWindow(servicePid: number, backendPids: () => Promise<number[]>) {
  const t0 = performance.now();
  const self0 = process.cpuUsage();
  const svc0 = procTicks(servicePid) ?? 0;
  const pg0 = new Map<number, number>();
  for (const pid of await backendPids()) pg0.set(pid, procTicks(pid) ?? 0);
  const m0 = machineTicks();
  return async (): Promise<CpuSplit> => {
    const m1 = machineTicks();
    const self = process.cpuUsage(self0);
    const svc1 = procTicks(servicePid) ?? svc0;
    let pgTicks = 0;
    for (const pid of await backendPids())
      pgTicks += Math.max(0, (procTicks(pid) ?? 0) - (pg0.get(pid) ?? 0));
    const loadGeneratorS = (self.user + self.system) / 1e6;
    const serviceS = (svc1 - svc0) / TICKS_PER_S;
    const postgresS = pgTicks / TICKS_PER_S;
    const busy = m1.busy - m0.busy;
    const total = m1.total - m0.total;
    // /proc/stat sums every core, so busy ticks are CPU-seconds × TICKS_PER_S.
    return {
      wallS: (performance.now() - t0) / 1000,
      loadGeneratorS,
      serviceS,
      postgresS,
      otherS: Math.max(0, busy / TICKS_PER_S - loadGeneratorS - serviceS - postgresS),
      machineBusyPct: total > 0 ? (100 * busy) / total : 0,
    };
  };
}

/** Share of the machine's CPU that is busy over `ms` (other work running before a measurement). */
export async function machineBusyPct(ms = 1000): Promise<number> {
  const a = machineTicks();
  await new Promise((r) => setTimeout(r, ms));
  const b = machineTicks();
  const total = b.total - a.total;
  return total > 0 ? (100 * (b.busy - a.busy)) / total : 0;
}

/**
 * On a shared machine other jobs skew a benchmark: waits (bounded) until the CPU is mostly idle
 * and returns the busy share measured last.
 */
export async function waitForQuiet(
  maxS: number,
  log: (msg: string) => void,
  thresholdPct = 15,
): Promise<number> {
  const deadline = Date.now() + maxS * 1000;
  let busy = await machineBusyPct(1000);
  while (busy > thresholdPct && Date.now() < deadline) {
    log(`  machine is ${busy.toFixed(0)} % busy with other work; waiting for it to settle`);
    await new Promise((r) => setTimeout(r, 4000));
    busy = await machineBusyPct(1000);
  }
  if (busy > thresholdPct)
    log(`  WARNING: still ${busy.toFixed(0)} % busy with other work; numbers will be low`);
  return busy;
}
