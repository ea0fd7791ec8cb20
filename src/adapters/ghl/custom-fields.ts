import type { CustomFieldDef, CustomFieldWrite } from '../../ports.ts';
import { asArray, asObj, optString } from './read.ts';

// GHL reads custom fields by id ({id, value}) and takes writes by id or key; we write by id, the
// form that cannot name a field of another location or a key GHL spells differently.

/** `[{id, value}]` → `[{ id, field_value }]` (the v2 spec's spelling, reference §4c). */
export function customFieldWrites(
  values: CustomFieldWrite[],
): { id: string; field_value: CustomFieldWrite['value'] }[] {
  return values.map(({ id, value }) => ({ id, field_value: value }));
}

/** `POST /locations/{id}/customFields` answer `{customField}` → its definition. */
export function customFieldDef(body: unknown): CustomFieldDef | undefined {
  return customFieldDefs({ customFields: [asObj(body).customField] })[0];
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
