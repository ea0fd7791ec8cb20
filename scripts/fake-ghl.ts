// A stand-in GoHighLevel for a local end-to-end run: the test suite's fake GHL API
// (test/support/fakes/ghl-server.ts) as a process of its own, plus two TEST CONTROLS that are not
// GHL's API: POST /_test/inbound records a lead's message and delivers the signed InboundMessage
// webhook to the service, as GHL does; GET /_test/messages lists what the fake holds.
//
//   npm run fake-ghl                          serve on 127.0.0.1:4010 (options: --help)
//   npm run fake-ghl -- send "Hi, I want to sell my house" --wait 30
//   npm run fake-ghl -- messages
//
// docker-compose.yml runs the bundled copy (Dockerfile target fake-ghl); docs/DEPLOYMENT.md.
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { parseArgs } from 'node:util';
import { startFakeGhl } from '../test/support/fakes/ghl-server.ts';
import { generateWebhookKeys, type WebhookKeys } from '../test/support/fakes/test-keys.ts';
import { emitWebhook, inboundMessagePayload } from '../test/support/fakes/webhook-signer.ts';

const USAGE = `Usage:
  npm run fake-ghl -- [serve] [options]      run the fake GoHighLevel
    --host <addr>          listen address (default 127.0.0.1; 0.0.0.0 in a container)
    --port <n>             port (default 4010; 0 picks a free one)
    --public-url <url>     how the service reaches the fake (default http://<host>:<port>)
    --webhook-url <urls>   the service's webhook endpoint(s), comma-separated, used in turn
                           (default http://127.0.0.1:3000/webhooks/ghl)
    --location-id <id>     the sub-account (default ${'loc_local_fake_00000001'})
    --token <t>            the Private Integration token the service must send (default pit-local-fake-ghl)
    --key-seed <hex>       32-byte Ed25519 seed (64 hex digits) so the webhook key stays the same
                           across restarts (default: a new key each run)
  npm run fake-ghl -- send [options] <text>  a lead texts (or emails) the business
    --fake <url>           the running fake (default http://127.0.0.1:4010)
    --contact <id>         the lead's GHL contact id (default ${'LocalLead00000000001'}; created if new)
    --phone <e164>         the lead's phone when the contact is new (default +15555550100)
    --email <addr>         the lead's email when the contact is new
    --channel sms|email    default sms
    --subject <text>       email subject
    --wait <seconds>       wait that long for the service's reply and print it
  npm run fake-ghl -- messages [--fake <url>] [--contact <id>]   what GHL recorded, oldest first`;

const DEFAULTS = {
  port: '4010',
  locationId: 'loc_local_fake_00000001',
  token: 'pit-local-fake-ghl',
  contactId: 'LocalLead00000000001',
  // Fictional 555-01xx number: the range reserved for examples.
  phone: '+15555550100',
  fake: 'http://127.0.0.1:4010',
  webhookUrl: 'http://127.0.0.1:3000/webhooks/ghl',
};

class UsageError extends Error {}

// PKCS#8 DER prefix of an Ed25519 private key (RFC 8410): the 32-byte seed follows it.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** Webhook keys whose Ed25519 half comes from a fixed seed, so its public key can be configured once. */
function keysFromSeed(seedHex: string): WebhookKeys {
  if (!/^[0-9a-fA-F]{64}$/.test(seedHex)) throw new UsageError('--key-seed must be 64 hex digits');
  const key = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, Buffer.from(seedHex, 'hex')]),
    format: 'der',
    type: 'pkcs8',
  });
  return {
    ...generateWebhookKeys(),
    ed25519: {
      privateKeyPem: String(key.export({ type: 'pkcs8', format: 'pem' })),
      publicKeyPem: String(createPublicKey(key).export({ type: 'spki', format: 'pem' })),
    },
  };
}

/** The PEM on one line with \n escapes, as .env files and GHL_WEBHOOK_ED25519_PUBLIC_KEY take it. */
const oneLinePem = (pem: string) => pem.trim().replace(/\n/g, '\\n');

type Json = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

async function serve(v: Record<string, string | boolean | undefined>): Promise<void> {
  const port = Number(v.port ?? DEFAULTS.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be 0-65535');
  const host = String(v.host ?? '127.0.0.1');
  const targets = String(v['webhook-url'] ?? DEFAULTS.webhookUrl)
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  const keys = typeof v['key-seed'] === 'string' ? keysFromSeed(v['key-seed']) : generateWebhookKeys();
  let turn = 0;
  const ghl = await startFakeGhl({
    token: String(v.token ?? DEFAULTS.token),
    locationId: String(v['location-id'] ?? DEFAULTS.locationId),
    listen: { host, port, ...(typeof v['public-url'] === 'string' ? { publicUrl: v['public-url'] } : {}) },
    // The service's own sends come back signed, with their delivery status, as GHL echoes them.
    outboundWebhookUrl: targets[0]!,
    webhookKeys: keys,
    testControls: async ({ method, path, query, body }) => {
      if (method === 'GET' && path === '/_test/health') return { status: 200, body: { ok: true } };
      if (method === 'GET' && path === '/_test/messages') {
        const contactId = query.get('contactId');
        const messages = ghl.messages
          .filter((m) => !contactId || m.contactId === contactId)
          .map(({ id, contactId, conversationId, direction, type, subject, body, status, dateAdded }) => ({
            id,
            contactId,
            conversationId,
            direction,
            type,
            ...(subject === undefined ? {} : { subject }),
            body,
            ...(status === undefined ? {} : { status }),
            dateAdded,
          }));
        return { status: 200, body: { messages } };
      }
      if (method !== 'POST' || path !== '/_test/inbound') return undefined;
      const b = (typeof body === 'object' && body !== null ? body : {}) as Json;
      const text = typeof b.body === 'string' ? b.body : '';
      const channel = str(b.channel)?.toLowerCase() ?? 'sms';
      if (text.trim() === '') return { status: 400, body: { message: 'body: the message text is required' } };
      if (channel !== 'sms' && channel !== 'email')
        return { status: 400, body: { message: 'channel: must be sms or email' } };
      const contactId = str(b.contactId) ?? DEFAULTS.contactId;
      if (!ghl.contacts.has(contactId)) {
        const email = str(b.email);
        ghl.seedContact({
          id: contactId,
          phone: str(b.phone) ?? DEFAULTS.phone,
          ...(email ? { email } : {}),
        });
      }
      const type = channel === 'email' ? 'Email' : 'SMS';
      const subject = str(b.subject);
      const m = ghl.addInboundMessage({ contactId, body: text, type, ...(subject ? { subject } : {}) });
      const url = targets[turn++ % targets.length]!;
      const payload = inboundMessagePayload({
        locationId: ghl.locationId,
        contactId,
        body: text,
        messageId: m.id,
        conversationId: m.conversationId,
        messageType: type,
        ...(subject ? { subject } : {}),
      });
      try {
        const sent = await emitWebhook(url, payload, { keys });
        const delivered = { url, status: sent.status, attempts: sent.attempts, answer: sent.body };
        return { status: 200, body: { contactId, messageId: m.id, delivered } };
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        return { status: 502, body: { message: `webhook to ${url} failed: ${reason}`, contactId } };
      }
    },
  });
  const controls = `${ghl.url}/_test`;
  process.stdout.write(
    [
      `Fake GoHighLevel (a local test double, not the real API) listening on ${ghl.url}`,
      'Settings for the service:',
      `  GHL_API_BASE_URL=${ghl.url}`,
      `  GHL_PRIVATE_TOKEN=${ghl.token}`,
      `  GHL_LOCATION_ID=${ghl.locationId}`,
      `  GHL_WEBHOOK_ED25519_PUBLIC_KEY=${oneLinePem(keys.ed25519.publicKeyPem)}`,
      `Webhooks go to: ${targets.join(', ')}`,
      `Inject a lead's message: npm run fake-ghl -- send --fake ${ghl.url} "Hi, I'd like to sell my house"`,
      `  or: curl -X POST ${controls}/inbound -H 'content-type: application/json' -d '{"body":"Hi"}'`,
      `Messages recorded: ${controls}/messages`,
      '',
    ].join('\n'),
  );
  const stop = () => void ghl.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

async function call(fake: string, path: string, init?: RequestInit): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${fake.replace(/\/$/, '')}${path}`, init);
  return { status: res.status, body: (await res.json()) as Json };
}

async function send(v: Record<string, string | boolean | undefined>, words: string[]): Promise<number> {
  const text = words.join(' ');
  if (text.trim() === '') throw new UsageError('send: give the message text');
  const fake = String(v.fake ?? DEFAULTS.fake);
  const request = {
    body: text,
    contactId: v.contact,
    phone: v.phone,
    email: v.email,
    channel: v.channel,
    subject: v.subject,
  };
  const before = await call(fake, '/_test/messages');
  const known = new Set(((before.body.messages ?? []) as Json[]).map((m) => m.id));
  const res = await call(fake, '/_test/inbound', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  const delivered = res.body.delivered as Json | undefined;
  if (res.status !== 200 || !delivered) {
    process.stderr.write(`not delivered: ${String(res.body.message ?? res.status)}\n`);
    return 1;
  }
  process.stdout.write(
    `delivered to ${String(delivered.url)}: ${String(delivered.status)} ${JSON.stringify(delivered.answer)}\n`,
  );
  if (Number(delivered.status) >= 300) return 1;
  const waitS = Number(v.wait ?? 0);
  const deadline = Date.now() + waitS * 1000;
  const contactId = String(res.body.contactId);
  while (waitS > 0) {
    const { body } = await call(fake, `/_test/messages?contactId=${encodeURIComponent(contactId)}`);
    const replies = ((body.messages ?? []) as Json[]).filter(
      (m) => m.direction === 'outbound' && !known.has(m.id),
    );
    if (replies.length > 0) {
      for (const r of replies) process.stdout.write(`reply (${String(r.type)}): ${String(r.body)}\n`);
      return 0;
    }
    if (Date.now() > deadline) {
      process.stderr.write(`no reply within ${waitS} s\n`);
      return 1;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return 0;
}

async function messages(v: Record<string, string | boolean | undefined>): Promise<number> {
  const q = typeof v.contact === 'string' ? `?contactId=${encodeURIComponent(v.contact)}` : '';
  const { body } = await call(String(v.fake ?? DEFAULTS.fake), `/_test/messages${q}`);
  for (const m of (body.messages ?? []) as Json[]) {
    const arrow = m.direction === 'inbound' ? 'lead ->' : '-> lead';
    process.stdout.write(
      `${String(m.dateAdded)} ${String(m.contactId)} ${arrow} (${String(m.type)}) ${String(m.body)}\n`,
    );
  }
  return 0;
}

async function main(): Promise<void> {
  const text = { type: 'string' } as const;
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      help: { type: 'boolean' },
      host: text,
      port: text,
      'public-url': text,
      'webhook-url': text,
      'location-id': text,
      token: text,
      'key-seed': text,
      fake: text,
      contact: text,
      phone: text,
      email: text,
      channel: text,
      subject: text,
      wait: text,
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const [command = 'serve', ...rest] = positionals;
  if (command === 'serve') return serve(values);
  if (command === 'send') process.exit(await send(values, rest));
  if (command === 'messages') process.exit(await messages(values));
  throw new UsageError(`unknown command "${command}"`);
}

main().catch((err) => {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  const usage = err instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'));
  process.stderr.write(
    `fake-ghl: ${err instanceof Error ? err.message : String(err)}\n${usage ? `${USAGE}\n` : ''}`,
  );
  process.exit(usage ? 2 : 1);
});
