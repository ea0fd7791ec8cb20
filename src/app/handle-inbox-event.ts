import {
  appendMessage,
  audit,
  changeTags,
  type ContactRow,
  loadConversation,
  mergeFields,
  saveConversation,
  setOptedOut,
  upsertContact,
} from '../adapters/postgres/contacts-repo.ts';
import type { InboxRow } from '../adapters/postgres/inbox-repo.ts';
import { enqueueOutbox } from '../adapters/postgres/outbox-repo.ts';
import type { BotName, ContactView, Decision } from '../domain/conversation.ts';
import { decidePlaceholder } from '../domain/placeholder-bot.ts';
import type { Sql } from '../ports.ts';
import { fromCrmAction, type OutboxAction } from './outbox-action.ts';

export const HUMAN_TAKEOVER_TAG = 'Human-Takeover';

export interface TurnDeps {
  persona: { agentName: string };
}

export interface TurnOutcome {
  bot: BotName | null;
  /** Outbox rows written by this event (the caller wakes the drainer when > 0). */
  outboxRows: number;
}

export function contactView(c: ContactRow): ContactView {
  return {
    ...(c.first_name ? { firstName: c.first_name } : {}),
    tags: c.tags,
    fields: c.custom_fields,
    optedOut: c.opted_out,
  };
}

// Sources of outbound messages that are automation, not a person typing in GHL.
const AUTOMATED_SOURCES = new Set(['api', 'workflow', 'campaign', 'bulk_actions']);

/**
 * Carries one inbox event out inside the caller's transaction (which holds the contact's lock):
 * the bot's decision, the transcript and every CRM action commit together or not at all.
 */
export async function handleInboxEvent(tx: Sql, row: InboxRow, deps: TurnDeps, now: Date): Promise<TurnOutcome> {
  const loc = row.location_id;
  const cid = row.contact_id;
  const p = row.payload;
  let outboxRows = 0;
  const enqueue = async (action: OutboxAction, n: number) => {
    const id = await enqueueOutbox(tx, {
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
    case 'inbound_message': {
      const contact = await upsertContact(tx, loc, cid, p.contact, now);
      await appendMessage(tx, { locationId: loc, contactId: cid, direction: 'inbound', channel: p.channel, body: p.body, inboxId: row.id, at: now });
      const conv = await loadConversation(tx, loc, cid);
      const decision: Decision = decidePlaceholder(conv.state, contactView(contact), { text: p.body, channel: p.channel, at: now }, deps.persona);
      let n = 0;
      for (const a of decision.actions) {
        if (a.type === 'add_tags') await changeTags(tx, loc, cid, a.tags, []);
        if (a.type === 'remove_tags') await changeTags(tx, loc, cid, [], a.tags);
        if (a.type === 'set_fields') await mergeFields(tx, loc, cid, a.fields);
        await enqueue(fromCrmAction(a), n++);
      }
      if (decision.reply) {
        const outboxId = await enqueue({ kind: 'send_message', type: p.channel, message: decision.reply }, n++);
        await appendMessage(tx, {
          locationId: loc,
          contactId: cid,
          direction: 'outbound',
          channel: p.channel,
          body: decision.reply,
          inboxId: row.id,
          ...(outboxId !== null ? { outboxId } : {}),
          at: now,
        });
      }
      await saveConversation(tx, loc, cid, conv.version, { bot: decision.bot, state: decision.state, lastInboundAt: now }, now);
      return { bot: decision.bot, outboxRows };
    }
    case 'outbound_message': {
      if (p.source && AUTOMATED_SOURCES.has(p.source)) return { bot: null, outboxRows };
      if (!p.source && !p.userId) return { bot: null, outboxRows };
      if (p.messageId && (await isOurMessage(tx, loc, p.messageId))) return { bot: null, outboxRows };
      // A person wrote to the lead from GHL: the bot steps back until the tag is removed.
      const contact = await upsertContact(tx, loc, cid, undefined, now);
      if (!contact.tags.some((t) => t.toLowerCase() === HUMAN_TAKEOVER_TAG.toLowerCase())) {
        await changeTags(tx, loc, cid, [HUMAN_TAKEOVER_TAG], []);
        await enqueue({ kind: 'add_tags', tags: [HUMAN_TAKEOVER_TAG] }, 0);
        await audit(tx, { locationId: loc, contactId: cid, actor: 'system', action: 'human_takeover', detail: { inboxId: row.id }, at: now });
      }
      return { bot: null, outboxRows };
    }
    case 'contact_updated': {
      await upsertContact(tx, loc, cid, p.contact, now);
      return { bot: null, outboxRows };
    }
    case 'dnd_updated': {
      await upsertContact(tx, loc, cid, p.contact, now);
      await setOptedOut(tx, loc, cid, p.dnd);
      await audit(tx, { locationId: loc, contactId: cid, actor: 'crm', action: p.dnd ? 'dnd_on' : 'dnd_off', at: now });
      return { bot: null, outboxRows };
    }
  }
}

async function isOurMessage(tx: Sql, locationId: string, messageId: string): Promise<boolean> {
  const { rows } = await tx.query(
    `SELECT 1 FROM outbox WHERE location_id = $1 AND (result ->> 'messageId') = $2 LIMIT 1`,
    [locationId, messageId],
  );
  return rows.length > 0;
}
