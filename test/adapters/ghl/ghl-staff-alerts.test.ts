import { afterEach, describe, expect, it } from 'vitest';
import { CrmError } from '../../../src/ports.ts';
import { type Harness, sendsOf, startHarness } from './harness.ts';

let h: Harness | undefined;

afterEach(async () => {
  await h?.fake.close();
  h = undefined;
});

const alert = (to: string) => ({
  channel: 'SMS' as const,
  to,
  name: 'Jorge (agent)',
  message: 'Escalation: a lead asked for you',
});

describe('GHL staff alerts', () => {
  it('keeps the tags the staff contact already has (upsert tags would replace them)', async () => {
    h = await startHarness();
    const { crm, fake } = h;
    fake.seedContact({ id: 'staff0000000000000001', phone: '+19095550111', tags: ['team', 'broker'] });
    const sent = await crm.notifyStaff(fake.locationId, alert('+19095550111'));
    expect(fake.contacts.get('staff0000000000000001')?.tags.sort()).toEqual([
      'broker',
      'staff-alerts',
      'team',
    ]);
    expect(fake.messages.at(-1)).toMatchObject({
      id: sent.messageId,
      contactId: 'staff0000000000000001',
      body: 'Escalation: a lead asked for you',
    });
    // Found by phone: nothing is upserted, so nothing can overwrite its tags.
    expect(fake.requests.filter((r) => r.path === '/contacts/upsert')).toEqual([]);
  });

  it('creates the staff contact with the staff-alerts tag when none exists', async () => {
    h = await startHarness();
    const { crm, fake } = h;
    await crm.notifyStaff(fake.locationId, {
      ...alert('jorge@example.com'),
      channel: 'Email',
      subject: 'Alert',
    });
    const staff = [...fake.contacts.values()].find((c) => c.email === 'jorge@example.com');
    expect(staff?.tags).toEqual(['staff-alerts']);
    expect(staff?.name).toBe('Jorge (agent)');
    const upsert = fake.requests.find((r) => r.path === '/contacts/upsert');
    expect(upsert?.body).not.toHaveProperty('tags');
    expect(sendsOf(fake)).toHaveLength(1);
  });

  it('refuses to send a staff alert to a contact the bots treat as a lead, and sends nothing', async () => {
    h = await startHarness();
    const { crm, fake } = h;
    fake.seedContact({
      id: 'lead00000000000000001',
      name: 'Ana Ruiz',
      phone: '+19095550112',
      tags: ['Seller-Lead', 'hot-seller'],
    });
    const err = await crm.notifyStaff(fake.locationId, alert('+19095550112')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CrmError);
    expect(err).toMatchObject({ retryable: false });
    expect((err as Error).message).toMatch(/lead/);
    expect(sendsOf(fake)).toHaveLength(0);
    // The lead's record is left exactly as it was (no rename by an upsert, no tag).
    expect(fake.contacts.get('lead00000000000000001')).toMatchObject({ name: 'Ana Ruiz' });
    expect(fake.contacts.get('lead00000000000000001')?.tags).toEqual(['seller-lead', 'hot-seller']);
    expect(fake.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('a contact already marked as staff is alerted even if it carries a lead tag', async () => {
    h = await startHarness();
    const { crm, fake } = h;
    fake.seedContact({
      id: 'staff0000000000000002',
      phone: '+19095550113',
      tags: ['staff-alerts', 'buyer-lead'],
    });
    await crm.notifyStaff(fake.locationId, alert('+19095550113'));
    expect(sendsOf(fake)).toHaveLength(1);
  });

  it('asks the lead check it is given (the bots’ own records) before sending', async () => {
    const asked: string[] = [];
    h = await startHarness(
      {},
      {
        isLeadContact: (_loc, c) => {
          asked.push(c.id);
          return c.id === 'talked0000000000000001';
        },
      },
    );
    const { crm, fake } = h;
    fake.seedContact({ id: 'talked0000000000000001', phone: '+19095550114' });
    const err = await crm.notifyStaff(fake.locationId, alert('+19095550114')).catch((e: unknown) => e);
    expect(err).toMatchObject({ retryable: false });
    expect(asked).toEqual(['talked0000000000000001']);
    expect(sendsOf(fake)).toHaveLength(0);
  });
});
