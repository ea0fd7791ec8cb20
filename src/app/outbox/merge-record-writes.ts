import type { ContactFields } from '../../domain/contact-fields.ts';
import type { OutboxAction } from '../../ports/outbox-action.ts';

/** A contact's queued tag and field writes reduced to the calls that leave the CRM in their final state. */
export interface MergedRecordWrites {
  fields: ContactFields | null;
  removeTags: string[];
  addTags: string[];
}

/**
 * Reduces tag and field writes, oldest first, to at most three CRM calls: every field's latest
 * value, and the tags whose last word was "add" or "remove" (a tag added and then removed again is
 * neither). Tags compare without case, as GHL stores them.
 */
export function mergeRecordWrites(actions: OutboxAction[]): MergedRecordWrites {
  let fields: ContactFields | null = null;
  const add = new Map<string, string>();
  const remove = new Map<string, string>();
  for (const a of actions) {
    if (a.kind === 'set_fields') fields = { ...(fields ?? {}), ...a.fields };
    else if (a.kind === 'add_tags')
      for (const t of a.tags) {
        remove.delete(t.toLowerCase());
        add.set(t.toLowerCase(), t);
      }
    else if (a.kind === 'remove_tags')
      for (const t of a.tags) {
        add.delete(t.toLowerCase());
        remove.set(t.toLowerCase(), t);
      }
  }
  return { fields, removeTags: [...remove.values()], addTags: [...add.values()] };
}
