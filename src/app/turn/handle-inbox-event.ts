import type { BotsConfig } from '../../domain/bots-config.ts';
import type { Listing } from '../../domain/buyer/listing.ts';
import type { SoldComp } from '../../domain/cma/types.ts';
import type { BotName } from '../../domain/conversation.ts';
import { takeoverTag, writtenByPerson } from '../../domain/human-takeover.ts';
import type { Facts } from '../../domain/state.ts';
import type { Crm, Sql } from '../../ports.ts';
import type { InboxRow } from '../../ports/inbox-store.ts';
import type { EscalationDeps } from '../escalations/escalation-deps.ts';
import type { ModelTurnDeps } from '../language-model/model-turn.ts';
import type { OutboxAction } from '../../ports/outbox-action.ts';
import { type OutboundDelivery, recordOutbound } from '../outbox/record-outbound.ts';

export interface TurnDeps {
  bots: BotsConfig;
  listings: readonly Listing[];
  /** Sold homes (the CMA comps) for instant value ranges and area price levels in answers. */
  comps?: readonly SoldComp[];
  /** The calendar that offers appointment slots for a location, if any. */
  calendarFor: (locationId: string) => { crm: Crm; calendarId: string } | null;
  logger?: { warn(obj: object, msg: string): void };
  escalation: EscalationDeps;
  /** Homes from an external listings service (MCP `search_listings`), when one is configured. */
  externalListings?: ((facts: Facts) => Promise<Listing[] | null>) | null;
  /** A language model that may read unclear messages and word the decided reply (off: null). */
  model?: ModelTurnDeps | null;
  /**
   * Starts what the sender reads from the CRM before a reply goes out (the contact's DND), for a
   * turn about to commit one: the read then runs during the commit instead of after it.
   */
  warmSend?: (locationId: string, contactId: string) => void;
}

export interface TurnOutcome {
  bot: BotName | null;
  /** Outbox rows written by this event (the caller wakes the drainer when > 0). */
  outboxRows: number;
  /** Why an inbound message started no bot: it came from a member of staff (logs and metrics). */
  ignored?: 'staff_sender';
  /** A delivery report of an outbound message (metrics): its status and whether we sent it. */
  delivery?: OutboundDelivery;
  /** The contact opted out with this event (metrics): by keyword in a message, or GHL's DND. */
  optOut?: 'keyword' | 'dnd';
}

/**
 * Carries out an event from the CRM that starts no bot turn (a send report, a contact or DND
 * change) inside the caller's transaction, which holds the contact's lock.
 */
export async function handleInboxEvent(
  tx: Sql,
  row: InboxRow,
  deps: TurnDeps,
  now: Date,
): Promise<TurnOutcome> {
  const loc = row.location_id;
  const cid = row.contact_id;
  const p = row.payload;
  const { contacts, outbox } = deps.escalation.stores;
  let outboxRows = 0;
  const enqueue = async (action: OutboxAction, n: number) => {
    const id = await outbox.enqueue(tx, {
      locationId: loc,
      contactId: cid,
      inboxId: row.id,
      action,
      idempotencyKey: `inbox:${row.id}:${n}`,
      at: now,
    });
    if (id !== null) outboxRows++;
    return id;
  };

  switch (p.kind) {
    case 'inbound_message':
      // A bot's turn gathers from the network before it takes the lock: runInboundTurn.
      throw new Error('inbound messages are handled by runInboundTurn');
    case 'outbound_message': {
      const delivery = await recordOutbound(deps.escalation.stores, tx, row, now);
      const seen = { ours: delivery.ours, source: p.source, userId: p.userId };
      if (!writtenByPerson(seen)) return { bot: null, outboxRows, delivery };
      // A person wrote to the lead from GHL: the bots step back until the tag is removed.
      const contact = await contacts.upsert(tx, loc, cid, undefined, now);
      const tag = takeoverTag(seen, contact.tags, deps.bots.tags);
      if (tag) {
        await contacts.changeTags(tx, loc, cid, [tag], []);
        await enqueue({ kind: 'add_tags', tags: [tag] }, 0);
        await contacts.audit(tx, {
          locationId: loc,
          contactId: cid,
          actor: 'system',
          action: 'human_takeover',
          detail: { inboxId: row.id },
          at: now,
        });
      }
      return { bot: null, outboxRows, delivery };
    }
    case 'contact_updated': {
      await contacts.upsert(tx, loc, cid, p.contact, now);
      return { bot: null, outboxRows };
    }
    case 'dnd_updated': {
      await contacts.upsert(tx, loc, cid, p.contact, now);
      await contacts.setOptedOut(tx, loc, cid, p.dnd);
      if (p.dnd) await outbox.cancelQueuedMessages(tx, loc, cid, 'contact set to do not disturb');
      // The senders' shared DND read is out of date: the next send reads the CRM again.
      await outbox.forgetCrmDnd(tx, loc, cid);
      await contacts.audit(tx, {
        locationId: loc,
        contactId: cid,
        actor: 'crm',
        action: p.dnd ? 'dnd_on' : 'dnd_off',
        at: now,
      });
      return { bot: null, outboxRows, ...(p.dnd ? { optOut: 'dnd' as const } : {}) };
    }
  }
}
