import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emitWebhook, GHL_WEBHOOK_RETRY, inboundMessagePayload } from '../support/fakes/webhook-signer.ts';

const MINUTE = 60_000;

// help.gohighlevel.com "Automated Webhook Retries" (article 155000007071): only 429 is retried, the
// same payload up to six times, 10 minutes after the previous attempt plus jitter.
describe('the fake GHL webhook emitter retries like GHL', () => {
  let receiver: Server;
  let received: { raw: string; headers: Record<string, string | string[] | undefined> }[];
  let answers: number[];
  let target: string;

  beforeEach(async () => {
    received = [];
    answers = [];
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ raw: Buffer.concat(chunks).toString(), headers: req.headers });
        res.writeHead(answers.shift() ?? 200, { 'content-type': 'application/json' });
        res.end('{}');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    target = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/ghl`;
  });
  afterEach(async () => {
    await new Promise<void>((r) => receiver.close(() => r()));
  });

  const payload = () => inboundMessagePayload({ locationId: 'loc', contactId: 'c', body: 'hi' });

  it('re-sends the same bytes, timestamp, webhookId and signature 10 minutes (plus jitter) after each 429', async () => {
    answers = [429, 429, 200];
    const waits: number[] = [];
    const res = await emitWebhook(target, payload(), {
      wait: async (ms) => void waits.push(ms),
    });
    expect(res.statuses).toEqual([429, 429, 200]);
    expect(waits).toHaveLength(2);
    for (const w of waits) {
      expect(w).toBeGreaterThanOrEqual(10 * MINUTE);
      expect(w).toBeLessThanOrEqual(10 * MINUTE + GHL_WEBHOOK_RETRY.maxJitterMs);
    }
    expect(res.elapsedMs).toBe(waits[0]! + waits[1]!);
    expect(new Set(received.map((r) => r.raw)).size).toBe(1);
    expect(new Set(received.map((r) => r.headers['x-ghl-signature'])).size).toBe(1);
  });

  it('stops after six retries, about 1 h 10 min at worst', async () => {
    answers = Array(10).fill(429);
    const res = await emitWebhook(target, payload(), { wait: async () => {}, random: () => 1 });
    expect(res.attempts).toBe(7);
    expect(res.status).toBe(429);
    expect(res.elapsedMs).toBe(70 * MINUTE);
    expect(received).toHaveLength(7);
  });

  it('treats every answer but 429 as final, 5xx included', async () => {
    for (const status of [500, 503, 401, 400, 200]) {
      answers = [status];
      const res = await emitWebhook(target, payload(), { wait: async () => {} });
      expect(res.attempts).toBe(1);
      expect(res.status).toBe(status);
    }
  });
});
