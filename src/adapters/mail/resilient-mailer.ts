import { type Breaker, refusedByBreaker } from '../../resilience/breaker.ts';
import { defaultRetryConfig, type RetryConfig, sleepFor, withRetry } from '../../resilience/retry.ts';
import { MailError, type Mailer } from './smtp-mailer.ts';

/**
 * The shared retry policy and a circuit breaker around a mailer. Only failures where the message
 * surely was not accepted are retried here (a 4xx reply, or no connection at all); a timeout after
 * the message was handed over is left to the outbox, so an email is not sent twice in a row.
 */
export function withMailResilience(
  inner: Mailer,
  opts: { breaker: Breaker; retry?: RetryConfig; sleep?: (ms: number) => Promise<void> },
): Mailer {
  return {
    mode: inner.mode,
    send: (m) =>
      withRetry(
        async () => {
          if (!opts.breaker.allow())
            throw refusedByBreaker(
              new MailError(
                'mail server failing repeatedly (circuit open); will retry later',
                true,
                'EBREAKER',
                null,
              ),
              opts.breaker,
            );
          try {
            const out = await inner.send(m);
            opts.breaker.success();
            return out;
          } catch (err) {
            const e = err instanceof MailError ? err : null;
            if (e?.responseCode !== null && e?.responseCode !== undefined) opts.breaker.success();
            else opts.breaker.failure();
            throw err;
          }
        },
        (err) => {
          const e = err instanceof MailError ? err : null;
          const notAccepted =
            e?.retryable && ((e.responseCode !== null && e.responseCode < 500) || e.code === 'ECONNECTION');
          return notAccepted ? { retry: true } : { retry: false };
        },
        { config: opts.retry ?? defaultRetryConfig, sleep: opts.sleep ?? sleepFor },
      ),
  };
}
