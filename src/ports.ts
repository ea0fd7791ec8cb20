import type { DndChannelName } from './domain/dnd.ts';

// Interfaces to every outside system. Each has a real adapter and an offline/sandbox one in adapters/.
// Bots never see these: they return decisions as data and app/ carries them out through these ports.

export type Channel = 'SMS' | 'Email';

export interface Clock {
  now(): Date;
}

/** A CRM call failed. `retryable` says whether trying again later may succeed. */
export class CrmError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly retryable: boolean,
    /** The request may have taken effect even though no success answer came back (timeouts, 5xx on a send). */
    readonly ambiguous = false,
  ) {
    super(message);
    this.name = 'CrmError';
  }
}

export interface SendMessageInput {
  contactId: string;
  type: Channel;
  /** Plain text body (SMS text or the text part of an email). */
  message: string;
  subject?: string;
  html?: string;
  /** Publicly reachable URLs (GHL sends them as MMS or email attachments). */
  attachments?: string[];
  /** Email only: the email this answers (GHL's email message id) and its thread. */
  replyToMessageId?: string;
  threadId?: string;
}

/** What else identifies a message looked for by findRecentOutbound; without `type`, any channel. */
export interface OutboundMatch {
  type?: Channel;
  subject?: string;
  html?: string;
}

export interface SentMessage {
  messageId: string;
  conversationId: string;
}

export interface CrmContact {
  id: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  timezone?: string;
  tags: string[];
  /** GHL's global flag. Whether a channel may be used is in `dndSettings` (domain/dnd.ts). */
  dnd: boolean;
  /** Do-not-disturb per channel (SMS, Email, WhatsApp, GMB, FB, Call), as GHL reports it. */
  dndSettings?: Partial<Record<DndChannelName, { status: string }>>;
  /** Custom fields as GHL reads them: by field id. */
  customFields: { id: string; value: unknown }[];
}

export type { DndChannelName };

export interface CustomFieldDef {
  id: string;
  name: string;
  /** `contact.xyz` as GHL reports it. */
  fieldKey: string;
  dataType: string;
}

/** A contact custom field to define in a location (GHL derives `contact.<fieldKey>`). */
export interface NewCustomField {
  name: string;
  /** Bare key, e.g. `lead_score`. */
  fieldKey: string;
  dataType: string;
}

/** One custom field value written by the field's id in that location. */
export interface CustomFieldWrite {
  id: string;
  value: string | number | string[];
}

export interface TaskInput {
  title: string;
  body?: string;
  /** ISO timestamp. */
  dueDate: string;
}

export interface AppointmentInput {
  calendarId: string;
  contactId: string;
  /** A slot string exactly as free-slots returned it (ISO with offset). */
  startTime: string;
  endTime?: string;
  title?: string;
}

export interface OpportunityInput {
  pipelineId: string;
  pipelineStageId?: string;
  contactId: string;
  name: string;
  status: 'open' | 'won' | 'lost' | 'abandoned';
  monetaryValue?: number;
}

/**
 * The CRM as the pipeline needs it. `locationId` is the GHL sub-account; every call is counted
 * against that location's rate budget.
 */
export interface Crm {
  readonly mode: 'ghl' | 'sandbox';
  sendMessage(locationId: string, input: SendMessageInput): Promise<SentMessage>;
  /**
   * Looks for an outbound message with this exact body sent to the contact at or after `since`.
   * Used before re-sending after an ambiguous failure, so an SMS never goes out twice. An email is
   * matched by type and time, then confirmed by its subject (when given) and text.
   */
  findRecentOutbound(
    locationId: string,
    contactId: string,
    body: string,
    since: Date,
    match?: OutboundMatch,
  ): Promise<SentMessage | null>;
  uploadAttachment(
    locationId: string,
    input: { contactId: string; filename: string; contentType: string; data: Uint8Array },
  ): Promise<{ url: string }>;
  getContact(locationId: string, contactId: string): Promise<CrmContact>;
  updateContact(
    locationId: string,
    contactId: string,
    patch: { firstName?: string; lastName?: string; email?: string; phone?: string; timezone?: string },
  ): Promise<void>;
  /** The location's contact custom fields. */
  listCustomFields(locationId: string): Promise<CustomFieldDef[]>;
  /** Defines a contact custom field in the location; contacts can hold it from then on. */
  createCustomField(locationId: string, field: NewCustomField): Promise<CustomFieldDef>;
  /**
   * Writes custom field values by field id (app/outbox/provision-custom-fields.ts maps keys to ids). A
   * field the location does not define is refused (GHL: 400), never created.
   */
  setCustomFields(locationId: string, contactId: string, values: CustomFieldWrite[]): Promise<void>;
  addTags(locationId: string, contactId: string, tags: string[]): Promise<void>;
  removeTags(locationId: string, contactId: string, tags: string[]): Promise<void>;
  addNote(locationId: string, contactId: string, body: string): Promise<{ id: string }>;
  createTask(locationId: string, contactId: string, task: TaskInput): Promise<{ id: string }>;
  /** Free slots between two instants, as ISO strings with offset, in calendar order. */
  getFreeSlots(
    locationId: string,
    calendarId: string,
    range: { start: Date; end: Date; timezone: string },
  ): Promise<string[]>;
  createAppointment(locationId: string, input: AppointmentInput): Promise<{ id: string }>;
  upsertOpportunity(locationId: string, input: OpportunityInput): Promise<{ id: string }>;
  addToWorkflow(locationId: string, contactId: string, workflowId: string): Promise<void>;
  /**
   * Alerts a person on the team (the agent, the compliance officer) by SMS or email through the
   * CRM: the recipient is kept as a contact of their own so the message shows in the CRM too.
   */
  notifyStaff(locationId: string, input: StaffNotification): Promise<SentMessage & { contactId?: string }>;
}

export interface StaffNotification {
  channel: Channel;
  /** E.164 phone for SMS, address for email. */
  to: string;
  /** Shown as the staff contact's name in the CRM. */
  name: string;
  subject?: string;
  message: string;
}

/**
 * A shared request budget (GHL: 100 requests per 10 s and 200,000 per day per location).
 * In-process by default, Redis-backed when REDIS_URL is set so replicas share it.
 */
export interface RateBudget {
  readonly mode: 'memory' | 'redis';
  /**
   * Waits until one request may be made for `key`; resolves with the milliseconds waited. Rejects
   * with `DailyBudgetExhaustedError` when the day's budget is used up (waiting would take hours).
   */
  acquire(key: string): Promise<number>;
  /** The server told us to back off (Retry-After, or X-RateLimit-Remaining: 0): block `key` for `ms`. */
  pause(key: string, ms: number): Promise<void>;
  /** The server's own count for the day (GHL: X-RateLimit-Daily-Remaining); the smaller one holds. */
  observeDaily?(key: string, report: DailyReport): Promise<void>;
  close(): Promise<void>;
}

export interface DailyReport {
  remaining: number;
  /** The daily limit the server applies, when it says (GHL: X-RateLimit-Limit-Daily). */
  limit?: number;
}

/** The day's request budget for a location is used up: nothing is sent until `retryAfterMs` passes. */
export class DailyBudgetExhaustedError extends CrmError {
  constructor(
    readonly key: string,
    readonly limit: number,
    readonly retryAfterMs: number,
  ) {
    super(
      `GHL daily request budget (${limit}) for location ${key} is used up; holding requests for ` +
        `${Math.ceil(retryAfterMs / 60_000)} min`,
      null,
      true,
    );
    this.name = 'DailyBudgetExhaustedError';
  }
}

/** A row-returning SQL runner. PGlite and PostgreSQL both implement it with the same SQL. */
export interface Sql {
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

/** The database: PGlite in DATA_DIR by default, PostgreSQL when DATABASE_URL is set. */
export interface Db extends Sql {
  readonly kind: 'pglite' | 'postgres';
  /** Runs several statements at once (migrations). */
  exec(text: string): Promise<void>;
  /** One transaction on one connection; rolled back when `fn` throws. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** What a pre-qualification service says about a buyer. */
export interface ServiceAssessment {
  preApproved: boolean;
  /** 0..1 */
  confidence: number;
  maxAmount?: number;
  lender?: string;
}

/** An external pre-qualification service (FINANCIAL_SERVICE_URL). Throws when it cannot answer. */
export interface FinancialReadiness {
  assess(input: {
    contactId: string;
    firstName?: string;
    lastName?: string;
    email?: string;
    phone?: string;
    statedFinancing?: string;
    statedLender?: string;
    budgetMax?: number;
  }): Promise<ServiceAssessment>;
}

// ---------------------------------------------------------------------------------------------
// Language model. The bots decide; a model only reads messages into fields when the rules are
// unsure and phrases the reply a bot already decided. Every answer is checked before use.

/** What a model is asked to do; the Agent Mesh routes each kind separately. */
export type ModelTask = 'extraction' | 'reply' | 'compliance_audit' | 'cma_narrative' | 'match_explanation';

export interface ModelUsage {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
}

/** One block of the system prompt; `cache` marks the end of a static prefix to cache. */
export interface SystemBlock {
  text: string;
  cache?: boolean;
}

export interface ModelRequest {
  /** Model id, e.g. claude-haiku-4-5. */
  model: string;
  system: SystemBlock[];
  messages: { role: 'user' | 'assistant'; content: string }[];
  maxTokens: number;
  temperature?: number;
  /** Ask for JSON matching this schema (sent as a forced tool call); the answer is in `json`. */
  output?: { name: string; description: string; schema: Record<string, unknown> };
  /** Aborts the call (the turn's time budget). */
  signal?: AbortSignal;
}

export interface ModelResponse {
  text: string;
  /** The tool input when `output` was requested. */
  json?: unknown;
  usage: ModelUsage;
  model: string;
  stopReason: string | null;
}

export type ModelErrorKind =
  | 'timeout'
  | 'rate_limited'
  | 'overloaded'
  | 'server'
  | 'bad_request'
  | 'auth'
  | 'network'
  | 'breaker_open'
  | 'invalid_output';

export class ModelError extends Error {
  constructor(
    message: string,
    readonly kind: ModelErrorKind,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'ModelError';
  }
}

export interface LanguageModel {
  /** Adapter name for logs and metrics (e.g. "anthropic"). */
  readonly name: string;
  complete(req: ModelRequest): Promise<ModelResponse>;
  /** Exact input tokens of a request, when the provider can count them. */
  countTokens?(req: Omit<ModelRequest, 'maxTokens' | 'signal'>): Promise<number>;
  /** The adapter's circuit breaker, for health checks. */
  breakerState?(): 'closed' | 'open' | 'half_open';
}
