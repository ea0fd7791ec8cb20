// Helvetica and the other standard PDF fonts only carry the WinAnsi (Windows-1252) characters.
// Anything else would print as garbage or break the text layout, so it is folded or removed first.

const CP1252_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const COMBINING_MARKS = /[\u0300-\u036f]/g;

function isWinAnsi(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRAS.has(ch);
}

/**
 * Text safe for a standard PDF font: accents outside Latin-1 are dropped ("ő" → "o"), other letters
 * and digits become one "?" per run, emoji and other symbols are removed, and whitespace runs become one space.
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (isWinAnsi(ch)) out += ch;
    else if (/\s/u.test(ch)) out += ' ';
    else {
      const base = ch.normalize('NFD').replace(COMBINING_MARKS, '');
      if (base !== '' && [...base].every(isWinAnsi)) out += base;
      else if (/[\p{L}\p{N}]/u.test(ch) && !out.endsWith('?')) out += '?';
    }
  }
  // A removed emoji leaves its spaces behind: "Casa 🏡, Alta Loma" → "Casa, Alta Loma".
  return out
    .replace(/ {2,}/g, ' ')
    .replace(/ +([,.;:])/g, '$1')
    .trim();
}

export const usd = (n: number) => `$${Math.round(n).toLocaleString('en-US')}`;
export const num = (n: number) => Math.round(n).toLocaleString('en-US');

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2026-11-24" → "November 24, 2026", without going through a time zone. */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${MONTHS[(m ?? 1) - 1] ?? ''} ${d}, ${y}`;
}

/** "2026-11-24" → "11/24/26". */
export function shortDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${m}/${d}/${(y ?? '').slice(2)}`;
}
