import type { OverviewRead } from './overview-read.ts';
import type { QueueRead } from './queue-read.ts';
import type { SimulatorRead } from './simulator-read.ts';

/** The read models and stores of the Queues, Overview and Simulator pages (adapters/postgres/). */
export interface DashboardOps {
  queues: QueueRead;
  overview: OverviewRead;
  simulator: SimulatorRead;
}
