import { join } from 'node:path';
import { z } from 'zod';
import { EnvFileError, readEnvFile } from './env-file.ts';
import { parseTokenKey } from './adapters/ghl-oauth/token-crypto.ts';
import { McpServersConfigError, parseMcpServers } from './mcp/servers-config.ts';

// The only reader of process.env. Every setting is parsed here once; the rest of the code receives a
// typed Config. An empty value counts as unset so `FOO=` in a .env file falls back to the default.

/** GHL's published webhook verification keys (marketplace docs, "Webhook Authentication"). */
export const GHL_ED25519_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAi2HR1srL4o18O8BRa7gVJY7G7bupbN3H9AwJrHCDiOg=
-----END PUBLIC KEY-----`;

export const GHL_RSA_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIICCgKCAgEAokvo/r9tVgcfZ5DysOSC
Frm602qYV0MaAiNnX9O8KxMbiyRKWeL9JpCpVpt4XHIcBOK4u3cLSqJGOLaPuXw6
dO0t6Q/ZVdAV5Phz+ZtzPL16iCGeK9po6D6JHBpbi989mmzMryUnQJezlYJ3DVfB
csedpinheNnyYeFXolrJvcsjDtfAeRx5ByHQmTnSdFUzuAnC9/GepgLT9SM4nCpv
uxmZMxrJt5Rw+VUaQ9B8JSvbMPpez4peKaJPZHBbU3OdeCVx5klVXXZQGNHOs8gF
3kvoV5rTnXV0IknLBXlcKKAQLZcY/Q9rG6Ifi9c+5vqlvHPCUJFT5XUGG5RKgOKU
J062fRtN+rLYZUV+BjafxQauvC8wSWeYja63VSUruvmNj8xkx2zE/Juc+yjLjTXp
IocmaiFeAO6fUtNjDeFVkhf5LNb59vECyrHD2SQIrhgXpO4Q3dVNA5rw576PwTzN
h/AMfHKIjE4xQA1SZuYJmNnmVZLIZBlQAF9Ntd03rfadZ+yDiOXCCs9FkHibELhC
HULgCsnuDJHcrGNd5/Ddm5hxGQ0ASitgHeMZ0kcIOwKDOzOU53lDza6/Y09T7sYJ
PQe7z0cvj7aE4B+Ax1ZoZGPzpJlZtGXCsu9aTEGEnKzmsFqwcSsnw3JB31IGKAyk
T1hhTiaCeIY/OwwwNUY2yvcCAwEAAQ==
-----END PUBLIC KEY-----`;

const empty = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const opt = <T extends z.ZodType>(schema: T) => z.preprocess(empty, schema.optional());
const withDefault = <T extends z.ZodType>(schema: T, fallback: z.input<T>) =>
  z.preprocess(empty, schema.prefault(fallback as never));

// PEM text may arrive with literal "\n" sequences when it is put on one line in a .env file.
const pem = z
  .string()
  .transform((s) => s.replace(/\\n/g, '\n').trim())
  .refine((s) => /^-----BEGIN PUBLIC KEY-----[\s\S]+-----END PUBLIC KEY-----$/.test(s), {
    message: 'must be a PEM public key (-----BEGIN PUBLIC KEY----- … -----END PUBLIC KEY-----)',
  });

const url = (protocols: string[]) =>
  z.string().refine(
    (s) => {
      try {
        return protocols.includes(new URL(s).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}` },
  );

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const configSchema = z.object({
  PORT: withDefault(z.coerce.number().int().min(0).max(65535), 3000),
  HOST: withDefault(z.string(), '127.0.0.1'),
  /** A client must deliver its whole request (headers and body) within this time, else 408. */
  HTTP_REQUEST_TIMEOUT_MS: withDefault(z.coerce.number().int().min(1_000).max(600_000), 30_000),
  DATA_DIR: withDefault(z.string(), './data'),
  /**
   * Embedded database only: free space (MB) the filesystem of DATA_DIR must keep. Below it the
   * service refuses writes (webhooks 429, /readyz 503, workers paused) until space is back, and does
   * not start: PGlite on a full disk blocks the whole process. 0 turns the check off.
   */
  DATA_DIR_MIN_FREE_MB: withDefault(z.coerce.number().int().min(0).max(1_000_000), 256),
  DATABASE_URL: opt(url(['postgres:', 'postgresql:'])),
  /**
   * PostgreSQL only: connections for webhook ingest and the HTTP API (dashboard, read API). The
   * workers have a pool of their own (WORKER_POOL_SIZE), so neither waits for the other's.
   */
  DATABASE_POOL_SIZE: withDefault(z.coerce.number().int().min(1).max(100), 5),
  /**
   * PostgreSQL only: keep each statement parsed (and planned) per connection instead of sending it
   * afresh each time. Off for a pooler that cannot route named statements (PgBouncer in
   * transaction mode before 1.21).
   */
  DATABASE_PREPARED_STATEMENTS: withDefault(bool, 'true'),
  /** PostgreSQL only: connections for turns, outbox and follow-ups; default WORKER_CONCURRENCY + 6. */
  WORKER_POOL_SIZE: opt(z.coerce.number().int().min(2).max(100)),
  REDIS_URL: opt(url(['redis:', 'rediss:'])),
  /** Prefix of every Redis key, so several deployments can share one Redis. */
  REDIS_KEY_PREFIX: withDefault(z.string().min(1), 'jorge'),
  JORGE_API_TOKEN: opt(z.string().min(16, 'must be at least 16 characters')),
  GHL_API_BASE_URL: withDefault(url(['http:', 'https:']), 'https://services.leadconnectorhq.com'),
  GHL_PRIVATE_TOKEN: opt(z.string()),
  GHL_LOCATION_ID: opt(z.string()),
  GHL_WEBHOOK_ED25519_PUBLIC_KEY: withDefault(pem, GHL_ED25519_PUBLIC_KEY),
  GHL_WEBHOOK_RSA_PUBLIC_KEY: withDefault(pem, GHL_RSA_PUBLIC_KEY),
  GHL_WEBHOOK_SECRET: opt(z.string().min(16, 'must be at least 16 characters')),
  /** Marketplace app (docs/GHL_MARKETPLACE.md): installs by OAuth 2.0, beside the Private Integration token. */
  GHL_CLIENT_ID: opt(z.string().min(1)),
  GHL_CLIENT_SECRET: opt(z.string().min(1)),
  /** Sent as redirect_uri when exchanging a code; the app's redirect URL (https://…/oauth/callback). */
  GHL_OAUTH_REDIRECT_URI: opt(url(['http:', 'https:'])),
  /** Seals stored OAuth tokens (AES-256-GCM): 32 bytes, base64 or hex. Loopback default: a key file in DATA_DIR. */
  TOKEN_ENCRYPTION_KEY: opt(
    z.string().refine((s) => parseTokenKey(s) !== undefined, {
      message:
        'must be 32 bytes as base64 (44 characters) or hex (64 digits), e.g. `openssl rand -base64 32`',
    }),
  ),
  GHL_RATE_LIMIT_MAX: withDefault(z.coerce.number().int().positive(), 100),
  GHL_RATE_LIMIT_INTERVAL_MS: withDefault(z.coerce.number().int().positive(), 10_000),
  /** Per cent of GHL_RATE_LIMIT_MAX left unspent, for jitter and calls we do not see (docs/OPERATIONS.md). */
  GHL_RATE_LIMIT_MARGIN_PCT: withDefault(z.coerce.number().int().min(0).max(90), 10),
  /** How much longer than GHL's interval our window is, so a late request never joins the next one. */
  GHL_RATE_LIMIT_GUARD_MS: withDefault(z.coerce.number().int().min(0).max(60_000), 500),
  /** Replicas sharing the budget; while Redis is unreachable each spends 1/N of it. */
  GHL_RATE_LIMIT_REPLICAS: withDefault(z.coerce.number().int().min(1).max(1000), 2),
  /** GHL requests per location per rolling 24 h. */
  GHL_RATE_LIMIT_DAILY: withDefault(z.coerce.number().int().positive(), 200_000),
  /** One GHL request attempt is abandoned after this long (a hung GHL counts as a timeout and is retried). */
  GHL_REQUEST_TIMEOUT_MS: withDefault(z.coerce.number().int().min(100).max(120_000), 10_000),
  ANTHROPIC_API_KEY: opt(z.string()),
  ANTHROPIC_BASE_URL: opt(url(['http:', 'https:'])),
  /** Model that reads a message into fields when the rule-based extractors are unsure. */
  ANTHROPIC_EXTRACTION_MODEL: withDefault(z.string().min(1), 'claude-haiku-4-5'),
  /** Model that phrases the reply the bot decided, in the agent's voice. */
  ANTHROPIC_REPLY_MODEL: withDefault(z.string().min(1), 'claude-sonnet-4-6'),
  /** Budget for all model calls of one turn; past it the offline wording answers. */
  MODEL_TURN_TIMEOUT_MS: withDefault(z.coerce.number().int().min(50).max(60_000), 2_000),
  /** Audit every model wording with a second (cheap) model call before it may go out. */
  MODEL_COMPLIANCE_AUDIT: withDefault(bool, 'false'),
  /** Progressive Skills: load only the skill files a turn needs instead of the full prompt. */
  FEATURE_PROGRESSIVE_SKILLS: withDefault(bool, 'false'),
  /** Directory of the skill files (markdown); default: skills/ shipped with the service. */
  SKILLS_DIR: opt(z.string()),
  /** How long a skill selection for the same bot/stage/intent/language is reused. */
  SKILLS_CACHE_TTL_MS: withDefault(z.coerce.number().int().min(0), 300_000),
  /** Agent Mesh: route each model task to one of several agents by cost or performance. */
  FEATURE_AGENT_MESH: withDefault(bool, 'false'),
  MESH_STRATEGY: withDefault(z.enum(['cost_aware', 'performance']), 'cost_aware'),
  MESH_MAX_AGENTS: withDefault(z.coerce.number().int().min(1).max(16), 3),
  /** Seconds between mesh health checks. */
  MESH_HEALTH_CHECK_INTERVAL: withDefault(z.coerce.number().int().min(1), 30),
  /** US dollars of model spend per rolling hour; past it every task goes to the offline engine. */
  MESH_HOURLY_SPEND_CAP_USD: withDefault(z.coerce.number().min(0), 5),
  /** MCP: serve lead tools at /mcp and over stdio, and let bots call external MCP tools. */
  FEATURE_MCP: withDefault(bool, 'false'),
  /** External MCP servers, JSON: [{"name":"listings","url":"http://…/mcp","token":"…","tools":{"search_listings":"listings_search"}}]. */
  MCP_SERVERS: opt(z.string()),
  MCP_TIMEOUT_MS: withDefault(z.coerce.number().int().min(100), 5_000),
  /** Public base URL of this service (https://bots.example.com); used in links it hands out. */
  PUBLIC_BASE_URL: opt(url(['http:', 'https:'])),
  AGENT_NAME: withDefault(z.string().min(1), 'Jorge'),
  MARKET: withDefault(z.string().min(1), 'Rancho Cucamonga, CA'),
  /** The assistant's name in its introduction ("Alex, Jorge's assistant"); unset = "Jorge's assistant". */
  ASSISTANT_NAME: opt(z.string().trim().max(40, 'must be at most 40 characters')),
  /** The agent's brokerage, named when the assistant introduces itself and when asked about licensing. */
  BROKERAGE: opt(z.string().trim().max(60, 'must be at most 60 characters')),
  /** The agent's license number (e.g. "DRE 01234567"), given when a lead asks whether the agent is licensed. */
  AGENT_LICENSE_NUMBER: opt(z.string().trim().max(30, 'must be at most 30 characters')),
  TIMEZONE: withDefault(
    z.string().refine(isTimeZone, { message: 'must be an IANA time zone such as America/Los_Angeles' }),
    'America/Los_Angeles',
  ),
  /** JSON or YAML file with bot settings (neighborhoods, tag names, thresholds, wording). */
  BOTS_CONFIG_FILE: opt(z.string()),
  /** YAML or JSON file with the answers to leads' questions (docs/KNOWLEDGE_BASE.md); unset = shipped answers. */
  KNOWLEDGE_FILE: opt(z.string()),
  /** GHL calendar used to offer and book appointment slots. Unset = ask morning/afternoon and make a task. */
  GHL_CALENDAR_ID: opt(z.string()),
  /** GHL user id appointments and tasks are assigned to. Unset = the calendar's primary or first team member. */
  GHL_ASSIGNED_USER_ID: opt(z.string().trim().min(1).max(64)),
  /** Where escalations reach the agent (through the CRM). */
  AGENT_PHONE: opt(
    z.string().regex(/^\+[1-9]\d{7,14}$/, 'must be an E.164 phone number such as +19095550100'),
  ),
  AGENT_EMAIL: opt(z.email()),
  /** Who is alerted about compliance tickets. */
  COMPLIANCE_OFFICER_PHONE: opt(
    z.string().regex(/^\+[1-9]\d{7,14}$/, 'must be an E.164 phone number such as +19095550100'),
  ),
  COMPLIANCE_OFFICER_EMAIL: opt(z.email()),
  /** An escalation nobody picked up within this many minutes alerts the agent again; after twice this, the backup. */
  ESCALATION_SLA_MINUTES: withDefault(z.coerce.number().int().min(1).max(10_080), 30),
  /** Who is alerted when the agent has not picked an escalation up within two SLAs. */
  ESCALATION_BACKUP_PHONE: opt(
    z.string().regex(/^\+[1-9]\d{7,14}$/, 'must be an E.164 phone number such as +19095550100'),
  ),
  ESCALATION_BACKUP_EMAIL: opt(z.email()),
  /** Pre-qualification service (JSON contract in docs/FINANCIAL_SERVICE.md). Unset = heuristics only. */
  FINANCIAL_SERVICE_URL: opt(url(['http:', 'https:'])),
  SMTP_URL: opt(url(['smtp:', 'smtps:'])),
  /** Sender of the day-14 CMA email over SMTP; defaults to AGENT_EMAIL. */
  SMTP_FROM: opt(z.email()),
  /** How often the follow-up runner looks for due steps. */
  FOLLOW_UP_POLL_MS: withDefault(z.coerce.number().int().min(100), 5_000),
  /** Follow-ups wait this long after a GHL workflow, campaign, bulk action or person texted the lead (0 = off). */
  FOLLOW_UP_QUIET_AFTER_OTHER_SEND_MS: withDefault(z.coerce.number().int().min(0), 86_400_000),
  LISTINGS_FILE: opt(z.string()),
  COMPS_FILE: opt(z.string()),
  LOG_LEVEL: withDefault(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), 'info'),
  /**
   * Oldest signed webhook accepted, by its `timestamp`. GHL re-sends an event answered 429 with the
   * same timestamp up to six times, 10 minutes apart plus jitter (~70 minutes in the worst case), so
   * the default covers every retry. webhookId dedupe (the inbox's unique key, never purged) keeps a
   * replay inside the window from being processed twice.
   */
  WEBHOOK_MAX_AGE_MS: withDefault(z.coerce.number().int().min(60_000).max(86_400_000), 4_500_000),
  /** Workflow payloads without a message id or timestamp: identical ones within this window are one. */
  WORKFLOW_DEDUPE_WINDOW_MS: withDefault(z.coerce.number().int().min(1_000).max(86_400_000), 60_000),
  /** Inbound SMS and email text (after markup and quoted replies) is cut to this many characters. */
  INBOUND_TEXT_MAX_CHARS: withDefault(z.coerce.number().int().min(160).max(100_000), 4_000),
  /** Starts an inbox event gets (each counted before its turn runs) before it is parked as dead. */
  INBOX_MAX_ATTEMPTS: withDefault(z.coerce.number().int().min(1).max(20), 3),
  /**
   * A turn running longer is abandoned and counts as an overrun attempt. Keep it above the slowest
   * legitimate turn: a free-slots lookup GHL answers slowly takes ~45 s with its retries, plus the
   * model and MCP budgets.
   */
  TURN_BUDGET_MS: withDefault(z.coerce.number().int().min(100).max(600_000), 60_000),
  /** Inbox rows waiting beyond this make the webhook answer 429 so GHL retries later. */
  INBOX_MAX_BACKLOG: withDefault(z.coerce.number().int().positive(), 50_000),
  /** How long a claimed outbox action belongs to one worker before another may retry it. */
  OUTBOX_LEASE_MS: withDefault(z.coerce.number().int().min(100), 120_000),
  /** First outbox retry delay; doubles per attempt up to 10 minutes. */
  OUTBOX_RETRY_BASE_MS: withDefault(z.coerce.number().int().min(10), 5_000),
  /**
   * Attempts a CRM action gets before it fails for good and the contact is escalated to a person.
   * Refusals by an open circuit breaker and a used-up GHL daily budget are not attempts.
   */
  OUTBOX_MAX_ATTEMPTS: withDefault(z.coerce.number().int().min(1).max(50), 8),
  /**
   * How long a contact's GHL tag and custom-field writes wait for the writes of the next turns, to
   * go out merged (only the latest values matter). GHL allows 100 requests per 10 s per location;
   * 0 writes at once. Replies, notes, tasks and appointments never wait for this.
   */
  CRM_COALESCE_MS: withDefault(z.coerce.number().int().min(0).max(600_000), 10_000),
  /** Circuit breakers: consecutive failures that open one, and how long it stays open. */
  BREAKER_FAILURE_THRESHOLD: withDefault(z.coerce.number().int().min(1), 5),
  BREAKER_HALF_OPEN_MS: withDefault(z.coerce.number().int().min(100), 30_000),
  WORKER_CONCURRENCY: withDefault(z.coerce.number().int().min(1).max(64), 4),
  /**
   * Turn off the background workers (turns, outbox drainer, follow-ups, escalation re-alerts): the
   * process then only receives webhooks and serves the API (a receiver, or tooling).
   */
  WORKERS_ENABLED: withDefault(bool, 'true'),
  /**
   * Turn off webhook ingest: POST /webhooks/ghl answers 503 and the process runs the workers (a
   * worker replica); /healthz, /readyz, /metrics and the API are still served.
   */
  RECEIVER_ENABLED: withDefault(bool, 'true'),
  /** Apply pending migrations at start-up; false when `npm run migrate` runs once per release instead. */
  MIGRATE_ON_START: withDefault(bool, 'true'),
});

export type Config = z.infer<typeof configSchema>;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** Parses the environment; throws ConfigError listing every bad variable at once. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push(`${issue.path.join('.') || '(root)'}: ${issue.message}`);
    }
    throw new ConfigError(problems);
  }
  const cfg = parsed.data;
  if (!LOOPBACK.has(cfg.HOST) && !cfg.JORGE_API_TOKEN) {
    problems.push(
      `HOST: binding to ${cfg.HOST} (not loopback) requires JORGE_API_TOKEN so the API is not open to the network`,
    );
  }
  if (cfg.GHL_PRIVATE_TOKEN && !cfg.GHL_LOCATION_ID) {
    problems.push(
      'GHL_LOCATION_ID: required when GHL_PRIVATE_TOKEN is set (the sub-account the token belongs to)',
    );
  }
  if (Boolean(cfg.GHL_CLIENT_ID) !== Boolean(cfg.GHL_CLIENT_SECRET)) {
    problems.push(
      'GHL_CLIENT_SECRET: GHL_CLIENT_ID and GHL_CLIENT_SECRET are set together (the Marketplace app)',
    );
  }
  if (cfg.GHL_CLIENT_ID && !LOOPBACK.has(cfg.HOST) && !cfg.TOKEN_ENCRYPTION_KEY) {
    problems.push(
      `TOKEN_ENCRYPTION_KEY: required when HOST is ${cfg.HOST} (not loopback) and GHL_CLIENT_ID is set, so every replica seals OAuth tokens with the same key (openssl rand -base64 32)`,
    );
  }
  if (!cfg.RECEIVER_ENABLED && !cfg.WORKERS_ENABLED) {
    problems.push(
      'RECEIVER_ENABLED: RECEIVER_ENABLED and WORKERS_ENABLED are both false, so this process would neither receive webhooks nor answer them; set at least one to true',
    );
  }
  if (cfg.MCP_SERVERS) {
    try {
      parseMcpServers(cfg.MCP_SERVERS);
    } catch (err) {
      if (!(err instanceof McpServersConfigError)) throw err;
      problems.push(...err.problems.map((p) => `MCP_SERVERS: ${p}`));
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return cfg;
}

/**
 * The environment with the settings of `.env` in the working directory beneath it: a variable set in
 * the real environment wins over the file (an empty one counts as unset, as everywhere here).
 * `envFile` is the file's path when there is one.
 */
export function environmentWithEnvFile(
  env: Record<string, string | undefined> = process.env,
  cwd = process.cwd(),
): { env: Record<string, string | undefined>; envFile: string | null } {
  const path = join(cwd, '.env');
  const fromFile = readEnvFile(path);
  if (!fromFile) return { env, envFile: null };
  const merged: Record<string, string | undefined> = { ...fromFile };
  for (const [k, v] of Object.entries(env)) if (empty(v) !== undefined || !(k in merged)) merged[k] = v;
  return { env: merged, envFile: path };
}

/** For entry points: the parsed config (environment over `.env`), or every problem on stderr and exit code 1. */
export function loadConfigOrExit(opts: { onEnvFile?: (path: string) => void } = {}): Config {
  try {
    const { env, envFile } = environmentWithEnvFile();
    const config = loadConfig(env);
    if (envFile) opts.onEnvFile?.(envFile);
    return config;
  } catch (err) {
    if (err instanceof ConfigError || err instanceof EnvFileError) {
      process.stderr.write(`${err.message}\nSee .env.example for every setting.\n`);
      process.exit(1);
    }
    throw err;
  }
}
