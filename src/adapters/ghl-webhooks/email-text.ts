import { compile } from 'html-to-text';

// An inbound email reaches us as HTML (InboundMessage.md's email example: `body` is markup) with
// the quoted thread below the lead's new words. The bot reads only the new words.

/** Put where a reply's quoted original starts; the text is cut at the first one. */
const CUT = '\u2063\u2063quoted-original\u2063\u2063';

// Quoted history lives in these elements in the mail clients leads use (Gmail, Apple Mail,
// Thunderbird, Yahoo); signatures in Gmail's and Thunderbird's signature blocks; images and link
// targets are noise to the bot. Blockquotes are skipped, not cut at: a lead may answer between them.
// Outlook puts its quote after the new text as plain siblings of a marked header: cut there.
// Compiled once: building the converter per call cost ~30 ms an email.
const htmlToText = compile({
  wordwrap: false,
  formatters: {
    cutHere: (_elem, _walk, builder) => {
      builder.openBlock();
      builder.addLiteral(CUT);
      builder.closeBlock();
    },
  },
  selectors: [
    { selector: 'blockquote', format: 'skip' },
    { selector: '.gmail_quote', format: 'skip' },
    { selector: '.gmail_signature', format: 'skip' },
    { selector: '.yahoo_quoted', format: 'skip' },
    { selector: '.moz-cite-prefix', format: 'skip' },
    { selector: '.moz-signature', format: 'skip' },
    { selector: '#appendonsend', format: 'cutHere' },
    { selector: '#divRplyFwdMsg', format: 'cutHere' },
    { selector: '#Signature', format: 'skip' },
    { selector: 'img', format: 'skip' },
    { selector: 'style', format: 'skip' },
    // Outlook's rule above its quoted header; the header itself is cut below.
    { selector: 'hr', format: 'skip' },
    { selector: 'a', options: { ignoreHref: true } },
  ],
});

// The new text comes first; markup past this is quoted history or layout (a 1 MB email took
// ~600 ms to convert whole).
const MAX_HTML_CHARS = 262_144;

const LOOKS_LIKE_HTML = /<(?:html|body|div|p|br|span|table|blockquote|!doctype)\b/i;

// A line that opens the quoted original in a reply (English and Spanish clients). Anchored and
// bounded, so each test is linear in the line.
const REPLY_HEADER = [
  /^On .{4,300}wrote:$/,
  /^El .{4,300}escribi[oó]:$/,
  /^-{2,} ?(?:Original Message|Mensaje original|Forwarded message|Mensaje reenviado) ?-{2,}$/i,
  /^_{10,}$/,
];
const OUTLOOK_FROM = /^(?:From|De): /;
const OUTLOOK_NEXT = /^(?:Sent|Date|To|Enviado|Fecha|Para): /;
// Where a signature starts: the RFC 3676 delimiter "-- " and the phones' stock sign-offs.
const SIGNATURE = [
  /^-- ?$/,
  /^(?:Sent from my |Sent from Yahoo Mail|Sent from Outlook|Get Outlook for |Enviado desde mi )/,
];
const LINE_BREAK = /\r?\n/;
const NBSP = /\u00a0/g;
const BLANK_RUNS = /\n{3,}/g;

/**
 * Cuts the text at the first line that starts the quoted original or the signature; drops "> "
 * quoted lines.
 */
export function stripQuotedReply(text: string): string {
  const lines = text.split(LINE_BREAK);
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const line = raw.trim();
    if (line === CUT) break;
    // Gmail wraps a long "On …, Name <address> wrote:" over two lines.
    const joined = `${line} ${lines[i + 1]?.trim() ?? ''}`.trim();
    if (REPLY_HEADER.some((re) => re.test(line) || re.test(joined))) break;
    if (OUTLOOK_FROM.test(line) && lines.slice(i + 1, i + 4).some((l) => OUTLOOK_NEXT.test(l.trim()))) break;
    if (SIGNATURE.some((re) => re.test(raw.trimStart()))) break;
    if (line.startsWith('>')) continue;
    kept.push(raw);
  }
  return kept.join('\n').trim();
}

/** The new text of an email: markup turned to plain text, the quoted original and signature left out. */
export function emailText(raw: string): string {
  const plain = (LOOKS_LIKE_HTML.test(raw) ? htmlToText(raw.slice(0, MAX_HTML_CHARS)) : raw).replace(
    NBSP,
    ' ',
  );
  const text = stripQuotedReply(plain).replace(BLANK_RUNS, '\n\n');
  // A reply that is all quote (a bare forward) still says something: keep it rather than nothing.
  return text === '' ? plain.split(CUT).join('').trim() : text;
}

/** Which email a reply answers: GHL's ids for it and its thread, and its subject. */
export interface InboundEmailRef {
  messageId?: string;
  threadId?: string;
  subject?: string;
}

const ID_MAX = 100;
const SUBJECT_MAX = 300;

const short = (v: unknown, max: number): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, max) : undefined;

/**
 * The thread of an InboundMessage email event (InboundMessage.md, "Email Message Schema":
 * `emailMessageId`, `threadId`, `subject`), so the answer can go into the same thread. Absent when
 * the event carries none of them.
 */
export function emailThreadOf(event: Record<string, unknown>): InboundEmailRef | undefined {
  const ref: InboundEmailRef = {};
  const messageId = short(event.emailMessageId, ID_MAX);
  const threadId = short(event.threadId, ID_MAX);
  const subject = short(event.subject, SUBJECT_MAX);
  if (messageId) ref.messageId = messageId;
  if (threadId) ref.threadId = threadId;
  if (subject) ref.subject = subject;
  return Object.keys(ref).length > 0 ? ref : undefined;
}
