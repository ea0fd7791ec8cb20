import type { CustomFieldDef } from '../../ports.ts';
import { asArray, asObj, optString } from './read.ts';

// GHL reads custom fields by id ({id, value}) but lets us write them by key; these convert both ways.

/** `{ lead_score: 80 }` → `[{ key: 'lead_score', field_value: 80 }]` (a `contact.` prefix is dropped). */
export function customFieldWrites(
  fields: Record<string, string | number | string[]>,
): { key: string; field_value: string | number | string[] }[] {
  return Object.entries(fields).map(([key, value]) => ({
    key: key.replace(/^contact\./, ''),
    field_value: value,
  }));
}

/** `GET /locations/{id}/customFields` → definitions; entries without an id or key are skipped. */
export function customFieldDefs(body: unknown): CustomFieldDef[] {
  const defs: CustomFieldDef[] = [];
  for (const raw of asArray(asObj(body).customFields)) {
    const f = asObj(raw);
    const id = optString(f.id);
    const fieldKey = optString(f.fieldKey);
    if (id === undefined || fieldKey === undefined) continue;
    defs.push({
      id,
      name: optString(f.name) ?? fieldKey,
      fieldKey,
      dataType: optString(f.dataType) ?? 'TEXT',
    });
  }
  return defs;
}

/** Read shape `[{id, value}]`; tolerates `field_value`/`fieldValue` as some endpoints return them. */
export function customFieldValues(raw: unknown): { id: string; value: unknown }[] {
  const values: { id: string; value: unknown }[] = [];
  for (const entry of asArray(raw)) {
    const f = asObj(entry);
    const id = optString(f.id);
    if (id === undefined) continue;
    values.push({ id, value: f.value ?? f.field_value ?? f.fieldValue ?? null });
  }
  return values;
}
