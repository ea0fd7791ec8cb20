import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, type TestDb } from '../support/db.ts';
import { postJson, startTestService, type TestService } from '../support/service.ts';
import { openPage, signIn } from './support.ts';

const TOKEN = 'dashboard-why-token-0123456789abcd';

/** The "Why this reply" block of each bot reply on the Contact page, in transcript order. */
const whyBlocks = (page: string) =>
  [...page.matchAll(/<details><summary>Why this reply<\/summary><ul>([\s\S]*?)<\/ul><\/details>/g)].map(
    (m) => m[1] ?? '',
  );

describe.each(backends())(
  '"Why this reply" shows what was read in the lead\'s message, on $name',
  (backend) => {
    let tdb: TestDb;
    let svc: TestService;
    let app: FastifyInstance;
    let cookie: string;
    const say = async (contactId: string, message: string, contact?: Record<string, unknown>) => {
      const res = await postJson(
        `${svc.url}/api/v1/sandbox/messages`,
        { contactId, message, ...(contact ? { contact } : {}) },
        { authorization: `Bearer ${TOKEN}` },
      );
      expect(res.status).toBe(200);
      return res.body as { replies: { body: string }[] };
    };

    beforeAll(async () => {
      tdb = await backend.open();
      svc = await startTestService(tdb, { JORGE_API_TOKEN: TOKEN });
      app = svc.service.app;
      cookie = await signIn(app, TOKEN);
    });
    afterAll(async () => {
      await svc.stop();
      await tdb.close();
    });

    it('names the acts and values of each turn beside the reply they led to', async () => {
      const first = await say('why-1', "what's my house worth? thinking of selling in 3 months", {
        firstName: 'Nadia',
      });
      expect(first.replies.length).toBeGreaterThan(0);
      const second = await say('why-1', 'We already have an agent, but what is my home worth?');
      expect(second.replies.length).toBeGreaterThan(0);

      const { res } = await openPage(app, cookie, '/contacts/sandbox/why-1');
      expect(res.statusCode).toBe(200);
      const blocks = whyBlocks(res.body);
      expect(blocks).toHaveLength(2);
      // First turn: a question about the home's value and an answer stating intent and timeline.
      expect(blocks[0]).toContain("Read in the lead's message:");
      expect(blocks[0]).toContain('<code>question:home_value</code>');
      expect(blocks[0]).toContain('<code>answer</code>');
      expect(blocks[0]).toContain('intent = sell');
      expect(blocks[0]).toContain('timeline months = 3');
      expect(blocks[0]).not.toContain('objection:has_agent');
      // Second turn: its own acts, not the first turn's.
      expect(blocks[1]).toContain('<code>objection:has_agent</code>');
      expect(blocks[1]).toContain('<code>question:home_value</code>');
      expect(blocks[1]).not.toContain('timeline months');
    });

    it("stores the reading with the lead's message, not with the replies", async () => {
      await say('why-2', 'I already have a realtor');
      const { rows } = await tdb.db.query<{ direction: string; reading: { acts: unknown[] } | null }>(
        `SELECT direction, reading FROM messages WHERE contact_id = 'why-2' ORDER BY id`,
      );
      const inbound = rows.filter((r) => r.direction === 'inbound');
      expect(inbound).toHaveLength(1);
      expect(inbound[0]?.reading?.acts).toContainEqual({ act: 'objection', type: 'has_agent' });
      // Replies carry no reading of their own.
      expect(rows.filter((r) => r.direction === 'outbound').every((r) => r.reading === null)).toBe(true);
    });
  },
);
