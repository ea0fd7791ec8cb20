import { createVerify, verify } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGhl } from '../support/fakes/ghl-server.ts';
import { testWebhookKeys } from '../support/fakes/test-keys.ts';
import {
  emitWebhook,
  inboundMessagePayload,
  workflowWebhookPayload,
} from '../support/fakes/webhook-signer.ts';

describe('webhook emitter', () => {
  let receiver: Server;
  let received: { raw: Buffer; headers: Record<string, string | string[] | undefined> }[];
  let answers: number[];
  let target: string;

  beforeEach(async () => {
    received = [];
    answers = [];
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ raw: Buffer.concat(chunks), headers: req.headers });
        res.writeHead(answers.shift() ?? 200, { 'content-type': 'application/json' });
        res.end('{"ok":true}');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    target = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/ghl`;
  });

  afterEach(async () => {
    await new Promise<void>((r) => receiver.close(() => r()));
  });

  it('signs the exact raw bytes with Ed25519 and RSA so the test public keys verify them', async () => {
    const payload = inboundMessagePayload({ locationId: 'loc_1', contactId: 'contact_A', body: 'Hola' });
    const result = await emitWebhook(target, payload, { sign: 'both' });
    expect(result).toMatchObject({ status: 200, attempts: 1, body: { ok: true } });
    const { raw, headers } = received[0] ?? { raw: Buffer.alloc(0), headers: {} };
    const ed = Buffer.from(String(headers['x-ghl-signature']), 'base64');
    expect(verify(null, raw, testWebhookKeys.ed25519.publicKeyPem, ed)).toBe(true);
    const rsa = createVerify('sha256').update(raw);
    expect(rsa.verify(testWebhookKeys.rsa.publicKeyPem, String(headers['x-wh-signature']), 'base64')).toBe(
      true,
    );
    const tampered = Buffer.from(raw.toString().replace('Hola', 'Hole'));
    expect(verify(null, tampered, testWebhookKeys.ed25519.publicKeyPem, ed)).toBe(false);
    expect(JSON.parse(raw.toString())).toMatchObject({
      type: 'InboundMessage',
      direction: 'inbound',
      messageType: 'SMS',
    });
  });

  it('retries only on 429, with the same bytes', async () => {
    answers = [429, 429, 200];
    const retried = await emitWebhook(
      target,
      inboundMessagePayload({ locationId: 'l', contactId: 'c', body: 'x' }),
    );
    expect(retried.attempts).toBe(3);
    expect(new Set(received.map((r) => r.raw.toString())).size).toBe(1);
    answers = [500];
    const final = await emitWebhook(target, { any: 'thing' });
    expect(final).toMatchObject({ status: 500, attempts: 1 });
  });

  it('builds unsigned workflow payloads with comma tags and top-level custom fields', async () => {
    const payload = workflowWebhookPayload({
      locationId: 'loc_1',
      contactId: 'contact_A',
      tags: ['buyer-lead', 'hot'],
      customFields: { Budget: '10k' },
      message: { body: 'Is it still available?' },
    });
    await emitWebhook(target, payload, { sign: 'none', headers: { 'x-webhook-secret': 's3cret' } });
    const got = received[0];
    expect(got?.headers['x-ghl-signature']).toBeUndefined();
    expect(JSON.parse(got?.raw.toString() ?? '{}')).toMatchObject({
      contact_id: 'contact_A',
      tags: 'buyer-lead,hot',
      Budget: '10k',
      message: { type: 2, body: 'Is it still available?' },
    });
  });

  it('echoes API sends as signed OutboundMessage webhooks when configured', async () => {
    const echoing = await startFakeGhl({ outboundWebhookUrl: target });
    echoing.seedContact({ id: 'c1', phone: '+19095550103' });
    const res = await fetch(`${echoing.url}/conversations/messages`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${echoing.token}`,
        version: '2021-04-15',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ type: 'SMS', contactId: 'c1', message: 'Hi there' }),
    });
    const { messageId } = (await res.json()) as { messageId: string };
    await echoing.close();
    expect(echoing.webhookDeliveries).toEqual([
      { messageId, status: 200, attempts: 1 },
      { messageId, status: 200, attempts: 1 },
    ]);
    const [echo, outcome] = received.map((r) => JSON.parse(r.raw.toString()));
    expect(echo).toMatchObject({
      type: 'OutboundMessage',
      messageId,
      source: 'api',
      direction: 'outbound',
      status: 'pending',
    });
    // ASSUMPTION: the outcome of a send comes as a second OutboundMessage event of the same message.
    expect(outcome).toMatchObject({ type: 'OutboundMessage', messageId, status: 'delivered' });
    expect(outcome.webhookId).not.toBe(echo.webhookId);
  });

  it('ASSUMPTION pending then failed: reports a send to a failing number as failed, with no error code by default', async () => {
    const echoing = await startFakeGhl({ outboundWebhookUrl: target });
    echoing.seedContact({ id: 'c2', phone: '+19095550104' });
    echoing.failDelivery({ phone: '+19095550104', status: 'undelivered' });
    const res = await fetch(`${echoing.url}/conversations/messages`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${echoing.token}`,
        version: '2021-04-15',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ type: 'SMS', contactId: 'c2', message: 'Hi there' }),
    });
    const { messageId } = (await res.json()) as { messageId: string };
    await echoing.close();
    const statuses = received.map((r) => JSON.parse(r.raw.toString()));
    expect(statuses.map((e) => [e.messageId, e.status])).toEqual([
      [messageId, 'pending'],
      [messageId, 'undelivered'],
    ]);
    // Issue GoHighLevel/highlevel-api-docs#160: the webhook carries no carrier error code.
    expect(statuses[1].error).toBeUndefined();
    expect(echoing.messages.find((m) => m.id === messageId)?.status).toBe('undelivered');
  });
});
