/** After the drill: the scorecard with its charts and traces, the debrief, and history. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from './support/app-server';
import type { RunningApp } from './support/app-server';
import { seriousAccessibilityViolations } from './support/axe';
import { launchBrowser, saveScreenshot } from './support/browser';

let app: RunningApp;
let browser: Browser;
let drill: { id: string; facilitatorToken: string };

async function call(path: string, body?: unknown, token?: string): Promise<unknown> {
  const response = await fetch(`${app.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  drill = (await call('/api/drills', {
    scenario: 'db-failover-sev2',
    seed: 3,
    team: 'Blue',
  })) as typeof drill;
  const act = (action: unknown) =>
    call(`/api/drills/${drill.id}/actions`, action, drill.facilitatorToken);
  await act({ start: {} });
  await act({ fire_inject: { inject: 'latency-alarm' } });
  await act({
    escalate: {
      from: 'oncall',
      to: 'ic',
      channel: 'page',
      message: { situation: 'p99 at 4 s', ask: 'take command' },
    },
  });
  await act({ ack: { by: 'ic' } });
  await act({ end: {} });
  // A second run of the same scenario, by a team that said nothing, to compare with.
  const quiet = (await call('/api/drills', {
    scenario: 'db-failover-sev2',
    seed: 3,
    team: 'Green',
  })) as typeof drill;
  await call(`/api/drills/${quiet.id}/actions`, { start: {} }, quiet.facilitatorToken);
  await call(`/api/drills/${quiet.id}/actions`, { end: {} }, quiet.facilitatorToken);
  // And one stopped part-way, which History lists without a score and out of the trends.
  const stopped = (await call('/api/drills', {
    scenario: 'db-failover-sev2',
    seed: 3,
    team: 'Amber',
  })) as typeof drill;
  await call(`/api/drills/${stopped.id}/actions`, { start: {} }, stopped.facilitatorToken);
  await call(`/api/drills/${stopped.id}/actions`, { abort: {} }, stopped.facilitatorToken);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function openScorecard(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${app.url}/drills/${drill.id}/scorecard#token=${drill.facilitatorToken}`);
  await page.getByRole('heading', { name: 'Expectations' }).waitFor();
  return page;
}

describe('the scorecard page', () => {
  it('shows every expectation with its verdict in words and shapes, and marks the drill as an exercise', async () => {
    const page = await openScorecard();
    expect(await page.locator('tbody tr').count()).toBe(7); // db-failover-sev2's expectations
    await expect(
      page.locator('tr.verdict-on_time td.verdict').first().textContent(),
    ).resolves.toContain('✔ on time');
    await expect(page.getByText('not real incident metrics').first().isVisible()).resolves.toBe(
      true,
    );
    await page.close();
  });

  it('draws a band for each triggered expectation’s target and deadline, and a mark per escalation and inject', async () => {
    const page = await openScorecard();
    const timeline = page.getByTestId('timeline-chart');
    await timeline.locator('.recharts-scatter-symbol').first().waitFor();
    // The latency alarm triggers page-ic and declare-incident and, once page-ic is met,
    // notify-comms.
    const triggered = 3;
    expect(await timeline.locator('.recharts-reference-area').count()).toBe(2 * triggered);
    const injectsFired = 4; // three dashboards at 0s and the latency alarm
    const escalated = 1;
    expect(await timeline.locator('.recharts-scatter-symbol').count()).toBe(
      injectsFired + escalated,
    );
    await saveScreenshot(page, 'scorecard-desktop');
    await page.emulateMedia({ media: 'print' });
    await saveScreenshot(page, 'scorecard-print');
    await page.close();
  });

  it('shows the log entries behind an expectation when it is selected', async () => {
    const page = await openScorecard();
    await page
      .getByRole('button', {
        name: 'Page the incident commander within 5 minutes of the latency alarm',
      })
      .click();
    const traced = await page.getByTestId('trace-entry').allTextContents();
    expect(traced).toHaveLength(2);
    expect(traced[0]).toMatch(/inject\.fired/);
    expect(traced[1]).toMatch(/escalation\.recorded.*from oncall · to ic/);
    await page.close();
  });

  it('adds to the debrief, and keeps it', async () => {
    const page = await openScorecard();
    await page.getByLabel('Kind').selectOption('action_item');
    await page.getByLabel('What', { exact: true }).fill('Add the DBA rota to the paging policy');
    await page.getByLabel('Owner', { exact: true }).fill('Ana');
    await page.getByRole('button', { name: 'Add to the debrief' }).click();
    await page.getByText('Add the DBA rota to the paging policy').waitFor();
    await page.reload();
    await page.getByText('Add the DBA rota to the paging policy').waitFor();
    await saveScreenshot(page, 'debrief-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await saveScreenshot(page, 'scorecard-phone');
    await page.close();
  });
});

describe('the history page', () => {
  it('lists the drill with its overall score', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${app.url}/history`);
    await page.getByRole('cell', { name: 'db-failover-sev2' }).first().waitFor();
    await expect(page.getByRole('cell', { name: 'Blue' }).count()).resolves.toBeGreaterThan(0);
    for (const box of await page.getByRole('checkbox', { name: /^Compare db-failover-sev2/ }).all())
      await box.check();
    const comparison = page.getByTestId('comparison');
    await comparison.waitFor();
    await expect(comparison.locator('thead th').allTextContents()).resolves.toEqual([
      '',
      expect.stringMatching(/^(Blue|Green), /),
      expect.stringMatching(/^(Blue|Green), /),
      'Change',
    ]);
    await expect(comparison.locator('tr', { hasText: 'page-ic' }).textContent()).resolves.toMatch(
      /on time/,
    );
    await saveScreenshot(page, 'history-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await saveScreenshot(page, 'history-phone');
    await page.close();
  });
});

describe('the history page, for accessibility', () => {
  it('has no serious or critical axe violation, an aborted row said once and scored nowhere', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${app.url}/history`);
    const aborted = page.getByRole('row', { name: /Amber/ });
    await aborted.waitFor();
    await expect(aborted.locator('td').nth(3).textContent()).resolves.toBe(
      'aborted (not in trends)',
    );
    await expect(aborted.locator('td').nth(4).textContent()).resolves.toBe('—');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });
});
