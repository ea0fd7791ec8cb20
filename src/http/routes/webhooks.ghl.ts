import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { timestampProblem } from '../../adapters/ghl-webhooks/freshness.ts';
import {
  normalizeMarketplaceEvent,
  normalizeWorkflowPayload,
  type Normalized,
} from '../../adapters/ghl-webhooks/normalize.ts';
import { mayHoldUnstorableText, toStorableJson } from '../../adapters/ghl-webhooks/storable-text.ts';
import { checkGhlSignature, header } from '../../adapters/ghl-webhooks/verify.ts';
import { workflowDedupeIds } from '../../adapters/ghl-webhooks/workflow-dedupe.ts';
import type { HttpDeps } from '../deps.ts';
import { ApiError } from '../errors.ts';

function secretMatches(req: FastifyRequest, secret: string | undefined): boolean {
  if (!secret) return false;
  const query = req.query as Record<string, unknown>;
  const bearer = header(req.headers, 'authorization')?.replace(/^Bearer\s+/i, '');
  const given =
    header(req.headers, 'x-webhook-secret') ??
    (typeof query.secret === 'string' ? query.secret : undefined) ??
    bearer;
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * POST /webhooks/ghl — GHL marketplace events (signed) and workflow "Webhook" actions (shared
 * secret). The event is stored durably before we answer 200; processing happens afterwards.
 * GHL retries only on 429, so 429 is what we answer when we cannot store the event right now.
 */
export async function webhooksGhlRoute(app: FastifyInstance, deps: HttpDeps): Promise<void> {
  const { metrics, config } = deps;
  app.register(async (scope) => {
    // Signatures cover the exact bytes GHL sent, so keep the raw body and parse it ourselves.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 1_048_576 }, (_req, body, done) =>
      done(null, body),
    );
    scope.post(
      '/webhooks/ghl',
      {
        schema: {
          summary: 'Receive a GHL webhook (marketplace event or workflow Webhook action)',
          description:
            'Marketplace events must carry X-GHL-Signature (Ed25519) or X-WH-Signature (RSA) over the raw body; workflow payloads must carry GHL_WEBHOOK_SECRET in X-Webhook-Secret, Authorization: Bearer, or ?secret=.',
          tags: ['webhooks'],
        },
      },
      async (req, reply) => {
        const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const fail = (outcome: string, err: ApiError) => {
          metrics.webhooks.inc({ outcome });
          throw err;
        };
        // A worker replica: webhooks belong on the receivers (docs/DEPLOYMENT.md); nothing is stored.
        if (!config.RECEIVER_ENABLED)
          fail(
            'disabled',
            new ApiError(
              'unavailable',
              'this process does not receive webhooks (RECEIVER_ENABLED=false); send them to a receiver',
            ),
          );
        const sig = await checkGhlSignature(raw, req.headers, deps.webhookKeys);
        if (sig === 'invalid')
          fail('unauthorized', new ApiError('unauthorized', 'webhook signature does not match the body'));
        if (sig === 'absent' && !secretMatches(req, config.GHL_WEBHOOK_SECRET)) {
          fail(
            'unauthorized',
            new ApiError(
              'unauthorized',
              'unsigned webhook: send X-GHL-Signature, or the workflow secret in X-Webhook-Secret',
            ),
          );
        }
        let body: unknown;
        const text = raw.toString('utf8');
        try {
          body = JSON.parse(text);
        } catch {
          fail('invalid', new ApiError('invalid_json', 'body is not valid JSON'));
        }
        // After the signature check, which covers the bytes as sent.
        if (mayHoldUnstorableText(text)) body = toStorableJson(body);
        if (typeof body !== 'object' || body === null || Array.isArray(body)) {
          fail('invalid', new ApiError('invalid_request', 'body must be a JSON object'));
        }
        const obj = body as Record<string, unknown>;
        // Marketplace INSTALL / UNINSTALL (signed app events) store or drop tokens; no conversation.
        const appEvent = sig === 'valid' ? await deps.ghlInstalls?.handleAppEvent(obj) : undefined;
        if (appEvent) {
          metrics.webhooks.inc({ outcome: appEvent.status === 'ignored' ? 'ignored' : 'accepted' });
          return appEvent;
        }
        let n: Normalized;
        if (sig === 'valid') {
          n = normalizeMarketplaceEvent(obj, { maxTextChars: config.INBOUND_TEXT_MAX_CHARS });
          if (n.ok && typeof obj.timestamp === 'string') {
            const p = timestampProblem(obj.timestamp, deps.clock.now().getTime(), config.WEBHOOK_MAX_AGE_MS);
            if (p && 'invalid' in p) fail('invalid', new ApiError('invalid_request', p.invalid));
            if (p && 'stale' in p) fail('stale', new ApiError('unauthorized', p.stale));
          }
        } else {
          n = normalizeWorkflowPayload(obj, config.GHL_LOCATION_ID, {
            maxTextChars: config.INBOUND_TEXT_MAX_CHARS,
          });
        }
        if (!n.ok) return fail('invalid', new ApiError('invalid_request', n.problems.join('; ')));
        if ('ignored' in n) {
          metrics.webhooks.inc({ outcome: 'ignored' });
          if (n.skipped) {
            const { channel, reason } = n.skipped;
            metrics.webhookMessagesIgnored.inc({ channel, reason });
            req.log.info({ channel, reason }, 'inbound message not answered');
          }
          return { status: 'ignored', reason: n.ignored };
        }
        const event = n.event;
        // Ours: the Private Integration token's location and every location the app is installed in.
        let ours: boolean;
        try {
          ours = deps.ghlInstalls
            ? await deps.ghlInstalls.serves(event.locationId)
            : !config.GHL_LOCATION_ID || event.locationId === config.GHL_LOCATION_ID;
        } catch (err) {
          req.log.error({ err }, 'could not look up the installed locations');
          return fail(
            'overloaded',
            new ApiError('overloaded', 'cannot check the location right now; retry later', {
              'retry-after': '30',
            }),
          );
        }
        if (!ours) {
          metrics.webhooks.inc({ outcome: 'ignored' });
          return { status: 'ignored', reason: 'event is for another location' };
        }
        // The embedded database's disk is nearly full: store nothing (PGlite would block the process).
        const space = deps.storageSpace?.problem();
        if (space) {
          fail(
            'overloaded',
            new ApiError('overloaded', `${space.message}; the event is not stored, retry later`, {
              'retry-after': '60',
            }),
          );
        }
        if (deps.inboxBacklog() >= config.INBOX_MAX_BACKLOG) {
          fail(
            'overloaded',
            new ApiError('overloaded', 'too many events waiting; retry later', { 'retry-after': '60' }),
          );
        }
        let written: Awaited<ReturnType<typeof deps.inboxWriter.write>>;
        try {
          if (!event.webhookId && !event.messageId) {
            const ids = workflowDedupeIds(
              event,
              obj,
              deps.clock.now().getTime(),
              config.WORKFLOW_DEDUPE_WINDOW_MS,
            );
            if (
              ids.earlierMessageId &&
              (await deps.stores.inbox.hasMessage(deps.db, event.locationId, ids.earlierMessageId))
            ) {
              metrics.webhooks.inc({ outcome: 'duplicate' });
              return { status: 'duplicate' };
            }
            event.messageId = ids.messageId;
          }
          written = await deps.inboxWriter.write(event);
        } catch (err) {
          const rejected = deps.stores.inbox.rejectedEvent(err);
          if (rejected) {
            // Retrying cannot help, and 429 would make GHL send it six more times.
            req.log.warn({ sqlstate: rejected.sqlstate }, 'webhook event refused by the database');
            return fail(
              'invalid',
              new ApiError('invalid_request', `event cannot be stored: ${rejected.message}`),
            );
          }
          req.log.error({ err }, 'could not store webhook event');
          return fail(
            'overloaded',
            new ApiError('overloaded', 'event could not be stored right now; retry later', {
              'retry-after': '30',
            }),
          );
        }
        if (!written.accepted) {
          metrics.webhooks.inc({ outcome: 'duplicate' });
          return { status: 'duplicate' };
        }
        metrics.webhooks.inc({ outcome: 'accepted' });
        deps.inboxWorker.notify();
        reply.code(200);
        return { status: 'accepted', id: written.id };
      },
    );
  });
}
