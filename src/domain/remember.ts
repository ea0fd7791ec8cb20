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
  return rememberBy((text) => text, fn, size, copy);
}

/**
 * The same for a pure function of several arguments, told apart by `key`: two calls with the same
 * key must be the same question.
 */
export function rememberBy<A extends unknown[], T>(
  key: (...args: A) => string,
  fn: (...args: A) => T,
  size = 16,
  copy: (answer: T) => T = (answer) => answer,
): (...args: A) => T {
  const cache = new Map<string, T>();
  return (...args) => {
    const k = key(...args);
    if (cache.has(k)) return copy(cache.get(k) as T);
    const answer = fn(...args);
    if (cache.size >= size) cache.clear();
    cache.set(k, answer);
    return copy(answer);
  };
}
