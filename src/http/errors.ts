import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isDatabaseUnreachable } from '../ports/database-errors.ts';

/** Every error code the API answers with, and its HTTP status. */
export const ERROR_STATUS = {
  invalid_request: 400,
  invalid_json: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  feature_disabled: 404,
  request_timeout: 408,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  overloaded: 429,
  headers_too_large: 431,
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
  app.addHook('preValidation', async (req) => {
    const problem =
      unstorableTextIn(req.params, 'params') ??
      unstorableTextIn(req.query, 'querystring') ??
      unstorableTextIn(req.body, 'body');
    if (problem) throw new ApiError('invalid_request', problem);
  });
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

// PostgreSQL refuses U+0000 in text and jsonb, and a lone UTF-16 surrogate in jsonb. Percent-encoding
// and JSON escapes carry both, so they are refused here, by name, before a query fails on them.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function textProblem(s: string): string | null {
  if (s.includes('\u0000')) return 'contains U+0000 (NUL), which text here may not hold';
  if (LONE_SURROGATE.test(s)) return 'contains a lone UTF-16 surrogate, which is not valid Unicode';
  return null;
}

interface Visit {
  value: unknown;
  key: string | null;
  parent: Visit | null;
}

/**
 * The first string, key or value, anywhere in `value` that the database cannot store, as
 * "where.path: problem"; null when there is none. Walks with its own stack (a body may nest
 * 100,000 levels) and builds a path only for the string it reports. Raw bodies (Buffers) are the
 * webhook's, which cleans them itself.
 */
export function unstorableTextIn(value: unknown, where: string): string | null {
  const pathOf = (v: Visit) => {
    const keys: string[] = [];
    for (let at: Visit | null = v; at?.key != null; at = at.parent) keys.push(at.key);
    return [where, ...keys.reverse()].join('.');
  };
  const stack: Visit[] = [{ value, key: null, parent: null }];
  for (let v = stack.pop(); v; v = stack.pop()) {
    if (typeof v.value === 'string') {
      const problem = textProblem(v.value);
      if (problem) return `${pathOf(v)}: ${problem}`;
    } else if (typeof v.value === 'object' && v.value !== null && !Buffer.isBuffer(v.value)) {
      for (const [key, child] of Object.entries(v.value)) {
        const problem = textProblem(key);
        if (problem) return `${pathOf(v)}: has a key that ${problem}`;
        stack.push({ value: child, key, parent: v });
      }
    }
  }
  return null;
}

const errorBody = (code: ErrorCode, message: string, requestId: string) =>
  JSON.stringify({ error: { code, message, requestId } });

/**
 * Fastify's refusals before a route is found (bad percent-encoding, a path parameter longer than
 * 100 characters), in the one error shape; the \`frameworkErrors\` option of the Fastify factory.
 */
export function answerFrameworkError(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const message =
    err.code === 'FST_ERR_BAD_URL'
      ? 'the path is not valid percent-encoded UTF-8'
      : err.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? 'a path parameter is longer than 100 characters'
        : null;
  if (message === null) req.log.error({ err }, 'unhandled framework error');
  const code: ErrorCode = message === null ? 'internal' : 'invalid_request';
  void reply
    .code(ERROR_STATUS[code])
    .type('application/json; charset=utf-8')
    .send(
      errorBody(code, message ?? 'internal error; the request id identifies it in the logs', String(req.id)),
    );
}

/**
 * What Node's HTTP parser refuses before Fastify sees a request (headers over the size limit, a
 * request that took too long, bytes that are not HTTP), in the one error shape; the
 * \`clientErrorHandler\` option of the Fastify factory. There is no request yet, so the id is new.
 */
export function answerClientError(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [code, message]: [ErrorCode, string] =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? ['request_timeout', 'the request did not arrive in time']
      : err.code === 'HPE_HEADER_OVERFLOW'
        ? ['headers_too_large', 'the request line and headers are larger than the server accepts']
        : ['invalid_request', 'the request is not valid HTTP/1.1'];
  const status = ERROR_STATUS[code];
  const body = errorBody(code, message, randomUUID());
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}
