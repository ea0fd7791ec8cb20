import { CrmError } from '../../ports.ts';

// GHL responses drift from the spec and carry extra keys, so bodies are read defensively, field by field.

export type Obj = Record<string, unknown>;

export function asObj(value: unknown): Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : {};
}

export function optString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A field the caller cannot do without: its absence is a broken response, not worth retrying. */
export function requireString(value: unknown, op: string, field: string): string {
  const s = optString(value);
  if (s === undefined) throw new CrmError(`GHL ${op}: response has no ${field}`, null, false);
  return s;
}

/** `/contacts/{id}` with the id escaped, so a stray character cannot change the route. */
export function seg(id: string): string {
  return encodeURIComponent(id);
}
