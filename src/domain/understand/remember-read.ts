import type { UtteranceContext } from './types.ts';

/**
 * Remembers what a reader answered for the last few (message, context) pairs. A turn that needs
 * free meeting times is decided twice on the same message (once to learn that it needs them,
 * once with them), and the model's reading is cross-checked against the same message: each reader
 * reads it once. Pure: the answer depends only on the message and every field of the context, and
 * each caller gets its own copy, so no caller can change what the next one is given.
 */
export function rememberRead<T>(
  read: (text: string, ctx: UtteranceContext) => T,
  copy: (answer: T) => T,
  size = 8,
): (text: string, ctx: UtteranceContext) => T {
  const cache = new Map<string, { answer: T }>();
  return (text, ctx) => {
    const key = [
      ctx.bot,
      ctx.lastQuestion ?? '',
      ctx.now.getTime(),
      ctx.neighborhoods === undefined ? '\u0001' : ctx.neighborhoods.join('\u0001'),
      text,
    ].join('\u0000');
    let hit = cache.get(key);
    if (!hit) {
      hit = { answer: read(text, ctx) };
      if (cache.size >= size) cache.clear();
      cache.set(key, hit);
    }
    return copy(hit.answer);
  };
}
