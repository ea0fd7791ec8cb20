import type { Clock, Db } from '../ports.ts';

export interface SandboxClock extends Clock {
  /** How far the sandbox runs ahead of the real clock. */
  offsetMs(): number;
  /** Moves the sandbox ahead by `ms` and stores the new offset. */
  advance(ms: number): Promise<Date>;
}

/**
 * The sandbox location's clock: the real clock plus an offset kept in the database (table
 * sandbox_clock), so a user can watch a 30-day sequence in minutes and a restart keeps the time.
 */
export async function createSandboxClock(db: Db, base: Clock): Promise<SandboxClock> {
  const { rows } = await db.query<{ offset_ms: string | number }>(
    `SELECT offset_ms FROM sandbox_clock WHERE id = 1`,
  );
  let offset = Number(rows[0]?.offset_ms ?? 0);
  return {
    now: () => new Date(base.now().getTime() + offset),
    offsetMs: () => offset,
    async advance(ms) {
      const res = await db.query<{ offset_ms: string | number }>(
        `INSERT INTO sandbox_clock (id, offset_ms) VALUES (1, $1)
         ON CONFLICT (id) DO UPDATE SET offset_ms = sandbox_clock.offset_ms + $1 RETURNING offset_ms`,
        [Math.round(ms)],
      );
      offset = Number(res.rows[0]?.offset_ms ?? offset + ms);
      return new Date(base.now().getTime() + offset);
    },
  };
}
