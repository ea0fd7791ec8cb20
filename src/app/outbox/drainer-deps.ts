import type { Logger } from '../../observability/logger.ts';
import type { Metrics } from '../../observability/metrics.ts';
import type { Clock, Crm, Db } from '../../ports.ts';
import type { Mailer } from '../../ports/mailer.ts';
import type { OutboxDeliveryStore } from '../../ports/outbox-delivery.ts';
import type { Stores } from '../../ports/stores.ts';
import type { EscalationDeps } from '../escalations/escalation-deps.ts';
import type { DndCheck } from './channel-dnd.ts';
import type { FieldProvisioner } from './provision-custom-fields.ts';

export interface OutboxDrainerDeps {
  db: Db;
  stores: Stores;
  /** Claims the outbox's due rows and records what became of each. */
  delivery: OutboxDeliveryStore;
  /** The CRM that serves a location (the sandbox location always gets the sandbox CRM). */
  crmFor: (locationId: string) => Crm;
  clock: Clock;
  /** The clock a location's rows were stamped with, when it differs (the sandbox). */
  clockFor?: (locationId: string) => Clock;
  /** Time zone for leads whose address, CRM zone and area code say nothing (`TIMEZONE`). */
  timezone: string;
  /** A location's own fallback time zone (its stored settings), when it may differ from `timezone`. */
  timezoneFor?: (locationId: string) => Promise<string>;
  logger: Logger;
  metrics: Metrics;
  /** How long a claimed action is ours before another worker may take it over. */
  leaseMs: number;
  /** Rows in flight at once (the background loop) or claimed per round (`runOnce`). */
  batchSize?: number;
  /**
   * How long a contact's tag and field writes wait for the next ones, to go out merged (0: at
   * once). GHL allows 100 requests per 10 s per location; only the latest values matter.
   */
  coalesceMs?: number;
  maxAttempts?: number;
  pollMs?: number;
  escalation: EscalationDeps;
  /** First retry delay of a failed action (doubles per attempt, capped at 10 minutes). */
  retryBaseMs?: number;
  /** Runs the financial readiness assessment for a contact (outbox kind assess_financing). */
  /** `requestKey` names the outbox row, so a re-attempt after a crash repeats nothing. */
  assessFinancing: (
    locationId: string,
    contactId: string,
    requestKey: string,
  ) => Promise<Record<string, unknown>>;
  /** SMTP for the day-14 CMA email; without it the email goes through the CRM. */
  mailer?: Mailer | null;
  mailFrom?: string;
  /** Reads whether a channel is in do-not-disturb in the CRM (default: GHL's settings, 60 s cache). */
  dndCheck?: DndCheck;
  /** Creates a location's missing custom fields and maps keys to field ids (one per process). */
  fields?: FieldProvisioner;
}

/** What the drainer's steps read: its deps, with the defaults filled in. */
export interface DrainerContext extends OutboxDrainerDeps {
  maxAttempts: number;
  dndCheck: DndCheck;
  fields: FieldProvisioner;
  /** The clock a location's rows are stamped with (the sandbox's may run ahead). */
  clockOf: (locationId: string) => Clock;
}

// A send whose earlier attempt may have gone out is checked against messages sent since shortly
// before that attempt (clock skew between us and GHL).
export const SEND_CHECK_SKEW_MS = 60_000;
