import * as fc from 'fast-check';
import {
  contactTagUpdatePayload,
  inboundMessagePayload,
  outboundMessagePayload,
  workflowWebhookPayload,
} from '../support/fakes/webhook-signer.ts';
import { type Draft, draft, type FuzzTarget, JSON_TYPE, jsonBody, NOW, STALE } from './fuzz-draft.ts';

export const LOCATION = 'fz-loc';

const MESSAGES = [
  'Hi, I want to sell my house',
  'Can I talk to Jorge directly please?',
  'I want to buy a 3 bedroom under 700k in Rancho Cucamonga',
  'Only show me neighborhoods without Black families',
  'STOP',
  'HELP',
  'are you a bot?',
  'my email is lupe@example.com and my number is 555-0100',
  'quiero vender mi casa en 6 meses',
  'maybe',
  '',
  '   ',
];

export const id = (prefix: string, n: number) =>
  fc.integer({ min: 0, max: n - 1 }).map((i) => `${prefix}${i}`);
export const message = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...MESSAGES) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
);
const webhookId = fc.oneof(
  { weight: 5, arbitrary: fc.uuid() },
  // A few repeat, so the duplicate path runs too.
  { weight: 1, arbitrary: id('fz-wh-', 5) },
);

export function signedWebhook(): fc.Arbitrary<Draft> {
  const event = fc.oneof(
    fc
      .record({ contactId: id('fz-c', 20), body: message, webhookId, messageId: fc.uuid() })
      .map((p) => inboundMessagePayload({ ...p, locationId: LOCATION, timestamp: NOW })),
    fc
      .record({ contactId: id('fz-c', 20), body: message, webhookId, source: fc.constantFrom('app', 'api') })
      .map((p) => outboundMessagePayload({ ...p, locationId: LOCATION, timestamp: NOW })),
    fc
      .record({
        contactId: id('fz-c', 20),
        webhookId,
        tags: fc.subarray(['Seller-Lead', 'Buyer-Lead', 'AI-Off', 'Hot-Seller', 'vip']),
      })
      .map((p) => contactTagUpdatePayload({ ...p, locationId: LOCATION, timestamp: NOW })),
    fc.record({ contactId: id('fz-c', 20), webhookId, dnd: fc.boolean() }).map((p) => ({
      type: 'ContactDndUpdate',
      locationId: LOCATION,
      id: p.contactId,
      dnd: p.dnd,
      webhookId: p.webhookId,
      timestamp: NOW,
    })),
    fc.constantFrom({ type: 'AppInstall', locationId: LOCATION, webhookId: 'fz-install', timestamp: STALE }),
  );
  return fc
    .tuple(event, fc.constantFrom('ed25519', 'ed25519', 'ed25519', 'rsa', 'both', 'forged', 'garbage'))
    .map(([body, sign]) =>
      draft('POST /webhooks/ghl (signed)', 'POST', ['webhooks', 'ghl'], {
        headers: { ...JSON_TYPE },
        body: jsonBody(body),
        sign: sign as NonNullable<Draft['sign']>,
      }),
    );
}

export function workflowWebhook(t: FuzzTarget): fc.Arbitrary<Draft> {
  const payload = fc
    .record({ contactId: id('fz-w', 20), body: message, firstName: fc.constantFrom('Lupe', 'Ana', 'José') })
    .map((p) =>
      workflowWebhookPayload({
        locationId: LOCATION,
        contactId: p.contactId,
        firstName: p.firstName,
        message: { body: p.body },
      }),
    );
  const how = fc.constantFrom('header', 'bearer', 'query', 'none', 'wrong');
  return fc.tuple(payload, how).map(([body, h]) => {
    const d = draft('POST /webhooks/ghl (workflow)', 'POST', ['webhooks', 'ghl'], {
      headers: { ...JSON_TYPE },
      body: jsonBody(body),
    });
    if (h === 'header') d.headers['x-webhook-secret'] = t.workflowSecret;
    if (h === 'bearer') d.headers.authorization = `Bearer ${t.workflowSecret}`;
    if (h === 'query') d.query = [['secret', t.workflowSecret]];
    if (h === 'wrong') d.headers['x-webhook-secret'] = `${t.workflowSecret}x`;
    return d;
  });
}
