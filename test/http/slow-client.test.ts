import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { startTestService, type TestService } from '../support/service.ts';

describe('a client that trickles its request', () => {
  let tdb: TestDb;
  let svc: TestService;
  beforeAll(async () => {
    tdb = await pgliteBackend.open();
    svc = await startTestService(tdb, { HTTP_REQUEST_TIMEOUT_MS: '1000' }, { workers: false });
  });
  afterAll(async () => {
    await svc.stop();
    await tdb.close();
  });

  it('is cut off once the request timeout has passed, while others are served', async () => {
    const port = Number(new URL(svc.url).port);
    const socket = connect(port, '127.0.0.1');
    const started = Date.now();
    let answer = '';
    socket.setEncoding('latin1');
    socket.on('data', (d) => {
      answer += d;
    });
    const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now() - started)));
    socket.write(
      'POST /webhooks/ghl HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{',
    );
    // One byte every 200 ms: the body would take 200 s to arrive.
    const drip = setInterval(() => socket.writable && socket.write(' '), 200);
    const health = await fetch(`${svc.url}/healthz`);
    expect(health.status).toBe(200);
    const ms = await Promise.race([closed, new Promise<number>((r) => setTimeout(() => r(-1), 15_000))]);
    clearInterval(drip);
    socket.destroy();
    expect(ms, 'the connection was closed by the server').toBeGreaterThan(0);
    expect(ms).toBeLessThan(10_000);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(answer).toContain('"code":"request_timeout"');
  });
});
