import { type AddressInfo, createServer, type Socket } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSmtpMailer, MailError, type OutgoingEmail } from '../../../src/adapters/mail/smtp-mailer.ts';
import { composeCmaEmail } from '../../../src/domain/follow-up/index.ts';
import { type SmtpSink, startSmtpSink } from '../../support/fakes/smtp-sink.ts';

// A minimal but well-formed PDF: what matters here is that the bytes arrive unchanged.
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

const ADDRESS = '6842 Etiwanda Ave, Rancho Cucamonga';

function cmaEmail(pdf: boolean): OutgoingEmail {
  const content = composeCmaEmail(
    {
      lang: 'en',
      agentName: 'Jorge',
      firstName: 'Maria',
      address: ADDRESS,
      cma: { low: 820_000, likely: 845_000, high: 870_000 },
    },
    { pdfAttached: pdf },
  );
  return {
    to: 'maria.lopez@example.com',
    from: 'Jorge <jorge@example.com>',
    ...content,
    ...(pdf
      ? {
          attachments: [
            {
              filename: 'CMA_6842-Etiwanda-Ave-Rancho-Cucamonga_2026-05-14.pdf',
              content: PDF,
              contentType: 'application/pdf',
            },
          ],
        }
      : {}),
  };
}

let sink: SmtpSink;

beforeAll(async () => {
  sink = await startSmtpSink();
});

afterAll(async () => {
  await sink.close();
});

beforeEach(() => {
  sink.messages.length = 0;
});

describe('SMTP mailer against a local SMTP server', () => {
  it('delivers one message with text, html and the CMA PDF part', async () => {
    const mailer = createSmtpMailer(sink.url, { timeoutMs: 5_000 });
    expect(mailer.mode).toBe('smtp');
    const sent = await mailer.send(cmaEmail(true));

    expect(sent.messageId).toMatch(/^<.+@.+>$/);
    expect(sink.messages).toHaveLength(1);
    const m = sink.messages[0]!;
    expect(m.from).toBe('jorge@example.com');
    expect(m.to).toEqual(['maria.lopez@example.com']);
    expect(m.messageId).toBe(sent.messageId);
    expect(m.subject).toBe(`Your Comparative Market Analysis for ${ADDRESS}`);
    expect(m.text).toContain('$845,000');
    expect(m.html).toContain('$845,000');
    expect(m.attachments).toHaveLength(1);
    const pdf = m.attachments![0]!;
    expect(pdf.filename).toBe('CMA_6842-Etiwanda-Ave-Rancho-Cucamonga_2026-05-14.pdf');
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.size).toBe(PDF.length);
    expect(pdf.content.equals(PDF)).toBe(true);
    expect(m.raw.toString('latin1')).toMatch(/Content-Type: multipart\/mixed/i);
    expect(m.raw.toString('latin1')).toMatch(/Content-Type: multipart\/alternative/i);
  });

  it('sends the email without an attachment when the PDF failed', async () => {
    const mailer = createSmtpMailer(sink.url, { timeoutMs: 5_000 });
    await mailer.send(cmaEmail(false));
    const m = sink.messages[0]!;
    expect(m.attachments).toEqual([]);
    expect(m.text).toContain('will follow in a separate email');
    expect(m.text).toContain('$820,000');
  });

  it('a 4xx refusal is a retryable MailError and the next attempt goes through', async () => {
    const mailer = createSmtpMailer(sink.url, { timeoutMs: 5_000 });
    sink.failNext(1, 451);
    const err = await mailer.send(cmaEmail(true)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MailError);
    expect((err as MailError).retryable).toBe(true);
    expect((err as MailError).responseCode).toBe(451);
    expect(sink.messages).toHaveLength(0);

    await mailer.send(cmaEmail(true));
    expect(sink.messages).toHaveLength(1);
  });

  it('a 5xx refusal is permanent, and no error message names an email address', async () => {
    const mailer = createSmtpMailer(sink.url, { timeoutMs: 5_000 });
    sink.failNext(1, 550);
    const err = (await mailer.send(cmaEmail(true)).catch((e: unknown) => e)) as MailError;
    expect(err).toBeInstanceOf(MailError);
    expect(err.retryable).toBe(false);
    expect(err.responseCode).toBe(550);
    // The server's refusal named the recipient; the error keeps the reply but not the address.
    expect(err.message).toContain('Recipient address rejected');
    expect(err.message).not.toMatch(/@|maria/i);
    expect(sink.messages).toHaveLength(0);
  });

  it('an unusable recipient is permanent', async () => {
    const mailer = createSmtpMailer(sink.url, { timeoutMs: 5_000 });
    const err = (await mailer
      .send({ ...cmaEmail(false), to: 'not an address' })
      .catch((e: unknown) => e)) as MailError;
    expect(err).toBeInstanceOf(MailError);
    expect(err.retryable).toBe(false);
    expect(sink.messages).toHaveLength(0);
  });

  it('a server that never greets times out as a retryable error', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => {
      sockets.push(socket);
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const mailer = createSmtpMailer(`smtp://127.0.0.1:${port}`, { timeoutMs: 300 });
      const err = (await mailer.send(cmaEmail(false)).catch((e: unknown) => e)) as MailError;
      expect(err).toBeInstanceOf(MailError);
      expect(err.code).toBe('ETIMEDOUT');
      expect(err.retryable).toBe(true);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('a server that is not there is a retryable connection error', async () => {
    const gone = await startSmtpSink();
    const url = gone.url;
    await gone.close();
    const mailer = createSmtpMailer(url, { timeoutMs: 2_000 });
    const err = (await mailer.send(cmaEmail(false)).catch((e: unknown) => e)) as MailError;
    expect(err).toBeInstanceOf(MailError);
    expect(err.retryable).toBe(true);
    expect(err.code).toBe('ESOCKET');
    expect(err.message).not.toMatch(/@/);
  });
});
