import type { Sql } from '../../ports.ts';
import type { BacklogStats } from '../../ports/operations.ts';

export type { BacklogStats };

function secondsSince(now: Date, at: Date | string | null | undefined): number {
  return at ? Math.max(0, (now.getTime() - new Date(at).getTime()) / 1000) : 0;
}

/**
 * What waits on the service or on people, read for the metrics scrape: the oldest unprocessed
 * inbox event, the outbox action longest due (one held for quiet hours, a cap or a retry delay
 * counts from its time, not before, and so do the contact's actions queued behind it), follow-ups past their due time, unresolved escalations.
 * Each query reads only open rows through an index (inbox_pending, outbox_open, follow_ups_due,
 * escalations_by_status).
 */
export async function backlogStats(sql: Sql, now: Date): Promise<BacklogStats> {
  const inbox = await sql.query<{ oldest: Date | null }>(
    `SELECT min(received_at) AS oldest FROM inbox WHERE status = 'pending'`,
  );
  const due = await sql.query<{ oldest: Date | null }>(
    // As the drainer claims them: a contact's later actions wait behind its oldest open one.
    `SELECT min(CASE WHEN o.status = 'pending' THEN o.next_attempt_at ELSE o.locked_until END) AS oldest
       FROM outbox o
      WHERE ((o.status = 'pending' AND o.next_attempt_at <= $1) OR (o.status = 'sending' AND o.locked_until < $1))
        AND NOT EXISTS (
          SELECT 1 FROM outbox p
           WHERE p.location_id = o.location_id AND p.contact_id = o.contact_id
             AND p.id < o.id AND p.status IN ('pending', 'sending'))`,
    [now],
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
    outboxOldestDueSeconds: secondsSince(now, due.rows[0]?.oldest),
    followUpsOverdue: follow.rows[0]?.n ?? 0,
    followUpOldestOverdueSeconds: secondsSince(now, follow.rows[0]?.oldest),
    escalationsOpen: esc.rows[0]?.n ?? 0,
    escalationOldestOpenAgeSeconds: secondsSince(now, esc.rows[0]?.oldest),
  };
}
