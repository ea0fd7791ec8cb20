import type { Sql } from '../ports.ts';

/**
 * A short, human-readable summary for the agent: the last messages and the facts collected.
 * Goes into CRM notes and tasks, never into logs.
 */
export async function conversationSummary(tx: Sql, locationId: string, contactId: string): Promise<string> {
  const { rows: msgs } = await tx.query<{ direction: string; body: string }>(
    `SELECT direction, body FROM (SELECT id, direction, body FROM messages WHERE location_id = $1 AND contact_id = $2 ORDER BY id DESC LIMIT 6) m ORDER BY id`,
    [locationId, contactId],
  );
  const { rows: conv } = await tx.query<{
    bot: string;
    state: { facts?: Record<string, unknown>; temperature?: string };
  }>(`SELECT bot, state FROM conversations WHERE location_id = $1 AND contact_id = $2`, [
    locationId,
    contactId,
  ]);
  const c = conv[0];
  const facts = Object.entries(c?.state?.facts ?? {})
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`)
    .join('; ');
  const lines = [
    `Bot: ${c?.bot ?? 'lead'}${c?.state?.temperature ? ` (${c.state.temperature})` : ''}`,
    `Facts: ${facts || 'none collected yet'}`,
    'Recent messages:',
    ...msgs.map((m) => `${m.direction === 'inbound' ? 'Lead' : 'Bot'}: ${m.body.slice(0, 200)}`),
  ];
  return lines.join('\n');
}
