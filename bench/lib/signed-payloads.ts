import { createPrivateKey, type KeyObject, sign } from 'node:crypto';
import { newId } from '../../test/support/fakes/ghl/wire.ts';
import { inboundMessagePayload, signWebhookBody } from '../../test/support/fakes/webhook-signer.ts';
import type { WebhookKeys } from '../../test/support/fakes/test-keys.ts';

export interface SignedBody {
  body: Buffer;
  /** Base64 Ed25519 signature over exactly `body`, for X-GHL-Signature. */
  signature: string;
}

// One buyer lead's side of a conversation, in order: each contact's n-th message is line n, so the
// bots see a conversation move forward rather than one text repeated. Past the end it starts again.
const CONVERSATION = [
  'Hi, is the house on Baseline still available?',
  'We are looking for 3 bedrooms and 2 baths if possible.',
  'Our budget is around 750k.',
  'We are already pre-approved with our bank.',
  'We would like to move in the next 2 to 3 months.',
  'Rancho Cucamonga or Upland would be great, close to good schools.',
  'Saturday afternoon works best for a showing.',
  'Thanks, talk soon!',
];

/**
 * Signed InboundMessage bodies spread round-robin over `contacts` contacts of one location. Every
 * body has its own webhookId and messageId and a timestamp from when it was made. Signing uses a
 * parsed key object: the same Ed25519 signature as signWebhookBody, without re-reading the PEM each
 * time (which costs ~10x the signature itself).
 */
export function createSignedBodies(keys: WebhookKeys, opts: { contacts: number; locationId?: string }) {
  const locationId = opts.locationId ?? newId();
  const contactIds = Array.from({ length: opts.contacts }, () => newId());
  const privateKey: KeyObject = createPrivateKey(keys.ed25519.privateKeyPem);
  let seq = 0;

  function make(): SignedBody {
    const i = seq++;
    const payload = inboundMessagePayload({
      locationId,
      contactId: contactIds[i % contactIds.length]!,
      body: CONVERSATION[Math.floor(i / contactIds.length) % CONVERSATION.length]!,
    });
    const body = Buffer.from(JSON.stringify(payload), 'utf8');
    return { body, signature: sign(null, body, privateKey).toString('base64') };
  }

  // Ed25519 is deterministic, so the fast path must reproduce the shared helper byte for byte.
  const probe = make();
  if (signWebhookBody(probe.body, 'ed25519', keys) !== probe.signature) {
    throw new Error('bench signature differs from signWebhookBody; the bench would measure the wrong thing');
  }

  return { locationId, contactIds, make, made: () => seq };
}

/** Bodies signed up front so the load generator spends its CPU on sending, not signing. */
export function preSign(
  make: () => SignedBody,
  count: number,
  onProgress?: (done: number) => void,
): SignedBody[] {
  const out: SignedBody[] = new Array(count);
  for (let i = 0; i < count; i++) {
    out[i] = make();
    if (onProgress && (i + 1) % 20_000 === 0) onProgress(i + 1);
  }
  return out;
}
