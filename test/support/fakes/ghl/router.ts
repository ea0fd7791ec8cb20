import type { FakeState } from './state.ts';
import type { Reply } from './wire.ts';

export interface Ctx {
  state: FakeState;
  method: string;
  path: string;
  params: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** Parsed JSON object; `{}` when there was no JSON body (as body-parser leaves it). */
  body: Record<string, unknown>;
  raw: Buffer;
  baseUrl: string;
}

export type Handler = (ctx: Ctx) => Reply | Promise<Reply>;

export interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: Handler;
}

export function route(method: string, template: string, handler: Handler): Route {
  const names: string[] = [];
  const source = template.replace(/:(\w+)/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { method, pattern: new RegExp(`^${source}$`), names, handler };
}

/** Express routing is not strict about a trailing slash, so `/contacts/` and `/contacts` are one route. */
export function matchRoute(
  routes: readonly Route[],
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | undefined {
  const normalized = path.length > 1 ? path.replace(/\/+$/, '') : path;
  for (const r of routes) {
    if (r.method !== method) continue;
    const m = r.pattern.exec(normalized);
    if (!m) continue;
    const params: Record<string, string> = {};
    r.names.forEach((name, i) => {
      params[name] = decodeURIComponent(m[i + 1] ?? '');
    });
    return { route: r, params };
  }
  return undefined;
}
