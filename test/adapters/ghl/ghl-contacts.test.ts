import { afterEach, describe, expect, it } from 'vitest';
import { CrmError } from '../../../src/ports.ts';
import { type Harness, startHarness } from './harness.ts';

const contactId = 'cnt00000000000000001';
let h: Harness | undefined;

async function setup(...args: Parameters<typeof startHarness>): Promise<Harness> {
  h = await startHarness(...args);
  h.fake.seedContact({ id: contactId, firstName: 'Ana', lastName: 'Ruiz', phone: '+15555550101' });
  return h;
}

afterEach(async () => {
  await h?.fake.close();
  h = undefined;
});

describe('GHL contacts', () => {
  it('reads a contact with its tags, DND flag and custom fields by id', async () => {
    const { crm, fake } = await setup();
    fake.addCustomField({ id: 'fld1', name: 'Budget', fieldKey: 'contact.budget', dataType: 'TEXT' });
    await crm.setCustomFields(fake.locationId, contactId, [{ id: 'fld1', value: '650k' }]);
    await crm.addTags(fake.locationId, contactId, ['Buyer-Lead']);
    const contact = await crm.getContact(fake.locationId, contactId);
    expect(contact).toMatchObject({ id: contactId, firstName: 'Ana', lastName: 'Ruiz', dnd: false });
    expect(contact.tags).toEqual(['buyer-lead']);
    expect(contact.customFields).toEqual([{ id: 'fld1', value: '650k' }]);
  });

  it('surfaces GHL’s 400 for an unknown contact without retrying it', async () => {
    const { crm, fake, retries } = await setup();
    const err = await crm.getContact(fake.locationId, 'nope0000000000000000').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CrmError);
    expect(err).toMatchObject({ status: 400, retryable: false });
    expect((err as Error).message).toContain('Contact with id nope0000000000000000 not found');
    expect(retries).toEqual([]);
  });

  it('surfaces a 401 with GHL’s message and does not retry it', async () => {
    const { crm, fake } = await setup({}, { token: 'pit-wrong' });
    const err = await crm.getContact(fake.locationId, contactId).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 401, retryable: false, ambiguous: false });
    expect((err as Error).message).toContain('Invalid token: access token is invalid');
    expect(fake.requests).toHaveLength(1);
  });

  it('joins a 422 message list into one readable message', async () => {
    const { crm, fake } = await setup();
    const err = await crm
      .updateContact(fake.locationId, contactId, { nickname: 'x' } as never)
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 422, retryable: false });
    expect((err as Error).message).toContain('property nickname should not exist');
  });

  it('updates contact details and removes tags', async () => {
    const { crm, fake } = await setup();
    await crm.updateContact(fake.locationId, contactId, {
      firstName: 'Ana María',
      timezone: 'America/Denver',
    });
    await crm.addTags(fake.locationId, contactId, ['Seller-Lead', 'Hot-Seller']);
    await crm.removeTags(fake.locationId, contactId, ['Hot-Seller']);
    const stored = fake.contacts.get(contactId)!;
    expect(stored).toMatchObject({ firstName: 'Ana María', timezone: 'America/Denver' });
    expect(stored.tags).toEqual(['seller-lead']);
    const removal = fake.requests.find((r) => r.method === 'DELETE');
    expect(removal?.body).toEqual({ tags: ['Hot-Seller'] });
  });

  it('writes custom fields by field id', async () => {
    const { crm, fake } = await setup();
    fake.addCustomField({
      id: 'fldScore',
      name: 'Lead score',
      fieldKey: 'contact.lead_score',
      dataType: 'NUMERICAL',
    });
    await crm.setCustomFields(fake.locationId, contactId, [{ id: 'fldScore', value: 80 }]);
    expect(fake.contacts.get(contactId)!.customFields).toEqual([{ id: 'fldScore', value: 80 }]);
    const put = fake.requests.find((r) => r.method === 'PUT');
    expect(put?.body).toEqual({ customFields: [{ id: 'fldScore', field_value: 80 }] });
  });

  it('surfaces the 400 for a field the location does not define, without retrying it', async () => {
    const { crm, fake, retries } = await setup();
    const err = await crm
      .setCustomFields(fake.locationId, contactId, [{ id: 'nofield0000000000000', value: 80 }])
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 400, retryable: false });
    expect((err as Error).message).toContain('Custom field with id nofield0000000000000 not found');
    expect(retries).toEqual([]);
    expect(fake.contacts.get(contactId)!.customFields).toEqual([]);
  });

  it('creates a contact custom field with its key and lists contact fields only', async () => {
    const { crm, fake } = await setup();
    const def = await crm.createCustomField(fake.locationId, {
      name: 'Budget Max',
      fieldKey: 'budget_max',
      dataType: 'MONETORY',
    });
    expect(def).toEqual({
      id: expect.stringMatching(/^[A-Za-z0-9]{20}$/),
      name: 'Budget Max',
      fieldKey: 'contact.budget_max',
      dataType: 'MONETORY',
    });
    const create = fake.requests.find((r) => r.method === 'POST' && r.path.endsWith('/customFields'));
    expect(create?.body).toEqual({
      name: 'Budget Max',
      dataType: 'MONETORY',
      fieldKey: 'budget_max',
      model: 'contact',
    });
    expect(create?.headers.version).toBe('2021-07-28');
    expect(await crm.listCustomFields(fake.locationId)).toEqual([def]);
    const list = fake.requests.find((r) => r.method === 'GET' && r.path.endsWith('/customFields'));
    expect(list?.query).toEqual({ model: 'contact' });
  });

  it('lists the location’s custom field definitions', async () => {
    const { crm, fake } = await setup();
    fake.addCustomField({ id: 'fldTl', name: 'Timeline', fieldKey: 'contact.timeline', dataType: 'TEXT' });
    expect(await crm.listCustomFields(fake.locationId)).toContainEqual({
      id: 'fldTl',
      name: 'Timeline',
      fieldKey: 'contact.timeline',
      dataType: 'TEXT',
    });
  });

  it('adds a note and an open task and returns their ids', async () => {
    const { crm, fake } = await setup();
    const note = await crm.addNote(fake.locationId, contactId, 'Pre-approved, wants 3 beds');
    const task = await crm.createTask(fake.locationId, contactId, {
      title: 'Call back',
      dueDate: '2030-01-02T17:00:00.000Z',
    });
    expect(fake.notes.get(contactId)).toEqual([expect.objectContaining({ id: note.id })]);
    expect(fake.tasks.get(contactId)).toEqual([expect.objectContaining({ id: task.id, completed: false })]);
  });

  it('upserts an opportunity and enrols the contact in a workflow', async () => {
    const { crm, fake } = await setup();
    const input = { pipelineId: 'pipe1', contactId, name: 'Ana Ruiz', status: 'open' as const };
    const first = await crm.upsertOpportunity(fake.locationId, input);
    const again = await crm.upsertOpportunity(fake.locationId, { ...input, monetaryValue: 650_000 });
    expect(again.id).toBe(first.id);
    expect(fake.opportunities).toHaveLength(1);
    await crm.addToWorkflow(fake.locationId, contactId, 'wf-1');
    expect(fake.workflowEnrollments).toEqual([{ contactId, workflowId: 'wf-1' }]);
  });
});

describe('GHL transport', () => {
  it('sends the bearer token and the Version each API declares', async () => {
    const { crm, fake } = await setup();
    fake.setFreeSlots('cal1', []);
    await crm.getContact(fake.locationId, contactId);
    await crm.listCustomFields(fake.locationId);
    await crm.upsertOpportunity(fake.locationId, { pipelineId: 'p', contactId, name: 'n', status: 'open' });
    await crm.addToWorkflow(fake.locationId, contactId, 'wf');
    await crm.sendMessage(fake.locationId, { contactId, type: 'SMS', message: 'hi' });
    const start = new Date();
    const end = new Date(start.getTime() + 86_400_000);
    await crm.getFreeSlots(fake.locationId, 'cal1', { start, end, timezone: 'UTC' });
    const versionOf = (prefix: string) =>
      new Set(fake.requests.filter((r) => r.path.startsWith(prefix)).map((r) => r.headers.version));
    expect(versionOf('/contacts')).toEqual(new Set(['2021-07-28']));
    expect(versionOf('/locations')).toEqual(new Set(['2021-07-28']));
    expect(versionOf('/opportunities')).toEqual(new Set(['2021-07-28']));
    expect(versionOf('/conversations')).toEqual(new Set(['2021-04-15']));
    expect(versionOf('/calendars')).toEqual(new Set(['2021-04-15']));
    expect(fake.requests.every((r) => r.headers.authorization === `Bearer ${fake.token}`)).toBe(true);
    expect(fake.requests.every((r) => r.status < 400)).toBe(true);
  });

  it('retries a 429 on a read after the Retry-After wait and pauses the location', async () => {
    const { crm, fake, retries, pauses } = await setup();
    fake.failNext({ path: `/contacts/${contactId}`, times: 1, status: 429, headers: { 'Retry-After': '2' } });
    expect((await crm.getContact(fake.locationId, contactId)).id).toBe(contactId);
    expect(retries).toEqual([{ op: 'getContact', attempt: 1, delayMs: 2000 }]);
    expect(pauses).toContainEqual({ key: fake.locationId, ms: 2000 });
  });

  it('keeps contact details out of errors and logs', async () => {
    const { crm, fake, logs } = await setup();
    fake.failNext({
      path: `/contacts/${contactId}`,
      times: 4,
      status: 500,
      body: { statusCode: 500, message: 'Failed for ana@example.com at +1 555 555 0101' },
    });
    const err = await crm.getContact(fake.locationId, contactId).catch((e: unknown) => e);
    const text = `${(err as Error).message} ${JSON.stringify(logs)}`;
    expect(text).not.toContain('ana@example.com');
    expect(text).not.toContain('555 555 0101');
    expect(logs.filter((l) => l.level === 'warn')).toHaveLength(3);
  });
});
