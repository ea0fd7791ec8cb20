import type {
  CustomFieldDef,
  FakeAppointment,
  FakeCalendar,
  FakeContact,
  FakeConversation,
  FakeMessage,
  FakeNote,
  FakeOpportunity,
  FakePipeline,
  FakeTask,
  FakeUpload,
  FakeWorkflow,
  RecordedRequest,
  WebhookDelivery,
} from './types.ts';

export interface FakeState {
  token: string;
  locationId: string;
  /** The token's scopes; undefined grants every scope. */
  scopes?: readonly string[];
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
  freeSlots: Map<string, string[]>;
  calendars: Map<string, FakeCalendar>;
  pipelines: FakePipeline[];
  workflows: FakeWorkflow[];
  webhookDeliveries: WebhookDelivery[];
  /** Strictly increasing ISO time, so "newest first" is well defined even within one millisecond. */
  nowIso(): string;
  onMessageStored?: (m: FakeMessage) => void;
}

export function createState(token: string, locationId: string): FakeState {
  let last = 0;
  return {
    token,
    locationId,
    messages: [],
    requests: [],
    contacts: new Map(),
    conversations: new Map(),
    notes: new Map(),
    tasks: new Map(),
    appointments: [],
    opportunities: [],
    workflowEnrollments: [],
    uploads: [],
    customFieldDefs: new Map(),
    freeSlots: new Map(),
    calendars: new Map(),
    pipelines: [],
    workflows: [],
    webhookDeliveries: [],
    nowIso() {
      last = Math.max(Date.now(), last + 1);
      return new Date(last).toISOString();
    },
  };
}
