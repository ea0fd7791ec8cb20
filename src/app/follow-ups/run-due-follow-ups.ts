import { randomUUID } from 'node:crypto';
import type { Db, Sql } from '../../ports.ts';
import { followUpBasisKey, type FollowUpStore } from '../../ports/follow-up-store.ts';
import type { ModelCallRecord } from '../../ports/model-call-record.ts';
import { checkFollowUpStep, type FollowUpRun, type PlannedStep, planSentStep } from './plan-follow-up.ts';
import { type FollowUpContentDeps, prepareFollowUp } from './prepare-follow-up.ts';

export type { FollowUpRun } from './plan-follow-up.ts';

export interface FollowUpRunnerDeps extends FollowUpContentDeps {
  db: Db;
  /** The due steps, their basis, and each step's one write. */
  store: FollowUpStore;
  /** Time zone for contacts whose address, CRM zone and area code say nothing (`TIMEZONE`). */
  timezone: string;
  /** Told about every step taken (metrics). */
  onRun?: (run: FollowUpRun) => void;
  /** A step waits this long after someone else (a GHL workflow, campaign, person) texted the contact. */
  quietAfterOtherSendMs?: number;
  /** The bots' published wording, read for each step. */
  currentBots?: () => Promise<FollowUpContentDeps['bots']>;
  /** The persona and fallback time zone a location's steps use (its stored settings), read through `sql`. */
  localFor?: (
    locationId: string,
    sql: Sql,
    bots: FollowUpContentDeps['bots'],
  ) => Promise<{ bots: FollowUpContentDeps['bots']; timezone: string }>;
}

const DAY_MS = 86_400_000;
/** Gathers that may ask the model before a step is composed offline (its contact kept moving). */
const NETWORK_GATHERS = 3;
/** Offline rounds after those; still moving after them, the step fails and is tried on the next run. */
const OFFLINE_ROUNDS = 5;

/**
 * Runs every follow-up step due at `now` for one location (`only: true`) or for every other
 * location (`only: false`). Each step is load → check → compose → commit: its basis is loaded
 * without a lock, the step is checked and composed against it (the CMA and the model's
 * explanation of it need no connection), and the plan is committed in one transaction that locks
 * the step and checks the basis still holds; if it moved, the step is redone. A crash before
 * commit leaves the step pending, and a committed step never runs again.
 */
export async function runDueFollowUps(
  deps: FollowUpRunnerDeps,
  opts: { now: Date; locationId: string; only: boolean; limit?: number },
): Promise<FollowUpRun[]> {
  const ids = await deps.store.listDue(deps.db, { ...opts, limit: opts.limit ?? 20 });
  const out: FollowUpRun[] = [];
  for (const id of ids) {
    const run = await runStep(deps, id, opts.now);
    if (run) {
      out.push(run);
      deps.onRun?.(run);
    }
  }
  return out;
}

async function runStep(runner: FollowUpRunnerDeps, id: number, now: Date): Promise<FollowUpRun | null> {
  const window = { now, sentSince: new Date(now.getTime() - DAY_MS) };
  const earlierModelCalls: ModelCallRecord[] = [];
  for (let round = 0; round < NETWORK_GATHERS + OFFLINE_ROUNDS; round++) {
    const basis = await runner.store.load(runner.db, id, window);
    if (!basis) return null;
    // Keyed before composing: nothing below changes the basis, but the key is what was read.
    const key = followUpBasisKey(basis);
    const bots = runner.currentBots ? await runner.currentBots() : runner.bots;
    const local = runner.localFor
      ? await runner.localFor(basis.step.location_id, runner.db, bots)
      : { bots, timezone: runner.timezone };
    const deps: FollowUpContentDeps = { ...runner, bots: local.bots };
    const checked = checkFollowUpStep(
      basis,
      { ...local, quietAfterOtherSendMs: runner.quietAfterOtherSendMs ?? 0 },
      now,
    );
    let modelCalls: ModelCallRecord[] = [];
    let planned: PlannedStep;
    if ('planned' in checked) planned = checked.planned;
    else {
      const { step, subject, timezone } = checked.send;
      // Offline rounds compose without the model: the explanation is left out of the CMA email.
      const { narrate: _, ...offline } = deps;
      const prepared = await prepareFollowUp(round < NETWORK_GATHERS ? deps : offline, step, {
        ...subject,
        now,
        timezone,
      });
      modelCalls = prepared.modelRecords ?? [];
      // Model calls of a redone step were made and paid for: the ledger keeps them.
      planned = planSentStep(basis, prepared, [...earlierModelCalls, ...modelCalls], now, randomUUID());
    }
    const res = await runner.store.commit(runner.db, id, window, key, planned.plan);
    if (res.kind === 'lost') return null;
    if (res.kind === 'moved') {
      earlierModelCalls.push(...modelCalls);
      continue;
    }
    return planned.run;
  }
  throw new Error('the contact’s record kept changing while its follow-up step was composed');
}
