import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ReplayResult } from '../../app/scripts/replay-scripts.ts';
import type { LiveScripts } from '../../app/scripts/live-scripts.ts';
import type { ScriptTexts, ScriptVersion } from '../../ports/script-versions.ts';
import { ApiError } from '../errors.ts';
import { html, type SafeHtml } from './escape.ts';
import { contactHref, when } from './format.ts';
import { csrfField } from './layout.ts';
import { csrfOf, type DashboardDeps, type DashboardPage, PAGE_ROUTE, sendPage } from './page.ts';
import { diffHtml, lineDiff } from './scripts-diff.ts';

const MAX_DOC = 200_000;

const CSS = html`<style>
.editor textarea{max-width:none;min-height:18rem;font:14px/1.4 ui-monospace,Menlo,Consolas,monospace}
.editor .buttons{display:flex;flex-wrap:wrap;gap:.5rem;margin:.75rem 0}
.diff pre{background:#fff;border:1px solid #d7dce2;padding:.5rem;overflow-x:auto;font-size:13px}
.d-add{background:#e7f3e8;display:block}.d-del{background:#fde2e1;display:block}.d-eq{display:block}.d-gap{color:#4d5763;display:block}
.change{background:#fff;border:1px solid #d7dce2;border-radius:6px;padding:.5rem .75rem;margin:0 0 .5rem}
.change del{background:#fde2e1;text-decoration:line-through}.change ins{background:#e7f3e8;text-decoration:none}
</style>`;

interface View {
  texts: ScriptTexts;
  published: ScriptVersion | null;
  history: ScriptVersion[];
  problems?: string[];
  replay?: ReplayResult;
  notice?: string;
}

function field(req: FastifyRequest, name: string, max: number, required = false): string {
  const v = (req.body as Record<string, unknown> | undefined)?.[name];
  const s = typeof v === 'string' ? v : '';
  if (required && !s.trim()) throw new ApiError('invalid_request', `${name} is empty`);
  if (s.length > max) throw new ApiError('invalid_request', `${name} must be at most ${max} characters`);
  return s;
}

const textsOf = (req: FastifyRequest): ScriptTexts => ({
  bots: field(req, 'bots', MAX_DOC, true),
  knowledge: field(req, 'knowledge', MAX_DOC, true),
});

function replayHtml(r: ReplayResult): SafeHtml {
  const head = html`<h2 id="replay-h">Replay: ${r.changes.length} ${r.changes.length === 1 ? 'reply' : 'replies'} would change</h2>
<p class="muted">${r.conversations} saved conversations re-run, ${r.replies} bot replies compared (offline engine, nothing sent).</p>`;
  if (r.changes.length === 0)
    return html`<section id="replay" aria-labelledby="replay-h">${head}<p>No reply changes with this draft.</p></section>`;
  return html`<section id="replay" aria-labelledby="replay-h">${head}<ol class="list">${r.changes.map(
    (
      c,
    ) => html`<li class="change"><div class="top"><a class="name" href="${contactHref(c.locationId, c.contactId)}">${c.name ?? c.contactId}</a> <span class="muted">message ${c.turn}</span></div>
<p>Lead: ${c.message}</p>
<p>Now: <del>${c.before ?? '(no reply)'}</del></p>
<p>With the draft: <ins>${c.after ?? '(no reply)'}</ins></p></li>`,
  )}</ol></section>`;
}

function historyHtml(h: readonly ScriptVersion[], now: Date, csrf: string): SafeHtml {
  if (h.length === 0) return html`<p>Nothing published yet: the bots use the files loaded at start-up.</p>`;
  return html`<div class="table-wrap"><table><caption class="visually-hidden">Published versions, newest first</caption>
<thead><tr><th scope="col">Version</th><th scope="col">Who</th><th scope="col">When</th><th scope="col">Note</th><th scope="col">Actions</th></tr></thead>
<tbody>${h.map(
    (
      v,
      i,
    ) => html`<tr><td>${v.id}${i === 0 ? html` <span class="flag good">live</span>` : ''}</td><td>${v.author}</td><td>${when(v.createdAt, now)}</td><td>${v.note ?? ''}</td>
<td><a href="/scripts/versions/${v.id}">Changes</a>${
      i === 0
        ? ''
        : html` <form method="post" action="/scripts/versions/${v.id}/roll-back" class="inline">${csrfField(csrf)}<button type="submit" class="secondary" aria-label="Roll back to version ${v.id}">Roll back</button></form>`
    }</td></tr>`,
  )}</tbody></table></div>`;
}

export function scriptsBody(v: View, now: Date, csrf: string): SafeHtml {
  return html`${CSS}<h1>Scripts and answers</h1>
<p class="muted">The bots' settings and wording (tags, thresholds, question wording) and the knowledge base they answer questions from. Checked exactly as the files at start-up; replay shows what would change before you publish.
${v.published ? html` Live: version ${v.published.id} by ${v.published.author}.` : ' Live: the files loaded at start-up.'}</p>
${v.notice ? html`<p class="notice" role="status">${v.notice}</p>` : ''}
${
  v.problems && v.problems.length > 0
    ? html`<div role="alert" class="card"><p class="error">The draft has ${v.problems.length} problem${v.problems.length === 1 ? '' : 's'}; nothing was published.</p><ul>${v.problems.map((p) => html`<li>${p}</li>`)}</ul></div>`
    : ''
}
<form method="post" action="/scripts/replay" class="editor">${csrfField(csrf)}
<label for="s-bots">Bots: settings and wording (YAML)</label>
<textarea id="s-bots" name="bots" spellcheck="false" required>${v.texts.bots}</textarea>
<label for="s-knowledge">Knowledge base: answers to leads' questions (YAML)</label>
<textarea id="s-knowledge" name="knowledge" spellcheck="false" required>${v.texts.knowledge}</textarea>
<label for="s-author">Your name</label><input type="text" id="s-author" name="author" maxlength="80" autocomplete="name">
<label for="s-note">What changed (for the history)</label><input type="text" id="s-note" name="note" maxlength="300">
<div class="buttons"><button type="submit" formaction="/scripts/replay" class="secondary">Replay saved conversations</button>
<button type="submit" formaction="/scripts/publish">Publish</button></div>
</form>
${v.replay ? replayHtml(v.replay) : ''}
<h2>History</h2>
${historyHtml(v.history, now, csrf)}`;
}

function scriptsOf(deps: DashboardDeps): LiveScripts {
  if (!deps.scripts) throw new ApiError('internal', 'scripts are not configured');
  return deps.scripts;
}

/** The Scripts and answers page: edit, check, replay, publish, history with diffs, roll back. */
export const scriptsPage: DashboardPage = (scope, deps: DashboardDeps) => {
  const show = async (req: FastifyRequest, reply: FastifyReply, extra: Partial<View> = {}, status = 200) => {
    const s = scriptsOf(deps);
    const pub = await s.publishedTexts();
    const view: View = { texts: pub.texts, published: pub.version, history: await s.history(50), ...extra };
    return sendPage(reply, req, {
      title: 'Scripts and answers',
      current: 'scripts',
      status,
      body: scriptsBody(view, deps.clock.now(), csrfOf(req)),
    });
  };
  const author = (req: FastifyRequest) => {
    const given = field(req, 'author', 80).trim();
    return given || (req.dashboardAuth === 'bearer' ? 'API token' : 'dashboard');
  };

  scope.get('/scripts', PAGE_ROUTE, async (req, reply) => {
    const q = req.query as Record<string, string | undefined>;
    const id = Number(q.published);
    return show(
      req,
      reply,
      Number.isInteger(id) && id > 0
        ? { notice: `Version ${id} is live: the bots use it from their next message.` }
        : {},
    );
  });

  scope.post('/scripts/replay', PAGE_ROUTE, async (req, reply) => {
    const texts = textsOf(req);
    const r = await scriptsOf(deps).replay(texts);
    if (!r.ok) return show(req, reply, { texts, problems: r.problems }, 400);
    return show(req, reply, { texts, replay: r.result });
  });

  scope.post('/scripts/publish', PAGE_ROUTE, async (req, reply) => {
    const texts = textsOf(req);
    const note = field(req, 'note', 300).trim();
    const r = await scriptsOf(deps).publish(texts, { author: author(req), note: note || null });
    if (!r.ok) return show(req, reply, { texts, problems: r.problems }, 400);
    return reply.redirect(`/scripts?published=${r.version.id}`, 303);
  });

  scope.post<{ Params: { id: string } }>(
    '/scripts/versions/:id/roll-back',
    PAGE_ROUTE,
    async (req, reply) => {
      const id = Number(req.params.id);
      if (!Number.isInteger(id) || id <= 0)
        throw new ApiError('invalid_request', 'id must be a version number');
      const r = await scriptsOf(deps).rollBack(id, author(req));
      if (!r.ok && 'notFound' in r) throw new ApiError('not_found', `no version ${id}`);
      if (!r.ok) return show(req, reply, { problems: r.problems }, 400);
      return reply.redirect(`/scripts?published=${r.version.id}`, 303);
    },
  );

  scope.get<{ Params: { id: string } }>('/scripts/versions/:id', PAGE_ROUTE, async (req, reply) => {
    const id = Number(req.params.id);
    if (!Number.isInteger(id) || id <= 0)
      throw new ApiError('invalid_request', 'id must be a version number');
    const s = scriptsOf(deps);
    const v = await s.version(id);
    if (!v) throw new ApiError('not_found', `no version ${id}`);
    const prev = (await s.history(500)).find((x) => x.id < id);
    const base = prev ? { bots: prev.bots, knowledge: prev.knowledge } : null;
    const body = html`${CSS}<h1>Version ${v.id}</h1>
<p>By ${v.author}, ${when(v.createdAt, deps.clock.now())}${v.note ? html`: ${v.note}` : ''}. Compared with ${prev ? `version ${prev.id}` : 'nothing before it (first version)'}.</p>
${diffHtml(lineDiff(base?.bots ?? '', v.bots), 'Bots: settings and wording')}
${diffHtml(lineDiff(base?.knowledge ?? '', v.knowledge), 'Knowledge base')}
<p><a href="/scripts">Back to Scripts and answers</a></p>`;
    return sendPage(reply, req, { title: `Version ${v.id}`, current: 'scripts', body });
  });
};
