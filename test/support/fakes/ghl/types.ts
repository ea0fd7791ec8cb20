import type { WebhookKeys } from '../test-keys.ts';
import type { FakeOAuth, FakeOAuthOptions } from './routes-oauth.ts';

// Public shapes of the fake GoHighLevel server. Stored objects are kept in the shape GHL returns them,
// so tests can compare what the client read with what the fake holds.

export interface FakeGhlOptions {
  token?: string;
  locationId?: string;
  /** Burst budget, sliding window per (token, location). Default 100 per 10_000 ms. */
  rateLimit?: { max: number; intervalMs: number };
  /** Retry-After on 429, default 1. */
  retryAfterSeconds?: number;
  /** Default 200_000. */
  dailyLimit?: number;
  /** Reject a published but undeclared Version for the endpoint with 401 (GHL itself accepts it). */
  strictVersion?: boolean;
  /** When set, every stored outbound message is echoed here as a signed OutboundMessage webhook. */
  outboundWebhookUrl?: string;
  /** Clock of the `timestamp` of those webhooks (default: the real one), for a service on a test clock. */
  webhookClock?: { now(): Date };
  /** The token's scopes; endpoints that check theirs answer 401 without it. Default: every scope. */
  scopes?: readonly string[];
  /** The Marketplace app's credentials and token lifetime. */
  oauth?: FakeOAuthOptions;
  /** Keys that sign the outbound echoes (default: the process's test keys, test-keys.ts). */
  webhookKeys?: WebhookKeys;
  /**
   * Where to listen (default 127.0.0.1 on a free port) and the URL other processes reach the fake
   * by (default http://<host>:<port>); for the standalone runner, scripts/fake-ghl.ts.
   */
  listen?: { host: string; port: number; publicUrl?: string };
  /**
   * TEST CONTROL, not GoHighLevel behaviour: requests whose path starts with /_test/ go here before
   * any authentication and are not recorded; undefined means 404. The standalone runner
   * (scripts/fake-ghl.ts) uses it to inject a lead's message and to list what was sent.
   */
  testControls?: (req: {
    method: string;
    path: string;
    query: URLSearchParams;
    body: unknown;
  }) => Promise<{ status: number; body: unknown } | undefined>;
}

export interface LocationBudgetUse {
  locationId: string;
  /** Requests counted against the budget (refused ones excluded). */
  accepted: number;
  /** Answered 429 because the sliding window already held `max` requests. */
  refusedBurst: number;
  /** Answered 429 because the day's budget was used up. */
  refusedDaily: number;
  /** Highest count of requests (answered or refused) seen in any sliding window. */
  maxInAnyWindow: number;
}

export interface FakeMessage {
  id: string;
  conversationId: string;
  contactId: string;
  type: 'SMS' | 'Email' | string;
  direction: 'outbound' | 'inbound';
  body: string;
  subject?: string;
  html?: string;
  attachments: string[];
  dateAdded: string;
  status?: string;
  source?: string;
  emailMessageId?: string;
  /** Email threading as the send carried it (`threadId`, `replyMessageId`, `emailReplyMode`). */
  threadId?: string;
  replyToMessageId?: string;
  emailReplyMode?: string;
  scheduledTimestamp?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  /** 0 while unanswered (and forever for hung requests). */
  status: number;
  at: number;
}

export interface FailureRule {
  method?: string;
  path?: string | RegExp;
  times: number;
  /** 'status' answers with status/body/headers without doing anything; 'record-then-status' performs the operation (e.g. stores the sent message) and THEN answers with the status (ambiguous failure); 'hang' never answers (socket left open until close()); 'record-then-hang' performs the operation and never answers; 'delay' answers normally after `delayMs` or when releaseDelayed() is called, whichever comes first (a test control, not GHL behaviour). */
  mode?: 'status' | 'record-then-status' | 'hang' | 'record-then-hang' | 'delay';
  /** 'delay' only: how long the request is held before it is answered (default 30 s). */
  delayMs?: number;
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface DndChannel {
  status: 'active' | 'inactive' | 'permanent' | string;
  message?: string;
  code?: string;
}

export interface FakeContact {
  id: string;
  locationId: string;
  firstName?: string;
  lastName?: string;
  name?: string;
  email?: string;
  emailLowerCase?: string;
  phone?: string;
  timezone?: string;
  companyName?: string;
  dnd: boolean;
  dndSettings: Record<string, DndChannel>;
  type: string;
  source?: string;
  assignedTo?: string;
  address1?: string;
  city?: string;
  state?: string;
  country?: string;
  postalCode?: string;
  website?: string;
  dateOfBirth?: string;
  tags: string[];
  customFields: { id: string; value: unknown }[];
  dateAdded: string;
  dateUpdated: string;
  [key: string]: unknown;
}

export interface FakeConversation {
  id: string;
  contactId: string;
  locationId: string;
  dateAdded: string;
  dateUpdated: string;
  lastMessageDate: string;
  lastMessageBody?: string;
  lastMessageType?: string;
  lastMessageDirection?: 'inbound' | 'outbound';
  type: string;
  unreadCount: number;
  deleted: boolean;
}

export interface CustomFieldDef {
  id: string;
  name: string;
  fieldKey: string;
  dataType: string;
  /** 'contact' unless said otherwise. */
  model?: 'contact' | 'opportunity';
  /** The location the field belongs to; default: the fake's own location. */
  locationId?: string;
  placeholder?: string;
}

export interface FakeNote {
  id: string;
  body: string;
  userId?: string;
  title?: string;
  dateAdded: string;
  contactId: string;
}

export interface FakeTask {
  id: string;
  title: string;
  body?: string;
  assignedTo?: string;
  dueDate: string;
  completed: boolean;
  contactId: string;
}

export interface FakeAppointment {
  id: string;
  calendarId: string;
  locationId: string;
  contactId: string;
  startTime: string;
  endTime: string;
  title: string;
  meetingLocationType: string;
  appointmentStatus: string;
  assignedUserId?: string;
  address?: string;
  notes?: string;
  isRecurring: boolean;
}

/** A calendar as `GET /calendars/{id}` returns it (apps/calendars.json, CalendarDTO), trimmed. */
export interface FakeCalendar {
  id: string;
  locationId: string;
  name: string;
  calendarType: 'round_robin' | 'event' | 'class_booking' | 'collective' | 'service_booking' | 'personal';
  teamMembers: { userId: string; priority?: number; isPrimary?: boolean }[];
}

export interface FakeOpportunity {
  id: string;
  name: string;
  monetaryValue: number;
  pipelineId: string;
  pipelineStageId?: string;
  assignedTo?: string;
  status: string;
  source?: string;
  contactId: string;
  locationId: string;
  createdAt: string;
  updatedAt: string;
  lastStatusChangeAt: string;
  lastStageChangeAt: string;
  customFields: unknown[];
  [key: string]: unknown;
}

export interface FakeUpload {
  filename: string;
  contentType: string;
  size: number;
  url: string;
  data: Buffer;
}

export interface FakeWorkflow {
  id: string;
  name: string;
  status: 'draft' | 'published';
}

export interface FakePipeline {
  id: string;
  name: string;
  stages: { id: string; name: string }[];
}

export interface WebhookDelivery {
  messageId: string;
  status: number;
  attempts: number;
}

export interface FakeGhl {
  url: string;
  token: string;
  locationId: string;
  /** Every message stored, in order: sent through the API, plus those added with addInboundMessage. */
  messages: FakeMessage[];
  requests: RecordedRequest[];
  contacts: Map<string, FakeContact>;
  conversations: Map<string, FakeConversation>;
  notes: Map<string, FakeNote[]>;
  tasks: Map<string, FakeTask[]>;
  appointments: FakeAppointment[];
  opportunities: FakeOpportunity[];
  workflowEnrollments: { contactId: string; workflowId: string }[];
  uploads: FakeUpload[];
  customFieldDefs: Map<string, CustomFieldDef>;
  webhookDeliveries: WebhookDelivery[];
  seedContact(c: Partial<FakeContact> & { id: string }): FakeContact;
  /** Records a message the contact sent (as GHL would before firing InboundMessage). */
  addInboundMessage(m: {
    contactId: string;
    body: string;
    type?: 'SMS' | 'Email';
    /** Email only: an inbound email gets its own email message id and thread. */
    subject?: string;
  }): FakeMessage;
  setFreeSlots(calendarId: string, slots: string[]): void;
  /** Defines a calendar and its team (setFreeSlots alone gives a one-member team, see routes-calendars.ts). */
  setCalendar(c: Partial<FakeCalendar> & { id: string }): FakeCalendar;
  addCustomField(def: CustomFieldDef): void;
  addPipeline(p: FakePipeline): void;
  addWorkflow(w: FakeWorkflow): void;
  failNext(rule: FailureRule): void;
  /** Drops every failure rule not yet used up: the outage ends now (test control). */
  clearFailures(): void;
  /** Answers every request held by a 'delay' rule now (test control). */
  releaseDelayed(): void;
  setRateLimit(max: number, intervalMs: number): void;
  /** Highest count of requests (answered or refused) seen in any sliding interval window for the location. */
  maxRequestsInAnyWindow(): number;
  /**
   * Test control for load runs: each location's budget use (the Private Integration location and
   * every OAuth location that called), with the requests refused over the burst or daily budget.
   */
  budgetUse(): LocationBudgetUse[];
  /** The Marketplace app: authorization codes, token lifetimes, which bearer tokens are live. */
  oauth: FakeOAuth;
  /** Later sends to this phone/contact are reported failed or undelivered (needs outboundWebhookUrl). */
  failDelivery(rule: import('./delivery-status.ts').DeliveryRule): void;
  close(): Promise<void>;
}
