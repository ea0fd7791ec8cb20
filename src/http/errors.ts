import type { FastifyError, FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isDatabaseUnreachable } from '../adapters/postgres/db.ts';

/** Every error code the API answers with, and its HTTP status. */
export const ERROR_STATUS = {
  invalid_request: 400,
  invalid_json: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  feature_disabled: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  overloaded: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), requestId: z.string() }),
});

/** One error shape for the whole API: { error: { code, message, requestId } }. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const send = (code: ErrorCode, message: string, headers: Record<string, string> = {}) =>
      reply
        .code(ERROR_STATUS[code])
        .headers(headers)
        .send({ error: { code, message, requestId: String(req.id) } });
    if (err instanceof ApiError) return send(err.code, err.message, err.headers);
    if (err.validation) {
      const where = err.validationContext ?? 'body';
      const details = err.validation
        .map((v) => {
          const path = (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.');
          return `${where}${path ? `.${path}` : ''}: ${v.message ?? 'is invalid'}`;
        })
        .join('; ');
      return send('invalid_request', details || err.message);
    }
    if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError)
      return send('invalid_json', 'body is not valid JSON');
    if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
      return send('invalid_json', 'body is empty; send a JSON object');
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return send('payload_too_large', 'body is too large');
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return send('unsupported_media_type', 'send Content-Type: application/json');
    if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
      return send('invalid_request', err.message);
    }
    if (isDatabaseUnreachable(err)) {
      // A restart or failover, not a bug: say so and when to come back.
      req.log.warn({ err }, 'database unreachable');
      return send('unavailable', 'the database cannot be reached right now; retry shortly', {
        'retry-after': '5',
      });
    }
    req.log.error({ err }, 'unhandled error');
    return send('internal', 'internal error; the request id identifies it in the logs');
  });
  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send({
      error: {
        code: 'not_found',
        message: `no route ${req.method} ${req.url.split('?')[0]}`,
        requestId: String(req.id),
      },
    });
  });
}
