import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { LoadOutcome } from './load.ts';
import { percentiles } from './percentiles.ts';

export interface PacedSpec {
  url: string;
  /** Requests started per second, spread evenly over each second (open loop). */
  ratePerS: number;
  durationS: number;
  /** Sockets kept open to the service; a request waits for a free one past this many in flight. */
  connections: number;
  path: string;
  makeRequest: () => { body: string | Buffer; headers: Record<string, string> };
  isOk: (status: number, body: string) => boolean;
  onOk?: (body: string) => void;
  onSecond?: (second: number, okThisSecond: number) => void;
}

const TICK_MS = 2;

/**
 * An open-loop load at a steady rate: the n-th request is due at start + n / rate and is started
 * on the first tick (2 ms) at or after that time, whatever the earlier ones are doing, so arrivals
 * are as even as a real stream of messages. (autocannon's `overallRate` lets each connection send
 * its share at the top of every second, which makes one burst a second.) Latency is counted from
 * the time a request was due, so a service that falls behind shows it (no coordinated omission).
 */
export async function runPaced(spec: PacedSpec): Promise<LoadOutcome> {
  const host = new URL(spec.url).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost')
    throw new Error(`refusing to load a non-loopback host: ${host}`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.connections });
  const total = Math.round(spec.ratePerS * spec.durationS);
  const latencies: number[] = [];
  const okLatencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let ok = 0;
  let twoXxNotOk = 0;
  let non2xx = 0;
  let errors = 0;
  let timeouts = 0;
  let started = 0;
  const timeline: number[] = [];
  let okAtLastSecond = 0;

  // A stall of the generator itself delays requests past their due time; it is reported beside them.
  const lag = monitorEventLoopDelay({ resolution: 5 });
  lag.enable();
  const t0 = performance.now();
  const send = (dueAt: number) =>
    new Promise<void>((resolve) => {
      const { body, headers } = spec.makeRequest();
      const req = http.request(
        spec.url + spec.path,
        {
          method: 'POST',
          agent,
          headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
          timeout: 10_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const ms = performance.now() - dueAt;
            const status = res.statusCode ?? 0;
            const text = Buffer.concat(chunks).toString('utf8');
            statusCodes[status] = (statusCodes[status] ?? 0) + 1;
            latencies.push(ms);
            if (spec.isOk(status, text)) {
              ok++;
              okLatencies.push(ms);
              spec.onOk?.(text);
            } else if (status >= 200 && status < 300) twoXxNotOk++;
            else non2xx++;
            resolve();
          });
        },
      );
      let timedOut = false;
      req.on('timeout', () => {
        timedOut = true;
        timeouts++;
        req.destroy(new Error('timeout'));
      });
      req.on('error', () => {
        if (!timedOut) errors++;
        resolve();
      });
      req.end(body);
    });

  const inFlight = new Set<Promise<void>>();
  await new Promise<void>((done) => {
    const ticker = setInterval(() => {
      const elapsedMs = performance.now() - t0;
      const second = Math.floor(elapsedMs / 1000);
      while (timeline.length < second) {
        timeline.push(ok - okAtLastSecond);
        okAtLastSecond = ok;
        spec.onSecond?.(timeline.length, timeline.at(-1) ?? 0);
      }
      const due = Math.min(total, Math.floor((elapsedMs / 1000) * spec.ratePerS) + 1);
      while (started < due) {
        const dueAt = t0 + (started / spec.ratePerS) * 1000;
        started++;
        const p = send(dueAt).finally(() => {
          inFlight.delete(p);
        });
        inFlight.add(p);
      }
      if (started >= total) {
        clearInterval(ticker);
        done();
      }
    }, TICK_MS);
  });
  await Promise.all(inFlight);
  lag.disable();
  agent.destroy();
  const durationS = (performance.now() - t0) / 1000;
  const summary = (xs: number[]) => {
    const p = percentiles(xs);
    return { p50: p.p50, p95: p.p95, p99: p.p99, max: p.max, mean: p.mean };
  };
  const responses = latencies.length;
  return {
    durationS,
    responses,
    ok,
    okPerSecond: ok / durationS,
    responsesPerSecond: responses / durationS,
    twoXxNotOk,
    non2xx,
    errors,
    timeouts,
    statusCodes,
    latencyMs: summary(latencies),
    okLatencyMs: summary(okLatencies),
    okPerSecondTimeline: timeline,
    generatorLagMs: { p99: lag.percentile(99) / 1e6, max: lag.max / 1e6 },
  };
}
