import { API_TOKEN } from './environment.ts';
import type { SentWebhook } from './leads.ts';

export interface ReadSample {
  /** `contact`, `escalations` or `dashboard <path>`. */
  endpoint: string;
  ms: number;
  status: number;
}

/** Dashboard pages read under load when the build serves them (the first answering 404 is skipped). */
export const DASHBOARD_PAGES = ['/inbox', '/queues', '/overview'];

/** Signs in to the dashboard of one replica and returns its session cookie ("name=value"), or null. */
async function signIn(base: string): Promise<string | null> {
  try {
    const res = await fetch(`${base}/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: API_TOKEN, next: '/' }).toString(),
      redirect: 'manual',
    });
    await res.arrayBuffer();
    const set = res.headers.get('set-cookie');
    return set ? (set.split(';')[0] ?? null) : null;
  } catch {
    return null;
  }
}

/** Which dashboard pages this build serves to a signed-in user (status 200). */
export async function dashboardPagesServed(
  base: string,
): Promise<{ pages: string[]; cookie: string | null }> {
  const cookie = await signIn(base);
  const pages: string[] = [];
  for (const p of DASHBOARD_PAGES) {
    const res = await fetch(`${base}${p}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' }).catch(
      () => null,
    );
    await res?.arrayBuffer();
    if (res?.status === 200) pages.push(p);
  }
  return { pages, cookie };
}

/**
 * A realtor (or two) watching while the leads text: contact views of recently active leads, the
 * escalations list and the dashboard pages, spread over both replicas at `perSecond` requests/s.
 */
export async function runReaders(opts: {
  replicaUrls: string[];
  durationS: number;
  perSecond: number;
  recent: () => SentWebhook | undefined;
  dashboard: { pages: string[]; cookies: (string | null)[] };
}): Promise<ReadSample[]> {
  const samples: ReadSample[] = [];
  if (opts.perSecond <= 0) return samples;
  const endAt = Date.now() + opts.durationS * 1000;
  const order = ['contact', 'contact', 'escalations', ...opts.dashboard.pages.map((p) => `dashboard ${p}`)];
  let n = 0;
  const inFlight = new Set<Promise<void>>();
  while (Date.now() < endAt) {
    const endpoint = order[n % order.length]!;
    const replica = n % opts.replicaUrls.length;
    n++;
    let path: string | null = null;
    let headers: Record<string, string> = { authorization: `Bearer ${API_TOKEN}` };
    if (endpoint === 'contact') {
      const w = opts.recent();
      if (w)
        path = `/api/v1/contacts/${encodeURIComponent(w.contactId)}?locationId=${encodeURIComponent(w.locationId)}`;
    } else if (endpoint === 'escalations') path = '/api/v1/escalations?limit=50';
    else {
      path = endpoint.slice('dashboard '.length);
      const cookie = opts.dashboard.cookies[replica];
      headers = cookie ? { cookie } : {};
    }
    if (path) {
      const url = `${opts.replicaUrls[replica]}${path}`;
      const h = headers;
      const p = (async () => {
        const t0 = performance.now();
        let status = 0;
        try {
          const res = await fetch(url, {
            headers: h,
            redirect: 'manual',
            signal: AbortSignal.timeout(10_000),
          });
          await res.arrayBuffer();
          status = res.status;
        } catch {
          // counted as an error (status 0)
        }
        samples.push({ endpoint, ms: performance.now() - t0, status });
      })();
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
    }
    await new Promise((r) => setTimeout(r, 1000 / opts.perSecond));
  }
  await Promise.all(inFlight);
  return samples;
}
