// PostgreSQL refuses U+0000 in text and jsonb, and a UTF-16 surrogate without its partner in jsonb.
// JSON can carry both (as \u0000 and \ud800), so a webhook is cleaned before it is stored: one odd
// character must not cost the lead's message.

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const NUL = /\u0000/g;

// Raw JSON text can only hold these characters as escapes (a raw NUL is invalid JSON, and UTF-8
// cannot encode a surrogate), so their absence from the text proves the parsed value is clean.
const SUSPECT_ESCAPE = /\\u(?:0000|[dD][89a-fA-F])/;

/** Drops U+0000 and replaces lone surrogates with U+FFFD. */
export function toStorableText(s: string): string {
  return s.replace(NUL, '').replace(LONE_SURROGATE, '\uFFFD');
}

/** True when the raw JSON text may hold a character PostgreSQL refuses (cheap pre-check). */
export function mayHoldUnstorableText(rawJson: string): boolean {
  return SUSPECT_ESCAPE.test(rawJson);
}

/**
 * A copy of a parsed JSON value with every string (keys too) made storable. Walks with its own
 * stack: a body nested 100,000 deep fits in the 1 MB limit and would overflow a recursive walk.
 * Keys are defined, not assigned, so a "__proto__" key stays a key and never sets a prototype.
 */
export function toStorableJson(value: unknown): unknown {
  const root: Record<string, unknown> = {};
  const stack: [unknown, Record<string, unknown> | unknown[], string | number][] = [[value, root, 'v']];
  for (let task = stack.pop(); task; task = stack.pop()) {
    const [src, into, at] = task;
    let copy: unknown = src;
    if (typeof src === 'string') copy = toStorableText(src);
    else if (Array.isArray(src)) {
      const out: unknown[] = new Array(src.length);
      for (let i = 0; i < src.length; i++) stack.push([src[i], out, i]);
      copy = out;
    } else if (typeof src === 'object' && src !== null) {
      const out: Record<string, unknown> = {};
      for (const [k, child] of Object.entries(src)) {
        const key = toStorableText(k);
        define(out, key, undefined);
        stack.push([child, out, key]);
      }
      copy = out;
    }
    if (Array.isArray(into)) into[at as number] = copy;
    else define(into, at as string, copy);
  }
  return root.v;
}

function define(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}
