import type { Sql } from '../../ports.ts';
import type { SandboxClockStore } from '../../ports/sandbox-clock-store.ts';

/** The sandbox clock's offset in the one-row table sandbox_clock. */
export function createSandboxClockStore(db: Sql): SandboxClockStore {
  return {
    async readOffsetMs() {
      const { rows } = await db.query<{ offset_ms: string | number }>(
        `SELECT offset_ms FROM sandbox_clock WHERE id = 1`,
      );
      return Number(rows[0]?.offset_ms ?? 0);
    },
    async addOffsetMs(ms) {
      const { rows } = await db.query<{ offset_ms: string | number }>(
        `INSERT INTO sandbox_clock (id, offset_ms) VALUES (1, $1)
         ON CONFLICT (id) DO UPDATE SET offset_ms = sandbox_clock.offset_ms + $1 RETURNING offset_ms`,
        [Math.round(ms)],
      );
      return Number(rows[0]?.offset_ms);
    },
  };
}
