// A start only where a run of address characters starts, so a long run is read once.
const EMAIL = /(?<![\w.+%-])[\w.+%-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b/i;
// US numbers: "909 555 0163", "(626) 555-0184", "951.555.0119", "9095550156", "+1 909 555 0163".
const PHONE =
  /(?<![\d$.,/])(?:\+?1[\s.-]?)?(?:\(([2-9]\d\d)\)|([2-9]\d\d))[\s.-]?(\d{3})[\s.-]?(\d{4})(?!\d|\.\d)/;

/** The first email address, lower-cased; undefined when there is none. */
export function readEmail(text: string): string | undefined {
  return EMAIL.exec(text)?.[0]
    .replace(/(?<!\.)\.+$/, '')
    .toLowerCase();
}

/** The first US phone number in E.164 form ("+19095550163"); undefined when there is none. */
export function readPhone(text: string): string | undefined {
  const m = PHONE.exec(text);
  if (!m) return undefined;
  return `+1${m[1] ?? m[2]}${m[3]}${m[4]}`;
}
