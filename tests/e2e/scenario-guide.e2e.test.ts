/**
 * What a facilitator prepares with, in a real Chromium: the library's filters, the scenario
 * page (briefing, roles, every inject with its body, expectations in words, decisions,
 * sources) and the printable facilitator's guide.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectationSentence } from '../../src/scenario/guide/expectation-words';
import { loadScenarioText } from '../../src/scenario/load-scenario';
import type { Scenario } from '../../src/scenario/types';
import { repoRoot } from '../support/fixtures';
import { startApp } from './support/app-server';
import type { RunningApp } from './support/app-server';
import { launchBrowser, saveScreenshot, scrollsSideways } from './support/browser';

const library: Scenario[] = readdirSync(join(repoRoot, 'scenarios'))
  .filter((name) => name.endsWith('.yaml'))
  .flatMap((name) => {
    const file = `scenarios/${name}`;
    const loaded = loadScenarioText(readFileSync(join(repoRoot, file), 'utf8'), file);
    return loaded.ok ? [loaded.scenario] : [];
  });
const richest = (pick: (scenario: Scenario) => number) =>
  [...library].sort((a, b) => pick(b) - pick(a))[0];
const withDecisions = richest((scenario) => scenario.decisions.length + scenario.phases.length);
const withSources = library.find((scenario) => scenario.sources.length > 0);

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('when the facilitator filters the library', () => {
  it('shows only the scenarios of the chosen mode and difficulty', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(app.url);
    await page.getByTestId('scenario-card').first().waitFor();
    await page.getByLabel('Mode').selectOption('gameday');
    const gamedays = library.filter(({ mode }) => mode === 'gameday').length;
    await expect(page.getByRole('status').textContent()).resolves.toBe(
      `${gamedays} of ${library.length} scenarios`,
    );
    await page.getByLabel('Mode').selectOption('');
    await page.getByLabel('Difficulty').selectOption('unrated');
    const unrated = library.filter(({ difficulty }) => difficulty === null).length;
    await expect(page.getByRole('status').textContent()).resolves.toBe(
      `${unrated} of ${library.length} scenarios`,
    );
    await page.getByLabel('Difficulty').selectOption('');
    await page.getByLabel('Duration').selectOption('short');
    const short = library.filter(({ durationMs }) => durationMs <= 20 * 60_000).length;
    await expect(page.getByRole('status').textContent()).resolves.toBe(
      `${short} of ${library.length} scenarios`,
    );
    await page.close();
  });
});

describe('when the facilitator opens a scenario to prepare', () => {
  it('shows the briefing, every inject with its body, and the expectations in words', async () => {
    if (withDecisions === undefined) throw new Error('no shipped scenario');
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${app.url}/scenarios/${withDecisions.id}`);
    await page.getByRole('heading', { name: 'Briefing' }).waitFor();
    expect(await page.getByTestId('scenario-inject').count()).toBe(withDecisions.injects.length);
    const first = withDecisions.expectations[0];
    if (first === undefined) throw new Error(`${withDecisions.id} has no expectations`);
    await page.getByText(expectationSentence(withDecisions, first)).waitFor();
    await page.getByRole('heading', { name: 'Decisions' }).waitFor();
    await page.getByRole('heading', { name: 'Scoring weights' }).waitFor();
    await saveScreenshot(page, 'scenario-page-laptop');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await scrollsSideways(page)).toBe(false);
    await saveScreenshot(page, 'scenario-page-phone');
    await page.close();
  });

  it('links the sources the story is based on', async () => {
    const source = withSources?.sources[0];
    if (withSources === undefined || source === undefined)
      throw new Error('no shipped scenario names its sources');
    const page = await browser.newPage();
    await page.goto(`${app.url}/scenarios/${withSources.id}`);
    await page.getByRole('link', { name: source.title }).waitFor();
    await expect(page.getByRole('link', { name: source.title }).getAttribute('href')).resolves.toBe(
      source.url,
    );
    await page.close();
  });
});

describe('when the facilitator prints the guide', () => {
  it('shows the master events list and the questions per phase, without the app chrome', async () => {
    if (withDecisions === undefined) throw new Error('no shipped scenario');
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${app.url}/scenarios/${withDecisions.id}`);
    await page.getByRole('link', { name: "Facilitator's guide" }).click();
    await page.getByRole('heading', { name: 'Master scenario events list' }).waitFor();
    await page.getByRole('columnheader', { name: 'What the facilitator says or asks' }).waitFor();
    await page.getByRole('heading', { name: 'Discussion questions' }).first().waitFor();
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: 'Print…' }).isVisible()).resolves.toBe(false);
    await saveScreenshot(page, 'guide-print');
    await page.close();
  });
});
