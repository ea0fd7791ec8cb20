import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, type TestDb } from '../support/db.ts';
import { type FakeGhl, startFakeGhl } from '../support/fakes/ghl-server.ts';
import {
  contactTagUpdatePayload,
  emitWebhook,
  inboundMessagePayload,
  outboundMessagePayload,
} from '../support/fakes/webhook-signer.ts';
import { eventually, startTestService, type TestService, ghlEnv } from '../support/service.ts';
import { manualClock, SELLER_MESSAGE } from './helpers.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Longer than the default day, so the bot's own reply three days before a day-3 step is inside it.
const QUIET_MS = 4 * DAY;

/**
 * Delivery reports and other senders, through the real pipeline: the fake GHL echoes every send as
 * signed OutboundMessage webhooks (pending, then the outcome) to the service's webhook route; the
 * workers are stepped by hand on a manual clock.
 */
describe.each(backends())(
  'delivery status of our messages, and follow-ups holding back for other senders ($name)',
  (backend) => {
    let ghl: FakeGhl;
    let tdb: TestDb;
    let svc: TestService;
    let relay: Server;
    const clock = manualClock('2026-11-23T18:00:00Z');

    beforeAll(async () => {
      // The fake needs the webhook address before the service exists: a relay forwards to it.
      let target = '';
      relay = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(req.headers))
            if (typeof v === 'string' && k !== 'host' && k !== 'content-length') headers[k] = v;
          fetch(target, { method: 'POST', headers, body: Buffer.concat(chunks) })
            .then(async (r) => {
              res.writeHead(r.status, { 'content-type': 'application/json' });
              res.end(await r.text());
            })
            .catch(() => {
              res.writeHead(502);
              res.end();
            });
        });
      });
      await new Promise<void>((r) => relay.listen(0, '127.0.0.1', r));
      ghl = await startFakeGhl({
        outboundWebhookUrl: `http://127.0.0.1:${(relay.address() as AddressInfo).port}/`,
        // Webhooks are stamped on the service's (test) clock, which judges their age.
        webhookClock: clock,
      });
      tdb = await backend.open();
      svc = await startTestService(
        tdb,
        {
          ...ghlEnv(ghl),
          TIMEZONE: 'America/Los_Angeles',
          FOLLOW_UP_QUIET_AFTER_OTHER_SEND_MS: String(QUIET_MS),
        },
        { clock, workers: false },
      );
      target = `${svc.url}/webhooks/ghl`;
    });
    afterAll(async () => {
      // The fake first: it waits for its last status webhooks, which need the relay and the service.
      await ghl.close();
      relay.closeAllConnections();
      await new Promise<void>((r) => relay.close(() => r()));
      await svc.stop();
      await tdb.close();
    });

    const stamp = () => ({ timestamp: clock.now().toISOString() });
    const hook = async (payload: object) =>
      expect((await emitWebhook(`${svc.url}/webhooks/ghl`, payload)).status).toBe(200);
    const runTurns = async () => {
      while (await svc.service.inboxWorker.runOnce()) {}
    };
    const drain = async () => {
      while (await svc.service.drainer.runOnce()) {}
    };
    const runFollowUps = async () => {
      while (await svc.service.followUps.runOnce()) {}
    };
    /** Sends what is queued, waits for the fake's status reports of every send, and processes them. */
    const sendAndHearBack = async () => {
      await drain();
      const sent = ghl.messages.filter((m) => m.direction === 'outbound').length;
      await eventually(() => ghl.webhookDeliveries.length >= 2 * sent, 5_000, 'status webhooks');
      await runTurns();
    };
    const sentTo = (contactId: string) =>
      ghl.messages.filter((m) => m.contactId === contactId && m.direction === 'outbound').map((m) => m.body);
    const contactApi = async (contactId: string) => {
      const res = await fetch(`${svc.url}/api/v1/contacts/${contactId}?locationId=${ghl.locationId}`);
      expect(res.status).toBe(200);
      return (await res.json()) as Record<string, any>;
    };
    const day3 = async (contactId: string) =>
      (await contactApi(contactId)).followUps.find((f: any) => f.step === 'day3');
    const newLead = async (contactId: string, phone: string) => {
      ghl.seedContact({ id: contactId, phone });
      await hook(
        contactTagUpdatePayload({ ...stamp(), locationId: ghl.locationId, contactId, phone, tags: [] }),
      );
      await hook(
        inboundMessagePayload({ ...stamp(), locationId: ghl.locationId, contactId, body: SELLER_MESSAGE }),
      );
      await runTurns();
      await sendAndHearBack();
    };

    it('a reply the carrier failed shows as failed on the contact and in /metrics (ASSUMPTION: error shaped like ErrorDto)', async () => {
      clock.set('2026-11-23T18:00:00Z');
      const id = 'deliveryfail00000001';
      ghl.failDelivery({
        phone: '+19095550161',
        status: 'failed',
        error: { code: '30007', type: 'carrier', message: 'Carrier filtered the message' },
      });
      await newLead(id, '+19095550161');
      expect(sentTo(id)).toHaveLength(1);

      const reply = (await contactApi(id)).transcript.find((m: any) => m.direction === 'outbound');
      expect(reply).toMatchObject({
        delivery: 'failed',
        deliveryStatus: 'failed',
        deliveryError: { code: '30007', message: 'Carrier filtered the message' },
      });
      const metrics = await (await fetch(`${svc.url}/metrics`)).text();
      expect(metrics).toMatch(/jorge_ghl_message_delivery_total\{status="failed",sender="bot"\} 1\b/);
      expect(metrics).toMatch(/jorge_ghl_message_delivery_total\{status="pending",sender="bot"\} \d/);
    });

    it('an undelivered day-3 follow-up is not counted as sent', async () => {
      clock.set('2026-11-23T18:00:00Z');
      const id = 'deliveryfail00000002';
      await newLead(id, '+19095550162');
      expect((await contactApi(id)).transcript.at(-1)).toMatchObject({ deliveryStatus: 'delivered' });

      ghl.failDelivery({ phone: '+19095550162', status: 'undelivered' });
      clock.set('2026-11-26T18:00:00Z');
      await runFollowUps();
      await sendAndHearBack();
      expect(sentTo(id)).toHaveLength(2);
      expect(await day3(id)).toMatchObject({ status: 'failed', reason: 'undelivered' });
      const shown = await contactApi(id);
      expect(shown.pendingFollowUps.map((f: any) => f.step)).not.toContain('day3');
      expect(shown.transcript.at(-1)).toMatchObject({ delivery: 'failed', deliveryStatus: 'undelivered' });
    });

    it('a failure report that arrives before the send result was stored still fails the follow-up step', async () => {
      clock.set('2026-11-23T18:00:00Z');
      const id = 'deliveryfail00000003';
      await newLead(id, '+19095550165');
      const before = await (await fetch(`${svc.url}/metrics`)).text();
      const count = (text: string, labels: string) =>
        Number(text.match(new RegExp(`jorge_ghl_message_delivery_total\\{${labels}\\} (\\d+)`))?.[1] ?? 0);

      // GHL stores the day-3 text but its answer is lost (500), and the look-ups that would find
      // the message fail too: the send's result is stored only at the next attempt, after GHL
      // reported the message undelivered.
      ghl.failDelivery({ phone: '+19095550165', status: 'undelivered' });
      ghl.failNext({ method: 'POST', path: '/conversations/messages', times: 1, mode: 'record-then-status' });
      ghl.failNext({ method: 'GET', path: '/conversations/search', times: 3, status: 503 });
      clock.set('2026-11-26T18:00:00Z');
      await runFollowUps();
      await drain();
      expect(sentTo(id)).toHaveLength(2);
      await eventually(() => ghl.webhookDeliveries.length >= 2 * ghl.messages.length, 5_000, 'reports');
      await runTurns();
      expect(await day3(id)).toMatchObject({ status: 'sent' });

      clock.set('2026-11-26T18:10:00Z'); // past the outbox's retry delay
      await drain();
      expect(sentTo(id)).toHaveLength(2); // found, not sent again
      expect(await day3(id)).toMatchObject({ status: 'failed', reason: 'undelivered' });
      expect((await contactApi(id)).transcript.at(-1)).toMatchObject({
        delivery: 'failed',
        deliveryStatus: 'undelivered',
      });
      const after = await (await fetch(`${svc.url}/metrics`)).text();
      const undelivered = (sender: string) => `status="undelivered",sender="${sender}"`;
      expect(count(after, undelivered('bot')) - count(before, undelivered('bot'))).toBe(1);
      expect(count(after, undelivered('other'))).toBe(count(before, undelivered('other')));
    });

    it('a workflow text 1 h before a due follow-up holds it until the quiet window after that text has passed', async () => {
      clock.set('2026-11-23T18:00:00Z');
      const id = 'othersender000000001';
      await newLead(id, '+19095550163');

      const workflowAt = '2026-11-26T17:00:00.000Z';
      clock.set(workflowAt);
      await hook(
        outboundMessagePayload({
          ...stamp(),
          locationId: ghl.locationId,
          contactId: id,
          body: 'Reminder: open house this Saturday!',
          source: 'workflow',
          dateAdded: workflowAt,
          status: 'delivered',
        }),
      );
      await runTurns();

      clock.set('2026-11-26T18:00:00Z');
      await runFollowUps();
      await drain();
      expect(sentTo(id)).toHaveLength(1);
      const held = await day3(id);
      expect(held).toMatchObject({ status: 'pending', reason: 'other_sender_recent' });
      expect(held.dueAt).toBe(new Date(Date.parse(workflowAt) + QUIET_MS).toISOString());

      clock.set(held.dueAt);
      await runFollowUps();
      await drain();
      expect(sentTo(id)).toHaveLength(2);
      expect((await day3(id)).status).toBe('sent');
    });

    it('our own sends (the reply, echoed back by GHL) do not hold our follow-ups', async () => {
      clock.set('2026-11-23T18:00:00Z');
      const id = 'othersender000000002';
      await newLead(id, '+19095550164');
      // The echo of the bot's reply was received and matched to it.
      expect((await contactApi(id)).transcript.at(-1)).toMatchObject({ deliveryStatus: 'delivered' });
      // A "pending" report arriving late (a webhook retried after a 429) does not undo "delivered".
      const reply = ghl.messages.find((m) => m.contactId === id && m.direction === 'outbound');
      await hook(
        outboundMessagePayload({
          ...stamp(),
          locationId: ghl.locationId,
          contactId: id,
          messageId: reply!.id,
          body: reply!.body,
          status: 'pending',
        }),
      );
      await runTurns();
      expect((await contactApi(id)).transcript.at(-1)).toMatchObject({ deliveryStatus: 'delivered' });

      clock.set('2026-11-26T18:00:00Z'); // three days later: inside QUIET_MS of our own reply
      await runFollowUps();
      await drain();
      expect(sentTo(id)).toHaveLength(2);
      expect((await day3(id)).status).toBe('sent');
    });
  },
);
