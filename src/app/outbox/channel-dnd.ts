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

type Blocked = Record<Channel, boolean>;

/**
 * Reads a contact's do-not-disturb settings from the CRM before a message goes out on a channel,
 * remembering them for `ttlMs` (60 s) in this process, and for `sharedTtlMs` (5 min) through
 * `shared` for every replica (a lead's texts land on any of them), so the replies of one exchange
 * cost one read. The read is the backstop: GHL's ContactDndUpdate webhook records an SMS opt-out at
 * once (the send-consent check applies it to every send) and drops the shared read, so the next
 * send reads the CRM again. Only GHL keeps DND per channel; the sandbox's DND is our own opt-out.
 *
 * `warm` starts the read early (a turn about to commit a reply calls it), so the sender finds it
 * done or under way instead of waiting for it after the commit; one read is made either way. The
 * lookup metric counts each read from the CRM as a miss once, when it is made (by `warm` or by a
 * send), and the send served by a read made for it counts nothing more.
 */
export function createDndCheck(
  opts: {
    ttlMs?: number;
    sharedTtlMs?: number;
    now?: () => number;
    onLookup?: CountLookup;
    shared?: SharedDndReads;
  } = {},
) {
  const ttl = opts.ttlMs ?? 60_000;
  const sharedTtl = opts.sharedTtlMs ?? 5 * 60_000;
  const now = opts.now ?? Date.now;
  // `warmed`: read from the CRM ahead of a send that has not looked yet (the read counted the miss).
  const cache = new Map<string, { at: number; blocked: Blocked; warmed: boolean }>();
  const reading = new Map<string, Promise<{ blocked: Blocked; fromCrm: boolean }>>();
  const remember = (key: string, at: number, blocked: Blocked, warmed: boolean) => {
    if (cache.size >= 10_000) cache.delete(cache.keys().next().value as string);
    cache.set(key, { at, blocked, warmed });
  };
  const fresh = (key: string) => {
    const hit = cache.get(key);
    return hit && now() - hit.at < ttl ? hit : null;
  };

  /** The shared read if fresh, else a read from the CRM (saved for every replica); one at a time per contact. */
  function read(crm: Crm, locationId: string, contactId: string, key: string, warming: boolean) {
    const under = reading.get(key);
    if (under) return under;
    const p = (async () => {
      const elsewhere = await opts.shared?.read(locationId, contactId);
      if (elsewhere && now() - elsewhere.at.getTime() < sharedTtl) {
        remember(key, elsewhere.at.getTime(), elsewhere.blocked, false);
        return { blocked: elsewhere.blocked, fromCrm: false };
      }
      const contact = await crm.getContact(locationId, contactId);
      const blocked = { SMS: channelInDnd(contact, 'SMS'), Email: channelInDnd(contact, 'Email') };
      const at = now();
      if (warming) opts.onLookup?.('miss');
      remember(key, at, blocked, warming);
      await opts.shared?.save(locationId, contactId, blocked, new Date(at));
      return { blocked, fromCrm: true };
    })().finally(() => reading.delete(key));
    reading.set(key, p);
    return p;
  }

  async function channelBlocked(
    crm: Crm,
    locationId: string,
    contactId: string,
    channel: Channel,
  ): Promise<boolean> {
    if (crm.mode !== 'ghl') return false;
    const key = `${locationId}:${contactId}`;
    const hit = fresh(key);
    if (hit) {
      if (!hit.warmed) opts.onLookup?.('hit');
      hit.warmed = false;
      return hit.blocked[channel];
    }
    const r = await read(crm, locationId, contactId, key, false);
    const entry = cache.get(key);
    if (entry?.warmed) entry.warmed = false;
    else opts.onLookup?.(r.fromCrm ? 'miss' : 'hit');
    return r.blocked[channel];
  }

  /** Starts the read a send will need, unless a fresh one is at hand; never throws (the send reads again). */
  function warm(crm: Crm, locationId: string, contactId: string): void {
    if (crm.mode !== 'ghl') return;
    const key = `${locationId}:${contactId}`;
    if (fresh(key) || reading.has(key)) return;
    read(crm, locationId, contactId, key, true).catch(() => {});
  }

  return Object.assign(channelBlocked, { warm });
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
