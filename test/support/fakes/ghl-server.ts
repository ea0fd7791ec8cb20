// Fake GoHighLevel API v2 for tests: a real HTTP server on 127.0.0.1 speaking GHL's wire format.
export { startFakeGhl } from './ghl/server.ts';
export type {
  CustomFieldDef,
  DndChannel,
  FailureRule,
  FakeAppointment,
  FakeContact,
  FakeConversation,
  FakeGhl,
  FakeGhlOptions,
  FakeMessage,
  FakeNote,
  FakeOpportunity,
  FakePipeline,
  FakeTask,
  FakeUpload,
  FakeWorkflow,
  RecordedRequest,
  WebhookDelivery,
} from './ghl/types.ts';
export { declaredVersion, PUBLISHED_VERSIONS } from './ghl/wire.ts';
