import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeFinancial {
  url: string;
  /** Every request body received. */
  requests: Record<string, unknown>[];
  /** The next `times` requests answer with `status` (and `retryAfter` seconds on 429) or hang. */
  failNext(times: number, mode: { status: number; retryAfter?: number } | 'hang'): void;
  /** What a successful assessment answers. */
  answer: { preApproved: boolean; confidence: number; maxAmount?: number; lender?: string };
  close(): Promise<void>;
}

/** A pre-qualification service speaking the contract in docs/FINANCIAL_SERVICE.md, on port 0. */
export async function startFakeFinancial(): Promise<FakeFinancial> {
  const failures: ({ status: number; retryAfter?: number } | 'hang')[] = [];
  const hanging: ServerResponse[] = [];
  const state: FakeFinancial = {
    url: '',
    requests: [],
    failNext(times, mode) {
      for (let i = 0; i < times; i++) failures.push(mode);
    },
    answer: { preApproved: true, confidence: 0.92, maxAmount: 650_000, lender: 'Inland Valley Credit Union' },
    close: async () => {
      for (const r of hanging) r.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'POST' || req.url !== '/v1/assessments') return send(404, { error: 'not_found' });
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return send(400, { error: 'invalid_json' });
    }
    state.requests.push(body);
    const failure = failures.shift();
    if (failure === 'hang') {
      hanging.push(res);
      return;
    }
    if (failure)
      return send(
        failure.status,
        { error: 'unavailable' },
        failure.retryAfter ? { 'retry-after': String(failure.retryAfter) } : {},
      );
    if (typeof body.contactId !== 'string') return send(422, { error: 'contactId is required' });
    return send(200, state.answer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}
