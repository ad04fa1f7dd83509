/**
 * The after-action report's print form: the scorecard's Share menu opens the report view,
 * which axe finds clean, and its printed PDF holds every section of the HSEEP outline, the
 * exercise mark, the player who joined and the improvement plan, without the navigation.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aarSectionTitles } from '../../src/engine/report/build-aar';
import { startApp } from './support/app-server';
import type { RunningApp } from './support/app-server';
import { seriousAccessibilityViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { pdfText } from './support/pdf-text';

let app: RunningApp;
let browser: Browser;
let drill: { id: string; facilitatorToken: string; joinCode: string };

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
  await call('/api/join', { code: drill.joinCode, name: 'Ana Lopez', roles: ['oncall'] });
  const act = (action: unknown) =>
    call(`/api/drills/${drill.id}/actions`, action, drill.facilitatorToken);
  await act({ start: {} });
  await act({ fire_inject: { inject: 'latency-alarm' } });
  await act({ end: {} });
  await act({ debrief: { kind: 'went_well', text: 'The page went out at once' } });
  await act({
    debrief: { kind: 'action_item', text: 'Write the failover runbook', owner: 'Ana' },
  });
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('when the facilitator opens the after-action report from the Share menu', () => {
  it('shows the report, clean for axe, and prints every section by name', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${app.url}/drills/${drill.id}/scorecard#token=${drill.facilitatorToken}`);
    await page.getByRole('link', { name: /After-action report/ }).click();
    await page.getByRole('heading', { level: 1, name: /After-action report/ }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/shots-aar/report-1366.png', fullPage: true });

    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: '/tmp/shots-aar/report-print.png', fullPage: true });
    const squeeze = (value: string) => value.replace(/\s+/g, '');
    const printed = squeeze(pdfText(await page.pdf({ format: 'A4', printBackground: true })));
    for (const title of aarSectionTitles) expect(printed).toContain(squeeze(title));
    expect(printed).toContain(squeeze('Exercise data'));
    expect(printed).toContain(squeeze('Ana Lopez'));
    expect(printed).toContain(squeeze('Write the failover runbook'));
    expect(printed).toContain(squeeze('The page went out at once'));
    expect(printed).not.toContain(squeeze('Console / scorecard'));
    expect(printed).not.toContain(squeeze('Escalation is encouraged'));
    await page.close();
  });
});
