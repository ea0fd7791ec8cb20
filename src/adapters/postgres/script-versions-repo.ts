import type { Db } from '../../ports.ts';
import type { Channel } from '../../domain/conversation.ts';
import type { SavedConversation, ScriptVersion, ScriptVersionStore } from '../../ports/script-versions.ts';

interface Row {
  id: number | string;
  bots_text: string;
  knowledge_text: string;
  author: string;
  note: string | null;
  restored_from: number | string | null;
  created_at: Date;
}

const COLS = 'id, bots_text, knowledge_text, author, note, restored_from, created_at';

const toVersion = (r: Row): ScriptVersion => ({
  id: Number(r.id),
  bots: r.bots_text,
  knowledge: r.knowledge_text,
  author: r.author,
  note: r.note,
  restoredFrom: r.restored_from === null ? null : Number(r.restored_from),
  createdAt: new Date(r.created_at),
});

/** Script versions (migration 014) and the saved conversations a replay reads, on PostgreSQL/PGlite. */
export function createScriptVersionStore(db: Db): ScriptVersionStore {
  return {
    async latest() {
      const { rows } = await db.query<Row>(`SELECT ${COLS} FROM script_versions ORDER BY id DESC LIMIT 1`);
      return rows[0] ? toVersion(rows[0]) : null;
    },
    async get(id) {
      const { rows } = await db.query<Row>(`SELECT ${COLS} FROM script_versions WHERE id = $1`, [id]);
      return rows[0] ? toVersion(rows[0]) : null;
    },
    async list(limit) {
      const { rows } = await db.query<Row>(`SELECT ${COLS} FROM script_versions ORDER BY id DESC LIMIT $1`, [
        limit,
      ]);
      return rows.map(toVersion);
    },
    async insert(v) {
      const { rows } = await db.query<Row>(
        `INSERT INTO script_versions (bots_text, knowledge_text, author, note, restored_from, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLS}`,
        [v.bots, v.knowledge, v.author, v.note, v.restoredFrom, v.at],
      );
      return toVersion(rows[0] as Row);
    },
    async savedConversations({ limit, perConversation }) {
      const convs = await db.query<{
        location_id: string;
        contact_id: string;
        first_name: string | null;
        last_name: string | null;
        tags: string[];
      }>(
        `SELECT v.location_id, v.contact_id, c.first_name, c.last_name, c.tags
           FROM conversations v JOIN contacts c ON c.location_id = v.location_id AND c.id = v.contact_id
          WHERE v.last_inbound_at IS NOT NULL ORDER BY v.last_inbound_at DESC LIMIT $1`,
        [limit],
      );
      const out: SavedConversation[] = [];
      for (const c of convs.rows) {
        const msgs = await db.query<{ body: string; channel: string; created_at: Date }>(
          `SELECT body, channel, created_at FROM messages
            WHERE location_id = $1 AND contact_id = $2 AND direction = 'inbound' ORDER BY id LIMIT $3`,
          [c.location_id, c.contact_id, perConversation],
        );
        out.push({
          locationId: c.location_id,
          contactId: c.contact_id,
          name: [c.first_name, c.last_name].filter(Boolean).join(' ') || null,
          firstName: c.first_name,
          tags: Array.isArray(c.tags) ? c.tags : [],
          messages: msgs.rows.map((m) => ({
            text: m.body,
            channel: (m.channel === 'Email' ? 'Email' : 'SMS') as Channel,
            at: new Date(m.created_at),
          })),
        });
      }
      return out;
    },
  };
}
