import { defaultBotsConfig } from '../../domain/bots-config.ts';
import { decideTurn } from '../../domain/turn.ts';

/**
 * Everyday conversations for each bot, in English and Spanish, read once before the turn workers
 * start. The first reading of a message compiles the readers' hundreds of patterns and optimises
 * their code: about half a second of the event loop on a 2-core machine, which otherwise falls on
 * the first leads after a start, with every webhook arriving meanwhile waiting behind it.
 */
const SAMPLES: { tags: string[]; texts: string[] }[] = [
  {
    tags: ['Needs Qualifying'],
    texts: [
      'hi who is this?',
      'thinking about selling, whats my house worth',
      'not interested, stop texting me',
    ],
  },
  {
    tags: ['Seller-Lead'],
    texts: [
      'yes its a 4 bed 3 bath in Etiwanda, needs some work',
      'maybe 850k? we are relocating for work in about 3 months',
      'can you call me tomorrow afternoon',
    ],
  },
  {
    tags: ['Buyer-Lead'],
    texts: [
      'looking to buy around 600 to 650',
      'yes pre approved with chase, need 3 bedrooms near good schools',
      'we already bought a house, thanks anyway',
    ],
  },
  {
    tags: ['Needs Qualifying'],
    texts: [
      'hola, quiero vender mi casa en Upland',
      'no tengo prisa, tal vez el año que viene',
      'cuánto vale?',
    ],
  },
];

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Reads the sample conversations through the pure turn, one message at a time, yielding to the
 * event loop between messages so webhooks are still acknowledged meanwhile. Returns the
 * milliseconds it took. Nothing is stored or sent.
 */
export async function warmUpTurns(now: Date = new Date()): Promise<number> {
  const started = performance.now();
  const cfg = defaultBotsConfig({
    agentName: 'Jorge',
    market: 'Rancho Cucamonga, CA',
    timezone: 'America/Los_Angeles',
  });
  for (const sample of SAMPLES) {
    let stored: Record<string, unknown> | null = null;
    for (const text of sample.texts) {
      const d = decideTurn({
        cfg,
        contact: { tags: sample.tags, fields: {}, optedOut: false, paused: false },
        channel: 'SMS',
        now,
        calendar: false,
        listings: [],
        stored,
        text,
      });
      stored = d.state as unknown as Record<string, unknown>;
      await nextTick();
    }
  }
  return performance.now() - started;
}
