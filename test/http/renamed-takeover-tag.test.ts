import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeGhl, startFakeGhl } from '../support/fakes/ghl-server.ts';
import {
  contactTagUpdatePayload,
  emitWebhook,
  inboundMessagePayload,
  outboundMessagePayload,
} from '../support/fakes/webhook-signer.ts';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { eventually, startTestService, type TestService, ghlEnv } from '../support/service.ts';

// The realtor renamed the takeover tag in the bots config and left the off switches as they are.
const BOTS_YAML = ['tags:', '  humanTakeover: Agent-Has-It'].join('\n');

describe('a human takeover under a renamed tag (BOTS_CONFIG_FILE)', () => {
  let ghl: FakeGhl;
  let tdb: TestDb;
  let svc: TestService;
  let hook: string;
  const contactId = 'ctTakeover0000000001';
  const sent = () => ghl.messages.filter((m) => m.contactId === contactId);
  const ghlTags = () => ghl.contacts.get(contactId)?.tags ?? [];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'takeover-tag-'));
    const botsFile = join(dir, 'bots.yaml');
    writeFileSync(botsFile, BOTS_YAML);
    ghl = await startFakeGhl();
    ghl.seedContact({ id: contactId, firstName: 'Dana', phone: '+19095550100' });
    tdb = await pgliteBackend.open();
    svc = await startTestService(tdb, {
      ...ghlEnv(ghl),
      BOTS_CONFIG_FILE: botsFile,
    });
    hook = `${svc.url}/webhooks/ghl`;
  });
  afterAll(async () => {
    await svc?.stop();
    await tdb?.close();
    await ghl?.close();
  });

  it('tags the contact with the configured name and keeps the bot silent until that tag is removed', async () => {
    const loc = ghl.locationId;
    await emitWebhook(hook, inboundMessagePayload({ locationId: loc, contactId, body: 'hello' }));
    await eventually(() => sent().length === 1, 10_000, 'the first reply at GHL');

    // The agent writes to the lead from GHL.
    await emitWebhook(
      hook,
      outboundMessagePayload({
        locationId: loc,
        contactId,
        body: 'Hi Dana, Jorge here, I will call you in five minutes',
        source: 'app',
        userId: 'user0000000000000001',
      }),
    );
    await eventually(() => ghlTags().includes('agent-has-it'), 10_000, 'the Agent-Has-It tag at GHL');
    expect(ghlTags()).not.toContain('human-takeover');
    const local = await tdb.db.query<{ tags: string[] }>('SELECT tags FROM contacts WHERE id = $1', [
      contactId,
    ]);
    expect(local.rows[0]!.tags.map((t) => t.toLowerCase())).toContain('agent-has-it');

    // The lead answers: the agent has the conversation, the bot does not talk over them.
    await emitWebhook(
      hook,
      inboundMessagePayload({ locationId: loc, contactId, body: 'ok, I want to buy a 3 bedroom' }),
    );
    await new Promise((r) => setTimeout(r, 600));
    expect(sent()).toHaveLength(1);

    // The agent removes the tag in GHL (GHL reports the tags left): the bot answers again.
    await emitWebhook(hook, contactTagUpdatePayload({ locationId: loc, contactId, tags: [] }));
    await emitWebhook(hook, inboundMessagePayload({ locationId: loc, contactId, body: 'still there?' }));
    await eventually(() => sent().length === 2, 10_000, 'a reply once the tag is gone');
  });
});
