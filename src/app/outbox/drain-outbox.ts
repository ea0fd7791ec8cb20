import { statusLabel } from '../../domain/delivery-status.ts';
import { isMessageKind, type OutboxRow } from '../../ports/outbox-delivery.ts';
import { createWakeableLoop } from '../../resilience/wakeable-loop.ts';
import { createDndCheck, messageChannel } from './channel-dnd.ts';
import { mayGoOut, skipForDnd } from './check-send-consent.ts';
import type { DrainerContext, OutboxDrainerDeps } from './drainer-deps.ts';
import { handleSendFailure } from './handle-send-failure.ts';
import { performAction } from './perform-action.ts';
import { createFieldProvisioner } from './provision-custom-fields.ts';
import { storeSendResult } from './record-outbound.ts';

export type { OutboxDrainerDeps } from './drainer-deps.ts';

/**
 * The outbox drainer: claims due rows (at most one per contact, so contacts proceed in parallel and
 * each stays in order), checks a message may go out now (check-send-consent.ts), carries the action
 * out (perform-action.ts) and records the result, or what becomes of a failed attempt
 * (handle-send-failure.ts).
 */
export function createOutboxDrainer(deps: OutboxDrainerDeps) {
  const ctx: DrainerContext = {
    ...deps,
    maxAttempts: deps.maxAttempts ?? 8,
    dndCheck: deps.dndCheck ?? createDndCheck(),
    fields: deps.fields ?? createFieldProvisioner({ logger: deps.logger }),
    clockOf: (locationId) => deps.clockFor?.(locationId) ?? deps.clock,
  };

  /** Carries one claimed row out; false when it was held back or cancelled instead. */
  async function finish(row: OutboxRow): Promise<boolean> {
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
      const early = await deps.db.transaction(async (tx) => {
        await deps.delivery.markSent(tx, row.id, result, now);
        const message = isMessageKind(row.kind);
        return message && typeof messageId === 'string' ? storeSendResult(tx, row, messageId, now) : null;
      });
      deps.metrics.outboxResults.inc({
        kind: row.kind,
        result: result.deduplicated ? 'deduplicated' : 'sent',
      });
      if (early) deps.metrics.messageDelivery.inc({ status: statusLabel(early), sender: 'bot' });
      if (row.kind === 'send_message' && row.inbox_id !== null) {
        const receivedAt = await deps.delivery.inboxReceivedAt(deps.db, row.inbox_id);
        if (receivedAt) deps.metrics.endToEnd.observe(Math.max(0, Date.now() - receivedAt.getTime()) / 1000);
      }
      return true;
    } catch (err) {
      const { progressed, escalated } = await handleSendFailure(ctx, row, channel, err);
      if (escalated) loop.wake();
      return progressed;
    }
  }

  async function runOnce(contact?: { locationId: string; contactId: string }): Promise<boolean> {
    // A sandbox contact's rows are stamped with the sandbox clock, which may run ahead.
    const clock = contact && deps.clockFor ? deps.clockFor(contact.locationId) : deps.clock;
    const rows = await deps.delivery.claim(deps.db, {
      now: clock.now(),
      leaseMs: deps.leaseMs,
      limit: deps.batchSize ?? 50,
      ...(contact ? { contact } : {}),
    });
    // At most one row per contact is claimed, so contacts proceed in parallel and each stays in order.
    const done = await Promise.all(rows.map(finish));
    return done.some(Boolean);
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

  const loop = createWakeableLoop(() => runOnce(), {
    idleMs: deps.pollMs ?? 250,
    onError: (err) => deps.logger.error({ err }, 'outbox drainer error'),
  });

  const self = { runOnce, drainContact, start: loop.start, notify: loop.wake, stop: loop.stop };
  return self;
}

export type OutboxDrainer = ReturnType<typeof createOutboxDrainer>;
