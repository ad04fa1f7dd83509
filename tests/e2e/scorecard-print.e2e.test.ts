/**
 * The scorecard as the facilitator reads and prints it: every name a title (never an id), and
 * the printed PDF naming every expectation and metric, without the trace panel or breadcrumb.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricLabels } from '../../src/engine/report/report-wording';
import { startApp } from './support/app-server';
import type { RunningApp } from './support/app-server';
import { seriousAccessibilityViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { pdfText } from './support/pdf-text';

let app: RunningApp;
let browser: Browser;
let drill: { id: string; facilitatorToken: string };
let expectations: { id: string; title: string }[];

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
  const snapshot = (await call(`/api/drills/${drill.id}`, undefined, drill.facilitatorToken)) as {
    fullScenario: { expectations: { id: string; title: string }[] };
  };
  expectations = snapshot.fullScenario.expectations;
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function openScorecard(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${app.url}/drills/${drill.id}/scorecard#token=${drill.facilitatorToken}`);
  await page.getByRole('heading', { name: 'Expectations' }).waitFor();
  await page.getByTestId('timeline-chart').locator('svg').first().waitFor();
  // The bars grow in for a moment; screenshots and the PDF want them drawn.
  await page.waitForTimeout(1600);
  return page;
}

describe('when the facilitator reads the scorecard', () => {
  it('names every expectation by its title, in the table and on the timeline', async () => {
    const page = await openScorecard();
    const names = await page.locator('button.expectation-name').allTextContents();
    expect(names).toEqual(expectations.map((expectation) => expectation.title));
    const timeline = (await page.getByTestId('timeline-chart').textContent()) ?? '';
    for (const expectation of expectations.filter((item) => item.title !== item.id))
      expect(timeline).not.toContain(expectation.id);
    await page.screenshot({ path: '/tmp/shots-scorecard/scorecard-1440.png', fullPage: true });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('when the facilitator prints the scorecard', () => {
  it('prints every expectation and metric by name, without the trace panel or breadcrumb', async () => {
    const page = await openScorecard();
    // A trace left open on screen must not reach the paper.
    await page.locator('button.expectation-name').first().click();
    await page.getByRole('complementary', { name: /Log entries behind/ }).waitFor();
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: '/tmp/shots-scorecard/scorecard-print.png', fullPage: true });
    const text = pdfText(await page.pdf({ format: 'A4', printBackground: true }));
    const squeezed = text.replace(/\s+/g, '');
    const squeeze = (value: string) => value.replace(/\s+/g, '');
    expect(squeezed).toContain(squeeze('Exercise data'));
    for (const expectation of expectations) expect(squeezed).toContain(squeeze(expectation.title));
    for (const label of Object.values(metricLabels)) expect(squeezed).toContain(squeeze(label));
    expect(squeezed).not.toContain(squeeze('Log entries behind'));
    expect(squeezed).not.toContain(squeeze('Behind “'));
    expect(squeezed).not.toContain(squeeze('Console / scorecard'));
    await page.close();
  });
});
