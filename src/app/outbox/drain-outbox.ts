import { statusLabel } from '../../domain/delivery-status.ts';
import { isCoalescedKind, isMessageKind, type OutboxRow } from '../../ports/outbox-delivery.ts';
import { createWakeableLoop } from '../../resilience/wakeable-loop.ts';
import { createDndCheck, messageChannel } from './channel-dnd.ts';
import { mayGoOut, skipForDnd } from './check-send-consent.ts';
import type { DrainerContext, OutboxDrainerDeps } from './drainer-deps.ts';
import { handleSendFailure } from './handle-send-failure.ts';
import { mergeRecordWrites } from './merge-record-writes.ts';
import { performAction } from './perform-action.ts';
import { createFieldProvisioner } from './provision-custom-fields.ts';
import { createSentBookkeeping } from './sent-bookkeeping.ts';

export type { OutboxDrainerDeps } from './drainer-deps.ts';

/**
 * The outbox drainer: claims due rows (at most one per contact and lane — messages, tag and field
 * writes, other record steps — so contacts proceed in parallel, a reply never waits behind a CRM
 * write, and each lane stays in order), checks a message
 * may go out now (check-send-consent.ts), carries the action out (perform-action.ts) and records
 * the result (in groups: sent-bookkeeping.ts), or what becomes of a failed attempt
 * (handle-send-failure.ts). A contact's tag and
 * field writes wait `coalesceMs` and go out merged with the ones queued meanwhile.
 */
export function createOutboxDrainer(deps: OutboxDrainerDeps) {
  const ctx: DrainerContext = {
    ...deps,
    maxAttempts: deps.maxAttempts ?? 8,
    dndCheck: deps.dndCheck ?? createDndCheck(),
    fields: deps.fields ?? createFieldProvisioner({ logger: deps.logger }),
    clockOf: (locationId) => deps.clockFor?.(locationId) ?? deps.clock,
  };
  const bookkeeping = createSentBookkeeping(deps);

  /** Carries one claimed row out; false when it was held back or cancelled instead. */
  async function finish(row: OutboxRow): Promise<boolean> {
    if (isCoalescedKind(row.kind)) return finishRecordWrites(row);
    const channel = messageChannel(row.payload);
    try {
      if (!(await mayGoOut(ctx, row))) return false;
      const crm = deps.crmFor(row.location_id);
      if (channel && (await ctx.dndCheck(crm, row.location_id, row.contact_id, channel))) {
        await skipForDnd(ctx, row, channel);
        return true;
      }
      const result = await performAction(ctx, row);
      // Stamped on the clock the row's location runs on, like the row itself (the sandbox's).
      const now = ctx.clockOf(row.location_id).now();
      const { messageId } = result;
      // GHL's id of a message, stored with a report of it that came first (record-outbound.ts).
      const { early, sent } = await bookkeeping.record({
        entries: [{ id: row.id, result, at: now }],
        ...(isMessageKind(row.kind) && typeof messageId === 'string'
          ? { message: { row, messageId, at: now } }
          : {}),
      });
      deps.metrics.outboxResults.inc({
        kind: row.kind,
        result: result.deduplicated ? 'deduplicated' : 'sent',
      });
      if (early) deps.metrics.messageDelivery.inc({ status: statusLabel(early), sender: 'bot' });
      const receivedAt = row.kind === 'send_message' ? sent.inboxReceivedAt : null;
      if (receivedAt) deps.metrics.endToEnd.observe(Math.max(0, Date.now() - receivedAt.getTime()) / 1000);
      return true;
    } catch (err) {
      const { progressed, escalated } = await handleSendFailure(ctx, row, channel, err);
      if (escalated) loop.wake();
      return progressed;
    }
  }

  /**
   * A tag or field write, with the contact's later ones queued meanwhile: one set of calls (fields first, as a workflow a tag starts in GHL may read them), one record.
   */
  async function finishRecordWrites(row: OutboxRow): Promise<boolean> {
    const now = ctx.clockOf(row.location_id).now();
    const later = await deps.delivery.claimLaterRecordWrites(deps.db, row, { now, leaseMs: deps.leaseMs });
    const merged = mergeRecordWrites([row, ...later].map((r) => r.payload));
    try {
      if (merged.fields)
        await performAction(ctx, { ...row, payload: { kind: 'set_fields', fields: merged.fields } });
      if (merged.removeTags.length > 0)
        await performAction(ctx, { ...row, payload: { kind: 'remove_tags', tags: merged.removeTags } });
      if (merged.addTags.length > 0)
        await performAction(ctx, { ...row, payload: { kind: 'add_tags', tags: merged.addTags } });
    } catch (err) {
      // The later writes go back untouched; they join this one again on its next attempt.
      await deps.delivery.releaseMany(
        deps.db,
        later.map((r) => r.id),
        now,
      );
      const { progressed, escalated } = await handleSendFailure(ctx, row, null, err);
      if (escalated) loop.wake();
      return progressed;
    }
    const ids = [row.id, ...later.map((r) => r.id)];
    const result = later.length > 0 ? { merged: ids } : {};
    await bookkeeping.record({ entries: ids.map((id) => ({ id, result, at: now })) });
    deps.metrics.outboxResults.inc({ kind: row.kind, result: 'sent' });
    for (const r of later) deps.metrics.outboxResults.inc({ kind: r.kind, result: 'merged' });
    return true;
  }

  async function claim(limit: number, contact?: { locationId: string; contactId: string }) {
    // A sandbox contact's rows are stamped with the sandbox clock, which may run ahead.
    const clock = contact && deps.clockFor ? deps.clockFor(contact.locationId) : deps.clock;
    const rows = await deps.delivery.claim(deps.db, {
      now: clock.now(),
      leaseMs: deps.leaseMs,
      limit,
      // One contact drained on demand (the sandbox) sends everything now.
      ...(contact ? { contact } : { coalesceMs: deps.coalesceMs ?? 0 }),
    });
    deps.metrics.queueClaims.inc({ queue: 'outbox', result: rows.length > 0 ? 'rows' : 'empty' });
    return rows;
  }

  /** Claims one round of due rows and waits for all of them (tests, the sandbox's own contact). */
  async function runOnce(contact?: { locationId: string; contactId: string }): Promise<boolean> {
    const rows = await claim(deps.batchSize ?? 50, contact);
    const done = await Promise.all(rows.map(finish));
    return done.some(Boolean);
  }

  // The background loop keeps up to batchSize rows in flight and claims again as soon as one ends,
  // so a row waiting for its location's rate budget holds up no other contact.
  const inFlight = new Set<Promise<unknown>>();
  async function pump(): Promise<boolean> {
    const room = (deps.batchSize ?? 50) - inFlight.size;
    if (room <= 0) return false;
    const rows = await claim(room);
    for (const row of rows) {
      const p: Promise<unknown> = finish(row)
        .catch((err) => deps.logger.error({ err, outboxId: row.id }, 'outbox step failed'))
        .finally(() => {
          inFlight.delete(p);
          loop.wake();
        });
      inFlight.add(p);
    }
    // Fewer rows than places: nothing else was due. A finished row or a new turn wakes the loop.
    return rows.length >= room;
  }

  /** Sends everything due for one contact now (the sandbox's synchronous path). */
  async function drainContact(locationId: string, contactId: string, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((await deps.delivery.openForContact(deps.db, locationId, contactId)) > 0) {
      const progressed = await runOnce({ locationId, contactId });
      if (!progressed) {
        // Either another worker is sending it, or it waits for a retry later; don't block forever.
        if (Date.now() > deadline) return;
        if (!(await deps.delivery.sendingForContact(deps.db, locationId, contactId))) return;
        await new Promise((r) => setTimeout(r, 5));
      }
    }
  }

  const loop = createWakeableLoop(pump, {
    idleMs: deps.pollMs ?? 250,
    onError: (err) => deps.logger.error({ err }, 'outbox drainer error'),
  });

  /** Stops claiming and lets the rows in flight finish (graceful drain on SIGTERM). */
  async function stop(): Promise<void> {
    await loop.stop();
    await Promise.all(inFlight);
  }

  const self = { runOnce, drainContact, start: loop.start, notify: loop.wake, stop };
  return self;
}

export type OutboxDrainer = ReturnType<typeof createOutboxDrainer>;
