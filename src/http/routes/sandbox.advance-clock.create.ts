import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
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
      if (!deps.sandboxTime) throw new ApiError('internal', 'the sandbox clock is not configured');
      const ms = (req.body.days ?? 0) * DAY_MS + (req.body.hours ?? 0) * HOUR_MS;
      const { now, ran } = await deps.sandboxTime.advance(ms);
      return {
        now: now.toISOString(),
        ran: ran.map((r) => ({
          contactId: r.contactId,
          step: r.step,
          status: r.status,
          channel: r.channel,
          reason: r.reason,
        })),
      };
    },
  );
}
