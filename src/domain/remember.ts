/**
 * Remembers what a pure function of one string answered for the last few inputs. Every reader of
 * a turn normalizes and screens the same message again (the keyword reader, the question reader
 * and the compliance screen all ask whether it is an opt-out); this keeps that to one pass.
 *
 * Still pure: the answer depends only on the input, and the cache is emptied whole when full, so
 * no order of calls can change an answer. Callers must treat an answer as read-only, because the
 * next caller with the same input gets the same object.
 */
export function remember<T>(fn: (text: string) => T, size = 16): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    const hit = cache.get(text);
    if (hit !== undefined || cache.has(text)) return hit as T;
    const answer = fn(text);
    if (cache.size >= size) cache.clear();
    cache.set(text, answer);
    return answer;
  };
}
