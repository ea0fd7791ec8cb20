import { getContact, normalizeTags } from './contact-model.ts';
import { type Ctx, type Route, route } from './router.ts';
import type { FakeNote, FakeTask } from './types.ts';
import { newId, ok, requireFields, traceId, unprocessable } from './wire.ts';

function tagsFrom(body: Record<string, unknown>): string[] {
  const tags = body.tags;
  if (!Array.isArray(tags) || !tags.every((t) => typeof t === 'string')) {
    throw unprocessable(['tags must be an array', 'each value in tags must be a string']);
  }
  return normalizeTags(tags);
}

// Tag add answers 201, tag remove 200 and takes a JSON body on DELETE (reference §11.6).
function addTags({ state, params, body }: Ctx) {
  const contact = getContact(state, params.id);
  contact.tags = normalizeTags([...contact.tags, ...tagsFrom(body)]);
  contact.dateUpdated = state.nowIso();
  return ok({ tags: contact.tags, traceId: traceId() }, 201);
}

function removeTags({ state, params, body }: Ctx) {
  const contact = getContact(state, params.id);
  const drop = new Set(tagsFrom(body));
  contact.tags = contact.tags.filter((t) => !drop.has(t));
  contact.dateUpdated = state.nowIso();
  return ok({ tags: contact.tags, traceId: traceId() });
}

function addNote({ state, params, body }: Ctx) {
  const contact = getContact(state, params.id);
  requireFields(body, { body: 'string' });
  const note: FakeNote = {
    id: newId(),
    body: body.body as string,
    dateAdded: state.nowIso(),
    contactId: contact.id,
  };
  if (typeof body.userId === 'string') note.userId = body.userId;
  if (typeof body.title === 'string') note.title = body.title;
  const list = state.notes.get(contact.id) ?? [];
  list.push(note);
  state.notes.set(contact.id, list);
  return ok({ note }, 201);
}

function listNotes({ state, params }: Ctx) {
  const contact = getContact(state, params.id);
  return ok({ notes: state.notes.get(contact.id) ?? [], traceId: traceId() });
}

function addTask({ state, params, body }: Ctx) {
  const contact = getContact(state, params.id);
  requireFields(body, { title: 'string', dueDate: 'string', completed: 'boolean' });
  if (Number.isNaN(Date.parse(body.dueDate as string))) {
    throw unprocessable(['dueDate must be a valid ISO 8601 date string']);
  }
  const task: FakeTask = {
    id: newId(),
    title: body.title as string,
    dueDate: body.dueDate as string,
    completed: body.completed as boolean,
    contactId: contact.id,
  };
  if (typeof body.body === 'string') task.body = body.body;
  if (typeof body.assignedTo === 'string') task.assignedTo = body.assignedTo;
  const list = state.tasks.get(contact.id) ?? [];
  list.push(task);
  state.tasks.set(contact.id, list);
  return ok({ task }, 201);
}

function listTasks({ state, params }: Ctx) {
  const contact = getContact(state, params.id);
  return ok({ tasks: state.tasks.get(contact.id) ?? [], traceId: traceId() });
}

function addToWorkflow({ state, params }: Ctx) {
  const contact = getContact(state, params.id);
  const workflowId = params.workflowId ?? '';
  state.workflowEnrollments.push({ contactId: contact.id, workflowId });
  return ok({ succeded: true });
}

function removeFromWorkflow({ state, params }: Ctx) {
  const contact = getContact(state, params.id);
  const at = state.workflowEnrollments.findIndex(
    (e) => e.contactId === contact.id && e.workflowId === params.workflowId,
  );
  if (at >= 0) state.workflowEnrollments.splice(at, 1);
  return ok({ succeded: true });
}

export const contactExtraRoutes: Route[] = [
  route('POST', '/contacts/:id/tags', addTags),
  route('DELETE', '/contacts/:id/tags', removeTags),
  route('POST', '/contacts/:id/notes', addNote),
  route('GET', '/contacts/:id/notes', listNotes),
  route('POST', '/contacts/:id/tasks', addTask),
  route('GET', '/contacts/:id/tasks', listTasks),
  route('POST', '/contacts/:id/workflow/:workflowId', addToWorkflow),
  route('DELETE', '/contacts/:id/workflow/:workflowId', removeFromWorkflow),
];
