// Email as the outbox drainer sends it (the day-14 CMA email when SMTP_URL is set).
// SMTP: adapters/mail/smtp-mailer.ts, wrapped in a breaker by adapters/mail/resilient-mailer.ts.

export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface OutgoingEmail {
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  attachments?: MailAttachment[];
}

/** Sends one email. Throws a `MailError` that says whether trying again later may succeed. */
export interface Mailer {
  readonly mode: 'smtp';
  send(m: OutgoingEmail): Promise<{ messageId: string }>;
}

/**
 * A send failed. `retryable`: connection problems, timeouts and 4xx replies (the server's "try
 * again later") are worth retrying; 5xx replies and bad input are not. The message never holds an
 * email address, so it is safe to log.
 */
export class MailError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    /** Nodemailer's error code, e.g. ECONNECTION, ETIMEDOUT, EENVELOPE, EMESSAGE. */
    readonly code: string | null,
    /** The SMTP reply code when the server answered with an error. */
    readonly responseCode: number | null,
  ) {
    super(message);
    this.name = 'MailError';
  }
}
