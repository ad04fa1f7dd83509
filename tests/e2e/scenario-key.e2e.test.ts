/**
 * A server open to the network (`serve --host 0.0.0.0 --key K`) asks for its facilitator
 * key. A browser that does not hold it, opening a scenario page, its guide, the library or
 * History, is told so in a sentence and offered a field for the key: the right key is kept
 * and the page loads; a wrong one is refused in words and nothing is stored.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { startApp } from './support/app-server';
import type { RunningApp } from './support/app-server';
import { launchBrowser } from './support/browser';

let app: RunningApp;
let browser: Browser;
const shots = '/tmp/shots-lib';

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp({ lan: true }), launchBrowser()]);
  mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function freshBrowser(path: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${app.url}${path}`);
  return { context, page };
}

const storedKey = (page: Page) => page.evaluate(() => localStorage.getItem('firedrill.key'));
const prompt = (page: Page) => page.getByRole('heading', { name: 'The facilitator key is needed' });

describe('when a browser without the key opens a scenario page', () => {
  it('asks for the key, keeps the one the server accepts, and loads the page', async () => {
    const { context, page } = await freshBrowser('/scenarios/db-failover-sev2');
    await prompt(page).waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('firedrill serve');
    expect(text).not.toContain('the facilitator key is required');
    expect(text).not.toContain('could not be loaded');
    await page.screenshot({ path: `${shots}/key-prompt.png`, fullPage: true });
    await page.getByLabel('Facilitator key', { exact: true }).fill(app.key);
    await page.getByRole('button', { name: 'Use this key' }).click();
    await page.getByRole('heading', { name: 'Primary database failover under load' }).waitFor();
    await expect(storedKey(page)).resolves.toBe(app.key);
    await page.goto(`${app.url}/scenarios/db-failover-sev2/guide`);
    await page.getByLabel("Facilitator's guide").waitFor();
    await context.close();
  });
});

describe('when the key typed in is wrong', () => {
  it('says the server did not accept it and stores nothing', async () => {
    const { context, page } = await freshBrowser('/scenarios/db-failover-sev2/guide');
    await prompt(page).waitFor();
    await page.getByLabel('Facilitator key', { exact: true }).fill(`${app.key}-wrong`);
    await page.getByRole('button', { name: 'Use this key' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toBe(
      'The server did not accept that key. Check it against the link firedrill serve printed, and try again.',
    );
    await expect(storedKey(page)).resolves.toBeNull();
    await expect(prompt(page).count()).resolves.toBe(1);
    await page.screenshot({ path: `${shots}/key-prompt-wrong.png`, fullPage: true });
    await context.close();
  });
});

describe('when a browser without the key opens the library or History', () => {
  it('asks for the key the same way on each', async () => {
    for (const path of ['/', '/history']) {
      const { context, page } = await freshBrowser(path);
      await prompt(page).waitFor();
      await page.getByLabel('Facilitator key', { exact: true }).waitFor();
      await context.close();
    }
  });
});

describe('when the browser opens the link serve printed', () => {
  it('keeps the key from the fragment and shows the scenario without asking', async () => {
    const { context, page } = await freshBrowser(`/#key=${app.key}`);
    await page.getByTestId('scenario-card').first().waitFor();
    await page.goto(`${app.url}/scenarios/db-failover-sev2`);
    await page.getByRole('heading', { name: 'Primary database failover under load' }).waitFor();
    await expect(prompt(page).count()).resolves.toBe(0);
    await context.close();
  });
});
