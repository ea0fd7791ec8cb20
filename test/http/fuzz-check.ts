import { ERROR_STATUS } from '../../src/http/errors.ts';
import type { FuzzRequest } from './fuzz-draft.ts';

/** What came back, however it was sent. */
export interface FuzzAnswer {
  status: number;
  contentType: string;
  body: string;
}

const isWebhook = (r: FuzzRequest) => r.method === 'POST' && /^\/webhooks\/ghl\/?(\?|$)/.test(r.url);
const isMcp = (r: FuzzRequest) => /^\/mcp\/?(\?|$)/.test(r.url);

/**
 * Everything wrong with one answer, as sentences (empty when it is fine). The service may refuse
 * anything, but never with a 5xx, and every JSON error is `{ error: { code, message, requestId } }`
 * with the status its code stands for. 429 is documented only for a webhook that finds the inbox
 * backlog over its limit, 503 only for /readyz without a database.
 */
export function problemsWith(req: FuzzRequest, res: FuzzAnswer): string[] {
  const out: string[] = [];
  const path = req.url.split('?')[0] ?? '';
  if (res.status >= 500 && !(res.status === 503 && path === '/readyz')) out.push(`answered ${res.status}`);
  if (res.status === 429 && !isWebhook(req)) out.push('answered 429 outside the webhook');
  if (res.status < 400 || req.method === 'HEAD' || !/json/i.test(res.contentType)) return out;

  let body: unknown;
  try {
    body = JSON.parse(res.body);
  } catch {
    return [...out, 'error body is not valid JSON'];
  }
  // MCP answers in its own protocol: JSON-RPC errors from the transport are that protocol's shape.
  if (isMcp(req) && isJsonRpcError(body)) return out;
  const problem = errorShapeProblem(body, res.status);
  const theirs = (body as { code?: unknown } | null)?.code;
  if (problem) out.push(typeof theirs === 'string' ? `${problem} (body code ${theirs})` : problem);
  // With the database up, a webhook the service could not store points at the request, not at load.
  if (res.status === 429 && res.body.includes('could not be stored'))
    out.push('answered 429 "could not be stored" while the database is up');
  return out;
}

function errorShapeProblem(body: unknown, status: number): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'error body is not an object';
  const keys = Object.keys(body);
  const error = (body as { error?: unknown }).error;
  if (keys.length !== 1 || typeof error !== 'object' || error === null)
    return 'error body is not { error: {…} }';
  const e = error as Record<string, unknown>;
  if (typeof e.code !== 'string' || typeof e.message !== 'string' || typeof e.requestId !== 'string')
    return 'error lacks a string code, message or requestId';
  if (e.message === '' || e.requestId === '') return 'error message or requestId is empty';
  const expected = (ERROR_STATUS as Record<string, number>)[e.code];
  if (expected === undefined) return `error code ${e.code} is not one of ERROR_STATUS`;
  if (expected !== status) return `error code ${e.code} stands for ${expected}, answered ${status}`;
  return null;
}

function isJsonRpcError(body: unknown): boolean {
  const b = body as { jsonrpc?: unknown; error?: { code?: unknown; message?: unknown } } | null;
  return b?.jsonrpc === '2.0' && typeof b.error?.code === 'number' && typeof b.error.message === 'string';
}

export interface ProblemBucket {
  route: string;
  problem: string;
  count: number;
  examples: Array<{ index: number; request: string }>;
}

/** Counts answers by status and keeps the first two requests of each route and kind of problem. */
export class FuzzTally {
  readonly byStatus = new Map<number, number>();
  readonly problems = new Map<string, ProblemBucket>();
  total = 0;

  record(index: number, req: FuzzRequest, res: FuzzAnswer, describe: (r: FuzzRequest) => string): string[] {
    this.total++;
    this.byStatus.set(res.status, (this.byStatus.get(res.status) ?? 0) + 1);
    const found = problemsWith(req, res);
    for (const p of found) this.problem(index, req, p, describe, res);
    return found;
  }

  /** Files a problem under its route and kind, whatever the request id or echoed text. */
  problem(
    index: number,
    req: FuzzRequest,
    problem: string,
    describe: (r: FuzzRequest) => string,
    res?: FuzzAnswer,
  ): void {
    const key = `${req.route}: ${problem}`;
    const bucket: ProblemBucket = this.problems.get(key) ?? {
      route: req.route,
      problem,
      count: 0,
      examples: [],
    };
    bucket.count++;
    const answer = res ? `\n  answer: ${res.status} ${res.body.slice(0, 300)}` : '';
    if (bucket.examples.length < 2) bucket.examples.push({ index, request: `${describe(req)}${answer}` });
    this.problems.set(key, bucket);
  }

  statusLine(): string {
    return [...this.byStatus.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([s, n]) => `${s}: ${n}`)
      .join(', ');
  }
}
