import type { TagNames } from '../../domain/bots-config.ts';
import type { Stores } from '../../ports/stores.ts';

/**
 * Who gets alerted, the tag names to apply, and where escalations, their CRM steps and the delivery
 * reports of outbound messages are stored.
 */
export interface EscalationDeps {
  agentName: string;
  agentPhone?: string;
  agentEmail?: string;
  officerPhone?: string;
  officerEmail?: string;
  tags: TagNames;
  stores: Pick<Stores, 'contacts' | 'outbox' | 'escalations' | 'deliveries'>;
}

export function newId(prefix: string): string {
  return `${prefix}_${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;
}
