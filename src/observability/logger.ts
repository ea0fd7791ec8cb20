import { pino, type Logger } from 'pino';

export type { Logger };

// Phone numbers, emails, message text and secrets must never reach the logs. Known keys are
// censored wherever they sit (two levels deep); free text we log passes through redactText().
const SENSITIVE_KEYS = [
  'phone',
  'email',
  'body',
  'message',
  'text',
  'html',
  'subject',
  'token',
  'secret',
  'authorization',
  'apiKey',
  'firstName',
  'lastName',
  'name',
  'from',
  'to',
];
const paths = [
  ...SENSITIVE_KEYS,
  ...SENSITIVE_KEYS.map((k) => `*.${k}`),
  ...SENSITIVE_KEYS.map((k) => `*.*.${k}`),
  'req.headers.authorization',
  'req.headers["x-ghl-signature"]',
  'req.headers["x-wh-signature"]',
  'req.headers["x-webhook-secret"]',
];

// An address is looked for from the start of a run of address characters only; trying again from
// every character of a long run made redaction quadratic. The one place a search resumes inside a
// run is the "+" right after a previous address ("a@b.co+c@d.co"), so that start is kept.
const EMAIL = /(?:(?<![\w.+-])|(?=\+)(?<=@[\w-]+\.[\w.-]+))[\w.+-]+@[\w-]+\.[\w.-]+/g;
// Bounded repetition keeps the scan linear; a phone number never needs more than 20 separators.
const PHONE = /\+?\d[\d\s().-]{7,20}\d/g;
const IPV4_OR_PORT = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const DATE_OR_TIME = /^\d{4}-\d{2}-\d{2}|^\d{1,2}:\d{2}/;

/** A run of digits that reads as a phone number: 7 to 15 digits, not an IP address or a date. */
function looksLikePhone(run: string): boolean {
  const digits = run.replace(/\D/g, '').length;
  return digits >= 7 && digits <= 15 && !IPV4_OR_PORT.test(run.trim()) && !DATE_OR_TIME.test(run);
}

/**
 * Masks emails and phone numbers inside free text (error messages from outside systems). IPv4
 * addresses stay: in our errors they name our own servers (a database, Redis), which an operator
 * needs to see.
 */
export function redactText(s: string): string {
  return s.replace(EMAIL, '[email]').replace(PHONE, (run) => (looksLikePhone(run) ? '[phone]' : run));
}

export function createLogger(opts: { level: string; destination?: NodeJS.WritableStream }): Logger {
  return pino(
    {
      level: opts.level,
      redact: { paths, censor: '[redacted]' },
      serializers: {
        err: (err: Error) => ({
          type: err.name,
          reason: redactText(err.message ?? ''),
          stack: err.stack?.split('\n').slice(1, 4).join(' |'),
        }),
        // Query strings may carry the workflow webhook secret; never log them.
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url.split('?')[0],
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
    opts.destination as never,
  );
}
