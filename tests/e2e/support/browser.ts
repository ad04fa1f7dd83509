/** Launches Debian's Chromium through playwright-core, with the flags this sandbox needs. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { repoRoot } from '../../support/fixtures';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.FIREDRILL_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    // Background networking reaches for Google's hosts, which a closed network refuses.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const screenshotDirectory = join(repoRoot, '.artifacts', 'screenshots');

/** Saves a full-page screenshot for a person to look at; the folder is git-ignored. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDirectory, { recursive: true });
  await page.screenshot({ path: join(screenshotDirectory, `${name}.png`), fullPage: true });
}

/** True when the page is wider than the viewport, i.e. a phone would scroll sideways. */
export async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}
