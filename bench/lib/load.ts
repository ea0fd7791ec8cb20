import autocannon, { type AutocannonRequest, type Result } from 'autocannon';
import * as hdr from 'hdr-histogram-js';

export interface LatencyMs {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export interface LoadOutcome {
  durationS: number;
  /** Responses received (any status). */
  responses: number;
  /** Responses the caller's `isOk` accepted (for webhooks: 2xx with status "accepted"). */
  ok: number;
  okPerSecond: number;
  responsesPerSecond: number;
  /** 2xx answers that `isOk` rejected (e.g. "duplicate"). */
  twoXxNotOk: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  /** Every response's latency, measured by the load generator (request written → response read). */
  latencyMs: LatencyMs;
  /** The same, for the responses `isOk` accepted only. */
  okLatencyMs: LatencyMs;
  /** `ok` answers completed in each whole second of the run. */
  okPerSecondTimeline: number[];
  /** The load generator's own event-loop delay (paced runs). */
  generatorLagMs?: { p99: number; max: number };
  /** autocannon's own summary (closed-loop runs only). */
  autocannon?: Pick<
    Result,
    'latency' | 'requests' | 'errors' | 'timeouts' | 'non2xx' | 'resets' | 'duration'
  >;
}

export interface LoadSpec {
  url: string;
  connections: number;
  durationS: number;
  request: AutocannonRequest;
  /** Decides from status and body whether a response counts as a success. */
  isOk: (status: number, body: string) => boolean;
  /** Called with each response body counted as ok. */
  onOk?: (body: string) => void;
  onSecond?: (second: number, okThisSecond: number) => void;
}

/** One autocannon run on 127.0.0.1 with per-response latencies in an HDR histogram (for p95). */
export async function runLoad(spec: LoadSpec): Promise<LoadOutcome> {
  const host = new URL(spec.url).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost')
    throw new Error(`refusing to load a non-loopback host: ${host}`);
  const newHist = () =>
    hdr.build({
      lowestDiscernibleValue: 1,
      highestTrackableValue: 120_000_000,
      numberOfSignificantValueDigits: 3,
    });
  const hist = newHist();
  const okHist = newHist();
  // autocannon hands a response to onResponse and then, synchronously, to the 'response' event.
  let lastWasOk = false;
  let ok = 0;
  let twoXxNotOk = 0;
  let okAtLastSecond = 0;
  const timeline: number[] = [];

  const request: AutocannonRequest = {
    ...spec.request,
    onResponse: (status, body) => {
      lastWasOk = spec.isOk(status, body);
      if (lastWasOk) {
        ok++;
        spec.onOk?.(body);
      } else if (status >= 200 && status < 300) {
        twoXxNotOk++;
      }
    },
  };
  const inst = autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.durationS,
    timeout: 10,
    requests: [request],
  });
  inst.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
    const us = Math.max(1, Math.round(ms * 1000));
    hist.recordValue(us);
    if (lastWasOk) okHist.recordValue(us);
    lastWasOk = false;
  });
  const ticker = setInterval(() => {
    timeline.push(ok - okAtLastSecond);
    okAtLastSecond = ok;
    spec.onSecond?.(timeline.length, timeline[timeline.length - 1] ?? 0);
  }, 1000);
  let result: Result;
  try {
    result = await inst;
  } finally {
    clearInterval(ticker);
  }
  const statusCodes: Record<string, number> = {};
  for (const [code, s] of Object.entries(result.statusCodeStats)) statusCodes[code] = s.count;
  const responses = Object.values(statusCodes).reduce((a, b) => a + b, 0);
  const summary = (h: typeof hist): LatencyMs => ({
    p50: h.getValueAtPercentile(50) / 1000,
    p95: h.getValueAtPercentile(95) / 1000,
    p99: h.getValueAtPercentile(99) / 1000,
    max: h.maxValue / 1000,
    mean: h.mean / 1000,
  });
  const latencyMs = summary(hist);
  const okLatencyMs = summary(okHist);
  hist.destroy();
  okHist.destroy();
  return {
    durationS: result.duration,
    responses,
    ok,
    okPerSecond: ok / result.duration,
    responsesPerSecond: responses / result.duration,
    twoXxNotOk,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    latencyMs,
    okLatencyMs,
    okPerSecondTimeline: timeline,
    autocannon: {
      latency: result.latency,
      requests: result.requests,
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      resets: result.resets,
      duration: result.duration,
    },
  };
}
