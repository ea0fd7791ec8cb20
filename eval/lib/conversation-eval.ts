import { buildService } from '../../src/wiring/service.ts';
import { loadConfig } from '../../src/config.ts';
import { createPgliteDb } from '../../src/adapters/postgres/pglite-db.ts';
import { createLogger } from '../../src/observability/logger.ts';
import type { Db } from '../../src/ports.ts';
import { replyLanguage, universalProblems } from '../../test/scenarios/checks.ts';
import type { Conversation } from './corpus.ts';
import { slotsFromFacts } from './facts-to-slots.ts';

// Runs whole lead-side conversations through the sandbox API of one in-process service (embedded
// PostgreSQL, sandbox CRM, offline engine) and checks what a realtor requires by the end.

/** Questions that qualify a lead: asking one after a "no" is soliciting. */
const QUALIFYING =
  /^(?:seller\.(?:motivation|timeline|condition|price|address|which_property)|buyer\.|lead\.(?:intent|first|ask_))/;

export interface TurnRecord {
  lead: string;
  bot: string;
  reply: string | null;
  asked: string | null;
  temperature: string | null;
}

export interface ConversationResult {
  id: string;
  lang: 'en' | 'es';
  checks: Record<string, boolean>;
  problems: string[];
  transcript: TurnRecord[];
  /** The most times one question was asked. */
  maxRepeats: number;
  complianceMiss: boolean;
}

export interface ConversationRunner {
  run(c: Conversation): Promise<ConversationResult>;
  close(): Promise<void>;
}

export async function startConversationRunner(env: Record<string, string> = {}): Promise<ConversationRunner> {
  let nowMs = Date.parse('2026-12-04T18:00:00Z');
  const db: Db = await createPgliteDb(undefined);
  const config = loadConfig({
    PORT: '0',
    LOG_LEVEL: 'silent',
    AGENT_NAME: 'Jorge',
    TIMEZONE: 'America/Los_Angeles',
    ...env,
  });
  const service = await buildService(config, {
    db,
    logger: createLogger({ level: 'silent' }),
    clock: { now: () => new Date(nowMs) },
  });
  await service.app.ready();

  const state = async (contactId: string) => {
    const { rows } = await db.query<{ state: Record<string, unknown> | null }>(
      `SELECT state FROM conversations WHERE location_id = 'sandbox' AND contact_id = $1`,
      [contactId],
    );
    return rows[0]?.state ?? null;
  };
  const auditActions = async (contactId: string) => {
    const { rows } = await db.query<{ action: string; detail: Record<string, unknown> | null }>(
      `SELECT action, detail FROM audit_log WHERE contact_id = $1 ORDER BY id`,
      [contactId],
    );
    return rows;
  };
  const escalations = async (contactId: string) => {
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM escalations WHERE location_id = 'sandbox' AND contact_id = $1`,
      [contactId],
    );
    return Number(rows[0]?.n ?? 0);
  };

  let serial = 0;
  return {
    async run(c) {
      serial += 1;
      const contactId = `eval_${c.id}_${serial}`;
      // Every conversation happens at the moment its corpus entry names (relative dates such as
      // "next spring" are labelled from it); each is its own contact, so nothing else depends on it.
      nowMs = Date.parse(c.now);
      const transcript: TurnRecord[] = [];
      const problems: string[] = [];
      let optedOut = false;
      let offered = false;
      let previous: string | null = null;
      const asked: Record<string, number> = {};
      let lang: 'en' | 'es' = c.lang;
      for (const [n, text] of c.turns.entries()) {
        nowMs += 3 * 60_000;
        const res = await service.app.inject({
          method: 'POST',
          url: '/api/v1/sandbox/messages',
          payload: {
            contactId,
            message: text,
            channel: 'SMS',
            ...(n === 0 && c.tags.length > 0 ? { tags: c.tags } : {}),
            ...(n === 0 && c.contact ? { contact: c.contact } : {}),
          },
        });
        if (res.statusCode !== 200) {
          problems.push(`turn ${n + 1}: HTTP ${res.statusCode} ${res.body.slice(0, 200)}`);
          break;
        }
        const body = res.json() as {
          bot: string;
          replies: { body: string }[];
          temperature: string | null;
          optedOut: boolean;
        };
        const s = await state(contactId);
        const reply = body.replies[0]?.body ?? null;
        const askedNow = typeof s?.lastAsked === 'string' && reply !== null ? s.lastAsked : null;
        if (askedNow) asked[askedNow] = (asked[askedNow] ?? 0) + 1;
        if (s?.stage === 'scheduling' || s?.stage === 'booked') offered = true;
        if (typeof s?.lang === 'string') lang = s.lang as 'en' | 'es';
        optedOut = body.optedOut;
        transcript.push({ lead: text, bot: body.bot, reply, asked: askedNow, temperature: body.temperature });
        if (reply !== null) {
          for (const p of universalProblems(reply, {
            channel: 'SMS',
            lang: c.expect.language ?? lang,
            aiDisclosure: true,
            previous,
            allowRepeat: false,
          }))
            problems.push(`turn ${n + 1}: ${p}`);
          previous = reply;
        }
        const cut = c.expect.must_not_solicit_after;
        if (cut !== undefined && n > cut && askedNow && QUALIFYING.test(askedNow))
          problems.push(`turn ${n + 1}: asked ${askedNow} after the lead said no (turn ${cut + 1})`);
      }

      const e = c.expect;
      const checks: Record<string, boolean> = {};
      checks.opted_out = optedOut === e.opted_out;
      if (!checks.opted_out) problems.push(`opted out is ${optedOut}, expected ${e.opted_out}`);
      if (e.must_not_solicit_after !== undefined)
        checks.must_not_solicit_after = !problems.some((p) => p.includes('after the lead said no'));
      const final = await state(contactId);
      if (e.slots) {
        const got = slotsFromFacts((final?.facts ?? {}) as Record<string, unknown>);
        const wrong = Object.entries(e.slots).filter(([k, v]) => (got as Record<string, unknown>)[k] !== v);
        checks.slots = wrong.length === 0;
        for (const [k, v] of wrong)
          problems.push(
            `slot ${k} is ${JSON.stringify((got as Record<string, unknown>)[k])}, expected ${JSON.stringify(v)}`,
          );
      }
      if (e.temperature) {
        const t = transcript.at(-1)?.temperature ?? null;
        checks.temperature = t === e.temperature;
        if (!checks.temperature) problems.push(`temperature is ${t}, expected ${e.temperature}`);
      }
      if (e.appointment_offered) {
        checks.appointment_offered = offered;
        if (!offered) problems.push('no appointment was offered');
      }
      if (e.question_answered?.length) {
        const answered = new Set(
          (await auditActions(contactId))
            .filter((a) => a.action === 'question_answered')
            .map((a) => String(a.detail?.topic ?? '')),
        );
        const missed = e.question_answered.filter((t) => !answered.has(t));
        checks.question_answered = missed.length === 0;
        if (missed.length > 0) problems.push(`questions not answered: ${missed.join(', ')}`);
      }
      if (e.handoff_to_human !== undefined) {
        const handed = (await escalations(contactId)) > 0;
        checks.handoff_to_human = handed === e.handoff_to_human;
        if (!checks.handoff_to_human)
          problems.push(`handed to a person: ${handed}, expected ${e.handoff_to_human}`);
      }
      const maxRepeats = Math.max(0, ...Object.values(asked));
      checks.max_repeats = maxRepeats <= (e.max_repeats ?? 2);
      if (!checks.max_repeats) {
        const worst = Object.entries(asked).filter(([, v]) => v > (e.max_repeats ?? 2));
        problems.push(`asked ${worst.map(([k, v]) => `${k} ${v} times`).join(', ')}`);
      }
      checks.form = !problems.some((p) => /^turn \d+: (?!asked)/.test(p));
      if (e.language) {
        const off = transcript.filter(
          (t) => t.reply && replyLanguage(t.reply) !== null && replyLanguage(t.reply) !== e.language,
        );
        checks.language = off.length === 0;
      }
      const complianceMiss = !checks.opted_out || checks.must_not_solicit_after === false;
      return { id: c.id, lang: c.lang, checks, problems, transcript, maxRepeats, complianceMiss };
    },
    async close() {
      await service.stop();
    },
  };
}
