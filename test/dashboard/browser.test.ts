import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { postJson, startTestService, type TestService } from '../support/service.ts';

/** Debian's chromium (.ci/run installs it); playwright-core never downloads a browser. */
const CHROMIUM = '/usr/bin/chromium';
const TOKEN = 'dashboard-browser-token-0123456789';
/** UPDATE_SCREENSHOTS=1 rewrites docs/screenshots/ from this run. */
const SHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : null;

if (!existsSync(CHROMIUM)) console.warn(`[skip] dashboard browser tests: ${CHROMIUM} is not installed`);

describe.skipIf(!existsSync(CHROMIUM))('the dashboard in a real browser', () => {
  let tdb: TestDb;
  let svc: TestService;
  let browser: Browser;
  let page: Page;
  const shot = async (name: string) => {
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  };
  const say = (contactId: string, message: string, contact?: Record<string, unknown>) =>
    postJson(
      `${svc.url}/api/v1/sandbox/messages`,
      { contactId, message, ...(contact ? { contact } : {}) },
      {
        authorization: `Bearer ${TOKEN}`,
      },
    );

  beforeAll(async () => {
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
    tdb = await pgliteBackend.open();
    svc = await startTestService(tdb, { JORGE_API_TOKEN: TOKEN });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await say('ana', 'Hi, we are looking to buy a 3 bed in Etiwanda under 750k', {
      firstName: 'Ana',
      lastName: 'Ruiz',
      phone: '+19095550111',
    });
  });
  afterAll(async () => {
    await browser?.close();
    await svc?.stop();
    await tdb?.close();
  });

  it('signs in, sees a new conversation arrive live, pauses and resumes, takes over and sends as the agent', async () => {
    await page.goto(`${svc.url}/inbox`);
    await page.getByLabel('API token').waitFor();
    await shot('sign-in');
    await page.getByLabel('API token').fill(TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${svc.url}/inbox`);
    expect(await page.getByRole('link', { name: 'Ana Ruiz' }).count()).toBe(1);

    // A sandbox conversation held while the inbox is open shows up without a reload.
    await say('lucia', 'I want to sell my house at 44 Elm St, how much is it worth?', {
      firstName: 'Lucia',
      lastName: 'Moreno',
      phone: '+19095550122',
    });
    await page.getByRole('link', { name: 'Lucia Moreno' }).waitFor({ timeout: 10_000 });
    await shot('inbox');

    await page.getByRole('link', { name: 'Lucia Moreno' }).click();
    await page.getByRole('heading', { name: 'Lucia Moreno' }).waitFor();
    await page.getByRole('button', { name: 'Pause the bot' }).click();
    await page.getByText('The bot is paused for this contact.').waitFor();
    await page.getByRole('button', { name: 'Resume the bot' }).click();
    await page.getByText('The bot is answering this contact again.').waitFor();

    await page
      .getByLabel('Message to the lead, sent as you')
      .fill('Hi Lucia, this is Jorge. Free for a call at 4?');
    await page.getByRole('button', { name: 'Send as the agent' }).click();
    await page.getByText('Your message is queued').waitFor();
    expect(await page.locator('.bubble.agent').getByText('Free for a call at 4?').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Release to the bot' }).count()).toBe(1);
    // While taken over, the lead's next message gets no bot reply.
    const quiet = await say('lucia', 'yes 4 works');
    expect((quiet.body as { replies: unknown[] }).replies).toEqual([]);
    await page.locator('.bubble.in').getByText('yes 4 works').waitFor({ timeout: 10_000 });
    await shot('contact');
  });

  it('fits a 375 px wide phone screen without sideways scrolling', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    for (const path of ['/inbox', '/contacts/sandbox/lucia']) {
      await page.goto(`${svc.url}${path}`);
      const width = Number(await page.evaluate('document.documentElement.scrollWidth'));
      expect(width, path).toBeLessThanOrEqual(375);
    }
    await page.goto(`${svc.url}/inbox`);
    await shot('inbox-375px');
  });
});
