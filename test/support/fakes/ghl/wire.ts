import { randomBytes, randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';

// Error bodies follow GHL's NestJS shapes (reference §10): `message` is a string except on 422.

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Raw bytes instead of JSON (file downloads). */
  raw?: { data: Buffer; contentType: string };
}

export class GhlError extends Error {
  constructor(readonly reply: Reply) {
    super(`GHL fake error ${reply.status}`);
  }
}

export const ok = (body: unknown, status = 200): Reply => ({ status, body });

export const badRequest = (message: string, extra: Record<string, unknown> = {}): GhlError =>
  new GhlError({ status: 400, body: { statusCode: 400, message, ...extra } });

export const unprocessable = (messages: string[]): GhlError =>
  new GhlError({ status: 422, body: { statusCode: 422, message: messages, error: 'Unprocessable Entity' } });

export const forbiddenLocation = (): GhlError =>
  new GhlError({
    status: 403,
    body: {
      statusCode: 403,
      message: 'The token does not have access to this location.',
      error: 'Forbidden',
    },
  });

export function defaultErrorBody(status: number): unknown {
  if (status === 429) return { statusCode: 429, message: 'Too Many Requests' };
  if (status === 500) return { statusCode: 500, message: 'Internal server error' };
  const text = STATUS_CODES[status] ?? 'Error';
  return { statusCode: status, message: text, error: text };
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** GHL ids are 20-character alphanumerics. */
export function newId(): string {
  const bytes = randomBytes(20);
  let out = '';
  for (const b of bytes) out += ALNUM[b % ALNUM.length];
  return out;
}

export const traceId = (): string => randomUUID();

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** GHL stores phones as E.164; US numbers without a country code get +1. */
export function normalizePhone(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  if (raw.trim().startsWith('+')) return `+${digits}`;
  if (digits.length === 10) return `+1${digits}`;
  if (digits.length === 11 && digits.startsWith('1')) return `+${digits}`;
  return `+${digits}`;
}

type FieldKind = 'string' | 'boolean' | 'array' | 'number';

/** class-validator style messages for missing or mistyped required fields. */
export function requireFields(body: Record<string, unknown>, spec: Record<string, FieldKind>): void {
  const messages: string[] = [];
  for (const [key, kind] of Object.entries(spec)) {
    const v = body[key];
    if (kind === 'string' && (typeof v !== 'string' || v === '')) {
      messages.push(`${key} should not be empty`, `${key} must be a string`);
    } else if (kind === 'boolean' && typeof v !== 'boolean') {
      messages.push(`${key} must be a boolean value`);
    } else if (kind === 'array' && !Array.isArray(v)) {
      messages.push(`${key} must be an array`);
    } else if (kind === 'number' && typeof v !== 'number') {
      messages.push(`${key} must be a number conforming to the specified constraints`);
    }
  }
  if (messages.length > 0) throw unprocessable(messages);
}

export function stringArray(body: Record<string, unknown>, key: string): string[] | undefined {
  const v = body[key];
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) throw unprocessable([`${key} must be an array`]);
  if (!v.every((x) => typeof x === 'string')) throw unprocessable([`each value in ${key} must be a string`]);
  return v as string[];
}

/** Published Version values (reference §1). */
export const PUBLISHED_VERSIONS = ['2021-04-15', '2021-07-28', '2023-02-21', 'v3'] as const;

/** The Version the spec declares for a path: conversations and calendars are 2021-04-15, the rest 2021-07-28. */
export function declaredVersion(path: string): string {
  return path.startsWith('/conversations') || path.startsWith('/calendars') ? '2021-04-15' : '2021-07-28';
}
