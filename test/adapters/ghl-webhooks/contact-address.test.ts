import { describe, expect, it } from 'vitest';
import {
  normalizeMarketplaceEvent,
  normalizeWorkflowPayload,
} from '../../../src/adapters/ghl-webhooks/normalize.ts';

// Quiet hours follow where the lead lives, so the address state and ZIP reach our contact mirror.
describe('the contact address from GHL events', () => {
  it('a ContactUpdate carries state and postalCode', () => {
    const r = normalizeMarketplaceEvent({
      type: 'ContactUpdate',
      locationId: 'loc1',
      webhookId: 'wh-addr-1',
      timestamp: '2026-12-04T12:00:00.000Z',
      id: 'c1',
      phone: '+13055550123',
      address1: '1 Ocean Dr',
      city: 'Miami',
      state: 'FL',
      postalCode: '33139',
      country: 'US',
      tags: [],
    });
    expect(r.ok && 'event' in r && r.event.payload).toMatchObject({
      kind: 'contact_updated',
      contact: { phone: '+13055550123', state: 'FL', postalCode: '33139' },
    });
  });

  it('a workflow webhook carries state and postal_code, and they are not taken for custom fields', () => {
    const r = normalizeWorkflowPayload(
      {
        contact_id: 'c2',
        location: { id: 'loc1' },
        state: 'Oklahoma',
        postal_code: '73102',
        message: { type: 'SMS', body: 'hi' },
      },
      undefined,
    );
    expect(r.ok && 'event' in r && r.event.payload).toMatchObject({
      kind: 'inbound_message',
      contact: { state: 'Oklahoma', postalCode: '73102' },
    });
    if (r.ok && 'event' in r && r.event.payload.kind === 'inbound_message')
      expect(r.event.payload.contact?.customFields).toBeUndefined();
  });
});
