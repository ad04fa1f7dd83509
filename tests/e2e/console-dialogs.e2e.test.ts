/**
 * The console's safety around the facilitator's hand, in a real Chromium at laptop size: its
 * dialogs take focus, close on Escape and hand focus back; no shortcut acts under an open
 * dialog; Skip and Retract wait five seconds behind Undo; Fire now is confirmed; a retraction
 * asks its reason and its row says it is pending; axe finds nothing serious anywhere.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousAccessibilityViolations } from './support/axe';
import { saveScreenshot } from './support/browser';
import { openConsole } from './support/console';
import { openRoom } from './support/room';

const room = openRoom();
/** Each test's time limit: the machine is shared by several test runs, and a load can be slow. */
const slowMachine = 120_000;

const latencyAlarm = /CheckoutLatencyP99High/;
const connectionAlarm = /PgBouncerClientsWaiting/;

const phaseOf = async (page: Page) => ((await page.locator('p.phase').textContent()) ?? '').trim();
const activeElementText = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    return active instanceof HTMLElement
      ? `${active.tagName}:${active.getAttribute('aria-label') ?? active.textContent ?? ''}`
      : '';
  });
const openDialogs = (page: Page) => page.locator('dialog[open]').count();
/** Nothing focused: a key pressed now reaches the console's shortcuts, not a button. */
const blur = (page: Page) =>
  page.evaluate(() => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  });

describe('when a console dialog opens', () => {
  it(
    'takes focus, closes on Escape and gives focus back to its opener',
    async () => {
      const page = await openConsole(room, { started: true });
      await page.getByRole('button', { name: 'Note', exact: true }).click();
      const note = page.getByRole('dialog', { name: /^Note at/ });
      await note.waitFor();
      expect(await activeElementText(page)).toBe('TEXTAREA:');
      await page.keyboard.press('Escape');
      await note.waitFor({ state: 'detached' });
      expect(await activeElementText(page)).toBe('BUTTON:Note');

      await page.getByRole('button', { name: 'Severity', exact: true }).click();
      await page.getByRole('dialog', { name: /^Severity declaration/ }).waitFor();
      expect(await activeElementText(page)).toMatch(/^SELECT:/);
      await page.keyboard.press('Escape');
      await expect(openDialogs(page)).resolves.toBe(0);
      expect(await activeElementText(page)).toBe('BUTTON:Severity');
    },
    slowMachine,
  );

  it(
    'keeps Space, ? and the letters from acting underneath it',
    async () => {
      const page = await openConsole(room, { started: true });
      await page.getByRole('button', { name: 'Severity', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: /^Severity declaration/ });
      await dialog.waitFor();
      // Focus on the dialog's button, then on nothing inside it: both must keep the keys.
      await dialog.getByRole('button', { name: 'Cancel' }).focus();
      await page.keyboard.press('?');
      await page.keyboard.press('n');
      await dialog.getByRole('heading').click();
      for (const key of ['Space', '?', 'e', 'n']) await page.keyboard.press(key);
      await page.waitForTimeout(1_000);
      expect(await phaseOf(page)).toBe('running');
      await expect(openDialogs(page)).resolves.toBe(1);
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' }).count()).resolves.toBe(
        0,
      );
      await saveScreenshot(page, 'console-dialog-severity');

      // The same Space with the dialog closed does pause: the check above can fail.
      await page.keyboard.press('Escape');
      await blur(page);
      await page.keyboard.press('Space');
      await page.getByRole('button', { name: 'Resume' }).waitFor();
      expect(await phaseOf(page)).toBe('paused');
    },
    slowMachine,
  );

  it(
    'does not type the N that opened the note into it',
    async () => {
      const page = await openConsole(room, { started: true });
      await blur(page);
      await page.keyboard.press('n');
      await page.getByRole('dialog', { name: /^Note at/ }).waitFor();
      await page.keyboard.type('Wrong room');
      expect(await page.getByRole('textbox', { name: 'Note' }).inputValue()).toBe('Wrong room');
    },
    slowMachine,
  );
});

describe('when the facilitator skips an inject', () => {
  it(
    'shows a five-second Undo toast, then skips it',
    async () => {
      const page = await openConsole(room, { started: true });
      const row = page.locator('.timeline li', { hasText: connectionAlarm });
      const clickedAtMs = Date.now();
      await row.getByRole('button', { name: /^Skip / }).click();
      const toast = page.locator('.undo-toast', { hasText: 'Skipped' });
      expect(await toast.textContent()).toMatch(/^Skipped \[FIRING:2\].* · sent in [45] s/);
      expect(await row.textContent()).toContain('skipping…');
      await saveScreenshot(page, 'console-skip-toast');
      await row.getByText('skipped', { exact: true }).waitFor({ timeout: 10_000 });
      const heldMs = Date.now() - clickedAtMs;
      expect(heldMs).toBeGreaterThanOrEqual(4_500);
      expect(heldMs).toBeLessThan(15_000);
      await expect(toast.count()).resolves.toBe(0);
    },
    slowMachine,
  );

  it(
    'keeps the inject when Undo is pressed',
    async () => {
      const page = await openConsole(room, { started: true });
      const row = page.locator('.timeline li', { hasText: latencyAlarm });
      await row.getByRole('button', { name: /^Skip / }).click();
      await page.locator('.undo-toast').getByRole('button', { name: 'Undo' }).click();
      await row.getByRole('button', { name: /^Skip / }).waitFor();
      await page.waitForTimeout(6_000);
      expect(await row.textContent()).not.toContain('skipped');
      await row.getByRole('button', { name: /^Fire now: / }).waitFor();
    },
    slowMachine,
  );
});

describe('when the facilitator fires an inject now', () => {
  it(
    'asks first, Cancel focused, and fires only on confirmation',
    async () => {
      const page = await openConsole(room, { started: true });
      const fireNow = page.getByRole('button', { name: /^Fire now: \[FIRING:1\]/ });
      await fireNow.click();
      const confirm = page.getByRole('dialog', { name: /^Fire “\[FIRING:1\].*” now\?$/ });
      await confirm.waitFor();
      expect(await activeElementText(page)).toBe('BUTTON:Cancel');
      await page.keyboard.press('Escape');
      await confirm.waitFor({ state: 'detached' });
      expect(await activeElementText(page)).toMatch(/^BUTTON:Fire now: \[FIRING:1\]/);
      await page.waitForTimeout(500);
      await expect(page.locator('.feed-item', { hasText: latencyAlarm }).count()).resolves.toBe(0);

      await fireNow.click();
      await confirm.getByRole('button', { name: 'Fire now' }).click();
      await page.locator('.feed-item', { hasText: latencyAlarm }).first().waitFor();
    },
    slowMachine,
  );
});

describe('when the facilitator retracts an entry', () => {
  it(
    'asks a reason, marks the row while Undo is possible, then retracts',
    async () => {
      const page = await openConsole(room, { started: true });
      await page.getByRole('button', { name: 'Note', exact: true }).click();
      await page.getByRole('textbox', { name: 'Note' }).fill('Ana joined the bridge');
      await page.getByRole('button', { name: 'Record', exact: true }).click();
      const row = page.locator('.feed-item', { hasText: 'Ana joined the bridge' });
      await row.waitFor();

      const retract = async () => {
        await row.getByRole('button', { name: /^Retract entry/ }).click();
        const dialog = page.getByRole('dialog', { name: /^Retract “Note/ });
        await dialog.waitFor();
        expect(await activeElementText(page)).toBe('TEXTAREA:');
        const submit = dialog.getByRole('button', { name: 'Retract' });
        await expect(submit.isDisabled()).resolves.toBe(true);
        await page.keyboard.type('recorded in the wrong drill');
        await submit.click();
        await dialog.waitFor({ state: 'detached' });
      };
      await retract();
      expect(await row.textContent()).toContain('retracting — Undo');
      await row.getByRole('button', { name: 'Undo' }).click();
      await row.getByRole('button', { name: /^Retract entry/ }).waitFor();
      expect(await row.getAttribute('class')).not.toContain('retract');

      await retract();
      await saveScreenshot(page, 'console-retracting');
      // While it is held (the check may outlast the five seconds on a loaded machine).
      expect(await seriousAccessibilityViolations(page, '.console-grid'), 'retracting').toEqual([]);
      await page
        .locator('.feed-item.retracted', { hasText: 'Ana joined the bridge' })
        .waitFor({ timeout: 15_000 });
      expect(await seriousAccessibilityViolations(page), 'retracted').toEqual([]);
    },
    2 * slowMachine,
  );
});

describe('when axe checks the whole console', () => {
  it(
    'finds nothing serious in briefing, running, paused, with a dialog open, and ended',
    async () => {
      const page = await openConsole(room, { started: false });
      const check = async (when: string) => {
        await saveScreenshot(page, `console-axe-${when}`);
        expect(await seriousAccessibilityViolations(page), when).toEqual([]);
      };
      await check('briefing');
      await page.getByRole('button', { name: 'Start drill' }).click();
      await page.getByRole('button', { name: 'Pause' }).waitFor();
      await page.getByRole('button', { name: /^Fire now: \[FIRING:1\]/ }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Fire now' }).click();
      await page.locator('.feed-item', { hasText: latencyAlarm }).first().waitFor();
      await check('running');
      await blur(page);
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      await check('shortcuts');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Space');
      await page.getByRole('button', { name: 'Resume' }).waitFor();
      await check('paused');
      await page.getByRole('button', { name: 'Resume' }).click();
      await page.getByRole('button', { name: 'Record escalation' }).click();
      await page.getByRole('dialog').waitFor();
      await check('dialog');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'End drill' }).click();
      await page.getByRole('heading', { name: /^Result:/ }).waitFor();
      // No countdown frozen at the end (the latency alarm's expectation was still running).
      await page.getByText('The drill is over: nothing is due any more.').waitFor();
      await check('ended');
    },
    3 * slowMachine,
  );
});
