import { afterEach, beforeEach, expect, it, describe } from 'vitest';
import { type FakeGhl, startFakeGhl } from '../support/fakes/ghl-server.ts';
import { fakeGhlCaller } from './fake-ghl-caller.ts';

// Custom fields as GHL keeps them: defined per location, written by id or key, never created by a write.
let ghl: FakeGhl;
const call = fakeGhlCaller(() => ghl);

beforeEach(async () => {
  ghl = await startFakeGhl();
  ghl.seedContact({ id: 'contact_A', firstName: 'Ana', phone: '(909) 555-0101', email: 'Ana@Example.com' });
});

afterEach(async () => {
  await ghl.close();
});

describe('custom fields', () => {
  it('writes defined custom fields by id or key and reads them back by id', async () => {
    ghl.addCustomField({ id: 'cf_budget', name: 'Budget', fieldKey: 'contact.budget', dataType: 'MONETORY' });
    ghl.addCustomField({
      id: 'cf_timeline',
      name: 'Timeline',
      fieldKey: 'contact.timeline',
      dataType: 'TEXT',
    });
    const put = await call('PUT', '/contacts/contact_A', {
      body: {
        customFields: [
          { id: 'cf_budget', field_value: 650000 },
          { key: 'contact.timeline', value: '3 months' },
        ],
      },
    });
    expect(put.json.succeded).toBe(true);
    const got = await call('GET', '/contacts/contact_A');
    expect(got.json.contact.customFields).toEqual([
      { id: 'cf_budget', value: 650000 },
      { id: 'cf_timeline', value: '3 months' },
    ]);
  });

  it('ASSUMPTION unknown custom field 400: refuses a key or id the location does not define and changes nothing', async () => {
    const byKey = await call('PUT', '/contacts/contact_A', {
      body: { firstName: 'Changed', customFields: [{ key: 'lead_score', field_value: 80 }] },
    });
    expect(byKey.status).toBe(400);
    expect(byKey.json).toEqual({ statusCode: 400, message: 'Custom field with key lead_score not found' });
    const byId = await call('PUT', '/contacts/contact_A', {
      body: { customFields: [{ id: 'nope0000000000000000', field_value: 80 }] },
    });
    expect(byId.status).toBe(400);
    expect(byId.json.message).toBe('Custom field with id nope0000000000000000 not found');
    expect(ghl.contacts.get('contact_A')).toMatchObject({ firstName: 'Ana', customFields: [] });
    expect(ghl.customFieldDefs.size).toBe(0);
  });

  it('creates a contact custom field (201 {customField}) and lists it by model', async () => {
    const created = await call('POST', `/locations/${ghl.locationId}/customFields`, {
      body: { name: 'Lead Score', dataType: 'NUMERICAL', fieldKey: 'lead_score', model: 'contact' },
    });
    expect(created.status).toBe(201);
    expect(created.json.customField).toMatchObject({
      id: expect.stringMatching(/^[A-Za-z0-9]{20}$/),
      name: 'Lead Score',
      fieldKey: 'contact.lead_score',
      dataType: 'NUMERICAL',
      model: 'contact',
      locationId: ghl.locationId,
    });
    const derived = await call('POST', `/locations/${ghl.locationId}/customFields`, {
      body: { name: 'Deal Notes', dataType: 'LARGE_TEXT', model: 'opportunity' },
    });
    expect(derived.json.customField.fieldKey).toBe('opportunity.deal_notes');
    const contactFields = await call('GET', `/locations/${ghl.locationId}/customFields?model=contact`);
    expect(contactFields.json.customFields.map((f: { fieldKey: string }) => f.fieldKey)).toEqual([
      'contact.lead_score',
    ]);
    const all = await call('GET', `/locations/${ghl.locationId}/customFields`);
    expect(all.json.customFields).toHaveLength(2);
    const put = await call('PUT', '/contacts/contact_A', {
      body: { customFields: [{ id: created.json.customField.id, field_value: 80 }] },
    });
    expect(put.status).toBe(200);
  });

  it('refuses a field without name or dataType (422), a duplicate key (ASSUMPTION 400) and another location (403)', async () => {
    const path = `/locations/${ghl.locationId}/customFields`;
    const missing = await call('POST', path, { body: { name: 'X' } });
    expect(missing.status).toBe(422);
    expect(missing.json.message).toEqual(expect.arrayContaining(['dataType must be a string']));
    const badType = await call('POST', path, { body: { name: 'X', dataType: 'NUMBER' } });
    expect(badType.status).toBe(422);
    await call('POST', path, { body: { name: 'Beds', dataType: 'NUMERICAL', fieldKey: 'beds' } });
    const dup = await call('POST', path, {
      body: { name: 'Beds 2', dataType: 'NUMERICAL', fieldKey: 'beds' },
    });
    expect(dup.status).toBe(400);
    const other = await call('POST', '/locations/other/customFields', {
      body: { name: 'Y', dataType: 'TEXT' },
    });
    expect(other.status).toBe(403);
  });

  it('needs locations/customFields.write to create and .readonly to list (401 otherwise)', async () => {
    await ghl.close();
    ghl = await startFakeGhl({ scopes: ['contacts.write', 'locations/customFields.readonly'] });
    const path = `/locations/${ghl.locationId}/customFields`;
    const denied = await call('POST', path, { body: { name: 'Beds', dataType: 'NUMERICAL' } });
    expect(denied.status).toBe(401);
    expect(denied.json.message).toBe('The token is not authorized for this scope.');
    expect((await call('GET', path)).status).toBe(200);
  });
});
