import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SANDBOX_LOCATION_ID } from '../../app/sandbox.ts';
import type { HttpDeps } from '../deps.ts';
import { ApiError, errorBodySchema } from '../errors.ts';

const bodySchema = z.object({ days: z.number().gt(0).lte(60) });

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
 * POST /api/v1/sandbox/advance-clock — moves the sandbox clock `days` ahead, runs every sandbox
 * follow-up that became due and sends it through the sandbox CRM. Other locations are untouched.
 */
export async function sandboxAdvanceClockRoute(app: FastifyInstance, deps: HttpDeps): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/sandbox/advance-clock',
    {
      schema: {
        summary: 'Move the sandbox clock forward and run the follow-ups that became due',
        tags: ['sandbox'],
        body: bodySchema,
        response: { 200: responseSchema, 400: errorBodySchema, 401: errorBodySchema },
      },
    },
    async (req) => {
      const followUps = deps.followUps;
      if (!followUps) throw new ApiError('internal', 'the follow-up runner is not configured');
      const { now, ran } = await followUps.advanceSandbox(req.body.days);
      const contacts = new Set(ran.filter((r) => r.status === 'sent').map((r) => r.contactId));
      for (const cid of contacts) await deps.drainer.drainContact(SANDBOX_LOCATION_ID, cid);
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
