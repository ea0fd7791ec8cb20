import { CONTACT_FIELDS, type ContactFieldSpec } from '../../domain/contact-fields.ts';
import type { FieldValue } from '../../domain/conversation.ts';
import type { CountLookup } from '../../observability/cache-metrics.ts';
import type { Logger } from '../../observability/logger.ts';
import {
  type Crm,
  CrmError,
  type CustomFieldDef,
  type CustomFieldWrite,
  DailyBudgetExhaustedError,
} from '../../ports.ts';

// A fresh CRM location has none of the custom fields the bots write, and GHL takes contact field
// values only for fields the location defines. So before the first write to a location, its fields
// are listed, the missing ones created, and each key's field id kept in memory; values are then
// written by id. Each process does this once per location (two replicas may both create a field:
// the loser's create is refused and the field is found by listing again).

/** The location's fields could not be made ready; nothing was written. */
export class FieldProvisioningError extends CrmError {
  constructor(message: string, status: number | null, retryable: boolean) {
    super(message, status, retryable);
    this.name = 'FieldProvisioningError';
  }
}

export interface FieldProvisioner {
  /** Key → field id in the location, creating the missing fields first (once per location). */
  ensure(crm: Crm, locationId: string): Promise<ReadonlyMap<string, string>>;
  /**
   * Writes values by key as values by field id. When the CRM refuses the write (400/422), the
   * location's fields are read again once (one may have been deleted or re-created meanwhile) and
   * the write is repeated if that changed any id.
   */
  write(crm: Crm, locationId: string, contactId: string, fields: Record<string, FieldValue>): Promise<void>;
  /** Drops what is known about a location's fields (its next write lists them again). */
  forget(locationId: string): void;
}

export interface FieldProvisionerDeps {
  logger: Logger;
  /** The fields to provision; default: every field the bots write. */
  fields?: readonly ContactFieldSpec[];
  /** Counts each lookup of the cache as a hit or a miss (jorge_cache_requests_total). */
  onLookup?: CountLookup;
}

const isRefusal = (err: unknown) => err instanceof CrmError && (err.status === 400 || err.status === 422);
const reason = (err: unknown) => (err instanceof Error ? err.message : String(err));

function match(specs: readonly ContactFieldSpec[], defs: CustomFieldDef[]): Map<string, string> {
  const byKey = new Map(defs.map((d) => [d.fieldKey.toLowerCase(), d.id]));
  const byName = new Map(defs.map((d) => [d.name.trim().toLowerCase(), d.id]));
  const ids = new Map<string, string>();
  for (const spec of specs) {
    // A location may have derived the key from the name itself: the name finds the field then.
    const id = byKey.get(`contact.${spec.key}`) ?? byName.get(spec.name.toLowerCase());
    if (id !== undefined) ids.set(spec.key, id);
  }
  return ids;
}

export function createFieldProvisioner(deps: FieldProvisionerDeps): FieldProvisioner {
  const specs = deps.fields ?? CONTACT_FIELDS;
  const known = new Set(specs.map((s) => s.key));
  const cache = new Map<string, Promise<Map<string, string>>>();

  /** Wraps a CRM failure with what it stopped; a used-up daily budget stays as it is (held, not failed). */
  function failure(locationId: string, step: string, missing: string[], err: unknown): Error {
    if (err instanceof DailyBudgetExhaustedError) return err;
    const status = err instanceof CrmError ? err.status : null;
    const retryable = err instanceof CrmError ? err.retryable : true;
    deps.logger.error(
      { locationId, missing, status, retryable, err },
      `custom fields of location ${locationId} are not ready (${step}); contact fields are not written until they are`,
    );
    return new FieldProvisioningError(
      `custom fields ${missing.join(', ')} are not ready in location ${locationId} (${step}): ${reason(err)}`,
      status,
      retryable,
    );
  }

  async function provision(crm: Crm, locationId: string): Promise<Map<string, string>> {
    const everyKey = specs.map((s) => s.key);
    let ids: Map<string, string>;
    try {
      ids = match(specs, await crm.listCustomFields(locationId));
    } catch (err) {
      throw failure(locationId, 'listing them failed', everyKey, err);
    }
    const created: string[] = [];
    let refused: unknown;
    for (const spec of specs) {
      if (ids.has(spec.key)) continue;
      try {
        const def = await crm.createCustomField(locationId, {
          name: spec.name,
          fieldKey: spec.key,
          dataType: spec.dataType,
        });
        ids.set(spec.key, def.id);
        created.push(spec.key);
      } catch (err) {
        const missing = specs.map((s) => s.key).filter((k) => !ids.has(k));
        // A refusal may mean another process created it a moment ago; anything else stops here.
        if (!isRefusal(err)) throw failure(locationId, `creating ${spec.key} failed`, missing, err);
        refused ??= err;
      }
    }
    if (refused !== undefined) {
      try {
        ids = new Map([...match(specs, await crm.listCustomFields(locationId)), ...ids]);
      } catch (err) {
        throw failure(locationId, 'listing them again failed', everyKey, err);
      }
      const missing = everyKey.filter((k) => !ids.has(k));
      if (missing.length > 0) throw failure(locationId, 'the CRM refused to create them', missing, refused);
    }
    if (created.length > 0) {
      deps.logger.info(
        { locationId, created },
        `created ${created.length} custom fields in the CRM location`,
      );
    }
    return ids;
  }

  function ensure(crm: Crm, locationId: string): Promise<Map<string, string>> {
    let pending = cache.get(locationId);
    deps.onLookup?.(pending ? 'hit' : 'miss');
    if (!pending) {
      pending = provision(crm, locationId);
      cache.set(locationId, pending);
      // A failed attempt is not remembered: the next write tries again.
      pending.catch(() => {
        if (cache.get(locationId) === pending) cache.delete(locationId);
      });
    }
    return pending;
  }

  function writesFor(
    ids: ReadonlyMap<string, string>,
    fields: Record<string, FieldValue>,
  ): CustomFieldWrite[] {
    return Object.entries(fields).map(([key, value]) => {
      const id = ids.get(key);
      if (id === undefined) throw new CrmError(`custom field ${key} has no field id`, null, false);
      return { id, value };
    });
  }

  return {
    ensure,
    forget: (locationId) => void cache.delete(locationId),
    async write(crm, locationId, contactId, fields) {
      const unknown = Object.keys(fields).filter((k) => !known.has(k));
      if (unknown.length > 0) {
        // Would be lost silently otherwise: the list in domain/contact-fields.ts is missing them.
        throw new CrmError(
          `custom fields ${unknown.join(', ')} are not in the list of contact fields`,
          null,
          false,
        );
      }
      if (Object.keys(fields).length === 0) return;
      const values = writesFor(await ensure(crm, locationId), fields);
      try {
        await crm.setCustomFields(locationId, contactId, values);
      } catch (err) {
        if (!isRefusal(err)) throw err;
        cache.delete(locationId);
        const again = writesFor(await ensure(crm, locationId), fields);
        if (again.every((w, i) => w.id === values[i]?.id)) throw err;
        deps.logger.warn({ locationId }, 'custom field ids changed in the CRM location; writing again');
        await crm.setCustomFields(locationId, contactId, again);
      }
    },
  };
}
