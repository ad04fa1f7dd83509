/** The scenario library as a facilitator first sees it, in a real Chromium. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/fixtures';
import { startApp } from './support/app-server';
import type { RunningApp } from './support/app-server';
import { launchBrowser, saveScreenshot, scrollsSideways } from './support/browser';

const shippedCount = readdirSync(join(repoRoot, 'scenarios')).filter((name) =>
  /\.ya?ml$/.test(name),
).length;
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('the scenario library page', () => {
  it('lists every shipped scenario with its mode, duration and tags', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(app.url);
    await page.getByRole('heading', { name: 'Scenario library' }).waitFor();
    await page.getByRole('status').waitFor();
    expect(await page.getByTestId('scenario-card').count()).toBe(shippedCount);
    expect(await page.getByRole('alert').count()).toBe(0);
    await expect(
      page.getByTestId('scenario-card').getByText('Game day', { exact: true }).first().isVisible(),
    ).resolves.toBe(true);
    await saveScreenshot(page, 'library-desktop');
    await page.close();
  });

  it('filters the list as the facilitator types', async () => {
    const page = await browser.newPage();
    await page.goto(app.url);
    await page.getByRole('searchbox', { name: 'Search scenarios' }).fill('gameday');
    // The two AWS FIS game days.
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/^2 of \d+ scenarios$/);
    await page
      .getByRole('searchbox', { name: 'Search scenarios' })
      .fill('no such scenario anywhere');
    await page.getByText('No scenario matches').waitFor();
    await page.close();
  });

  it('fits a 360 px phone without scrolling sideways', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
    await page.goto(app.url);
    await page.getByTestId('scenario-card').first().waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await page.setViewportSize({ width: 390, height: 844 });
    await saveScreenshot(page, 'library-phone');
    await page.close();
  });
});
