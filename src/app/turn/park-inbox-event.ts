import type { Logger } from '../../observability/logger.ts';
import type { Metrics } from '../../observability/metrics.ts';
import type { Sql } from '../../ports.ts';
import type { InboxQueue } from '../../ports/inbox-store.ts';
import type { Stores } from '../../ports/stores.ts';

/** Why an event was given up: its turn threw, it never finished (crash, freeze), or it overran. */
export type DeadLetterReason = 'failed' | 'crashed' | 'overrun';

export interface ParkedEvent {
  id: number;
  locationId: string;
  contactId: string;
  attempts: number;
  reason: DeadLetterReason;
  /** What went wrong, for the audit log and the row (never logged: it may quote the lead). */
  error: string;
}

/** Where a park is written: the inbox row, the audit log and the agent's task in the outbox. */
export interface ParkStores {
  inbox: Pick<InboxQueue, 'park'>;
  stores: Pick<Stores, 'contacts' | 'outbox'>;
}

export interface ParkDeps {
  logger: Logger;
  metrics: Metrics;
}

/**
 * Parks an inbox event for good (status 'dead', or 'failed' when its turn threw) and leaves word
 * for the people who can act, in the caller's transaction: an audit row and a task on the contact
 * in the CRM, so the lead's message gets a human answer. Not an escalation: that would pause the
 * bot for the contact, and its next messages must go on. False if the event was not pending.
 */
export async function parkEvent(
  { inbox, stores }: ParkStores,
  sql: Sql,
  e: ParkedEvent,
  now: Date,
  alreadyParked = false,
): Promise<boolean> {
  const status = e.reason === 'failed' ? 'failed' : 'dead';
  if (!alreadyParked && !(await inbox.park(sql, e.id, status, e.error))) return false;
  await stores.contacts.audit(sql, {
    locationId: e.locationId,
    contactId: e.contactId,
    actor: 'system',
    action: e.reason === 'failed' ? 'turn_failed' : 'inbox_dead_letter',
    detail: { inboxId: e.id, reason: e.reason, attempts: e.attempts, error: e.error },
    at: now,
  });
  await stores.outbox.enqueueSteps(
    sql,
    { locationId: e.locationId, contactId: e.contactId, keyPrefix: `inbox-parked:${e.id}`, at: now },
    [
      {
        kind: 'create_task',
        title: 'A message from this lead was not answered',
        body: `The bot gave up on inbox event ${e.id} (${describe(e.reason)}; ${e.attempts} attempts). Read the conversation and reply by hand; the bot goes on with the lead's next messages.`,
        dueDate: new Date(now.getTime() + 2 * 3_600_000).toISOString(),
      },
    ],
  );
  return true;
}

/** After the park committed: the dead-letter metric and an error line without message text. */
export function reportParked(deps: ParkDeps, e: ParkedEvent): void {
  deps.metrics.inboxDeadLetters.inc({ reason: e.reason });
  deps.logger.error(
    {
      inboxId: e.id,
      locationId: e.locationId,
      contactId: e.contactId,
      reason: e.reason,
      attempts: e.attempts,
    },
    'inbox event parked',
  );
}

function describe(reason: DeadLetterReason): string {
  switch (reason) {
    case 'failed':
      return 'its turn failed each time';
    case 'crashed':
      return 'its turn never finished: the worker crashed or froze';
    case 'overrun':
      return 'its turn ran past the time budget';
  }
}
