import type { FakeGhl } from '../support/fakes/ghl-server.ts';

export interface CallOptions {
  body?: unknown;
  version?: string | null;
  token?: string | null;
  signal?: AbortSignal;
}

/** Raw HTTP calls to a fake GHL, with its token and the Version the path's API family declares by default. */
export function fakeGhlCaller(get: () => FakeGhl) {
  return async function call(method: string, path: string, opts: CallOptions = {}) {
    const ghl = get();
    const headers: Record<string, string> = {};
    if (opts.token !== null) headers.authorization = `Bearer ${opts.token ?? ghl.token}`;
    const version =
      opts.version === undefined
        ? path.startsWith('/conversations')
          ? '2021-04-15'
          : '2021-07-28'
        : opts.version;
    if (version !== null) headers.version = version;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    const init: RequestInit = { method, headers };
    if (opts.body !== undefined)
      init.body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
    if (opts.signal) init.signal = opts.signal;
    const res = await fetch(`${ghl.url}${path}`, init);
    const text = await res.text();
    // biome-ignore lint/suspicious/noExplicitAny: response bodies are inspected loosely in tests
    const json: any = text === '' ? undefined : JSON.parse(text);
    return { status: res.status, headers: res.headers, json };
  };
}
