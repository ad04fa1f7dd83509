/**
 * api.md v2: the server's facilitator key is a facilitator token for every drill. A second
 * browser that holds only the key (a co-facilitator, a new laptop) opens a drill it did not
 * create from History: its scorecard and its console. A browser without the key is refused.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { startApp } from './support/app-server';
import type { RunningApp } from './support/app-server';
import { launchBrowser } from './support/browser';
import { seriousAccessibilityViolations } from './support/axe';

let app: RunningApp;
let browser: Browser;
let drill: { id: string; facilitatorToken: string };
const shots = '/tmp/shots-console-info';

async function call(path: string, body: unknown, token: string): Promise<unknown> {
  const response = await fetch(`${app.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  mkdirSync(shots, { recursive: true });
  drill = (await call(
    '/api/drills',
    { scenario: 'db-failover-sev2', seed: 3, team: 'Blue' },
    app.key,
  )) as typeof drill;
  const act = (action: unknown) =>
    call(`/api/drills/${drill.id}/actions`, action, drill.facilitatorToken);
  await act({ start: {} });
  await act({ fire_inject: { inject: 'latency-alarm' } });
  await act({ end: {} });
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function secondBrowser(withKey: boolean): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${app.url}/history${withKey ? `#key=${app.key}` : ''}`);
  await page.getByRole('link', { name: 'Scorecard' }).first().waitFor();
  return { context, page };
}

describe('when a second browser holds only the server key', () => {
  it('opens the scorecard from History and the console of a drill it did not create', async () => {
    const { context, page } = await secondBrowser(true);
    await page.getByRole('link', { name: 'Scorecard' }).first().click();
    await page.getByRole('heading', { name: 'Expectations' }).waitFor();
    await page.screenshot({ path: `${shots}/scorecard-by-key.png`, fullPage: true });
    await page.goto(`${app.url}/drills/${drill.id}`);
    await page.getByRole('heading', { name: /Result/ }).waitFor();
    await expect(page.getByText('does not hold the facilitator token').count()).resolves.toBe(0);
    const result = (await page.locator('.result').textContent()) ?? '';
    expect(result).toContain('Page the incident commander');
    expect(result).not.toMatch(/page-ic|\/api\//);
    await page.getByRole('link', { name: 'Write the debrief' }).waitFor();
    await expect(
      page.getByRole('textbox', { name: 'Share facilitator link' }).count(),
    ).resolves.toBe(0);
    await page.screenshot({ path: `${shots}/console-by-key.png`, fullPage: true });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('when a drill runs and an expectation’s clock is running', () => {
  it('shows the console header and the action expected next to the key holder', async () => {
    const running = (await call(
      '/api/drills',
      { scenario: 'db-failover-sev2', seed: 5, team: 'Green' },
      app.key,
    )) as typeof drill;
    const act = (action: unknown) => call(`/api/drills/${running.id}/actions`, action, app.key);
    await act({ start: {} });
    await act({ fire_inject: { inject: 'latency-alarm' } });
    const { context, page } = await secondBrowser(true);
    await page.goto(`${app.url}/drills/${running.id}`);
    await page
      .getByText(/^Expected next: escalate to /)
      .first()
      .waitFor();
    const facts = (await page.getByLabel('This run').textContent()) ?? '';
    expect(facts).toContain('TeamGreen');
    expect(facts).toContain('Seed5');
    await page.screenshot({ path: `${shots}/console-running.png` });
    await act({ end: {} });
    await context.close();
  });
});

describe('when the creating browser shares the console', () => {
  it('offers its own token as a facilitator link that opens the console elsewhere', async () => {
    const first = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await first.newPage();
    await page.goto(`${app.url}/drills/${drill.id}#token=${drill.facilitatorToken}`);
    const field = page.getByRole('textbox', { name: 'Share facilitator link' });
    const link = await field.inputValue();
    expect(link).toBe(`${app.url}/drills/${drill.id}#token=${drill.facilitatorToken}`);
    await page.getByRole('heading', { name: /Result/ }).waitFor();
    await page.screenshot({ path: `${shots}/console-facilitator.png` });
    const other = await browser.newContext();
    const shared = await other.newPage();
    await shared.goto(link);
    await shared.getByRole('heading', { name: /Result/ }).waitFor();
    await Promise.all([first.close(), other.close()]);
  });
});

describe('when a second browser holds neither the key nor the drill token', () => {
  it('cannot read the scorecard', async () => {
    const { context, page } = await secondBrowser(false);
    await page.getByRole('link', { name: 'Scorecard' }).first().click();
    await page.locator('.alert').first().waitFor();
    await expect(page.getByRole('heading', { name: 'Expectations' }).count()).resolves.toBe(0);
    await context.close();
  });
});
