import { Gauge, type Registry } from 'prom-client';

/**
 * The embedded database's disk space (adapters/postgres/disk-space-guard.ts), on the service's
 * registry; registered only in the embedded mode, where the guard runs.
 */
export function createStorageMetrics(registry: Registry) {
  const freeBytes = new Gauge({
    name: 'jorge_data_dir_free_bytes',
    help: 'Free space of the filesystem holding DATA_DIR (embedded database only), as last read.',
    registers: [registry],
  });
  const low = new Gauge({
    name: 'jorge_data_dir_space_low',
    help: 'Embedded database only: 1 while free space is below DATA_DIR_MIN_FREE_MB and writes are refused (webhooks 429, workers paused), else 0.',
    registers: [registry],
  });
  low.set(0);
  return {
    record(reading: { freeBytes: number; low: boolean }) {
      freeBytes.set(reading.freeBytes);
      low.set(reading.low ? 1 : 0);
    },
  };
}
