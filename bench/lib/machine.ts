import { readFileSync } from 'node:fs';
import os from 'node:os';

export interface Machine {
  cores: number;
  ramGiB: number;
  cpuModel: string;
  node: string;
  postgres: string;
  kernel: string;
}

export function describeMachine(postgresVersion: string): Machine {
  let cpuModel = os.cpus()[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m?.[1]) cpuModel = m[1].trim();
  } catch {
    // not Linux: keep what os.cpus() says
  }
  return {
    cores: os.availableParallelism(),
    ramGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    cpuModel,
    node: process.version,
    postgres: postgresVersion || 'unknown',
    kernel: `${os.type()} ${os.release()}`,
  };
}

export function machineLine(m: Machine): string {
  return `${m.cores} cores (${m.cpuModel}), ${m.ramGiB} GiB RAM, ${m.kernel}, Node ${m.node}, PostgreSQL ${m.postgres}`;
}
