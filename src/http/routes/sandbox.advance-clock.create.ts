import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { nextSandboxDueAt } from '../../adapters/postgres/sandbox-due-repo.ts';
import type { FollowUpRun } from '../../app/run-due-follow-ups.ts';
import { advanceThrough } from '../../app/sandbox-clock.ts';
import { SANDBOX_LOCATION_ID } from '../../app/sandbox.ts';
import type { HttpDeps } from '../deps.ts';
import { ApiError, errorBodySchema } from '../errors.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const bodySchema = z
  .object({
    days: z.number().gt(0).lte(60).optional(),
    hours: z.number().gt(0).lte(1440).optional(),
  })
  .refine((b) => b.days !== undefined || b.hours !== undefined, {
    message: 'give days or hours (how far to move the sandbox clock)',
    path: ['days'],
  })
  .refine((b) => (b.days ?? 0) * DAY_MS + (b.hours ?? 0) * HOUR_MS <= 60 * DAY_MS, {
    message: 'days and hours together must be at most 60 days',
    path: ['hours'],
  });

const responseSchema = z.object({
  now: z.string(),
  ran: z.array(
    z.object({
      contactId: z.string(),
      step: z.string(),
      status: z.string(),
      channel: z.string().nullable(),
      reason: z.string().nullable(),
    }),
  ),
});

/**
 * POST /api/v1/sandbox/advance-clock — moves the sandbox clock `days` and/or `hours` ahead as if
 * the time had passed: it stops at each moment a sandbox follow-up step or escalation re-alert
 * falls due on the way, runs it there and sends it through the sandbox CRM. Other locations are
 * untouched.
 */
export async function sandboxAdvanceClockRoute(app: FastifyInstance, deps: HttpDeps): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/sandbox/advance-clock',
    {
      schema: {
        summary: 'Move the sandbox clock forward and run what fell due along the way',
        tags: ['sandbox'],
        body: bodySchema,
        response: { 200: responseSchema, 400: errorBodySchema, 401: errorBodySchema },
      },
    },
    async (req) => {
      const ms = (req.body.days ?? 0) * DAY_MS + (req.body.hours ?? 0) * HOUR_MS;
      const { now, ran } = await advanceSandboxClock(deps, ms);
      return { now: now.toISOString(), ran };
    },
  );
}

/** The sandbox clock moved `ms` ahead through every due moment; what ran is drained to the sandbox CRM. */
export async function advanceSandboxClock(
  deps: Pick<HttpDeps, 'db' | 'followUps' | 'drainer' | 'escalationAlerts' | 'sandboxClock'>,
  ms: number,
): Promise<{
  now: Date;
  ran: Array<Pick<FollowUpRun, 'contactId' | 'step' | 'status' | 'channel' | 'reason'>>;
}> {
  const followUps = deps.followUps;
  const clock = deps.sandboxClock;
  if (!followUps || !clock) throw new ApiError('internal', 'the follow-up runner is not configured');
  const alerts = deps.escalationAlerts ?? null;
  const { now, ran } = await advanceThrough(
    {
      now: () => clock.now(),
      nextDueAt: (after) =>
        nextSandboxDueAt(deps.db, {
          locationId: SANDBOX_LOCATION_ID,
          after,
          slaMs: alerts ? alerts.slaMs : null,
        }),
      hop: async (step) => {
        const r = await followUps.advanceSandbox(step / DAY_MS);
        const realerts = alerts ? await alerts.runSandbox() : [];
        const ran = [...r.ran, ...realerts];
        // Sent at the hop's time: drained later, a message would meet the next night's quiet hours.
        const contacts = new Set(ran.filter((x) => x.status === 'sent').map((x) => x.contactId));
        for (const cid of contacts) await deps.drainer.drainContact(SANDBOX_LOCATION_ID, cid);
        return { now: r.now, ran };
      },
    },
    ms,
  );
  return {
    now,
    ran: ran.map((r) => ({
      contactId: r.contactId,
      step: r.step,
      status: r.status,
      channel: r.channel,
      reason: r.reason,
    })),
  };
}
