import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  VIOLATION_TYPES,
  resolveComplianceTicket,
} from '../../app/escalations/escalate-compliance-violation.ts';
import { resolveEscalation } from '../../app/escalations/escalate-to-human-review.ts';
import type { HttpDeps } from '../deps.ts';
import { ApiError, errorBodySchema } from '../errors.ts';

const status = z.enum(['open', 'resolved']);
const resolveBody = z.object({ note: z.string().trim().max(2000).optional() }).default({});
export const escalationViewSchema = z.object({
  id: z.string(),
  kind: z.enum(['human_review', 'compliance']),
  reason: z.string(),
  status,
  contactId: z.string(),
  locationId: z.string(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolutionNote: z.string().nullable(),
});
const resolved = z.object({ id: z.string(), status: z.literal('resolved'), botResumed: z.boolean() });
const ticket = z.object({
  id: z.string(),
  locationId: z.string(),
  contactId: z.string(),
  violationType: z.string(),
  rule: z.string(),
  status: z.string(),
  createdAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolutionNote: z.string().nullable(),
  evidence: z.array(z.record(z.string(), z.unknown())),
});

/**
 * GET  /api/v1/escalations                       human-review escalations and compliance tickets
 * POST /api/v1/escalations/:id/resolve           resumes the bot (optional note)
 * GET  /api/v1/compliance/tickets                compliance tickets with their evidence
 * POST /api/v1/compliance/tickets/:id/resolve    closes a ticket (the evidence stays, append-only)
 */
export async function escalationRoutes(app: FastifyInstance, deps: HttpDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/escalations',
    {
      schema: {
        summary: 'List escalations (human review and compliance)',
        tags: ['escalations'],
        querystring: z.object({
          status: status.optional(),
          kind: z.enum(['human_review', 'compliance']).optional(),
          contactId: z.string().max(100).optional(),
          limit: z.coerce.number().int().min(1).max(500).optional(),
        }),
        response: { 200: z.object({ escalations: z.array(escalationViewSchema) }), 401: errorBodySchema },
      },
    },
    async (req) => ({ escalations: await deps.stores.escalations.list(deps.db, clean(req.query)) }),
  );
  r.post(
    '/api/v1/escalations/:id/resolve',
    {
      schema: {
        summary: 'Resolve a human-review escalation; the bot resumes for the contact',
        tags: ['escalations'],
        params: z.object({ id: z.string().min(1).max(64) }),
        body: resolveBody,
        response: { 200: resolved, 404: errorBodySchema, 409: errorBodySchema, 401: errorBodySchema },
      },
    },
    async (req) => {
      const out = await deps.db.transaction((tx) =>
        resolveEscalation(tx, deps.escalation, req.params.id, req.body.note ?? null, deps.clock.now()),
      );
      if (!out.ok)
        throw new ApiError(
          out.reason === 'not_found' ? 'not_found' : 'conflict',
          out.reason === 'not_found'
            ? `escalation ${req.params.id} not found`
            : `escalation ${req.params.id} is already resolved`,
        );
      deps.drainer.notify();
      return { id: req.params.id, status: 'resolved' as const, botResumed: out.resumed };
    },
  );
  r.get(
    '/api/v1/compliance/tickets',
    {
      schema: {
        summary: 'List compliance tickets with their append-only evidence',
        tags: ['compliance'],
        querystring: z.object({
          status: status.optional(),
          type: z.enum(VIOLATION_TYPES).optional(),
          limit: z.coerce.number().int().min(1).max(500).optional(),
        }),
        response: { 200: z.object({ tickets: z.array(ticket) }), 401: errorBodySchema },
      },
    },
    async (req) => ({
      tickets: await deps.stores.escalations.listComplianceTickets(deps.db, clean(req.query)),
    }),
  );
  r.post(
    '/api/v1/compliance/tickets/:id/resolve',
    {
      schema: {
        summary: 'Resolve a compliance ticket; the bot resumes when none is left open',
        tags: ['compliance'],
        params: z.object({ id: z.string().min(1).max(64) }),
        body: resolveBody,
        response: { 200: resolved, 404: errorBodySchema, 409: errorBodySchema, 401: errorBodySchema },
      },
    },
    async (req) => {
      const out = await deps.db.transaction((tx) =>
        resolveComplianceTicket(tx, deps.stores, req.params.id, req.body.note ?? null, deps.clock.now()),
      );
      if (!out.ok)
        throw new ApiError(
          out.reason === 'not_found' ? 'not_found' : 'conflict',
          out.reason === 'not_found'
            ? `ticket ${req.params.id} not found`
            : `ticket ${req.params.id} is already resolved`,
        );
      return { id: req.params.id, status: 'resolved' as const, botResumed: out.resumed };
    },
  );
}

function clean<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as never;
}
