import type { FastifyInstance } from 'fastify';
import type { HttpDeps } from '../deps.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** GET / — a plain status page: adapter modes, queue depths and the most recent contacts. */
export async function dashboardRoute(app: FastifyInstance, deps: HttpDeps): Promise<void> {
  app.get('/', { schema: { hide: true } }, async (_req, reply) => {
    const { rows } = await deps.db.query<{
      id: string;
      location_id: string;
      bot: string | null;
      tags: string[];
      updated_at: Date;
    }>(
      `SELECT c.id, c.location_id, v.bot, c.tags, c.updated_at FROM contacts c
         LEFT JOIN conversations v ON v.location_id = c.location_id AND v.contact_id = c.id
        ORDER BY c.updated_at DESC LIMIT 50`,
    );
    const modes = Object.entries(deps.modes)
      .map(([k, v]) => `<li>${esc(k)}: <b>${esc(v)}</b></li>`)
      .join('');
    const contacts = rows
      .map(
        (r) =>
          `<tr><td>${esc(r.id)}</td><td>${esc(r.bot ?? 'lead')}</td><td>${esc(r.tags.join(', '))}</td><td>${esc(new Date(r.updated_at).toISOString())}</td></tr>`,
      )
      .join('');
    reply.type('text/html; charset=utf-8');
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Jorge Bots</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}</style></head>
<body><h1>Jorge Bots</h1><p>Agent: ${esc(deps.config.AGENT_NAME)} · ${esc(deps.config.MARKET)}</p>
<h2>Adapters</h2><ul>${modes}</ul>
<h2>Recent contacts</h2><table><thead><tr><th>Contact</th><th>Bot</th><th>Tags</th><th>Updated</th></tr></thead><tbody>${contacts || '<tr><td colspan="4">No contacts yet. Send one with POST /api/v1/sandbox/messages.</td></tr>'}</tbody></table>
<p><a href="/docs">API docs</a> · <a href="/metrics">metrics</a> · <a href="/readyz">readiness</a></p></body></html>`;
  });
}
