/** Presence (BRIEF-14): `connected` while at least one socket with the participant's token is open. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Participant } from '../../../src/protocol/drill-snapshot';
import type { ServerFrame } from '../../../src/protocol/ws-messages';
import type { TestServer, TestSocket } from '../../support/server-harness';
import { createDrill } from '../../support/server-harness';
import { follow, joinAs } from '../server-test-helpers';
import { startServer } from '../../support/server-harness';
import { publicUrl } from './public-address';

const participantFrames = (socket: TestSocket) =>
  socket.frames.flatMap((frame: ServerFrame) =>
    frame.type === 'participants' ? [frame.participants] : [],
  );

/** Waits for a `participants` frame after the `after`-th one that matches. */
async function nextParticipants(
  socket: TestSocket,
  after: number,
  test: (participants: readonly Participant[]) => boolean,
): Promise<readonly Participant[]> {
  await socket.waitFor(() => participantFrames(socket).slice(after).some(test));
  return participantFrames(socket).slice(after).find(test) ?? [];
}

describe('when a participant joins, connects and disconnects', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ publicUrl });
  });
  afterAll(async () => server.close());

  it('tells every screen on join, on connect and only after the last socket closes', async () => {
    const created = await createDrill(server.url);
    const facilitator = await follow(server.url, created.id, created.facilitatorToken);
    const projector = await follow(server.url, created.id, created.projectorKey);

    const token = await joinAs(server.url, created.joinCode, 'Ana', ['oncall']);
    const ana = (connected: boolean) => (list: readonly Participant[]) =>
      list.some((p) => p.name === 'Ana' && p.connected === connected);
    expect(await nextParticipants(facilitator, 0, ana(false))).toEqual([
      { name: 'Ana', roles: ['oncall'], connected: false },
    ]);
    await nextParticipants(projector, 0, ana(false));

    const seen = participantFrames(facilitator).length;
    const phone = await follow(server.url, created.id, token);
    expect(await nextParticipants(facilitator, seen, ana(true))).toEqual([
      { name: 'Ana', roles: ['oncall'], connected: true },
    ]);
    await nextParticipants(projector, 0, ana(true));
    const first = phone.frames[0];
    expect(first?.type === 'snapshot' ? first.snapshot.participants : null).toEqual([
      { name: 'Ana', roles: ['oncall'], connected: true },
    ]);

    // A second tab with the same token: still one person, connected until both are gone.
    const tab = await follow(server.url, created.id, token);
    const beforeClose = participantFrames(facilitator).length;
    phone.close();
    // The projector hears nothing new while the second tab is open (it would say false).
    const marker = await follow(server.url, created.id, created.facilitatorToken);
    marker.close();
    expect(participantFrames(facilitator).slice(beforeClose).some(ana(false))).toBe(false);

    tab.close();
    expect(await nextParticipants(facilitator, beforeClose, ana(false))).toEqual([
      { name: 'Ana', roles: ['oncall'], connected: false },
    ]);
    facilitator.close();
    projector.close();
  });

  it('gives a screen that resyncs with its last seq the room as it is now', async () => {
    const created = await createDrill(server.url);
    const token = await joinAs(server.url, created.joinCode, 'Bo', ['ic']);
    const phone = await follow(server.url, created.id, token);
    const back = await follow(server.url, created.id, created.facilitatorToken, 1);
    expect(await nextParticipants(back, 0, () => true)).toEqual([
      { name: 'Bo', roles: ['ic'], connected: true },
    ]);
    phone.close();
    back.close();
  });
});
