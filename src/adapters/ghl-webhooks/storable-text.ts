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

/** A copy of a parsed JSON value with every string (keys too) made storable. */
export function toStorableJson(value: unknown): unknown {
  if (typeof value === 'string') return toStorableText(value);
  if (Array.isArray(value)) return value.map(toStorableJson);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[toStorableText(k)] = toStorableJson(v);
    return out;
  }
  return value;
}
