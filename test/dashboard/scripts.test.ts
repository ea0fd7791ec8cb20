import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineDiff } from '../../src/http/dashboard/scripts-diff.ts';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { startTestService, type TestService } from '../support/service.ts';
import { openPage, signIn } from './support.ts';

const TOKEN = 'dashboard-scripts-token-0123456789';
const OLD = "with a real estate inquiry, and I'm following up on it";
const NEW = "through a home inquiry you made, and I'm following up on it";

const unHtml = (s: string) =>
  s
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const textarea = (page: string, name: string) => {
  const m = new RegExp(`<textarea[^>]*name="${name}"[^>]*>([\\s\\S]*?)</textarea>`).exec(page);
  if (!m?.[1]) throw new Error(`no ${name} textarea`);
  return unHtml(m[1]);
};

describe('Scripts and answers page', () => {
  let tdb: TestDb;
  let svc: TestService;
  let app: FastifyInstance;
  let cookie: string;

  const say = async (contactId: string, message: string, tags: string[] = ['Seller-Lead']) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/sandbox/messages',
      headers: { authorization: `Bearer ${TOKEN}` },
      payload: { contactId, message, tags },
    });
    expect(res.statusCode).toBe(200);
    return (res.json().replies as { body: string }[]).map((r) => r.body).join('\n');
  };
  const post = (url: string, fields: Record<string, string>, csrf: string | null) =>
    app.inject({
      method: 'POST',
      url,
      payload: new URLSearchParams({ ...fields, ...(csrf ? { _csrf: csrf } : {}) }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    });

  beforeAll(async () => {
    tdb = await pgliteBackend.open();
    svc = await startTestService(tdb, { JORGE_API_TOKEN: TOKEN }, { workers: false });
    app = svc.service.app;
    cookie = await signIn(app, TOKEN);
    await say('sc-1', 'Hi, I want to sell my house');
    expect(await say('sc-1', 'How did you get my number?')).toContain('real estate inquiry');
  });
  afterAll(async () => {
    await svc.stop();
    await tdb.close();
  });

  it('opens the live wording and knowledge base in labelled editors', async () => {
    const { res } = await openPage(app, cookie, '/scripts');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('<label for="s-knowledge">Knowledge base');
    expect(res.body).toContain('<label for="s-bots">Bots: settings and wording');
    expect(textarea(res.body, 'knowledge')).toContain(OLD);
    expect(textarea(res.body, 'bots')).toContain('neighborhoods:');
    expect(res.body).toContain('Nothing published yet');
  });

  it('replay shows each reply the draft would change; a bad draft is refused naming the problem', async () => {
    const { res, csrf } = await openPage(app, cookie, '/scripts');
    const bots = textarea(res.body, 'bots');
    const knowledge = textarea(res.body, 'knowledge').replace(OLD, NEW);
    const replay = await post('/scripts/replay', { bots, knowledge }, csrf);
    expect(replay.statusCode).toBe(200);
    expect(replay.body).toContain('Replay: 1 reply would change');
    expect(replay.body).toContain('How did you get my number?');
    expect(unHtml(replay.body)).toMatch(new RegExp(`<del>[^<]*${OLD}`));
    expect(unHtml(replay.body)).toMatch(new RegExp(`<ins>[^<]*${NEW}`));
    // The draft stays in the editor; nothing went live.
    expect(textarea(replay.body, 'knowledge')).toContain(NEW);
    expect(await say('sc-1', 'How did you get my number?')).not.toContain('home inquiry');

    const bad = await post('/scripts/replay', { bots, knowledge: 'topics:\n  weather: nice\n' }, csrf);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('role="alert"');
    expect(bad.body).toContain('knowledge base: topics.weather (line 2): is not a topic');
    const noCsrf = await post('/scripts/replay', { bots, knowledge }, null);
    expect(noCsrf.statusCode).toBe(403);
  });

  it('publishing makes the live bots use the new version; history, diff and roll back', async () => {
    const { res, csrf } = await openPage(app, cookie, '/scripts');
    const bots = textarea(res.body, 'bots');
    const original = textarea(res.body, 'knowledge');
    expect(
      (await post('/scripts/publish', { bots, knowledge: original.replace(OLD, NEW), author: 'Maria' }, null))
        .statusCode,
    ).toBe(403);
    const pub = await post(
      '/scripts/publish',
      { bots, knowledge: original.replace(OLD, NEW), author: 'Maria', note: 'friendlier number answer' },
      csrf,
    );
    expect(pub.statusCode).toBe(303);
    expect(pub.headers.location).toBe('/scripts?published=1');
    expect(await say('sc-2', 'How did you get my number?')).toContain('through a home inquiry you made');

    const page = await openPage(app, cookie, '/scripts?published=1');
    expect(page.res.body).toContain('Version 1 is live');
    expect(page.res.body).toContain('Maria');
    expect(page.res.body).toContain('friendlier number answer');
    const diff = await app.inject({ method: 'GET', url: '/scripts/versions/1', headers: { cookie } });
    expect(diff.statusCode).toBe(200);
    expect(unHtml(diff.body)).toContain(NEW);

    const again = await post('/scripts/publish', { bots, knowledge: original, author: 'Maria' }, csrf);
    expect(again.headers.location).toBe('/scripts?published=2');
    expect(await say('sc-3', 'How did you get my number?')).toContain('real estate inquiry');
    const back = await post('/scripts/versions/1/roll-back', { author: 'Luis' }, csrf);
    expect(back.statusCode).toBe(303);
    expect(back.headers.location).toBe('/scripts?published=3');
    expect(await say('sc-4', 'How did you get my number?')).toContain('through a home inquiry you made');
    const rows = await tdb.db.query<{ id: number; author: string; restored_from: number | null }>(
      `SELECT id, author, restored_from FROM script_versions ORDER BY id`,
    );
    expect(
      rows.rows.map((r) => [
        Number(r.id),
        r.author,
        r.restored_from === null ? null : Number(r.restored_from),
      ]),
    ).toEqual([
      [1, 'Maria', null],
      [2, 'Maria', null],
      [3, 'Luis', 1],
    ]);
    expect((await post('/scripts/versions/99/roll-back', {}, csrf)).statusCode).toBe(404);
  });

  it('diffs lines', () => {
    expect(lineDiff('a\nb\nc', 'a\nx\nc')).toEqual([
      { op: ' ', text: 'a' },
      { op: '-', text: 'b' },
      { op: '+', text: 'x' },
      { op: ' ', text: 'c' },
    ]);
  });
});
