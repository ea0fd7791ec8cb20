import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import { DASHBOARD_CSS } from './assets-css.ts';

/**
 * The three files every page loads, read once at start: htmx 2 from node_modules (pinned in
 * package.json, never a CDN), our stylesheet and our small script. Cached for an hour: they change
 * only with a new release.
 */
const htmx = readFileSync(createRequire(import.meta.url).resolve('htmx.org/dist/htmx.min.js'), 'utf8');

/**
 * Live updates: an element with data-live="<sse url>" listens to that event stream and, on each
 * `change` event, fires htmx's `live` trigger on itself (so hx-trigger="live" re-fetches it).
 * Kept here instead of the htmx SSE extension: eight lines, no second package.
 */
const DASHBOARD_JS = `document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-live]').forEach(function (el) {
    var source = new EventSource(el.getAttribute('data-live'));
    source.addEventListener('change', function () { if (window.htmx) htmx.trigger(el, 'live'); });
  });
});
`;

const ASSETS: Record<string, { type: string; body: string }> = {
  '/assets/htmx.min.js': { type: 'text/javascript; charset=utf-8', body: htmx },
  '/assets/dashboard.js': { type: 'text/javascript; charset=utf-8', body: DASHBOARD_JS },
  '/assets/dashboard.css': { type: 'text/css; charset=utf-8', body: DASHBOARD_CSS },
};

export const ASSET_PATHS = Object.keys(ASSETS);

export function assetRoutes(app: FastifyInstance): void {
  for (const [path, asset] of Object.entries(ASSETS)) {
    app.get(path, { schema: { hide: true } }, async (_req, reply) =>
      reply.type(asset.type).header('cache-control', 'public, max-age=3600').send(asset.body),
    );
  }
}
