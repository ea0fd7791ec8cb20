import type { TagNames } from '../../domain/bots-config.ts';
import type { Channel, Db, Sql } from '../../ports.ts';
import type { Stores } from '../../ports/stores.ts';

// What a person does to one contact from the dashboard. Each runs in one transaction, writes the
// CRM side through the outbox (so it reaches GHL once, in order with the bot's own actions) and
// leaves an audit_log row with actor 'dashboard'.

/** Where the controls read and write: the database and its stores. */
export interface ControlDeps {
  db: Db;
  stores: Pick<Stores, 'contacts' | 'outbox' | 'followUps'>;
}

export type ControlResult =
  | { ok: true }
  | { ok: false; reason: 'not_found' | 'deletion_request' | 'opted_out' };

interface Target {
  locationId: string;
  contactId: string;
  now: Date;
}

async function touch(
  stores: ControlDeps['stores'],
  tx: Sql,
  t: Target,
  action: string,
  detail: Record<string, unknown> = {},
): Promise<void> {
  // Latest activity: the inbox orders by it and its live stream notices the change.
  await stores.contacts.touch(tx, t.locationId, t.contactId, t.now);
  await stores.contacts.audit(tx, {
    locationId: t.locationId,
    contactId: t.contactId,
    actor: 'dashboard',
    action,
    detail,
    at: t.now,
  });
}

/**
 * Pauses or resumes the bot for this contact (no replies, no follow-ups while paused). A pause the
 * bot set itself on a data-deletion request is not lifted from here.
 */
export async function setBotPaused(
  { db, stores }: ControlDeps,
  t: Target,
  paused: boolean,
): Promise<ControlResult> {
  return db.transaction(async (tx) => {
    const c = await stores.contacts.get(tx, t.locationId, t.contactId);
    if (!c) return { ok: false, reason: 'not_found' } as const;
    if (!paused && c.paused_reason === 'ccpa_request')
      return { ok: false, reason: 'deletion_request' } as const;
    await stores.contacts.setPaused(tx, t.locationId, t.contactId, paused, paused ? 'dashboard' : null);
    await touch(stores, tx, t, paused ? 'bot_paused' : 'bot_resumed');
    return { ok: true } as const;
  });
}

const hasTag = (tags: string[], tag: string) => tags.some((x) => x.toLowerCase() === tag.toLowerCase());

/** Puts the contact under human takeover (the bot stays silent) or releases it. */
export async function setTakeover(
  { db, stores }: ControlDeps,
  tags: TagNames,
  t: Target,
  on: boolean,
): Promise<ControlResult> {
  return db.transaction(async (tx) => {
    const c = await stores.contacts.get(tx, t.locationId, t.contactId);
    if (!c) return { ok: false, reason: 'not_found' } as const;
    if (hasTag(c.tags, tags.humanTakeover) !== on) await switchTakeover(stores, tx, tags, t, on);
    return { ok: true } as const;
  });
}

async function switchTakeover(
  stores: ControlDeps['stores'],
  tx: Sql,
  tags: TagNames,
  t: Target,
  on: boolean,
): Promise<void> {
  const tag = tags.humanTakeover;
  await stores.contacts.changeTags(tx, t.locationId, t.contactId, on ? [tag] : [], on ? [] : [tag]);
  const key = `dashboard:${on ? 'takeover' : 'release'}:${t.locationId}:${t.contactId}:${t.now.getTime()}`;
  await stores.outbox.enqueueSteps(
    tx,
    { locationId: t.locationId, contactId: t.contactId, keyPrefix: key, at: t.now },
    [on ? { kind: 'add_tags', tags: [tag] } : { kind: 'remove_tags', tags: [tag] }],
  );
  await touch(stores, tx, t, on ? 'human_takeover' : 'human_takeover_released', { by: 'dashboard' });
}

/**
 * Sends a message written by a person, through the CRM outbox. The contact goes under human
 * takeover first (if not already), so the bot stays silent until someone releases it. `nonce`
 * comes from the form: the same form sent twice queues one message.
 */
export async function sendAsAgent(
  { db, stores }: ControlDeps,
  tags: TagNames,
  t: Target & { channel: Channel; message: string; nonce: string },
): Promise<ControlResult> {
  return db.transaction(async (tx) => {
    const c = await stores.contacts.get(tx, t.locationId, t.contactId);
    if (!c) return { ok: false, reason: 'not_found' } as const;
    if (c.opted_out) return { ok: false, reason: 'opted_out' } as const;
    if (!hasTag(c.tags, tags.humanTakeover)) await switchTakeover(stores, tx, tags, t, true);
    const outboxId = await stores.outbox.enqueue(tx, {
      locationId: t.locationId,
      contactId: t.contactId,
      inboxId: null,
      action: { kind: 'send_message', type: t.channel, message: t.message, byAgent: true },
      idempotencyKey: `dashboard:send:${t.nonce}`,
      at: t.now,
    });
    if (outboxId === null) return { ok: true } as const;
    await stores.contacts.appendMessage(tx, {
      locationId: t.locationId,
      contactId: t.contactId,
      direction: 'outbound',
      channel: t.channel,
      body: t.message,
      outboxId,
      at: t.now,
    });
    await touch(stores, tx, t, 'agent_message_queued', { outboxId, channel: t.channel });
    return { ok: true } as const;
  });
}

/** Marks the contact opted out (as a STOP would): the opt-out tag, no more follow-ups. */
export async function markOptedOut(
  { db, stores }: ControlDeps,
  tags: TagNames,
  t: Target,
): Promise<ControlResult> {
  return db.transaction(async (tx) => {
    const c = await stores.contacts.get(tx, t.locationId, t.contactId);
    if (!c) return { ok: false, reason: 'not_found' } as const;
    if (c.opted_out) return { ok: true } as const;
    await stores.contacts.setOptedOut(tx, t.locationId, t.contactId, true);
    await stores.contacts.changeTags(tx, t.locationId, t.contactId, [tags.optOut], []);
    await stores.followUps.cancelPending(tx, t.locationId, t.contactId, 'opted_out');
    await stores.outbox.enqueueSteps(
      tx,
      {
        locationId: t.locationId,
        contactId: t.contactId,
        keyPrefix: `dashboard:opt-out:${t.locationId}:${t.contactId}`,
        at: t.now,
      },
      [{ kind: 'add_tags', tags: [tags.optOut] }],
    );
    await touch(stores, tx, t, 'opted_out', { by: 'dashboard' });
    return { ok: true } as const;
  });
}

/**
 * Queues the CMA step (day 14) again, due now; the follow-up runner makes a fresh PDF from today's
 * comparable sales and sends it by email, or asks for the address when none is known, with every
 * check a scheduled step gets (opt-out, pause, quiet hours).
 */
export async function queueCmaRerun({ db, stores }: ControlDeps, t: Target): Promise<ControlResult> {
  return db.transaction(async (tx) => {
    const c = await stores.contacts.get(tx, t.locationId, t.contactId);
    if (!c) return { ok: false, reason: 'not_found' } as const;
    if (c.opted_out) return { ok: false, reason: 'opted_out' } as const;
    await stores.followUps.schedule(tx, t.locationId, t.contactId, t.now, [{ step: 'day14', dueAt: t.now }]);
    await touch(stores, tx, t, 'cma_rerun_requested');
    return { ok: true } as const;
  });
}
