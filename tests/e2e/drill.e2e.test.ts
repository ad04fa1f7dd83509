/**
 * A drill in the room, end to end in a real Chromium: the facilitator starts it, two
 * participants join from their phones, one escalates, the escalation reaches the console and
 * the projector, the target acknowledges, and the facilitator ends the drill and sees the result.
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { saveScreenshot, scrollsSideways } from './support/browser';
import { openRoom, phone } from './support/room';

const room = openRoom();
const { newPage } = room;

function decodeQr(dataUrl: string): string | null {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

describe('a drill from start to result', () => {
  it('runs through console, projector and two phones, in order', async () => {
    const console = await newPage({ viewport: { width: 1400, height: 900 } });
    await console.goto(room.url());
    await console.getByRole('link', { name: 'Primary database failover under load' }).click();
    await console.getByRole('heading', { name: 'Primary database failover under load' }).waitFor();
    await saveScreenshot(console, 'scenario-desktop');
    await console.setViewportSize({ width: 390, height: 844 });
    await saveScreenshot(console, 'scenario-phone');
    expect(await scrollsSideways(console)).toBe(false);
    await console.setViewportSize({ width: 1400, height: 900 });
    await console.getByRole('button', { name: 'Start drill…' }).click();
    await console.getByLabel('Team name').fill('Blue team');
    await console.getByLabel(/^Seed/).fill('3');
    await console.getByRole('button', { name: 'Create drill' }).click();
    await console.waitForURL(/\/drills\/[^/]+$/);
    await console.getByRole('button', { name: 'Start drill' }).waitFor();
    const drillUrl = console.url();

    const code = (await console.locator('.join-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^\d{6}$/);
    const qr = await console.getByTestId('join-qr').getAttribute('src');
    expect(decodeQr(qr ?? '')).toBe(`${room.url()}/join/${code}`);

    await console.getByRole('button', { name: 'Start drill' }).click();
    await console.getByRole('button', { name: 'Pause' }).waitFor();
    // The facilitator brings the latency alarm forward instead of waiting four minutes.
    await console
      .getByRole('button', { name: /^Fire now: \[FIRING:1\] CheckoutLatencyP99High/ })
      .click();
    // Fire now is confirmed (a fired inject cannot be taken back).
    await console.getByRole('dialog').getByRole('button', { name: 'Fire now' }).click();
    await console.locator('.feed-item', { hasText: 'CheckoutLatencyP99High' }).first().waitFor();

    const projectorHref = await console
      .getByRole('link', { name: 'Open the projector view' })
      .getAttribute('href');
    const projector = await console.context().newPage();
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await projector.goto(`${room.url()}${projectorHref}`);
    await projector.locator('.projector-clock').waitFor();

    const ana = await newPage(phone);
    await ana.goto(`${room.url()}/join/${code}`);
    await saveScreenshot(ana, 'join-phone');
    const desk = await newPage({ viewport: { width: 1280, height: 800 } });
    await desk.goto(`${room.url()}/join/${code}`);
    await desk.getByRole('heading', { name: 'Join a drill' }).waitFor();
    await saveScreenshot(desk, 'join-desktop');
    await ana.getByLabel('Your name').fill('Ana');
    await ana.getByRole('radio', { name: 'Primary on-call SRE' }).check();
    await ana.getByRole('button', { name: 'Join' }).click();
    await ana.getByRole('button', { name: 'Escalate' }).waitFor();

    const ben = await newPage(phone);
    await ben.goto(`${room.url()}/join/${code}`);
    await ben.getByLabel('Your name').fill('Ben');
    // The role Ana took is shown as taken, not offered.
    await expect(
      ben.getByRole('radio', { name: /^Primary on-call SRE — taken/ }).isDisabled(),
    ).resolves.toBe(true);
    await ben.getByRole('radio', { name: 'Incident commander' }).check();
    await ben.getByRole('button', { name: 'Join' }).click();
    await ben.getByRole('button', { name: 'Escalate' }).waitFor();

    // The console's room lists each person with the roles they hold (each releasable).
    await console.getByRole('button', { name: 'Release Primary on-call SRE from Ana' }).waitFor();
    await console.getByRole('button', { name: 'Release Incident commander from Ben' }).waitFor();
    await ana.getByRole('button', { name: 'Escalate' }).click();
    await ana.getByRole('combobox', { name: 'Escalate to' }).selectOption('ic');
    await ana
      .getByRole('textbox', { name: 'situation' })
      .fill('Checkout p99 at 4 s, primary DB write latency high');
    await ana
      .getByRole('textbox', { name: 'Ask', exact: true })
      .fill('Take command of the incident');
    await saveScreenshot(ana, 'participant-escalate-phone');
    await ana.getByRole('button', { name: 'Send escalation' }).click();

    const paged = 'Primary on-call SRE → Incident commander (page)';
    await console.getByText(paged).waitFor();
    await projector.locator('li[data-state="paged"]', { hasText: 'Incident commander' }).waitFor();

    await ben.getByRole('button', { name: 'Acknowledge' }).click();
    await console.getByText('Incident commander acknowledged').waitFor();
    await projector
      .locator('li[data-state="acknowledged"]', { hasText: 'Incident commander' })
      .waitFor();
    await saveScreenshot(ben, 'participant-phone');
    await saveScreenshot(projector, 'projector-desktop');

    // The console's feed runs newest first: the acknowledgement above the page it answers.
    const feed = await console.locator('.feed-item strong').allTextContents();
    expect(feed.indexOf('Incident commander acknowledged')).toBeLessThan(feed.indexOf(paged));
    await saveScreenshot(console, 'console-desktop');

    await console.getByRole('button', { name: 'End drill' }).click();
    await console.getByRole('heading', { name: /^Result:/ }).waitFor();
    expect(await console.locator('.verdict').count()).toBeGreaterThan(0);
    await expect(
      console
        .locator('.verdict', { hasText: 'Page the incident commander within 5 minutes' })
        .textContent(),
    ).resolves.toMatch(/on time/);
    await saveScreenshot(console, 'console-result-desktop');

    await console.setViewportSize({ width: 390, height: 844 });
    await saveScreenshot(console, 'console-phone');
    await projector.setViewportSize({ width: 390, height: 844 });
    await saveScreenshot(projector, 'projector-phone');

    for (const [page, url] of [
      [console, drillUrl],
      [ana, `${room.url()}/join/${code}`],
      [console, `${room.url()}/`],
    ] as const) {
      await page.setViewportSize({ width: 360, height: 800 });
      await page.goto(url);
      await page.waitForLoadState('networkidle');
      expect(await scrollsSideways(page), `${url} scrolls sideways at 360 px`).toBe(false);
    }
  });
});
