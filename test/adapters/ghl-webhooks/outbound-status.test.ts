import { describe, expect, it } from 'vitest';
import { normalizeMarketplaceEvent } from '../../../src/adapters/ghl-webhooks/normalize.ts';
import { outboundMessagePayload } from '../../support/fakes/webhook-signer.ts';

const sent = (extra: Record<string, unknown>) => ({
  ...outboundMessagePayload({
    locationId: 'loc1',
    contactId: 'c1',
    messageId: 'm1',
    body: 'Hi',
    dateAdded: '2026-12-04T12:00:00.000Z',
    source: 'workflow',
  }),
  ...extra,
});

const payloadOf = (body: Record<string, unknown>) => {
  const r = normalizeMarketplaceEvent(body);
  if (!r.ok || !('event' in r)) throw new Error(`not an event: ${JSON.stringify(r)}`);
  const p = r.event.payload;
  if (p.kind !== 'outbound_message') throw new Error(`not an outbound message: ${p.kind}`);
  return p;
};

describe('OutboundMessage events keep the delivery report', () => {
  it('keeps the status, the sender, the channel and the time of the send', () => {
    expect(payloadOf(sent({ status: 'undelivered' }))).toMatchObject({
      kind: 'outbound_message',
      messageId: 'm1',
      source: 'workflow',
      status: 'undelivered',
      messageType: 'SMS',
      dateAdded: '2026-12-04T12:00:00.000Z',
    });
  });

  it('ASSUMPTION error shaped like ErrorDto or a string: keeps its code and message, cut to 300 characters', () => {
    expect(
      payloadOf(sent({ status: 'failed', error: { code: 30007, type: 'carrier', message: 'Filtered' } })),
    ).toMatchObject({ error: { code: '30007', message: 'Filtered' } });
    expect(payloadOf(sent({ status: 'failed', error: 'x'.repeat(1000) })).error?.message).toHaveLength(300);
    expect(payloadOf(sent({ status: 'failed', error: { foo: 1 } })).error).toBeUndefined();
  });

  it('a status event without body, date or status is still accepted (calls and voicemails carry no body)', () => {
    const { body: _b, dateAdded: _d, status: _s, ...bare } = sent({});
    expect(payloadOf({ ...bare, dateAdded: 'yesterday' })).toEqual({
      kind: 'outbound_message',
      messageId: 'm1',
      source: 'workflow',
      userId: expect.any(String),
      messageType: 'SMS',
    });
  });
});
