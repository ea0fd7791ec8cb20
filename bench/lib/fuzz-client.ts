import { type Agent, request } from 'node:http';
import { connect } from 'node:net';
import type { FuzzAnswer } from '../../test/http/fuzz-check.ts';
import type { FuzzRequest } from '../../test/http/fuzz-draft.ts';

export type Sent = (FuzzAnswer & { ms: number }) | { error: string; ms: number };

/** One request over a kept-alive socket, exactly the bytes the generator made. */
export function sendOverHttp(base: URL, agent: Agent, req: FuzzRequest, timeoutMs = 30_000): Promise<Sent> {
  const started = performance.now();
  return new Promise((resolve) => {
    const done = (s: Omit<FuzzAnswer, never> | { error: string }) =>
      resolve({ ...s, ms: performance.now() - started } as Sent);
    let r: ReturnType<typeof request>;
    try {
      r = request({
        host: base.hostname,
        port: base.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, ...(req.body ? { 'content-length': String(req.body.length) } : {}) },
        agent,
        timeout: timeoutMs,
      });
    } catch (err) {
      // The client refused to write it (e.g. a header value Node will not send): nothing reached the service.
      done({ error: `client refused: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` });
      return;
    }
    r.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        done({
          status: res.statusCode ?? 0,
          contentType: String(res.headers['content-type'] ?? ''),
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', (err: NodeJS.ErrnoException) => done({ error: err.code ?? err.message }));
    });
    r.on('timeout', () => r.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    r.on('error', (err: NodeJS.ErrnoException) => done({ error: err.code ?? err.message }));
    r.end(req.body);
  });
}

/**
 * Bytes no HTTP client library would send: what Node's parser refuses before Fastify sees a
 * request. Each must still get an answer in the one error shape (or, for a request smuggling
 * attempt, a refusal).
 */
export const RAW_REQUESTS: Array<{ name: string; bytes: string }> = [
  { name: 'unknown method', bytes: 'FROB /healthz HTTP/1.1\r\nHost: x\r\n\r\n' },
  { name: 'NUL in the request line', bytes: 'GET /api/v1/contacts/a\u0000b HTTP/1.1\r\nHost: x\r\n\r\n' },
  { name: 'space in the path', bytes: 'GET /api/v1/contacts/a b HTTP/1.1\r\nHost: x\r\n\r\n' },
  { name: 'header without a colon', bytes: 'GET /healthz HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n' },
  { name: 'NUL in a header value', bytes: 'GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\n\r\n' },
  { name: 'HTTP/0.9', bytes: 'GET /healthz\r\n\r\n' },
  { name: 'HTTP/2 preface on HTTP/1.1', bytes: 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n' },
  {
    name: 'content-length and chunked',
    bytes:
      'POST /webhooks/ghl HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
  },
  {
    name: 'two content-lengths',
    bytes:
      'POST /webhooks/ghl HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}',
  },
  {
    name: 'bad chunk size',
    bytes: 'POST /webhooks/ghl HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
  },
  { name: 'bare LF line ends', bytes: 'GET /healthz HTTP/1.1\nHost: x\n\n' },
  { name: '20 KB request line', bytes: `GET /healthz?pad=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n` },
  {
    name: '40 KB of headers',
    bytes: `GET /healthz HTTP/1.1\r\nHost: x\r\n${'X-Pad: y\r\n'.repeat(4000)}\r\n`,
  },
  { name: 'random bytes', bytes: '\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u01fc\u0003\u0003' },
];

/** Writes `bytes` (latin1) on a fresh socket and reads the first answer until the server closes. */
export function sendRaw(base: URL, bytes: string, timeoutMs = 10_000): Promise<Sent> {
  const started = performance.now();
  return new Promise((resolve) => {
    const socket = connect(Number(base.port), base.hostname, () =>
      socket.write(Buffer.from(bytes, 'latin1')),
    );
    let data = Buffer.alloc(0);
    const timer = setTimeout(() => socket.destroy(), timeoutMs);
    socket.on('data', (d: Buffer) => {
      data = Buffer.concat([data, d]);
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      const text = data.toString('utf8');
      const head = text.slice(0, Math.max(0, text.indexOf('\r\n\r\n')));
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0);
      const ms = performance.now() - started;
      if (status === 0) return resolve({ error: 'closed without an answer', ms });
      resolve({
        status,
        contentType: /^content-type:\s*(.*)$/im.exec(head)?.[1]?.trim() ?? '',
        body: text.slice(head.length + 4),
        ms,
      });
    });
  });
}
