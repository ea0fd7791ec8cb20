import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { capText } from '../../adapters/ghl-webhooks/inbound-text.ts';
import { readContact } from '../../app/contacts/read-contact.ts';
import { SANDBOX_LOCATION_ID } from '../../app/locations/sandbox.ts';
import { clean } from '../../domain/clean.ts';
import type { HttpDeps } from '../deps.ts';
import { escalationViewSchema } from './escalations.ts';
import { ApiError, errorBodySchema } from '../errors.ts';

const bodySchema = z.object({
  contactId: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[\w.:-]+$/, 'use letters, digits, "_", "-", "." or ":"'),
  // Longer than INBOUND_TEXT_MAX_CHARS is cut like a lead's message on the live path, not refused:
  // the sandbox shows what the bot does with such a message. Beyond this it is no lead's message.
  message: z.string().max(100_000),
  channel: z.enum(['SMS', 'Email']).default('SMS'),
  tags: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
  contact: z
    .object({
      firstName: z.string().max(100).optional(),
      lastName: z.string().max(100).optional(),
      email: z.email().optional(),
      phone: z.string().max(30).optional(),
      timezone: z.string().max(64).optional(),
      state: z.string().max(64).optional(),
      postalCode: z.string().max(16).optional(),
    })
    .optional(),
});

export const sandboxResponseSchema = z.object({
  contactId: z.string(),
  bot: z.string(),
  replies: z.array(z.object({ channel: z.string(), body: z.string() })),
  temperature: z.string().nullable(),
  tags: z.array(z.string()),
  fields: z.record(z.string(), z.unknown()),
  escalations: z.array(escalationViewSchema),
  optedOut: z.boolean(),
});

/**
 * POST /api/v1/sandbox/messages — runs the live pipeline synchronously for one message against the
 * sandbox CRM and returns what was sent. `tags` are added to the contact before the turn.
 */
export async function sandboxMessagesCreateRoute(app: FastifyInstance, deps: HttpDeps): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/sandbox/messages',
    {
      schema: {
        summary: 'Send a message as a lead and get the bot’s reply (sandbox CRM)',
        tags: ['sandbox'],
        body: bodySchema,
        response: { 200: sandboxResponseSchema, 400: errorBodySchema, 401: errorBodySchema },
      },
    },
    async (req) => {
      const b = req.body;
      const loc = SANDBOX_LOCATION_ID;
      const existing = b.tags ? await readContact(deps, b.contactId, loc) : null;
      const tags = b.tags ? mergeTags(existing?.tags ?? [], b.tags) : undefined;
      const contact = { ...(b.contact ?? {}), ...(tags ? { tags } : {}) };
      const written = await deps.inboxWriter.write({
        locationId: loc,
        contactId: b.contactId,
        source: 'sandbox',
        messageId: `sbx_${randomUUID()}`,
        payload: {
          kind: 'inbound_message',
          channel: b.channel,
          ...capText(b.message, deps.config.INBOUND_TEXT_MAX_CHARS),
          contact: clean(contact),
        },
      });
      if (!written.accepted) throw new ApiError('conflict', 'message was already received');
      await deps.inboxWorker.processThrough(loc, b.contactId, written.id);
      await deps.drainer.drainContact(loc, b.contactId);
      const summary = await readContact(deps, b.contactId, loc);
      if (!summary) {
        // Only when the contact's very first turn did not complete (it failed or was parked).
        throw new ApiError(
          'unavailable',
          `the message was stored (inbox id ${written.id}) but its turn did not complete; it is parked for an operator (docs/OPERATIONS.md, Dead letters)`,
        );
      }
      return {
        contactId: summary.contactId,
        bot: summary.bot,
        replies: await deps.stores.contactView.repliesFor(deps.db, written.id),
        temperature: summary.temperature,
        tags: summary.tags,
        fields: summary.fields,
        escalations: summary.escalations.filter((e) => e.status === 'open'),
        optedOut: summary.optedOut,
      };
    },
  );
}

function mergeTags(current: string[], add: string[]): string[] {
  const out = [...current];
  for (const t of add) if (!out.some((x) => x.toLowerCase() === t.toLowerCase())) out.push(t);
  return out;
}
