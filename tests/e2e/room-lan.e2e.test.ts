/**
 * The room in LAN mode (`serve --host 0.0.0.0`), the facilitator opened at 127.0.0.1 as the
 * printed link does: the QR code names an address phones reach, two phones join by picking
 * roles by name, one phone is lost, the facilitator shows it not connected, the facilitator
 * releases its role and a new phone takes it.
 */
import { mkdirSync } from 'node:fs';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eServerKey } from './support/app-server';
import { seriousAccessibilityViolations } from './support/axe';
import { openRoom, phone } from './support/room';

const room = openRoom({ lan: true });
const shots = '/tmp/shots-room-server';

function decodeQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

/** A participant's row in the console's join panel. */
const rowOf = (facilitator: Page, name: string) =>
  facilitator.locator('.room-participants > li').filter({
    has: facilitator.locator('.participant-name', { hasText: new RegExp(`^${name}$`) }),
  });

const presenceOf = (facilitator: Page, name: string, presence: 'connected' | 'not connected') =>
  rowOf(facilitator, name)
    .locator('.presence')
    .filter({ hasText: new RegExp(`^${presence}$`) });

async function joinFromPhone(joinUrl: string, name: string, role: string): Promise<Page> {
  const page = await room.newPage(phone);
  await page.goto(joinUrl);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('radio', { name: role, exact: true }).check();
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  // Joined: the form gives way to the pager (whose look is the pager's own business).
  await page.getByRole('heading', { name: 'Join a drill' }).waitFor({ state: 'detached' });
  return page;
}

describe('when the room joins over the LAN', () => {
  it('shows a reachable QR code, presence, and gives a lost phone’s role to a new one', async () => {
    mkdirSync(shots, { recursive: true });
    const facilitator = await room.newPage({ viewport: { width: 1440, height: 900 } });
    await facilitator.goto(`${room.url()}/#key=${e2eServerKey}`);
    await facilitator.getByRole('link', { name: 'Primary database failover under load' }).click();
    await facilitator.getByRole('button', { name: 'Start drill…' }).click();
    await facilitator.getByLabel('Team name').fill('Blue team');
    await facilitator.getByRole('button', { name: 'Create drill' }).click();
    await facilitator.waitForURL(/\/drills\/[^/]+$/);
    expect(new URL(facilitator.url()).hostname).toBe('127.0.0.1');

    const code = (await facilitator.locator('.join-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^\d{6}$/);
    const qr = facilitator.getByTestId('join-qr');
    await qr.waitFor();
    const joinUrl = decodeQr(await qr.screenshot()) ?? '';
    expect(joinUrl).toMatch(new RegExp(`^http://\\d+\\.\\d+\\.\\d+\\.\\d+:\\d+/join/${code}$`));
    expect(new URL(joinUrl).hostname).not.toMatch(/^127\./);
    await facilitator
      .getByRole('note')
      .filter({ hasText: 'which only this computer can reach' })
      .waitFor();

    const ana = await joinFromPhone(joinUrl, 'Ana', 'Primary on-call SRE');
    const ben = await room.newPage(phone);
    await ben.goto(joinUrl);
    await ben.getByRole('radio', { name: /^Primary on-call SRE — taken/ }).waitFor();
    await ben.screenshot({ path: `${shots}/join-page-phone.png`, fullPage: true });
    expect(await seriousAccessibilityViolations(ben)).toEqual([]);
    await ben.getByLabel('Your name').fill('Ben');
    await ben.getByRole('radio', { name: 'Incident commander', exact: true }).check();
    await ben.getByRole('button', { name: 'Join', exact: true }).click();
    await ben.getByRole('heading', { name: 'Join a drill' }).waitFor({ state: 'detached' });

    await presenceOf(facilitator, 'Ana', 'connected').waitFor();
    await presenceOf(facilitator, 'Ben', 'connected').waitFor();
    await rowOf(facilitator, 'Ana').getByText('Primary on-call SRE').waitFor();
    await rowOf(facilitator, 'Ben').getByText('Incident commander').waitFor();

    // Ana's phone is lost: its page and socket are gone.
    await ana.context().close();
    await presenceOf(facilitator, 'Ana', 'not connected').waitFor();
    const panel = facilitator.locator('section[aria-labelledby="room-title"]');
    await panel.screenshot({ path: `${shots}/console-join-panel-laptop.png` });
    // The join panel itself (the rest of the console is other parts' work).
    expect(await seriousAccessibilityViolations(facilitator, '.join-panel')).toEqual([]);

    // Keyboard only: the Release button, then the dialog (Cancel has the focus first).
    await facilitator.getByRole('button', { name: 'Release Primary on-call SRE from Ana' }).focus();
    await facilitator.keyboard.press('Enter');
    const dialog = facilitator.getByRole('dialog', { name: 'Release Primary on-call SRE?' });
    await dialog.waitFor();
    await facilitator.screenshot({ path: `${shots}/console-release-dialog-laptop.png` });
    expect(await seriousAccessibilityViolations(facilitator, 'dialog[open]')).toEqual([]);
    await facilitator.keyboard.press('Tab');
    await facilitator.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await rowOf(facilitator, 'Ana').getByText('No role any more').waitFor();

    const cy = await joinFromPhone(joinUrl, 'Cy', 'Primary on-call SRE');
    await presenceOf(facilitator, 'Cy', 'connected').waitFor();
    await rowOf(facilitator, 'Cy').getByText('Primary on-call SRE').waitFor();
    await panel.screenshot({ path: `${shots}/console-join-panel-after-release-laptop.png` });
    await cy.screenshot({ path: `${shots}/new-phone-pager.png` });
  });
});
