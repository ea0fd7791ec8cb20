import { describe, expect, it } from 'vitest';
import { normalizeMarketplaceEvent } from '../../../src/adapters/ghl-webhooks/normalize.ts';

const envelope = {
  type: 'InboundMessage',
  locationId: 'loc1',
  webhookId: 'wh-1',
  timestamp: '2026-12-04T12:00:00.000Z',
  contactId: 'c1',
  messageType: 'SMS',
};

describe('webhook problems name what is wrong with a field', () => {
  it('a missing field "is required"; a field of the wrong type says what it got', () => {
    const missing = normalizeMarketplaceEvent({ ...envelope });
    const wrong = normalizeMarketplaceEvent({ ...envelope, body: [['hi']] });
    expect(missing.ok).toBe(false);
    expect(wrong.ok).toBe(false);
    if (missing.ok || wrong.ok) return;
    expect(missing.problems.join('; ')).toMatch(/body: is required/);
    expect(wrong.problems.join('; ')).not.toMatch(/body: is required/);
    expect(wrong.problems.join('; ')).toMatch(/body: .*received array/);
  });
});
