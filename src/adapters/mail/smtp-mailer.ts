import nodemailer from 'nodemailer';
import { MailError, type MailAttachment, type Mailer, type OutgoingEmail } from '../../ports/mailer.ts';

// Email through any SMTP server (SMTP_URL), used for the day-14 CMA email when configured.

export { MailError, type MailAttachment, type Mailer, type OutgoingEmail };

const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_REPLY_CHARS = 200;

// Failures of the connection itself; the message was not refused, so a later attempt may work.
const RETRYABLE_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'EPROXY',
  'ETLS',
  'EMAXLIMIT',
]);

const ADDRESS = /[^\s<>()"',;:]+@[^\s<>()"',;:]+/g;

function redact(text: string): string {
  return text.replace(ADDRESS, '[address]');
}

interface SmtpFailure {
  code?: unknown;
  responseCode?: unknown;
  response?: unknown;
}

/** Turns whatever nodemailer threw into a MailError without any address in it. */
export function toMailError(err: unknown): MailError {
  const e = (typeof err === 'object' && err !== null ? err : {}) as SmtpFailure;
  const code = typeof e.code === 'string' ? e.code : null;
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : null;
  let retryable: boolean;
  if (responseCode !== null && responseCode >= 400) {
    // RFC 5321: 4yz is a transient refusal, 5yz a permanent one.
    retryable = responseCode < 500;
  } else {
    retryable = code !== null && RETRYABLE_CODES.has(code);
  }
  const reply =
    typeof e.response === 'string' && e.response.trim() !== ''
      ? `: ${redact(e.response.trim()).slice(0, MAX_REPLY_CHARS)}`
      : '';
  const what = [code ?? 'unknown error', responseCode === null ? null : `reply ${responseCode}`]
    .filter(Boolean)
    .join(', ');
  return new MailError(`SMTP send failed (${what})${reply}`, retryable, code, responseCode);
}

/**
 * A Mailer over SMTP. `smtpUrl` is `smtp://user:pass@host:587` (STARTTLS when the server offers
 * it) or `smtps://...:465` (TLS from the start). One connection per message: follow-up emails are
 * few, and nothing stays open between them. `timeoutMs` bounds connecting, the greeting and any
 * silence on the socket.
 */
export function createSmtpMailer(smtpUrl: string, opts: { timeoutMs?: number } = {}): Mailer {
  const timeout = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    dnsTimeout: timeout,
    // Content is always given as buffers and strings; never let a message read files or URLs.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    mode: 'smtp',
    async send(m) {
      try {
        const info = await transport.sendMail({
          from: m.from,
          to: m.to,
          subject: m.subject,
          text: m.text,
          html: m.html,
          attachments: (m.attachments ?? []).map((a) => ({
            filename: a.filename,
            content: a.content,
            contentType: a.contentType,
          })),
        });
        return { messageId: info.messageId };
      } catch (err) {
        throw toMailError(err);
      }
    },
  };
}
