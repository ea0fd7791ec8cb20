import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { PAGE_ROUTE } from './page.ts';

export interface ChangeFeedOptions {
  /** A cheap read whose value changes whenever what the page shows changes (e.g. a max id). */
  probe: () => Promise<string>;
  /** How often the probe runs while at least one browser listens. */
  intervalMs?: number;
}

/**
 * GET `path` as a server-sent event stream: an `event: change` whenever the probe's value moves.
 * The probe reads the database, not an in-process emitter, so a turn handled by another replica
 * shows up too. One poll per stream path per process, however many browsers listen, and none
 * while nobody does.
 */
export function changeFeed(scope: FastifyInstance, path: string, opts: ChangeFeedOptions): void {
  const listeners = new Set<ServerResponse>();
  const sockets = new Set<Socket>();
  const interval = opts.intervalMs ?? 1_000;
  let last: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let beats = 0;

  const broadcast = (chunk: string) => {
    for (const res of listeners) res.write(chunk);
  };
  const tick = async () => {
    try {
      const value = await opts.probe();
      if (last !== undefined && value !== last) broadcast(`event: change\ndata: ${Date.now()}\n\n`);
      last = value;
    } catch {
      // A failed probe (database briefly away) just skips a beat; the next one catches up.
    }
    // A comment line every ~15 s keeps proxies from closing an idle stream.
    if (++beats * interval >= 15_000) {
      beats = 0;
      broadcast(': keep-alive\n\n');
    }
    if (listeners.size > 0) timer = setTimeout(tick, interval);
    else timer = undefined;
  };

  scope.get(path, PAGE_ROUTE, async (_req, reply) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 3000\n\n');
    listeners.add(res);
    // The response's close (not the request's, which may come as soon as the request was read).
    res.on('close', () => listeners.delete(res));
    const socket = res.socket;
    if (socket) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    }
    if (!timer) {
      last = undefined;
      timer = setTimeout(tick, 0);
    }
  });
  // Before the server closes: it waits for open connections, and these never end on their own.
  scope.addHook('preClose', async () => {
    if (timer) clearTimeout(timer);
    for (const res of listeners) res.end();
    listeners.clear();
    // A stream's socket the browser left open would hold the server's close forever.
    for (const socket of sockets) socket.destroy();
    sockets.clear();
  });
}
