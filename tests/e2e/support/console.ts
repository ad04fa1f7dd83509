/**
 * A fresh drill of the failover scenario, created over HTTP with the server key, and its
 * console opened at laptop size (1366×768) in a browser that holds the drill's own token.
 */
import type { Page } from 'playwright-core';
import { e2eServerKey } from './app-server';
import type { Room } from './room';

export const laptop = { viewport: { width: 1366, height: 768 } };

async function post(room: Room, path: string, body: unknown, token: string): Promise<unknown> {
  const response = await fetch(`${room.url()}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** `started`: the drill is running before the console opens (the clock at its first seconds). */
export async function openConsole(room: Room, { started }: { started: boolean }): Promise<Page> {
  const drill = (await post(
    room,
    '/api/drills',
    { scenario: 'db-failover-sev2', seed: 3, team: 'Blue' },
    e2eServerKey,
  )) as { id: string; facilitatorToken: string };
  if (started)
    await post(room, `/api/drills/${drill.id}/actions`, { start: {} }, drill.facilitatorToken);
  const page = await room.newPage(laptop);
  await page.goto(`${room.url()}/drills/${drill.id}#token=${drill.facilitatorToken}`);
  // Generous: on a machine shared by several test runs the first load can take half a minute.
  await page
    .getByRole('button', { name: started ? 'Pause' : 'Start drill' })
    .waitFor({ timeout: 90_000 });
  return page;
}
