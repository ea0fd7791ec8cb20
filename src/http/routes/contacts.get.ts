import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readContact } from '../../app/contacts/read-contact.ts';
import type { HttpDeps } from '../deps.ts';
import { escalationViewSchema } from './escalations.ts';
import { ApiError, errorBodySchema } from '../errors.ts';

const followUpSchema = z.object({
  step: z.string(),
  status: z.string(),
  dueAt: z.string(),
  sentAt: z.string().nullable(),
  channel: z.string().nullable(),
  reason: z.string().nullable(),
  attachment: z.string().nullable(),
  cmaError: z.string().nullable(),
});

const contactSchema = z.object({
  contactId: z.string(),
  locationId: z.string(),
  bot: z.string(),
  temperature: z.string().nullable(),
  tags: z.array(z.string()),
  fields: z.record(z.string(), z.unknown()),
  optedOut: z.boolean(),
  paused: z.boolean(),
  transcript: z.array(
    z.object({
      direction: z.string(),
      channel: z.string(),
      body: z.string(),
      at: z.string(),
      delivery: z
        .enum(['queued', 'sent', 'failed', 'cancelled'])
        .optional()
        .describe(
          'outbound only: what became of the message; cancelled = the lead opted out first; failed also when GHL reported it failed or undelivered',
        ),
      deliveryStatus: z
        .string()
        .optional()
        .describe(
          'outbound only: the status GHL last reported (pending, delivered, failed, undelivered, read…)',
        ),
      deliveryError: z
        .object({ code: z.string().optional(), message: z.string().optional() })
        .optional()
        .describe('outbound only: why GHL could not deliver it, when it said'),
    }),
  ),
  pendingFollowUps: z.array(followUpSchema),
  followUps: z.array(followUpSchema),
  escalations: z.array(escalationViewSchema),
  financialAssessment: z
    .object({
      source: z.enum(['service', 'heuristic', 'default']),
      preApproved: z.boolean(),
      requiresReview: z.boolean(),
      confidence: z.number(),
      maxAmount: z.number().optional(),
      lender: z.string().optional(),
      at: z.string(),
    })
    .nullable(),
  botPaused: z.boolean(),
  modelUsage: z.object({
    calls: z.number().int(),
    used: z.number().int(),
    fallbacks: z.number().int(),
    inputTokens: z.number().int(),
    outputTokens: z.number().int(),
    cacheReadTokens: z.number().int(),
    cacheWriteTokens: z.number().int(),
    costUsd: z.number(),
  }),
});

/** GET /api/v1/contacts/:id — tags, fields, bot, temperature, transcript, pending follow-ups. */
export async function contactsGetRoute(app: FastifyInstance, deps: HttpDeps): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/contacts/:id',
    {
      schema: {
        summary: 'A contact as the bots see it',
        tags: ['contacts'],
        params: z.object({ id: z.string().min(1).max(100) }),
        querystring: z.object({ locationId: z.string().min(1).max(100).optional() }),
        response: { 200: contactSchema, 404: errorBodySchema, 401: errorBodySchema },
      },
    },
    async (req) => {
      const c = await readContact(deps, req.params.id, req.query.locationId);
      if (!c) throw new ApiError('not_found', `contact ${req.params.id} not found`);
      return c;
    },
  );
}
