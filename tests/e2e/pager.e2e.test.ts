/**
 * The phone as a pager, in a real Chromium at 390×844: a phone joins by picking a role and
 * waits for the start; an alert pages the on-call, who acknowledges from the sticky banner at
 * the top (still in sight with the page scrolled); the escalate form opens on the next level
 * up; offline shows within 3 s; the pause and the end show at the top too; and axe finds
 * nothing serious in any of those states.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousAccessibilityViolations } from './support/axe';
import { saveScreenshot } from './support/browser';
import { openRoom, phone } from './support/room';

const room = openRoom();

interface CreatedDrill {
  readonly id: string;
  readonly joinCode: string;
  readonly facilitatorToken: string;
}

async function createDrill(): Promise<CreatedDrill> {
  const response = await fetch(`${room.url()}/api/drills`, {
    method: 'POST',
    headers: { authorization: 'Bearer e2e-key', 'content-type': 'application/json' },
    body: JSON.stringify({ scenario: 'gitlab-database-deletion', team: 'Night shift' }),
  });
  expect(response.ok).toBe(true);
  return (await response.json()) as CreatedDrill;
}

async function facilitate(drill: CreatedDrill, action: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${room.url()}/api/drills/${drill.id}/actions`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${drill.facilitatorToken}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(action),
  });
  expect(response.ok, await response.clone().text()).toBe(true);
}

const attention = (page: Page) => page.getByLabel('Needs your attention');

describe('the pager', () => {
  it('waits, pages the on-call, takes the acknowledgement from the top, and shows pause and end', async () => {
    const drill = await createDrill();
    const oncall = await room.newPage(phone);
    await oncall.goto(`${room.url()}/join/${drill.joinCode}`);
    await oncall.getByLabel('Your name').fill('Ana');
    await oncall
      .getByRole('radio', { name: 'Database engineer on call (ran the command)' })
      .check();
    await oncall.getByRole('button', { name: 'Join' }).click();

    // Before the start: what the drill is, and whom Ana plays, by name.
    await oncall.getByText('Waiting for the facilitator to start the drill').waitFor();
    await oncall
      .locator('.participant-head')
      .getByText('Database engineer on call (ran the command)')
      .waitFor();
    await oncall.getByText('You are paged first on the database path', { exact: false }).waitFor();
    expect(await seriousAccessibilityViolations(oncall)).toEqual([]);

    await facilitate(drill, { start: {} });
    await oncall.getByText('Waiting for the facilitator to start the drill').waitFor({
      state: 'detached',
    });

    // The alarm pages the database path: the on-call's phone shows it at the top.
    await facilitate(drill, { fire_inject: { inject: 'db1-down' } });
    const page = attention(oncall).locator('.pager', { hasText: 'PostgreSQLDown' });
    await page.waitFor();
    await saveScreenshot(oncall, 'pager-page-phone');
    expect(await seriousAccessibilityViolations(oncall)).toEqual([]);
    // Sticky: scrolled to the bottom of the feed, the page and its button are still in sight.
    await oncall.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const acknowledge = page.getByRole('button', { name: 'Acknowledge' });
    const box = await acknowledge.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= 844).toBe(true);
    expect(box && box.height >= 44).toBe(true);
    await acknowledge.click();
    await page.waitFor({ state: 'detached' });
    await oncall
      .getByLabel('Drill feed')
      .getByText(/acknowledged/)
      .first()
      .waitFor();

    // The escalate form: the next level up by default, and nothing serious for axe.
    await oncall.getByRole('button', { name: 'Escalate' }).click();
    await expect(oncall.getByLabel('Escalate to').inputValue()).resolves.toBe('infra-lead');
    expect(await seriousAccessibilityViolations(oncall)).toEqual([]);
    await oncall.getByRole('button', { name: 'Cancel' }).click();

    // Offline: the banner says so within 3 s, and counts the tick that waits.
    await oncall.context().setOffline(true);
    await oncall
      .getByText('No connection to the drill', { exact: false })
      .waitFor({ timeout: 3_000 });
    await oncall.getByRole('checkbox').first().click();
    await oncall.getByText('1 action waits and will be sent', { exact: false }).waitFor();
    await oncall.context().setOffline(false);
    await oncall.getByText('No connection to the drill', { exact: false }).waitFor({
      state: 'detached',
    });

    await facilitate(drill, { pause: {} });
    await attention(oncall).getByText('Paused', { exact: true }).waitFor();
    await attention(oncall)
      .getByText('The facilitator paused the drill.', { exact: false })
      .waitFor();
    expect(await seriousAccessibilityViolations(oncall)).toEqual([]);

    await facilitate(drill, { end: {} });
    await attention(oncall).getByText('Drill ended').waitFor();
    const scorecard = attention(oncall).getByRole('link', { name: 'See the scorecard' });
    await expect(scorecard.getAttribute('href')).resolves.toBe(`/drills/${drill.id}/scorecard`);
    expect(await seriousAccessibilityViolations(oncall)).toEqual([]);
    await scorecard.click();
    await oncall.getByRole('heading', { name: 'Expectations' }).waitFor();
  });
});
