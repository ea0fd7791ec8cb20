import { channelInDnd } from '../../domain/dnd.ts';
import type { CountLookup } from '../../observability/cache-metrics.ts';
import { type Channel, type Crm, CrmError } from '../../ports.ts';

/** Reads of the CRM's DND that every replica's sender can see (the outbox store's `crm_dnd_reads`). */
export interface SharedDndReads {
  read(
    locationId: string,
    contactId: string,
  ): Promise<{ blocked: Record<Channel, boolean>; at: Date } | null>;
  save(locationId: string, contactId: string, blocked: Record<Channel, boolean>, at: Date): Promise<void>;
}

/**
 * Reads a contact's do-not-disturb settings from the CRM before a message goes out on a channel,
 * remembering them for `ttlMs` (60 s) so the sends of one turn cost one read: in this process, and
 * through `shared` for every replica (a lead's texts land on any of them). Only GHL keeps DND per
 * channel; the sandbox's DND is our own opt-out, which the send-consent check already applies.
 */
export function createDndCheck(
  opts: { ttlMs?: number; now?: () => number; onLookup?: CountLookup; shared?: SharedDndReads } = {},
) {
  const ttl = opts.ttlMs ?? 60_000;
  const now = opts.now ?? Date.now;
  const cache = new Map<string, { at: number; blocked: Record<Channel, boolean> }>();
  const remember = (key: string, at: number, blocked: Record<Channel, boolean>) => {
    if (cache.size >= 10_000) cache.delete(cache.keys().next().value as string);
    cache.set(key, { at, blocked });
  };

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
    const elsewhere = await opts.shared?.read(locationId, contactId);
    if (elsewhere && now() - elsewhere.at.getTime() < ttl) {
      opts.onLookup?.('hit');
      remember(key, elsewhere.at.getTime(), elsewhere.blocked);
      return elsewhere.blocked[channel];
    }
    opts.onLookup?.('miss');
    const contact = await crm.getContact(locationId, contactId);
    const blocked = { SMS: channelInDnd(contact, 'SMS'), Email: channelInDnd(contact, 'Email') };
    const at = now();
    remember(key, at, blocked);
    await opts.shared?.save(locationId, contactId, blocked, new Date(at));
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
