import { channelInDnd } from '../../domain/dnd.ts';
import type { CountLookup } from '../../observability/cache-metrics.ts';
import { type Channel, type Crm, CrmError } from '../../ports.ts';

/**
 * Reads a contact's do-not-disturb settings from the CRM before a message goes out on a channel,
 * remembering them briefly so the sends of one turn cost one read. Only GHL keeps DND per channel;
 * the sandbox's DND is our own opt-out, which the send-consent check already applies.
 */
export function createDndCheck(opts: { ttlMs?: number; now?: () => number; onLookup?: CountLookup } = {}) {
  const ttl = opts.ttlMs ?? 60_000;
  const now = opts.now ?? Date.now;
  const cache = new Map<string, { at: number; blocked: Record<Channel, boolean> }>();

  return async function channelBlocked(
    crm: Crm,
    locationId: string,
    contactId: string,
    channel: Channel,
  ): Promise<boolean> {
    if (crm.mode !== 'ghl') return false;
    const key = `${locationId}:${contactId}`;
    const hit = cache.get(key);
    if (hit && now() - hit.at < ttl) {
      opts.onLookup?.('hit');
      return hit.blocked[channel];
    }
    opts.onLookup?.('miss');
    const contact = await crm.getContact(locationId, contactId);
    const blocked = { SMS: channelInDnd(contact, 'SMS'), Email: channelInDnd(contact, 'Email') };
    if (cache.size >= 10_000) cache.delete(cache.keys().next().value as string);
    cache.set(key, { at: now(), blocked });
    return blocked[channel];
  };
}

export type DndCheck = ReturnType<typeof createDndCheck>;
export type { Channel };

/** The channel an outbox action reaches the lead on, if it is a message. */
export function messageChannel(
  payload: { kind: string; type?: Channel } & Record<string, unknown>,
): Channel | null {
  if (payload.kind === 'send_message') return payload.type ?? null;
  return payload.kind === 'send_cma_email' ? 'Email' : null;
}

const dndRefusal = /DND is active for/;

/** GHL refused a send because the channel is in DND (settings changed since they were read). */
export function isDndRefusal(err: unknown): boolean {
  return err instanceof CrmError && err.status !== null && err.status < 500 && dndRefusal.test(err.message);
}
