import {
  appendMessage,
  loadConversation,
  saveConversation,
  upsertContact,
} from '../../src/adapters/postgres/contacts-repo.ts';
import { escalateToHumanReview } from '../../src/app/escalations/escalate-to-human-review.ts';
import { defaultBotsConfig } from '../../src/domain/bots-config.ts';
import type { Db } from '../../src/ports.ts';
import { postgresStores } from '../../src/adapters/postgres/stores.ts';

export const HOT = {
  locationId: 'loc-mcp',
  contactId: 'c-hot',
  firstName: 'Maria',
  email: 'maria.lopez@example.com',
  phone: '+19095550142',
  address: '6842 Etiwanda Ave, Rancho Cucamonga',
};
export const WARM = { locationId: 'loc-mcp', contactId: 'c-warm', phone: '+19095550177' };

const persona = { agentName: 'Jorge', market: 'Rancho Cucamonga, CA', timezone: 'America/Los_Angeles' };

/**
 * A hot seller with a transcript and an open escalation, and a warm buyer, written with the same
 * repository functions the turn worker uses.
 */
export async function seedLeads(db: Db, now = new Date('2026-11-20T18:00:00Z')): Promise<void> {
  await db.transaction(async (tx) => {
    await upsertContact(
      tx,
      HOT.locationId,
      HOT.contactId,
      { firstName: HOT.firstName, email: HOT.email, phone: HOT.phone, tags: ['Seller-Lead', 'Hot-Seller'] },
      now,
    );
    const conv = await loadConversation(tx, HOT.locationId, HOT.contactId);
    await saveConversation(
      tx,
      HOT.locationId,
      HOT.contactId,
      conv.version,
      {
        bot: 'seller',
        state: {
          v: 1,
          owner: 'seller',
          lang: 'en',
          temperature: 'hot',
          leadScore: 86,
          facts: {
            intent: 'sell',
            address: HOT.address,
            condition: 'move_in_ready',
            priceExpectation: 650_000,
          },
        },
        lastInboundAt: now,
      },
      now,
    );
    const say = (direction: 'inbound' | 'outbound', body: string, minutes: number) =>
      appendMessage(tx, {
        locationId: HOT.locationId,
        contactId: HOT.contactId,
        direction,
        channel: 'SMS',
        body,
        at: new Date(now.getTime() + minutes * 60_000),
      });
    await say('inbound', `Hi, I want to sell my house at ${HOT.address}`, 0);
    await say('outbound', 'Happy to help! What has you thinking about selling?', 1);
    await say('inbound', 'Relocating for work, we need to move in 30 days', 2);
    await escalateToHumanReview(
      tx,
      { agentName: persona.agentName, tags: defaultBotsConfig(persona).tags, stores: postgresStores },
      { locationId: HOT.locationId, contactId: HOT.contactId, reason: 'human_request', context: {} },
      new Date(now.getTime() + 3 * 60_000),
    );

    await upsertContact(tx, WARM.locationId, WARM.contactId, { firstName: 'Ken', phone: WARM.phone }, now);
    const warm = await loadConversation(tx, WARM.locationId, WARM.contactId);
    await saveConversation(
      tx,
      WARM.locationId,
      WARM.contactId,
      warm.version,
      { bot: 'buyer', state: { v: 1, owner: 'buyer', temperature: 'warm', facts: {} }, lastInboundAt: now },
      now,
    );
  });
}
