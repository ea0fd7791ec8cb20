import { existsSync, mkdirSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { startTestService, type TestService } from '../support/service.ts';

/** Debian's chromium (.ci/run installs it); playwright-core never downloads a browser. */
const CHROMIUM = '/usr/bin/chromium';
const TOKEN = 'dashboard-scripts-browser-token-0123456789';
/** UPDATE_SCREENSHOTS=1 rewrites docs/screenshots/ from this run. */
const SHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : null;

describe.skipIf(!existsSync(CHROMIUM))('Queues, Scripts, Overview and Simulator in a real browser', () => {
  let tdb: TestDb;
  let svc: TestService;
  let browser: Browser;
  let page: Page;
  const shot = async (name: string) => {
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  };
  const say = async (contactId: string, message: string, contact: Record<string, unknown>) => {
    const res = await fetch(`${svc.url}/api/v1/sandbox/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ contactId, message, contact, tags: ['Seller-Lead'] }),
    });
    expect(res.status).toBe(200);
  };

  beforeAll(async () => {
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
    tdb = await pgliteBackend.open();
    svc = await startTestService(tdb, { JORGE_API_TOKEN: TOKEN, AGENT_PHONE: '+19095550111' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    // A phone's width: every control must still be reachable.
    page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    await say('rosa', 'Hi, I want to sell my house', { firstName: 'Rosa', lastName: 'Diaz' });
    await say('rosa', 'How did you get my number?', { firstName: 'Rosa', lastName: 'Diaz' });
    await say('ben', 'Can I talk to Jorge directly please?', { firstName: 'Ben', lastName: 'Ortiz' });
    await page.goto(`${svc.url}/sign-in?next=%2Fqueues`);
    await page.getByLabel('API token').fill(TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${svc.url}/queues`);
  });
  afterAll(async () => {
    await browser?.close();
    await svc?.stop();
    await tdb?.close();
  });

  it('resolves an escalation from the queue with a note', async () => {
    await page.getByRole('link', { name: 'Ben Ortiz' }).waitFor();
    await shot('queues');
    await page.getByLabel('Resolution note').first().fill('Called Ben, meeting Tuesday');
    await page.getByRole('button', { name: 'Resolve' }).first().click();
    await page.getByText('Resolved; the bot answers this lead again.').waitFor();
    expect(await page.getByRole('link', { name: 'Ben Ortiz' }).count()).toBe(0);
  });

  it('edits an answer and replays saved conversations before publishing', async () => {
    await page.goto(`${svc.url}/scripts`);
    const kb = page.getByLabel("Knowledge base: answers to leads' questions (YAML)");
    const text = await kb.inputValue();
    expect(text).toContain('with a real estate inquiry');
    await kb.fill(text.replace('with a real estate inquiry', 'through a home inquiry you made'));
    await page.getByRole('button', { name: 'Replay saved conversations' }).click();
    await page.getByRole('heading', { name: 'Replay: 1 reply would change' }).waitFor();
    expect(await page.locator('ins').first().textContent()).toContain('through a home inquiry you made');
    await shot('scripts');
  });

  it('shows the overview charts and the simulator', async () => {
    await page.goto(`${svc.url}/overview?sandbox=1`);
    expect(await page.getByRole('img', { name: /New leads by day/ }).count()).toBe(1);
    await shot('overview');
    await page.goto(`${svc.url}/simulator`);
    await page.getByLabel('Message from the lead').fill('Hi, I want to sell my house in Etiwanda');
    await page.getByRole('button', { name: 'Send as the lead' }).click();
    await page.getByText('POST /conversations/messages').first().waitFor();
    await shot('simulator');
  });
});
