import type { Db } from '../../ports.ts';
import { planEachRun } from './db.ts';
import type { QueueItem, QueueRead } from '../../ports/queue-read.ts';

interface Row {
  kind: 'escalation' | 'ticket';
  id: string;
  location_id: string;
  contact_id: string;
  first_name: string | null;
  last_name: string | null;
  reason: string;
  created_at: Date;
  picked_up_at: Date | null;
  picked_up_by: string | null;
  alert_stage: number;
}

/** The Queues read model on PostgreSQL/PGlite (indexes: escalations_by_status, compliance_tickets_by_status). */
export function createQueueRead(given: Db): QueueRead {
  // Periods, filters and ranges: planned on each run's values (db.ts).
  const db = planEachRun(given);
  return {
    async openItems(limit) {
      const { rows } = await db.query<Row>(
        `SELECT q.*, c.first_name, c.last_name FROM (
           (SELECT 'escalation' AS kind, e.id, e.location_id, e.contact_id, e.reason, e.created_at,
                   e.picked_up_at, e.picked_up_by, e.alert_stage
              FROM escalations e WHERE e.status = 'open' ORDER BY e.created_at LIMIT $1)
           UNION ALL
           (SELECT 'ticket', t.id, t.location_id, t.contact_id, t.violation_type || ': ' || t.rule, t.created_at,
                   NULL, NULL, 0
              FROM compliance_tickets t WHERE t.status = 'open' ORDER BY t.created_at LIMIT $1)
         ) q
         LEFT JOIN contacts c ON c.location_id = q.location_id AND c.id = q.contact_id
         ORDER BY q.created_at, q.id`,
        [limit],
      );
      return rows.map(
        (r): QueueItem => ({
          kind: r.kind,
          id: r.id,
          locationId: r.location_id,
          contactId: r.contact_id,
          contactName: [r.first_name, r.last_name].filter(Boolean).join(' ') || null,
          reason: r.reason,
          createdAt: new Date(r.created_at),
          pickedUpAt: r.picked_up_at ? new Date(r.picked_up_at) : null,
          pickedUpBy: r.picked_up_by,
          alertStage: Number(r.alert_stage),
        }),
      );
    },
  };
}
