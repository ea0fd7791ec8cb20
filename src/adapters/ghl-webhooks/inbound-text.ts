import { compile } from 'html-to-text';
import type { Channel } from '../../domain/conversation.ts';

export interface InboundText {
  /** What the bot reads and the transcript shows: at most the cap. */
  body: string;
  /** Length of the text before it was cut to the cap (absent when nothing was cut). */
  truncatedFrom?: number;
}

// Quoted history lives in these elements in the mail clients leads use (Gmail, Apple Mail,
// Thunderbird, Yahoo); images and link targets are noise to the bot.
// Compiled once: building the converter per call cost ~30 ms an email.
const htmlToText = compile({
  wordwrap: false,
  selectors: [
    { selector: 'blockquote', format: 'skip' },
    { selector: '.gmail_quote', format: 'skip' },
    { selector: '.yahoo_quoted', format: 'skip' },
    { selector: '.moz-cite-prefix', format: 'skip' },
    { selector: 'img', format: 'skip' },
    // Outlook's rule above its quoted header; the header itself is cut below.
    { selector: 'hr', format: 'skip' },
    { selector: 'a', options: { ignoreHref: true } },
  ],
});

// The new text comes first; markup past this is quoted history or layout (a 1 MB email took
// ~600 ms to convert whole).
const MAX_HTML_CHARS = 262_144;

const LOOKS_LIKE_HTML = /<(?:html|body|div|p|br|span|table|blockquote|!doctype)\b/i;

// A line that opens the quoted original in a reply (English and Spanish clients). Outlook puts its
// quote after the new text as plain siblings, so it can only be cut at its header lines.
const REPLY_HEADER = [
  /^On .{4,300}wrote:$/,
  /^El .{4,300}escribi[oó]:$/,
  /^-{2,} ?(?:Original Message|Mensaje original|Forwarded message|Mensaje reenviado) ?-{2,}$/i,
  /^_{10,}$/,
];
const OUTLOOK_FROM = /^(?:From|De): /;
const OUTLOOK_NEXT = /^(?:Sent|Date|To|Enviado|Fecha|Para): /;

/** Cuts the text at the first line that starts the quoted original; drops "> " quoted lines. */
export function stripQuotedReply(text: string): string {
  const lines = text.split(/\r?\n/);
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    // Gmail wraps a long "On …, Name <address> wrote:" over two lines.
    const joined = `${line} ${lines[i + 1]?.trim() ?? ''}`.trim();
    if (REPLY_HEADER.some((re) => re.test(line) || re.test(joined))) break;
    if (OUTLOOK_FROM.test(line) && lines.slice(i + 1, i + 4).some((l) => OUTLOOK_NEXT.test(l.trim()))) break;
    if (line.startsWith('>')) continue;
    kept.push(lines[i]!);
  }
  return kept.join('\n').trim();
}

/** The new text of an email: markup turned to plain text, the quoted original left out. */
export function emailText(raw: string): string {
  const plain = (LOOKS_LIKE_HTML.test(raw) ? htmlToText(raw.slice(0, MAX_HTML_CHARS)) : raw).replace(
    /\u00a0/g,
    ' ',
  );
  const text = stripQuotedReply(plain).replace(/\n{3,}/g, '\n\n');
  // A reply that is all quote (a bare forward) still says something: keep it rather than nothing.
  return text === '' ? plain.trim() : text;
}

/** Cuts `text` to `max` characters (UTF-16 units) without splitting a surrogate pair. */
export function capText(text: string, max: number): InboundText {
  if (text.length <= max) return { body: text };
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return { body: text.slice(0, end).trimEnd(), truncatedFrom: text.length };
}

/** What an inbound SMS or email says, as the bot should read it, capped at `maxChars`. */
export function inboundText(channel: Channel, raw: string, maxChars: number | undefined): InboundText {
  const text = channel === 'Email' ? emailText(raw) : raw;
  return maxChars === undefined ? { body: text } : capText(text, maxChars);
}
