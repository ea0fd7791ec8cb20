import type { TagNames } from '../domain/bots-config.ts';

/** Who gets alerted, and the tag names to apply. */
export interface EscalationDeps {
  agentName: string;
  agentPhone?: string;
  agentEmail?: string;
  officerPhone?: string;
  officerEmail?: string;
  tags: TagNames;
}

export function newId(prefix: string): string {
  return `${prefix}_${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;
}
