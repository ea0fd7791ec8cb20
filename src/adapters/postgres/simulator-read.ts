import type { Db } from '../../ports.ts';
import { planEachRun } from './db.ts';
import type { CrmRecord, SimulatorConversation, SimulatorRead } from '../../ports/simulator-read.ts';

/** The Simulator read model on PostgreSQL/PGlite. */
export function createSimulatorRead(given: Db): SimulatorRead {
  // Periods, filters and ranges: planned on each run's values (db.ts).
  const db = planEachRun(given);
  return {
    async conversation(locationId, contactId): Promise<SimulatorConversation | null> {
      const c = await db.query<{
        tags: string[];
        opted_out: boolean;
        bot: string | null;
        temperature: string | null;
      }>(
        `SELECT c.tags, c.opted_out, v.bot, v.state ->> 'temperature' AS temperature
           FROM contacts c LEFT JOIN conversations v ON v.location_id = c.location_id AND v.contact_id = c.id
          WHERE c.location_id = $1 AND c.id = $2`,
        [locationId, contactId],
      );
      const row = c.rows[0];
      if (!row) return null;
      const m = await db.query<{
        direction: 'inbound' | 'outbound';
        channel: string;
        body: string;
        created_at: Date;
      }>(
        `SELECT direction, channel, body, created_at FROM messages
          WHERE location_id = $1 AND contact_id = $2 ORDER BY id DESC LIMIT 200`,
        [locationId, contactId],
      );
      return {
        bot: row.bot,
        temperature: row.temperature,
        tags: Array.isArray(row.tags) ? row.tags : [],
        optedOut: row.opted_out,
        messages: m.rows.reverse().map((r) => ({
          direction: r.direction,
          channel: r.channel,
          body: r.body,
          at: new Date(r.created_at),
        })),
      };
    },
    async crmRecords(locationId, contactId, afterId, limit): Promise<CrmRecord[]> {
      // Staff alerts are recorded under a staff pseudo-contact; the lead's id is in their text.
      const { rows } = await db.query<{
        id: number | string;
        contact_id: string;
        kind: string;
        payload: Record<string, unknown>;
        created_at: Date;
      }>(
        `SELECT id, contact_id, kind, payload, created_at FROM sandbox_crm_records
          WHERE location_id = $1 AND id > $3 AND (contact_id = $2 OR kind = 'staff_notification')
          ORDER BY id LIMIT $4`,
        [locationId, contactId, afterId, limit],
      );
      return rows.map((r) => ({
        id: Number(r.id),
        contactId: r.contact_id,
        kind: r.kind,
        payload: r.payload,
        at: new Date(r.created_at),
      }));
    },
    async lastCrmRecordId(locationId) {
      const { rows } = await db.query<{ id: number | string | null }>(
        `SELECT max(id) AS id FROM sandbox_crm_records WHERE location_id = $1`,
        [locationId],
      );
      return Number(rows[0]?.id ?? 0);
    },
  };
}
