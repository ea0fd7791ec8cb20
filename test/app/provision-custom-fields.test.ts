import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createFieldProvisioner,
  FieldProvisioningError,
} from '../../src/app/outbox/provision-custom-fields.ts';
import { CONTACT_FIELDS } from '../../src/domain/contact-fields.ts';
import { createLogger } from '../../src/observability/logger.ts';
import { type Harness, startHarness } from '../adapters/ghl/harness.ts';
import type { FakeGhl } from '../support/fakes/ghl-server.ts';

const contactId = 'cnt00000000000000001';
const harnesses: Harness[] = [];

async function location(locationId?: string, scopes?: string[]): Promise<Harness> {
  const h = await startHarness({ ...(locationId ? { locationId } : {}), ...(scopes ? { scopes } : {}) });
  h.fake.seedContact({ id: contactId, firstName: 'Ana', phone: '+15555550101' });
  harnesses.push(h);
  return h;
}

function provisioner() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { fields: createFieldProvisioner({ logger: createLogger({ level: 'info', destination }) }), lines };
}

const creates = (fake: FakeGhl) =>
  fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/customFields'));
const lists = (fake: FakeGhl) =>
  fake.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/customFields'));
const defOf = (fake: FakeGhl, key: string) =>
  [...fake.customFieldDefs.values()].find((d) => d.fieldKey === `contact.${key}`);

afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.fake.close();
});

describe('custom field provisioning', () => {
  it('creates every field the bots write in a fresh location, then writes values by id', async () => {
    const { crm, fake } = await location();
    const { fields, lines } = provisioner();
    await fields.write(crm, fake.locationId, contactId, { lead_score: 72, budget_max: 650_000 });
    expect(creates(fake)).toHaveLength(CONTACT_FIELDS.length);
    for (const spec of CONTACT_FIELDS) {
      expect(defOf(fake, spec.key)).toMatchObject({ name: spec.name, dataType: spec.dataType });
    }
    expect(fake.contacts.get(contactId)!.customFields).toEqual([
      { id: defOf(fake, 'lead_score')!.id, value: 72 },
      { id: defOf(fake, 'budget_max')!.id, value: 650_000 },
    ]);
    const put = fake.requests.find((r) => r.method === 'PUT');
    expect(put?.body).toEqual({
      customFields: [
        { id: defOf(fake, 'lead_score')!.id, field_value: 72 },
        { id: defOf(fake, 'budget_max')!.id, field_value: 650_000 },
      ],
    });
    expect(lines.join('')).toContain(`created ${CONTACT_FIELDS.length} custom fields`);
    // Known now: the next write neither lists nor creates.
    await fields.write(crm, fake.locationId, contactId, { beds: 3 });
    expect(lists(fake)).toHaveLength(1);
    expect(creates(fake)).toHaveLength(CONTACT_FIELDS.length);
  });

  it('re-uses fields the location already has, by key or by name, and creates only the rest', async () => {
    const { crm, fake } = await location();
    fake.addCustomField({
      id: 'fldScore',
      name: 'Score',
      fieldKey: 'contact.lead_score',
      dataType: 'NUMERICAL',
    });
    // Made by hand in the CRM, whose key was derived from another spelling of the name.
    fake.addCustomField({ id: 'fldBeds', name: 'beds', fieldKey: 'contact.bedrooms', dataType: 'NUMERICAL' });
    const first = provisioner().fields;
    const ids = await first.ensure(crm, fake.locationId);
    expect(ids.get('lead_score')).toBe('fldScore');
    expect(ids.get('beds')).toBe('fldBeds');
    expect(creates(fake)).toHaveLength(CONTACT_FIELDS.length - 2);
    // Another process (or a restart) finds them all and creates nothing.
    const again = await provisioner().fields.ensure(crm, fake.locationId);
    expect(new Map(again)).toEqual(new Map(ids));
    expect(creates(fake)).toHaveLength(CONTACT_FIELDS.length - 2);
    expect(fake.customFieldDefs.size).toBe(CONTACT_FIELDS.length);
  });

  it('gives a second location its own fields', async () => {
    const a = await location('locA0000000000000001');
    const b = await location('locB0000000000000002');
    const { fields } = provisioner();
    await fields.write(a.crm, a.fake.locationId, contactId, { lead_score: 10 });
    await fields.write(b.crm, b.fake.locationId, contactId, { lead_score: 90 });
    expect(creates(a.fake)).toHaveLength(CONTACT_FIELDS.length);
    expect(creates(b.fake)).toHaveLength(CONTACT_FIELDS.length);
    const idA = defOf(a.fake, 'lead_score')!.id;
    const idB = defOf(b.fake, 'lead_score')!.id;
    expect(idA).not.toBe(idB);
    expect(a.fake.contacts.get(contactId)!.customFields).toEqual([{ id: idA, value: 10 }]);
    expect(b.fake.contacts.get(contactId)!.customFields).toEqual([{ id: idB, value: 90 }]);
  });

  it('lists again once when GHL refuses a field id (deleted in the CRM) and writes with the new id', async () => {
    const { crm, fake } = await location();
    const { fields } = provisioner();
    await fields.ensure(crm, fake.locationId);
    const old = defOf(fake, 'timeline')!.id;
    fake.customFieldDefs.delete(old);
    await fields.write(crm, fake.locationId, contactId, { timeline: '3 months' });
    const fresh = defOf(fake, 'timeline')!.id;
    expect(fresh).not.toBe(old);
    expect(fake.contacts.get(contactId)!.customFields).toEqual([{ id: fresh, value: '3 months' }]);
    expect(lists(fake)).toHaveLength(2);
    const puts = fake.requests.filter((r) => r.method === 'PUT').map((r) => r.status);
    expect(puts).toEqual([400, 200]);
  });

  it('does not repeat a write GHL refuses for another reason', async () => {
    const { crm, fake } = await location();
    const { fields } = provisioner();
    const err = await fields
      .write(crm, fake.locationId, 'ghost000000000000000', { lead_score: 5 })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 400, retryable: false });
    expect(fake.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
  });

  it('finds a field another process created at the same moment instead of failing', async () => {
    const { crm, fake } = await location();
    // The create takes effect, yet the answer is a refusal (as when a concurrent create won).
    fake.failNext({
      method: 'POST',
      path: /\/customFields$/,
      mode: 'record-then-status',
      status: 400,
      times: 1,
    });
    const ids = await provisioner().fields.ensure(crm, fake.locationId);
    expect(ids.size).toBe(CONTACT_FIELDS.length);
    expect(fake.customFieldDefs.size).toBe(CONTACT_FIELDS.length);
  });

  it('fails loudly, naming the missing fields, when the token may not create fields; nothing is written', async () => {
    const { crm, fake } = await location(undefined, ['contacts.write', 'locations/customFields.readonly']);
    const { fields, lines } = provisioner();
    const err = await fields
      .write(crm, fake.locationId, contactId, { lead_score: 5 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FieldProvisioningError);
    expect(err).toMatchObject({ status: 401, retryable: false });
    expect((err as Error).message).toContain('lead_score');
    expect((err as Error).message).toContain('The token is not authorized for this scope.');
    expect(lines.some((l) => l.includes('"level":50') && l.includes('are not ready'))).toBe(true);
    expect(fake.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
    // Not remembered: the next write tries again.
    await fields.write(crm, fake.locationId, contactId, { lead_score: 5 }).catch(() => undefined);
    expect(lists(fake)).toHaveLength(2);
  });

  it('refuses a key that is not in the list rather than dropping it', async () => {
    const { crm, fake } = await location();
    const err = await provisioner()
      .fields.write(crm, fake.locationId, contactId, { favourite_colour: 'blue' })
      .catch((e: unknown) => e);
    expect((err as Error).message).toContain('favourite_colour');
    expect(fake.requests).toHaveLength(0);
  });
});
