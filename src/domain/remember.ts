/**
 * Remembers what a pure function of one string answered for the last few inputs. Every reader of
 * a turn normalizes and screens the same message again (the keyword reader, the question reader
 * and the compliance screen all ask whether it is an opt-out), and a turn that needs free meeting
 * times is decided twice on the same message; this keeps that to one pass.
 *
 * Still pure: the answer depends only on the input, and the cache is emptied whole when full, so
 * no order of calls can change an answer. An answer that can be changed (an object, a list) is
 * handed out through `copy`, so no caller can change what the next one is given; without `copy`
 * callers must treat it as read-only.
 */
export function remember<T>(
  fn: (text: string) => T,
  size = 16,
  copy: (answer: T) => T = (answer) => answer,
): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    if (cache.has(text)) return copy(cache.get(text) as T);
    const answer = fn(text);
    if (cache.size >= size) cache.clear();
    cache.set(text, answer);
    return copy(answer);
  };
}
