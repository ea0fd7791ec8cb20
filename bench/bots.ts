// Pure bot turn latency: decideTurn() on realistic conversations, no I/O.
// Run: npm run bench:bots [-- --iterations 2000]
import { cpus, totalmem } from 'node:os';
import { loadListings } from '../src/adapters/listings/load-listings.ts';
import { defaultBotsConfig } from '../src/domain/bots-config.ts';
import { decideTurn, type TurnInput } from '../src/domain/turn.ts';
import { fileURLToPath } from 'node:url';
import { replaceSection } from './lib/performance-doc.ts';
import { percentiles } from './lib/percentiles.ts';

const args = process.argv.slice(2);
const iterations = Number(args[args.indexOf('--iterations') + 1]) || 2000;

const cfg = defaultBotsConfig({
  agentName: 'Jorge',
  market: 'Rancho Cucamonga, CA',
  timezone: 'America/Los_Angeles',
});
const listings = loadListings();
const conversations: { name: string; tags: string[]; turns: string[] }[] = [
  {
    name: 'seller, four answers over five turns',
    tags: [],
    turns: [
      'Hi, I want to sell my house',
      'We are relocating to Austin for work',
      'yes that works',
      'it needs some paint but otherwise move-in ready',
      'hoping for 650k',
      '2',
    ],
  },
  {
    name: 'seller, all in one message',
    tags: ['Seller-Lead'],
    turns: ['Relocating to Texas, 30 days works, move-in ready, want around 700k', 'the first one'],
  },
  {
    name: 'buyer, hot with match',
    tags: [],
    turns: [
      'Looking to buy, pre-approved with Chase, 600k, 3 beds in Etiwanda, moving in 2 months',
      'a pool would be nice',
      '1',
    ],
  },
  {
    name: 'Spanish seller',
    tags: [],
    turns: [
      'hola quiero vender mi casa',
      'nos mudamos a Texas',
      'sí, está bien',
      'necesita reparaciones',
      'unos 700 mil',
    ],
  },
  {
    name: 'compliance mix',
    tags: [],
    turns: [
      'are you a bot?',
      'show me areas without many Hispanic families',
      'what is your commission',
      'STOP',
    ],
  },
];

function runConversation(c: (typeof conversations)[number], now: Date, samples: number[]): void {
  let stored: Record<string, unknown> | null = null;
  let tags = [...c.tags];
  for (const text of c.turns) {
    const input: TurnInput = {
      cfg,
      stored,
      contact: { tags, fields: {}, optedOut: false, paused: false },
      text,
      channel: 'SMS',
      now,
      calendar: true,
      listings,
    };
    const t0 = process.hrtime.bigint();
    let d = decideTurn(input);
    if (d.needsSlots)
      d = decideTurn({
        ...input,
        slots: ['2026-11-25T18:00:00Z', '2026-11-26T21:00:00Z', '2026-11-27T18:00:00Z'],
      });
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
    stored = d.state as unknown as Record<string, unknown>;
    for (const a of d.actions) {
      if (a.type === 'add_tags') tags = [...tags, ...a.tags];
      if (a.type === 'remove_tags') tags = tags.filter((t) => !a.tags.includes(t));
    }
  }
}

const now = new Date('2026-11-24T17:00:00Z');
for (let i = 0; i < 200; i++) for (const c of conversations) runConversation(c, now, []); // warm-up
const samples: number[] = [];
const started = performance.now();
for (let i = 0; i < iterations; i++) for (const c of conversations) runConversation(c, now, samples);
const elapsed = performance.now() - started;
const latency = percentiles(samples);
const rows = {
  turns: latency.n,
  meanMs: latency.mean,
  p50Ms: latency.p50,
  p95Ms: latency.p95,
  p99Ms: latency.p99,
  maxMs: latency.max,
  turnsPerSecond: samples.length / (elapsed / 1000),
};
const f = (n: number) => n.toFixed(3);
console.log(
  `pure bot turns: ${rows.turns}  mean ${f(rows.meanMs)} ms  p50 ${f(rows.p50Ms)} ms  p95 ${f(rows.p95Ms)} ms  p99 ${f(rows.p99Ms)} ms  max ${f(rows.maxMs)} ms  (${Math.round(rows.turnsPerSecond)} turns/s on one core)`,
);
const verdict = rows.p99Ms < 1 ? 'met' : 'NOT met';
replaceSection(
  fileURLToPath(new URL('../docs/PERFORMANCE.md', import.meta.url)),
  'Bot turn (pure decideTurn)',
  [
    `Date: ${new Date().toISOString()} · Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}`,
    '',
    `Command: \`npm run bench:bots -- --iterations ${iterations}\``,
    '',
    'What it measures: one call of the pure `decideTurn()` (extraction in EN/ES, compliance screen, the owning bot, tags, fields, reply post-processing) over five realistic conversations (seller, buyer with listing matching, Spanish, compliance mix), after a warm-up. No database or network.',
    '',
    '| turns | mean | p50 | p95 | p99 | max | turns/s (one core) |',
    '|---|---|---|---|---|---|---|',
    `| ${rows.turns} | ${f(rows.meanMs)} ms | ${f(rows.p50Ms)} ms | ${f(rows.p95Ms)} ms | ${f(rows.p99Ms)} ms | ${f(rows.maxMs)} ms | ${Math.round(rows.turnsPerSecond)} |`,
    '',
    `Target "well under a millisecond per turn" (p99 < 1 ms): **${verdict}**.`,
  ].join('\n'),
);
