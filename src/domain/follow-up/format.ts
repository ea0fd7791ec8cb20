// Small formatting rules shared by the follow-up texts and emails.

const SLUG_MAX = 60;
const FIRST_NAME_MAX = 20;

/** "$845,000": whole dollars, US grouping, the same in English and Spanish messages. */
export function formatUsd(amount: number): string {
  const whole = Math.round(Math.abs(amount));
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${amount < 0 ? '-' : ''}$${grouped}`;
}

/** "$845k", "$1.25M": how a price reads in a text message. */
export function formatUsdShort(amount: number): string {
  const thousands = Math.round(amount / 1000);
  if (thousands < 1000) return `$${thousands}k`;
  return `$${Math.round(amount / 10_000) / 100}M`;
}

/**
 * A file-name-safe form of an address: "6842 Etiwanda Ave, Rancho Cucamonga" →
 * "6842-Etiwanda-Ave-Rancho-Cucamonga". ASCII letters and digits joined by single dashes, at most
 * 60 characters, cut between words when it is longer; "property" when nothing is left.
 */
export function addressSlug(address: string): string {
  const ascii = address
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|(?<!-)-+$/g, '');
  if (ascii === '') return 'property';
  if (ascii.length <= SLUG_MAX) return ascii;
  const cut = ascii.slice(0, SLUG_MAX + 1);
  const lastDash = cut.lastIndexOf('-');
  const slug = lastDash > 0 ? cut.slice(0, lastDash) : ascii.slice(0, SLUG_MAX);
  return slug.replace(/(?<!-)-+$/, '');
}

/** "CMA_6842-Etiwanda-Ave-Rancho-Cucamonga_2026-05-14.pdf"; `today` is YYYY-MM-DD. */
export function cmaAttachmentName(address: string, today: string): string {
  return `CMA_${addressSlug(address)}_${today}.pdf`;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/** Collapses whitespace (including line breaks, which must never reach a mail header). */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The first name as we may greet someone: the first word, letters and the marks names use
 * (apostrophe, hyphen) only. Anything else, or a very long name, means no name.
 */
export function greetingName(firstName: string | undefined): string | undefined {
  const word = oneLine(firstName ?? '').split(' ')[0] ?? '';
  if (word === '' || word.length > FIRST_NAME_MAX) return undefined;
  if (!/^\p{L}[\p{L}\p{M}'’-]*$/u.test(word)) return undefined;
  return word;
}
