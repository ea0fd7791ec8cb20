// Dashboard page latency (Inbox, filtered Inbox, Contact, Queues, Overview, Scripts, Simulator) with 10,000 contacts and 200,000
// messages in PostgreSQL, through the service's HTTP stack (app.inject: routing, auth, SQL, HTML).
// Run: npx tsx bench/dashboard.ts [--requests 200]   (DATABASE_URL, default the local test database)
import { parseArgs } from 'node:util';
import { createPostgresDb } from '../src/adapters/postgres/db.ts';
import { migrate } from '../src/adapters/postgres/migrate.ts';
import { buildService } from '../src/wiring/service.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/observability/logger.ts';
import { encodePosition } from '../src/http/dashboard/inbox.ts';
import { openBenchSchema } from './lib/bench-db.ts';
import { describeMachine, machineLine } from './lib/machine.ts';
import { percentiles } from './lib/percentiles.ts';

const { values } = parseArgs({ options: { requests: { type: 'string' } }, strict: true });
const REQUESTS = Number(values.requests ?? 200);
const CONTACTS = 10_000;
const PER_CONTACT = 20; // 200,000 messages
const TOKEN = 'dashboard-bench-token-0123456789';

const bench = await openBenchSchema(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
const db = createPostgresDb(bench.url, { max: 4 });
try {
  await migrate(db);
  const t0 = performance.now();
  await db.query(`INSERT INTO locations (id) VALUES ('loc1')`);
  await db.query(
    `INSERT INTO contacts (location_id, id, first_name, last_name, phone, email, tags, custom_fields, paused, updated_at)
     SELECT 'loc1', 'c' || i, 'First' || i, 'Last' || i, '+1909' || lpad(i::text, 7, '0'), 'lead' || i || '@example.com',
            '["Seller-Lead"]'::jsonb, jsonb_build_object('source', 'Zillow'), i % 97 = 0, now() - make_interval(secs => i * 60)
       FROM generate_series(1, ${CONTACTS}) i`,
  );
  await db.query(
    `INSERT INTO conversations (location_id, contact_id, bot, state, version, needs_human_review, updated_at)
     SELECT 'loc1', 'c' || i, (ARRAY['lead','buyer','seller'])[1 + i % 3],
            jsonb_build_object('temperature', (ARRAY['hot','warm','cold'])[1 + i % 3], 'stage', 'qualifying', 'leadScore', i % 100),
            1, i % 50 = 0, now()
       FROM generate_series(1, ${CONTACTS}) i`,
  );
  // One inbound and one outbound per turn; each outbound goes through an outbox row of its turn.
  await db.query(
    `INSERT INTO outbox (id, location_id, contact_id, inbox_id, kind, payload, idempotency_key, status, created_at)
     SELECT n, 'loc1', 'c' || (1 + (n - 1) / ${PER_CONTACT / 2}), n, 'send_message',
            jsonb_build_object('kind', 'send_message', 'type', 'SMS', 'message', 'Reply ' || n), 'b:' || n, 'sent', now()
       FROM generate_series(1, ${(CONTACTS * PER_CONTACT) / 2}) n`,
  );
  await db.query(
    `INSERT INTO messages (location_id, contact_id, direction, channel, body, inbox_id, outbox_id, created_at)
     SELECT 'loc1', 'c' || (1 + (n - 1) / ${PER_CONTACT / 2}), d, 'SMS',
            CASE WHEN d = 'inbound' THEN 'I am thinking of selling my house, message ' || n ELSE 'Reply ' || n END,
            n, CASE WHEN d = 'outbound' THEN n END, now() - make_interval(secs => n)
       FROM generate_series(1, ${(CONTACTS * PER_CONTACT) / 2}) n, unnest(ARRAY['inbound', 'outbound']) d`,
  );
  await db.query(
    `INSERT INTO audit_log (location_id, contact_id, actor, action, detail)
     SELECT 'loc1', 'c' || (1 + (n - 1) / ${PER_CONTACT / 2}), 'bot:seller', 'question_answered',
            jsonb_build_object('inboxId', n, 'topic', 'process', 'source', 'kb')
       FROM generate_series(1, ${(CONTACTS * PER_CONTACT) / 2}) n WHERE n % 4 = 0`,
  );
  // The Queues page's open escalations and tickets; the Overview's model spend.
  await db.query(
    `INSERT INTO escalations (id, location_id, contact_id, reason, created_at, updated_at, alert_stage)
     SELECT 'esc' || i, 'loc1', 'c' || i, 'human_request', now() - make_interval(mins => i), now(), i % 3
       FROM generate_series(1, 200) i`,
  );
  await db.query(
    `INSERT INTO compliance_tickets (id, location_id, contact_id, violation_type, rule, created_at)
     SELECT 'ct' || i, 'loc1', 'c' || (500 + i), 'fair_housing', 'steering', now() - make_interval(mins => i)
       FROM generate_series(1, 50) i`,
  );
  await db.query(
    `INSERT INTO model_usage (location_id, contact_id, task, agent, model, outcome, prompt_mode, cost_usd, created_at)
     SELECT 'loc1', 'c' || (1 + n % ${CONTACTS}), 'reply', 'direct', 'claude', 'used', 'all', 0.002, now() - make_interval(mins => n)
       FROM generate_series(1, 20000) n`,
  );
  await db.query(`SELECT setval('outbox_id_seq', (SELECT max(id) FROM outbox))`);
  await db.query('ANALYZE');
  const seeded = ((performance.now() - t0) / 1000).toFixed(1);

  const config = loadConfig({
    PORT: '0',
    LOG_LEVEL: 'silent',
    JORGE_API_TOKEN: TOKEN,
    MIGRATE_ON_START: 'false',
  });
  const service = await buildService(config, { db, logger: createLogger({ level: 'silent' }) });
  const headers = { authorization: `Bearer ${TOKEN}` };
  // Where the inbox's 21st page starts (after the 1,000th row), as its "Load more" link says.
  const { rows: deepRows } = await db.query<{ t: string; id: string }>(
    `SELECT to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS t, id FROM contacts
      ORDER BY updated_at DESC, location_id DESC, id DESC OFFSET 999 LIMIT 1`,
  );
  const deep = encodePosition({
    updatedAt: deepRows[0]?.t ?? '',
    locationId: 'loc1',
    contactId: deepRows[0]?.id ?? '',
  });
  const pages: Record<string, (i: number) => string> = {
    '/inbox': () => '/inbox',
    '/inbox?after=<row 1,000>': () => `/inbox?after=${deep}`,
    '/inbox?q=<name>': (i) => `/inbox?q=First${1 + ((i * 37) % CONTACTS)}`,
    '/inbox?flag=escalated': () => '/inbox?flag=escalated',
    '/inbox?bot=seller&temperature=hot': () => '/inbox?bot=seller&temperature=hot',
    '/contacts/:loc/:id': (i) => `/contacts/loc1/c${1 + ((i * 53) % CONTACTS)}`,
    '/queues': () => '/queues',
    '/overview (30 days)': () => '/overview',
    '/overview?days=90': () => '/overview?days=90',
    '/scripts': () => '/scripts',
    '/simulator': () => '/simulator',
  };
  console.log(
    `seeded ${CONTACTS} contacts, ${CONTACTS * PER_CONTACT} messages in ${seeded} s (PostgreSQL ${bench.serverVersion})`,
  );
  console.log(machineLine(describeMachine(bench.serverVersion)));
  for (const [name, url] of Object.entries(pages)) {
    for (let i = 0; i < 20; i++) await service.app.inject({ url: url(i), headers }); // warm-up
    const ms: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const start = performance.now();
      const res = await service.app.inject({ url: url(i), headers });
      ms.push(performance.now() - start);
      if (res.statusCode !== 200) throw new Error(`${url(i)} answered ${res.statusCode}`);
    }
    const p = percentiles(ms);
    console.log(
      `${name.padEnd(36)} p50 ${p.p50.toFixed(1)} ms  p95 ${p.p95.toFixed(1)} ms  p99 ${p.p99.toFixed(1)} ms  (n=${p.n})`,
    );
  }
  await service.stop();
} finally {
  await db.close().catch(() => {});
  await bench.drop();
}
