/**
 * A format v2 drill in the room, in a real Chromium: the projector shows the scene and the
 * story time in the story's time zone, an alert that `pages` reaches the on-call's phone as
 * a system page with Acknowledge, the console sees the acknowledgement, and the scorecard
 * shows each expectation's kind in words and the recurring status updates.
 */
import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './support/browser';
import { openRoom, phone } from './support/room';

const room = openRoom();
const { newPage } = room;
const title = 'The wrong host — a production database deleted at midnight';

describe('a format v2 drill', () => {
  it('shows the scene and story time, pages the phone, and scores every kind', async () => {
    const console = await newPage({ viewport: { width: 1400, height: 900 } });
    await console.goto(room.url());
    await console.getByRole('link', { name: title }).click();
    await console.getByRole('heading', { name: title }).waitFor();
    // The scenario page says what each expectation asks, whatever its kind.
    await console.getByText('Declare SEV1 or worse').waitFor();
    await console.getByRole('button', { name: 'Start drill…' }).click();
    await console.getByLabel('Team name').fill('Night shift');
    await console.getByRole('button', { name: 'Create drill' }).click();
    await console.waitForURL(/\/drills\/[^/]+$/);
    const code = (await console.locator('.join-code').textContent())?.trim() ?? '';

    const oncall = await newPage(phone);
    await oncall.goto(`${room.url()}/join/${code}`);
    await oncall.getByLabel('Your name').fill('Ana');
    await oncall
      .getByRole('radio', { name: 'Database engineer on call (ran the command)' })
      .check();
    // Audiences are published to, never joined: the status page is not offered.
    await expect(oncall.getByRole('radio', { name: /status page/i }).count()).resolves.toBe(0);
    await oncall.getByRole('button', { name: 'Join' }).click();
    await oncall.getByRole('button', { name: 'Escalate' }).waitFor();

    await console.getByRole('button', { name: 'Start drill' }).click();
    await console.getByRole('button', { name: 'Pause' }).waitFor();
    const projectorHref = await console
      .getByRole('link', { name: 'Open the projector view' })
      .getAttribute('href');
    const projector = await console.context().newPage();
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await projector.goto(`${room.url()}${projectorHref}`);
    await projector.getByLabel('Phase').getByText('Scene 1: the wrong host').waitFor();
    // Midnight in Amsterdam on 1 February 2017: the story's clock, not the room's.
    await expect(projector.getByLabel('Story time').textContent()).resolves.toMatch(
      /00:0\d.*1 Feb 2017.*CET/,
    );

    // The facilitator brings the database alarm forward; it pages the database path.
    await console.getByRole('button', { name: /^Fire now: \[FIRING\] PostgreSQLDown/ }).click();
    await console.getByRole('dialog').getByRole('button', { name: 'Fire now' }).click();
    await oncall.locator('.pager', { hasText: 'PostgreSQLDown' }).waitFor();
    await saveScreenshot(oncall, 'v2-system-page-phone');
    await oncall.getByRole('button', { name: 'Acknowledge' }).click();
    await oncall.locator('.pager').waitFor({ state: 'detached' });
    await console
      .getByText(/acknowledged/)
      .first()
      .waitFor();
    await saveScreenshot(projector, 'v2-projector-desktop');
    await saveScreenshot(console, 'v2-console-desktop');

    await console.getByRole('button', { name: 'End drill' }).click();
    await console.getByRole('heading', { name: /^Result:/ }).waitFor();
    await console.getByRole('link', { name: 'Open the scorecard' }).click();
    await console.getByRole('heading', { name: 'Expectations' }).waitFor();
    await console.getByText('Decide restore-path').waitFor();
    await console.getByText('Declare SEV1 or worse').waitFor();
    await saveScreenshot(console, 'v2-scorecard-desktop');
  });
});
