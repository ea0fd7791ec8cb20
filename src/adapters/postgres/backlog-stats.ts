import type { Sql } from '../../ports.ts';

export interface BacklogStats {
  inboxOldestAgeSeconds: number;
  followUpsOverdue: number;
  followUpOldestOverdueSeconds: number;
  escalationsOpen: number;
  escalationOldestOpenAgeSeconds: number;
}

function secondsSince(now: Date, at: Date | string | null | undefined): number {
  return at ? Math.max(0, (now.getTime() - new Date(at).getTime()) / 1000) : 0;
}

/**
 * What waits on the service or on people, read for the metrics scrape: the oldest unprocessed
 * inbox event, follow-ups past their due time, unresolved escalations. Each query uses an index
 * (inbox_pending, follow_ups_due, escalations_by_status).
 */
export async function backlogStats(sql: Sql, now: Date): Promise<BacklogStats> {
  const inbox = await sql.query<{ oldest: Date | null }>(
    `SELECT min(received_at) AS oldest FROM inbox WHERE status = 'pending'`,
  );
  const follow = await sql.query<{ n: number; oldest: Date | null }>(
    `SELECT count(*)::int AS n, min(due_at) AS oldest FROM follow_ups WHERE status = 'pending' AND due_at <= $1`,
    [now],
  );
  const esc = await sql.query<{ n: number; oldest: Date | null }>(
    `SELECT count(*)::int AS n, min(created_at) AS oldest FROM escalations WHERE status = 'open'`,
  );
  return {
    inboxOldestAgeSeconds: secondsSince(now, inbox.rows[0]?.oldest),
    followUpsOverdue: follow.rows[0]?.n ?? 0,
    followUpOldestOverdueSeconds: secondsSince(now, follow.rows[0]?.oldest),
    escalationsOpen: esc.rows[0]?.n ?? 0,
    escalationOldestOpenAgeSeconds: secondsSince(now, esc.rows[0]?.oldest),
  };
}
