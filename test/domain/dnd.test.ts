import { describe, expect, it } from 'vitest';
import { normalizeMarketplaceEvent } from '../../src/adapters/ghl-webhooks/normalize.ts';
import { channelInDnd } from '../../src/domain/dnd.ts';

const inactive = { status: 'inactive' };
const allInactive = {
  SMS: inactive,
  Email: inactive,
  WhatsApp: inactive,
  GMB: inactive,
  FB: inactive,
  Call: inactive,
};

describe('do-not-disturb is decided per channel', () => {
  it('dnd: true with every channel inactive (as real contacts carry it) blocks no channel', () => {
    expect(channelInDnd({ dnd: true, dndSettings: allInactive }, 'SMS')).toBe(false);
    expect(channelInDnd({ dnd: true, dndSettings: allInactive }, 'Email')).toBe(false);
  });

  it('a channel active or permanent is blocked; the others are not', () => {
    const c = { dnd: false, dndSettings: { ...allInactive, SMS: { status: 'permanent' } } };
    expect(channelInDnd(c, 'SMS')).toBe(true);
    expect(channelInDnd(c, 'Email')).toBe(false);
    expect(channelInDnd({ dnd: true, dndSettings: { Email: { status: 'active' } } }, 'Email')).toBe(true);
  });

  it('ASSUMPTION: without any per-channel setting the global flag stands for every channel', () => {
    expect(channelInDnd({ dnd: true }, 'SMS')).toBe(true);
    expect(channelInDnd({ dnd: true, dndSettings: {} }, 'Email')).toBe(true);
    expect(channelInDnd({ dnd: false }, 'SMS')).toBe(false);
  });
});

describe('a ContactDndUpdate event', () => {
  const event = (extra: Record<string, unknown>) =>
    normalizeMarketplaceEvent({
      type: 'ContactDndUpdate',
      locationId: 'loc1',
      webhookId: `wh-dnd-${JSON.stringify(extra).length}`,
      timestamp: '2026-12-04T12:00:00.000Z',
      id: 'c1',
      tags: [],
      ...extra,
    });
  const dndOf = (r: ReturnType<typeof event>) =>
    r.ok && 'event' in r && r.event.payload.kind === 'dnd_updated' ? r.event.payload.dnd : 'not a dnd event';

  it('with dnd: true and every channel inactive does not opt the lead out of texts', () => {
    expect(dndOf(event({ dnd: true, dndSettings: allInactive }))).toBe(false);
  });

  it('opts out of texts when SMS is in DND, not when only email is', () => {
    expect(dndOf(event({ dnd: false, dndSettings: { ...allInactive, SMS: { status: 'active' } } }))).toBe(
      true,
    );
    expect(dndOf(event({ dnd: true, dndSettings: { ...allInactive, Email: { status: 'active' } } }))).toBe(
      false,
    );
  });
});
