/**
 * The projector at 1920×1080 through a whole drill, driven by the facilitator's actions over
 * HTTP: the join code, QR and URL in briefing, a long feed with folded pauses, a handoff and
 * titled charts while running, PAUSED over the screen, J for the join code later, the hot
 * wash at the end. At each state the page never scrolls and axe finds nothing serious.
 * The join code and URL reach the projector from the room-server part (api.md v2).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CreateDrillReply } from '../../src/protocol/http-bodies';
import { seriousAccessibilityViolations } from './support/axe';
import { saveScreenshot } from './support/browser';
import { openRoom } from './support/room';

const room = openRoom();
const serverKey = 'e2e-key';

async function post<T>(path: string, body: unknown, token: string): Promise<T> {
  const response = await fetch(`${room.url()}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const reply = (await response.json()) as T;
  if (!response.ok) throw new Error(`${path} ${JSON.stringify(body)}: ${JSON.stringify(reply)}`);
  return reply;
}

/** The page fits the screen (nothing below the fold) and axe finds nothing serious. */
async function fitsAndPasses(page: Page, state: string): Promise<void> {
  const sizes = await page.evaluate(() => ({
    height: document.scrollingElement?.scrollHeight ?? Number.POSITIVE_INFINITY,
    viewport: window.innerHeight,
  }));
  expect(sizes.height, `${state}: page height`).toBeLessThanOrEqual(sizes.viewport);
  expect(await seriousAccessibilityViolations(page), state).toEqual([]);
  await saveScreenshot(page, `projector-${state}`);
}

describe('the projector in a room', () => {
  it('shows how to join, the drill, PAUSED and the hot wash, without ever scrolling', async () => {
    const drill = await post<CreateDrillReply>(
      '/api/drills',
      { scenario: 'db-failover-sev2', team: 'Blue' },
      serverKey,
    );
    const act = (action: Record<string, unknown>) =>
      post(`/api/drills/${drill.id}/actions`, action, drill.facilitatorToken);
    const projector = await room.newPage({ viewport: { width: 1920, height: 1080 } });
    await projector.goto(
      `${room.url()}/drills/${drill.id}/projector#projector=${drill.projectorKey}`,
    );

    // Briefing: the code very large, the QR code and the join URL (room-server's joinUrl).
    await projector.getByLabel('Join code').getByText(drill.joinCode).waitFor();
    await projector.getByTestId('projector-join-qr').waitFor();
    await expect(projector.locator('.projector-join-link').textContent()).resolves.toMatch(
      new RegExp(`^https?://[^/]+/join/${drill.joinCode}$`),
    );
    await fitsAndPasses(projector, 'briefing');

    // Running, with a long feed: every inject, pages, an acknowledgement, a handoff, pauses.
    await act({ start: {} });
    await projector.getByLabel('Status').getByText('Running').waitFor();
    for (const inject of ['latency-alarm', 'dba-on-a-plane', 'db-conn-saturation']) {
      await act({ fire_inject: { inject } });
      await act({ pause: {} });
      await act({ resume: {} });
    }
    await act({
      escalate: { from: 'oncall', to: 'ic', channel: 'page', message: { situation: 'p99 2 s' } },
    });
    await act({ ack: { by: 'ic' } });
    await act({
      handoff: { from: 'oncall', to: 'secondary', message: { current_state: 'failing over' } },
    });
    for (const inject of ['support-tickets', 'aws-health-investigating', 'patroni-status'])
      await act({ fire_inject: { inject } });
    const feed = projector.getByLabel('Drill feed');
    await feed.locator('.projector-feed-item', { hasText: 'Patroni state pasted' }).waitFor();
    await feed.getByText('Handoff Primary on-call SRE → Secondary on-call SRE').waitFor();
    // Three pauses, three lines, each saying how long it lasted.
    await expect(feed.getByText(/^Paused at T\+\d\d:\d\d — resumed after/).count()).resolves.toBe(
      3,
    );
    await projector
      .locator('[data-testid=metric-chart] figcaption', {
        hasText: 'Dashboard: checkout-api p99 latency',
      })
      .waitFor();
    await fitsAndPasses(projector, 'running');

    await act({ pause: {} });
    await projector
      .getByRole('status', { name: 'Drill paused' })
      .getByText('PAUSED', { exact: true })
      .waitFor();
    await expect(projector.getByLabel('Drill clock').textContent()).resolves.toMatch(/^T\+/);
    await fitsAndPasses(projector, 'paused');

    // Out of briefing the snapshot no longer carries the code; J shows the one it kept.
    await act({ resume: {} });
    await projector.getByRole('status', { name: 'Drill paused' }).waitFor({ state: 'detached' });
    await projector.keyboard.press('j');
    await projector
      .getByRole('dialog', { name: 'How to join' })
      .getByLabel('Join code')
      .getByText(drill.joinCode)
      .waitFor();
    await projector.keyboard.press('j');
    await projector.getByRole('dialog', { name: 'How to join' }).waitFor({ state: 'detached' });

    await act({ end: {} });
    await projector.getByRole('status', { name: 'Drill ended' }).waitFor();
    await projector.getByLabel('Overall score').waitFor();
    await projector.getByRole('list', { name: 'Verdicts' }).getByText('met on time').waitFor();
    await projector.getByText('Escalation timeline').waitFor();
    await fitsAndPasses(projector, 'ended');
  });
});
