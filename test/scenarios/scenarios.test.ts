import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { postJson, startTestService, type TestService } from '../support/service.ts';
import { BULLETS } from './bullets.ts';
import { expectationProblems, type TurnResult, universalProblems } from './checks.ts';
import { type LoadedScenario, loadScenarios } from './scenario-format.ts';

// The scenario corpus: every conversation in test/scenarios/*.yaml runs through the sandbox API of
// one in-process service, turn by turn, and each reply is held to the universal SMS and compliance
// rules plus the scenario's own expectations.

const scenarios = loadScenarios(dirname(fileURLToPath(import.meta.url)));

// Each conversation starts on its own Tuesday at 10:00 in the market's time zone (11:00 in summer),
// one week after the previous one, so the sandbox calendar always offers Tue 1pm, Wed 10am, Thu 10am
// and time never runs backwards for the service.
const FIRST_TUESDAY = Date.parse('2026-03-03T18:00:00Z');
const WEEK = 7 * 86_400_000;

describe('scenario corpus', () => {
  it('is large enough and covers every behaviour of the bots', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(130);
    expect(scenarios.filter((s) => s.lang === 'es').length).toBeGreaterThanOrEqual(30);
    const covered = new Set(scenarios.flatMap((s) => s.covers));
    expect(BULLETS.filter((b) => !covered.has(b))).toEqual([]);
  });
});

describe('scenarios through the sandbox API', () => {
  let tdb: TestDb;
  let svc: TestService;
  let nowMs = FIRST_TUESDAY;

  beforeAll(async () => {
    tdb = await pgliteBackend.open();
    svc = await startTestService(
      tdb,
      { TIMEZONE: 'America/Los_Angeles', AGENT_NAME: 'Jorge' },
      { clock: { now: () => new Date(nowMs) } },
    );
  });
  afterAll(async () => {
    await svc?.stop();
    await tdb?.close();
  });

  const maxId = async (table: 'outbox' | 'audit_log', contactId: string) => {
    const { rows } = await tdb.db.query<{ id: number | null }>(
      `SELECT max(id) AS id FROM ${table} WHERE contact_id = $1`,
      [contactId],
    );
    return Number(rows[0]?.id ?? 0);
  };
  const since = async (table: 'outbox' | 'audit_log', contactId: string, after: number) => {
    const column = table === 'outbox' ? 'kind' : 'action';
    const { rows } = await tdb.db.query<{ v: string }>(
      `SELECT ${column} AS v FROM ${table} WHERE contact_id = $1 AND id > $2 ORDER BY id`,
      [contactId, after],
    );
    return rows.map((r) => r.v);
  };

  it.each(scenarios.map((s, i) => [`${s.file} › ${s.name}`, s, i] as const))(
    '%s',
    async (_title, s: LoadedScenario, index: number) => {
      nowMs = Math.max(nowMs, FIRST_TUESDAY + index * WEEK);
      const transcript: string[] = [];
      let previous: string | null = null;
      for (const [n, turn] of s.turns.entries()) {
        nowMs += (turn.advanceMinutes ?? 0) * 60_000;
        const tags = [...(n === 0 ? (s.tags ?? []) : []), ...(turn.tags ?? [])];
        const channel = turn.channel ?? 'SMS';
        const outboxBefore = await maxId('outbox', s.id);
        const auditBefore = await maxId('audit_log', s.id);
        const res = await postJson(`${svc.url}/api/v1/sandbox/messages`, {
          contactId: s.id,
          message: turn.say,
          channel,
          ...(tags.length > 0 ? { tags } : {}),
          ...(n === 0 && s.contact ? { contact: s.contact } : {}),
        });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        const result: TurnResult = {
          ...(res.body as Omit<TurnResult, 'outboxKinds' | 'auditActions'>),
          outboxKinds: await since('outbox', s.id, outboxBefore),
          auditActions: await since('audit_log', s.id, auditBefore),
        };
        const body = result.replies[0]?.body ?? null;
        transcript.push(
          `  lead: ${turn.say}`,
          `  bot (${result.bot}, ${result.temperature}): ${body ?? '(no reply)'}`,
        );
        const problems: string[] = [];
        if (result.replies.length > 1) problems.push(`${result.replies.length} replies to one message`);
        if (result.auditActions.includes('outbound_blocked'))
          problems.push('the outbound filter blocked the composed reply');
        if (body !== null) {
          problems.push(
            ...universalProblems(body, {
              channel,
              lang: turn.expect?.lang ?? s.lang,
              aiDisclosure: s.aiDisclosure === true,
              previous,
              allowRepeat: s.allowRepeat === true,
            }),
          );
          previous = body;
        }
        if (turn.expect) problems.push(...expectationProblems(turn.expect, result));
        if (problems.length > 0) {
          const state = `tags ${JSON.stringify(result.tags)}\n  fields ${JSON.stringify(result.fields)}`;
          expect.fail(`turn ${n + 1}:\n  - ${problems.join('\n  - ')}\n${transcript.join('\n')}\n  ${state}`);
        }
      }
    },
  );
});
