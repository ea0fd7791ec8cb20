import type { ConversationDigest } from '../../ports/escalation-store.ts';

/**
 * A short, human-readable summary for the agent: the last messages and the facts collected.
 * Goes into CRM notes and tasks, never into logs.
 */
export function conversationSummary(c: ConversationDigest): string {
  const facts = Object.entries(c.facts)
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`)
    .join('; ');
  const lines = [
    `Bot: ${c.bot ?? 'lead'}${c.temperature ? ` (${c.temperature})` : ''}`,
    `Facts: ${facts || 'none collected yet'}`,
    'Recent messages:',
    ...c.recent.map((m) => `${m.direction === 'inbound' ? 'Lead' : 'Bot'}: ${m.body.slice(0, 200)}`),
  ];
  return lines.join('\n');
}
