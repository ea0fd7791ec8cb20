import { rememberBy } from '../remember.ts';
import type { UtteranceContext } from './types.ts';

/**
 * Remembers what a reader answered for the last few (message, context) pairs. A turn that needs
 * free meeting times is decided twice on the same message (once to learn that it needs them,
 * once with them): each reader reads it once. Pure: the answer depends only on the message and
 * every field of the context, and each caller gets its own copy, so no caller can change what
 * the next one is given.
 */
export function rememberRead<T>(
  read: (text: string, ctx: UtteranceContext) => T,
  copy: (answer: T) => T,
  size = 8,
): (text: string, ctx: UtteranceContext) => T {
  return rememberBy(
    (text: string, ctx: UtteranceContext) =>
      `${ctx.bot}\u0000${ctx.lastQuestion ?? ''}\u0000${ctx.now.getTime()}\u0000${ctx.neighborhoods === undefined ? 0 : placesId(ctx.neighborhoods)}\u0000${text}`,
    read,
    size,
    copy,
  );
}

// The realtor's place names are one read-only list for the life of a configuration: it is told
// apart by identity, not by its contents (a copy with the same names only reads again).
const placeIds = new WeakMap<readonly string[], number>();
let lastPlacesId = 0;

export function placesId(names: readonly string[]): number {
  let id = placeIds.get(names);
  if (id === undefined) {
    lastPlacesId += 1;
    id = lastPlacesId;
    placeIds.set(names, id);
  }
  return id;
}
