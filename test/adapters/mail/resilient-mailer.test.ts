import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withMailResilience } from '../../../src/adapters/mail/resilient-mailer.ts';
import { createSmtpMailer } from '../../../src/adapters/mail/smtp-mailer.ts';
import { createBreaker } from '../../../src/resilience/breaker.ts';
import { startSmtpSink } from '../../support/fakes/smtp-sink.ts';

describe('mailer with the shared retry policy and a breaker', () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink.close();
  });
  const mail = {
    to: 'lead@example.com',
    from: 'jorge@example.com',
    subject: 'Hello',
    text: 'hi',
    html: '<p>hi</p>',
  };
  const retry = { maxRetries: 3, initialBackoffMs: 5, maxBackoffMs: 20, base: 2, jitter: 0.1 };

  it('retries a "try again later" reply and delivers exactly once', async () => {
    const mailer = withMailResilience(createSmtpMailer(sink.url), { breaker: createBreaker('mail'), retry });
    const before = sink.messages.length;
    sink.failNext(2, 451);
    await mailer.send(mail);
    expect(sink.messages.length - before).toBe(1);
  });

  it('does not retry a permanent refusal, and a dead server opens the breaker', async () => {
    const mailer = withMailResilience(createSmtpMailer(sink.url), { breaker: createBreaker('mail'), retry });
    sink.failNext(1, 550);
    await expect(mailer.send(mail)).rejects.toMatchObject({ retryable: false });
    const breaker = createBreaker('mail', { failureThreshold: 2, halfOpenAfterMs: 60_000 });
    const dead = withMailResilience(createSmtpMailer('smtp://127.0.0.1:9', { timeoutMs: 500 }), {
      breaker,
      retry,
    });
    await expect(dead.send(mail)).rejects.toBeTruthy();
    await expect(dead.send(mail)).rejects.toBeTruthy();
    expect(breaker.state()).toBe('open');
    await expect(dead.send(mail)).rejects.toThrow(/circuit open/);
  });
});
