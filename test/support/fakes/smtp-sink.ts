import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SinkAttachment {
  filename: string;
  contentType: string;
  size: number;
  content: Buffer;
}

export interface SinkMessage {
  /** Envelope sender (MAIL FROM). */
  from: string;
  /** Envelope recipients (RCPT TO). */
  to: string[];
  /** The message exactly as received. */
  raw: Buffer;
  subject?: string;
  text?: string;
  html?: string;
  messageId?: string;
  attachments?: SinkAttachment[];
}

export interface SmtpSink {
  /** smtp://127.0.0.1:PORT */
  url: string;
  /** Every accepted message, in arrival order, parsed by the time the client gets its 250. */
  messages: SinkMessage[];
  /** The next `n` messages are refused after DATA with SMTP reply `code` (e.g. 451 or 550). */
  failNext(n: number, code: number): void;
  close(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1, port 0: plain SMTP (no TLS), any sender, no login needed. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: SinkMessage[] = [];
  const failures: number[] = [];
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (err) => callback(err));
      stream.on('end', () => {
        const code = failures.shift();
        if (code !== undefined) {
          // Real servers name the recipient in refusals; the client must keep it out of its errors.
          const who = session.envelope.rcptTo.map((r) => `<${r.address}>`).join(' ');
          const text = code >= 500 ? `${who}: Recipient address rejected` : `${who}: Try again later`;
          const err = Object.assign(new Error(text), { responseCode: code });
          callback(err);
          return;
        }
        const raw = Buffer.concat(chunks);
        const envelope = session.envelope;
        simpleParser(raw)
          .then((parsed) => {
            const message: SinkMessage = {
              from: envelope.mailFrom ? envelope.mailFrom.address : '',
              to: envelope.rcptTo.map((r) => r.address),
              raw,
              attachments: parsed.attachments.map((a) => ({
                filename: a.filename ?? '',
                contentType: a.contentType,
                size: a.size,
                content: a.content,
              })),
            };
            if (parsed.subject !== undefined) message.subject = parsed.subject;
            if (parsed.text !== undefined) message.text = parsed.text;
            if (typeof parsed.html === 'string') message.html = parsed.html;
            if (parsed.messageId !== undefined) message.messageId = parsed.messageId;
            messages.push(message);
            callback(null);
          })
          .catch((err: unknown) => callback(err instanceof Error ? err : new Error(String(err))));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    failNext(n, code) {
      for (let i = 0; i < n; i++) failures.push(code);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
