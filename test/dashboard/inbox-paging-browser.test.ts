import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_SIZE } from '../../src/http/dashboard/inbox.ts';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { postJson, startTestService, type TestService } from '../support/service.ts';

/** Debian's chromium (.ci/run installs it); playwright-core never downloads a browser. */
const CHROMIUM = '/usr/bin/chromium';
const TOKEN = 'dashboard-paging-browser-0123456789';
const BULK = 2 * PAGE_SIZE + 5;

describe.skipIf(!existsSync(CHROMIUM))('inbox paging and sign-out in a real browser', () => {
  let tdb: TestDb;
  let svc: TestService;
  let browser: Browser;
  let page: Page;
  const say = (contactId: string, message: string, contact?: Record<string, unknown>) =>
    postJson(
      `${svc.url}/api/v1/sandbox/messages`,
      { contactId, message, ...(contact ? { contact } : {}) },
      { authorization: `Bearer ${TOKEN}` },
    );
  const rows = () => page.locator('#inbox-items > li:not(.more)');

  beforeAll(async () => {
    tdb = await pgliteBackend.open();
    svc = await startTestService(tdb, { JORGE_API_TOKEN: TOKEN });
    await say('first-lead', 'hi, thinking of selling', { firstName: 'Lina', lastName: 'Paz' });
    await tdb.db.query(
      `INSERT INTO contacts (location_id, id, first_name, updated_at)
       SELECT 'sandbox', 'bulk-' || lpad(i::text, 3, '0'), 'Bulk' || i, timestamptz '2026-01-05 10:00:00+00'
         FROM generate_series(1, ${BULK}) i`,
    );
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await svc?.stop();
    await tdb?.close();
  });

  it('"Load more" appends each next page in place, and a live refresh keeps every loaded row', async () => {
    await page.goto(`${svc.url}/inbox`);
    await page.getByLabel('API token').fill(TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${svc.url}/inbox`);
    expect(await rows().count()).toBe(PAGE_SIZE);

    await page.getByRole('link', { name: 'Load more conversations' }).click();
    await expect.poll(() => rows().count()).toBe(2 * PAGE_SIZE);
    expect(page.url()).toBe(`${svc.url}/inbox`);
    await page.getByRole('link', { name: 'Load more conversations' }).click();
    await expect.poll(() => rows().count()).toBe(BULK + 1);
    expect(await page.getByRole('link', { name: 'Load more conversations' }).count()).toBe(0);
    expect(await page.locator('#inbox-count').textContent()).toBe(`${BULK + 1} conversations`);
    const names = await rows().locator('a.name').allTextContents();
    expect(new Set(names).size).toBe(BULK + 1);

    // A new conversation arrives live: it shows at the top, and the loaded pages stay.
    await say('late-lead', 'I want to buy a condo', { firstName: 'Omar', lastName: 'Reyes' });
    await page.getByRole('link', { name: 'Omar Reyes' }).waitFor({ timeout: 10_000 });
    expect(await rows().first().locator('a.name').textContent()).toBe('Omar Reyes');
    await expect.poll(() => rows().count()).toBe(BULK + 1);
  });

  it('after signing out, the cookie copied from this browser opens nothing', async () => {
    const copied = (await page.context().cookies()).filter((c) => c.name === 'jorge_session');
    expect(copied).toHaveLength(1);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);

    const other = await browser.newContext();
    await other.addCookies(copied);
    const thief = await other.newPage();
    await thief.goto(`${svc.url}/inbox`);
    expect(new URL(thief.url()).pathname).toBe('/sign-in');
    await thief.getByLabel('API token').waitFor();
    await other.close();
  });
});
